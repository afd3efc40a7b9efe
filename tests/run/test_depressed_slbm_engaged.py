"""A depressed SLBM salvo (120 km apogee) at a defended city reaches fire control and draws
terminal shots (issue 18): the tracker's process noise follows the flight phase it knows
(plume reports, then drag estimated from its own state), not a fixed altitude band under
which a 120 km arc never left the noise of powered flight."""

from pathlib import Path

import numpy as np
import pytest

from goldendome.results.reader import open_run
from goldendome.run.pipeline import TrialOptions, run_scenario
from tests.small_scenario import small_spec

DEPRESSED = """
name = "depressed-slbm"
seed = 11

[time]
epoch_utc = 2029-06-01T00:00:00Z
duration_s = 900.0
step_s = 10.0

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
longitudes_deg = [-135.0]

[monte_carlo]
trials = 4

[[threats.raid]]
class = "slbm-class"
from = "pacific-patrol"
to = "los-angeles"
count = 2
launch_time_s = 30.0
spacing_s = 60.0
shape = "depressed"
apogee_km = 120.0
decoys = 0

[[sites]]
name = "Beale AFB (UEWR)"
role = "radar"
latitude_deg = 39.14
longitude_deg = -121.35
altitude_m = 30.0
min_elevation_deg = 3.0
radar = { type = "uewr", boresight_azimuth_deg = 246.0, faces = 2 }

[[sites]]
name = "Los Angeles THAAD"
role = "interceptor"
latitude_deg = 34.05
longitude_deg = -118.24
interceptors = [{ type = "thaad", count = 12 }]

[[defended_assets]]
name = "Los Angeles"
kind = "city"
latitude_deg = 34.05
longitude_deg = -118.24
population = 3898747
"""


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    spec = small_spec(DEPRESSED)
    stored = run_scenario(
        spec, DEPRESSED, Path(tmp_path_factory.mktemp("runs")), options=TrialOptions(workers=0)
    )
    run = open_run(stored.folder.path)
    names = ("threats", "tracks", "objects", "engagements", "threat_events")
    return {name: run.columns(name) for name in names}


def test_depressed_arcs_stay_low(tables):
    apogee_km = tables["threats"]["apogee_altitude_m"] / 1e3
    assert np.all(np.abs(apogee_km - 120.0) < 2.0)  # below the old 250 km band all flight


def test_their_warheads_reach_fire_control_after_the_boost(tables):
    tracks, objects = tables["tracks"], tables["objects"]
    rv_ids = objects["object_id"][objects["kind"] == "rv"]
    on_rv = np.isin(tracks["object_id"], rv_ids) & np.isfinite(tracks["fire_control_s"])
    assert on_rv.any()
    # Not while the tracker still took the missile to be in powered or post-boost flight.
    burnout = tables["threats"]["burnout_time_s"]
    first_fc = tracks["fire_control_s"][on_rv].min()
    assert first_fc > burnout.min()
    impact = tables["threats"]["impact_time_s"]
    assert first_fc < impact.max()


def test_the_city_s_thaad_battery_fires_at_them(tables):
    shots = tables["engagements"]
    thaad = shots["interceptor"] == "thaad"
    assert thaad.any()
    rv_ids = tables["objects"]["object_id"][tables["objects"]["kind"] == "rv"]
    assert np.isin(shots["target_object_id"][thaad], rv_ids).any()
