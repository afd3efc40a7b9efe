"""Gliders and cruise missiles engaged (issue 18): a glide raid and a cruise raid on
Anchorage, defended by an Aegis ship off Seward with GPI and SM-6 rounds and a NASAMS-class
battery in the city. The battle manager reads each track's regime from the track itself
(goldendome.tracking.regime), judges its threat by the asset ahead on its ground path, and
the layers fire what can meet it. The same raid on a city defended by GBIs alone draws no
shot at a glider or cruise missile (tests/run/test_glide_raid.py).

Measured (8 trials, seed 3): the gliders get fire-control tracks at 270 s in their coast
and are read as gliding later; GPI fires 4-6 rounds a trial at them in their glide (32-34 km
up) on in-flight updates and kills 12 of the 16 in all. The cruise missiles get firm and
fire-control tracks at 340 s (the SBX-class radars under their route; a track in level
flight reaches fire control below 100 m/s velocity 1-sigma, tracking.tracker); NASAMS fires
32 rounds (two-round salvos) and kills 14 of the 16; 0-2 of the 4 leak a trial. Before
the doctrine held rounds whose planned kill probability is under 5% it emptied its 12-round
magazine each trial, mostly on tracks 27-130 km uncertain at the aim time.
"""

from pathlib import Path

import numpy as np
import pytest

from goldendome.results.reader import open_run
from goldendome.run.pipeline import TrialOptions, run_scenario
from tests.small_scenario import small_spec

DEFENDED = """
name = "glide-defense"
seed = 3

[time]
epoch_utc = 2029-06-01T00:00:00Z
duration_s = 1800.0
step_s = 10.0

[space.tracking]
role = "tracking"
kind = "walker_delta"
satellites = 200
altitude_km = 1000.0
inclination_deg = 80.0
planes = 10
phasing = 1

[space.geo]
role = "early_warning"
kind = "geostationary"
longitudes_deg = [-135.0, 160.0]

[monte_carlo]
trials = 8

[[threats.raid]]
class = "avangard-class"
from = "sea-of-okhotsk"
to = "anchorage"
count = 2
spacing_s = 30.0

# Two cruise missiles from a ship in the Gulf of Alaska, over the Kenai Peninsula.
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

# A forward X-band radar at King Salmon looking west along the gliders' last glide.
[[sites]]
name = "King Salmon (AN/TPY-2)"
role = "radar"
latitude_deg = 58.68
longitude_deg = -156.65
altitude_m = 20.0
radar = { type = "an-tpy-2-fbm", boresight_azimuth_deg = 280.0 }

# Two SBX-class radars at 30 m under the cruise route (as tests/tracking/mixed_raid.py): a
# 60 m flier is seen within about 30 km of each.
[[sites]]
name = "Kenai waypoint (SBX-class)"
role = "radar"
latitude_deg = 60.15
longitude_deg = -151.2
altitude_m = 30.0
radar = { type = "sbx", boresight_azimuth_deg = 180.0 }

[[sites]]
name = "Cook Inlet leg (SBX-class)"
role = "radar"
latitude_deg = 59.3
longitude_deg = -150.6
altitude_m = 30.0
radar = { type = "sbx", boresight_azimuth_deg = 180.0 }

[[sites]]
name = "Clear SFS (UEWR)"
role = "radar"
latitude_deg = 64.29
longitude_deg = -149.19
radar = { type = "uewr", boresight_azimuth_deg = 270.0, faces = 2 }

[[sites]]
name = "Shemya (AN/TPY-2)"
role = "radar"
latitude_deg = 52.72
longitude_deg = 174.11
radar = { type = "an-tpy-2-fbm", boresight_azimuth_deg = 280.0 }

[[sites]]
name = "Aegis destroyer off Seward"
role = "interceptor"
latitude_deg = 59.7
longitude_deg = -148.6
interceptors = [{ type = "gpi", count = 8 }, { type = "sm-6", count = 8 }]

[[sites]]
name = "Anchorage NASAMS"
role = "interceptor"
latitude_deg = 61.20
longitude_deg = -149.95
interceptors = [{ type = "nasams", count = 12 }]

[[defended_assets]]
name = "Anchorage"
kind = "city"
latitude_deg = 61.22
longitude_deg = -149.90
population = 291247
"""


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    stored = run_scenario(
        small_spec(DEFENDED), DEFENDED, Path(tmp_path_factory.mktemp("runs")),
        options=TrialOptions(workers=0),
    )  # fmt: skip
    run = open_run(stored.folder.path)
    names = ("threats", "engagements", "trials", "threat_timelines")
    return {name: run.columns(name) for name in names}


def _classes(tables):
    t = tables["threats"]
    return dict(zip(t["threat_id"].tolist(), t["threat_class"].tolist(), strict=True))


def test_gpi_kills_gliders_in_their_glide_on_tracks_read_as_gliding(tables):
    e, cls = tables["engagements"], _classes(tables)
    target_class = np.array([cls.get(int(k), "none") for k in e["threat_id"]])
    on_glider = target_class == "avangard-class"
    gpi = e["interceptor"] == "gpi"
    assert (gpi & on_glider).sum() >= 8  # at least one round a trial
    assert (gpi & on_glider & e["kill"]).sum() >= 4  # half a glider a trial at least
    # In the glide, inside GPI's 30-100 km band, never against a cruise missile.
    assert np.all(
        (e["intercept_altitude_m"][gpi] >= 30e3) & (e["intercept_altitude_m"][gpi] <= 100e3)
    )
    assert not np.any(gpi & (target_class == "kh-101-class"))
    trials = tables["trials"]
    killing = gpi & on_glider & e["kill"]  # a salvo's two rounds may both hit
    killed = np.unique(e["trial"][killing] * 1000 + e["target_object_id"][killing]).size
    assert trials["rvs_killed_midcourse"].sum() == killed
    assert np.all(trials["leakers"] <= 4)


def test_nasams_kills_cruise_missiles_on_fire_control_tracks_and_holds_hopeless_rounds(tables):
    e, cls = tables["engagements"], _classes(tables)
    target_class = np.array([cls.get(int(k), "none") for k in e["threat_id"]])
    nasams = e["interceptor"] == "nasams"
    assert nasams.any()
    assert np.all(target_class[nasams] == "kh-101-class")
    # Inside the atmosphere, low: every NASAMS intercept below 1 km.
    assert np.all(e["intercept_altitude_m"][nasams] < 1e3)
    # It kills: at least one cruise missile in half the trials' worth.
    assert (nasams & e["kill"]).sum() >= 4
    # No round is fired with a planned chance of covering the error that the doctrine refuses
    # (SSPK x cover >= 5%: the cover alone is at least 5%).
    assert np.all(e["cover_probability"][nasams] >= 0.05)
    tl = tables["threat_timelines"]
    cruise = np.isin(tl["threat_id"], [k for k, c in cls.items() if c == "kh-101-class"])
    assert np.all(np.isfinite(tl["fire_control_s"][cruise]))
