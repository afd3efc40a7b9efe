"""Small scenarios for fast end-to-end and stage tests.

``SMALL_SCENARIO``: a few satellites, two sites, a two-missile raid and nothing to shoot
with (40 minutes at 60 s steps).

``SMALL_DEFENDED``: every stage has work, in about a second. A tracking layer, a GEO
warning satellite and an SBI layer (listed last, so its satellite ids do not start at 0);
a radar at Clear; 4 GBIs at Fort Greely and 6 THAAD rounds at Anchorage (a quarter of each
magazine held in reserve: 3 and 4 rounds, so some warheads reach the terminal layer);
three missiles from Pyongsong, two with a decoy each at Anchorage (defended) and one at
Seattle (not defended: the Iron Dome rule leaves it alone). SBIs get one shot per missile
at a kill probability of one half, so the midcourse layer has work too.
"""

from goldendome.scenario import load_scenario_text
from goldendome.scenario.spec import ScenarioSpec

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

SMALL_DEFENDED = """
name = "small-defended"
seed = 5

[time]
epoch_utc = 2029-06-01T00:00:00Z
duration_s = 2400.0
step_s = 20.0

[space.tracking]
role = "tracking"
kind = "walker_delta"
satellites = 40
altitude_km = 1000.0
inclination_deg = 80.0
planes = 5
phasing = 1

[space.geo]
role = "early_warning"
kind = "geostationary"
longitudes_deg = [130.0]

[space.sbi]
role = "interceptor"
kind = "walker_delta"
satellites = 1000
altitude_km = 400.0
inclination_deg = 45.0
planes = 20
phasing = 1

[sbi]
layer = "sbi"
sspk = 0.5

[doctrine]
boost = { shots = 1 }
reserve_fraction = 0.25

[monte_carlo]
trials = 20
phase_samples = 2
chunk = 5

[[threats.raid]]
class = "hwasong-15-class"
from = "pyongsong"
to = "anchorage"
count = 2
launch_time_s = 0.0
spacing_s = 60.0
decoys = 1

[[threats.raid]]
class = "hwasong-15-class"
from = "pyongsong"
to = "seattle"
count = 1
launch_time_s = 30.0

[[sites]]
name = "Clear"
role = "radar"
latitude_deg = 64.29
longitude_deg = -149.19
altitude_m = 170.0
min_elevation_deg = 3.0
radar = { type = "lrdr", boresight_azimuth_deg = 270.0, faces = 2 }

[[sites]]
name = "Fort Greely"
role = "interceptor"
latitude_deg = 63.95
longitude_deg = -145.72
altitude_m = 400.0
interceptors = [{ type = "gbi", count = 4 }]

[[sites]]
name = "Anchorage THAAD"
role = "interceptor"
latitude_deg = 61.25
longitude_deg = -149.80
interceptors = [{ type = "thaad", count = 6 }]

[[defended_assets]]
name = "Anchorage"
kind = "city"
latitude_deg = 61.22
longitude_deg = -149.90
population = 291247
"""


def small_spec(text: str = SMALL_DEFENDED) -> ScenarioSpec:
    """A small scenario validated (``SMALL_DEFENDED`` unless told otherwise)."""
    return load_scenario_text(text, "small scenario")
