"""A small Alaska scenario with every sensor of the low-flier set: two Avangard-class
gliders from the Sea of Okhotsk and two Kh-101-class cruise missiles from the Gulf of Alaska
at Anchorage; a LEO tracking layer, a space AMTI layer (role ``air_moving_target``), a GEO
satellite, the Anchorage AN/TPY-2, an E-7 on station north of Anchorage at 9 km and an
over-the-horizon radar in Oregon looking north-west."""

AIR_SENSORS_TOML = """
name = "air-sensors-alaska"
seed = 3
[time]
epoch_utc = 2029-06-01T00:00:00Z
duration_s = 2400.0
step_s = 10.0
[space.tracking]
role = "tracking"
kind = "walker_delta"
satellites = 40
altitude_km = 1000.0
inclination_deg = 80.0
planes = 5
phasing = 1
[space.amti]
role = "air_moving_target"
kind = "walker_delta"
satellites = 48
altitude_km = 700.0
inclination_deg = 60.0
planes = 6
phasing = 1
[space.geo]
role = "early_warning"
kind = "geostationary"
longitudes_deg = [-135.0]
[monte_carlo]
trials = 2
[[threats.raid]]
class = "avangard-class"
from = "sea-of-okhotsk"
to = "anchorage"
count = 2
spacing_s = 30.0
[[threats.raid]]
class = "kh-101-class"
sea_launch_point = { latitude_deg = 58.3, longitude_deg = -150.0 }
to = "anchorage"
count = 2
spacing_s = 60.0
waypoints = [{ latitude_deg = 60.2, longitude_deg = -151.3 }]
[[sites]]
name = "Anchorage (AN/TPY-2)"
role = "radar"
latitude_deg = 61.25
longitude_deg = -149.80
altitude_m = 30.0
radar = { type = "an-tpy-2-fbm", boresight_azimuth_deg = 200.0 }
[[sites]]
name = "E-7 station"
role = "radar"
latitude_deg = 62.0
longitude_deg = -149.0
altitude_m = 9000.0
radar = { type = "e-7-mesa", boresight_azimuth_deg = 0.0, faces = 3 }
[[sites]]
name = "OTH Oregon"
role = "radar"
latitude_deg = 43.5
longitude_deg = -119.0
radar = { type = "oth-skywave", boresight_azimuth_deg = 320.0 }
[[defended_assets]]
name = "Anchorage"
kind = "city"
latitude_deg = 61.22
longitude_deg = -149.90
population = 291247
"""
