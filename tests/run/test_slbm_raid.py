"""An SLBM salvo from a patrol area off the US coast flows through the run's raid: depressed
and minimum-energy shots land on their targets, the depressed ones minutes sooner, and the
threats table names their shapes and origins (a sea launch point by its coordinates)."""

import numpy as np

from goldendome.run.context import RunContext
from goldendome.run.stages.raid import threat_table
from goldendome.threats.flight import APOGEE
from tests.small_scenario import small_spec

SALVO = """
name = "slbm-salvo"
seed = 11

[time]
epoch_utc = 2029-06-01T00:00:00Z
duration_s = 1500.0
step_s = 10.0

[space.geo]
role = "early_warning"
kind = "geostationary"
longitudes_deg = [-135.0]

[[threats.raid]]
class = "slbm-class"
from = "pacific-patrol"
to = "san-francisco"
count = 2
launch_time_s = 0.0
spacing_s = 60.0
decoys = 0

[[threats.raid]]
class = "slbm-class"
from = "pacific-patrol"
to = "los-angeles"
count = 1
launch_time_s = 30.0
shape = "depressed"
apogee_km = 120.0
decoys = 0

[[threats.raid]]
class = "slbm-class"
sea_launch_point = { latitude_deg = 36.0, longitude_deg = -135.0 }
to = "los-angeles"
count = 1
launch_time_s = 30.0
shape = "depressed"
burnout_fpa_deg = 10.0
decoys = 0

[[sites]]
name = "Beale AFB (UEWR)"
role = "radar"
latitude_deg = 39.14
longitude_deg = -121.35
radar = { type = "uewr", boresight_azimuth_deg = 246.0, faces = 2 }
"""


def test_an_slbm_salvo_is_aimed_flown_and_tabled() -> None:
    raid = RunContext(small_spec(SALVO)).fly_raid()
    assert raid is not None
    table = threat_table(raid)
    assert table["shape"] == ["minimum_energy", "minimum_energy", "depressed", "depressed"]
    assert table["launch_area"] == ["pacific-patrol"] * 3 + ["sea 36.00N 135.00W"]
    assert bool(np.all(raid.reachable))
    assert float(np.nanmax(raid.aim_miss_m)) < 1_000.0
    apogee_km = raid.flight.altitude_at_m(APOGEE) / 1e3
    assert abs(apogee_km[2] - 120.0) < 2.0  # as asked, within the aim's 2 km
    assert np.all(apogee_km[:2] > 400.0)  # minimum energy over 1,400 km: about 470 km
    minutes = raid.flight.flight_time_s() / 60.0
    # 1,400 km minimum-energy: about 13 min; 1,800 km depressed to 120 km: about 8.5 min.
    assert np.all((minutes[:2] > 12.0) & (minutes[:2] < 14.0))
    assert np.all((minutes[2:] > 7.0) & (minutes[2:] < 9.5))
    # Every RV (6 a missile, no decoys) is released and comes down.
    assert len(raid.deployment) == 4 * 6
