"""Geography: land, country and population under points on the Earth, from small offline data
sets that pip packages ship (Natural Earth country polygons, GeoNames populated places)."""
