"""A small scenario for fast end-to-end tests (a few satellites, two sites, ten minutes)."""

SMALL_SCENARIO = """
name = "small-test"
seed = 7

[time]
epoch_utc = 2029-06-01T00:00:00Z
duration_s = 2400.0
step_s = 60.0

[space.sbi]
role = "interceptor"
kind = "walker_delta"
satellites = 24
altitude_km = 500.0
inclination_deg = 53.0
planes = 3
phasing = 1

[space.geo]
role = "early_warning"
kind = "geostationary"
longitudes_deg = [-100.0]

[[threats.raid]]
class = "hwasong-15-class"
from = "pyongsong"
to = "anchorage"
count = 2
launch_time_s = 0.0
spacing_s = 60.0

[[sites]]
name = "Fort Greely"
role = "interceptor"
latitude_deg = 63.95
longitude_deg = -145.72

[[sites]]
name = "Equator"
role = "radar"
latitude_deg = 0.0
longitude_deg = -100.0
min_elevation_deg = 10.0

[[defended_assets]]
name = "Anchorage"
kind = "city"
latitude_deg = 61.22
longitude_deg = -149.90
population = 291247
"""
