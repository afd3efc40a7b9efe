"""Boost-glide vehicles and cruise missiles in a raid (issue 18): each glide entry's booster
is one of the raid's missiles until burnout, its glider the one warhead-carrying object it
releases, flown by :func:`goldendome.threats.boost_glide.fly_hgv` on the run's grid; a
cruise missile has no boost and is its own object, flown along its waypoints. They are
sensed and tracked like any object; a track the tracker's own state reads as gliding or
cruising gets no ballistic impact prediction (goldendome.tracking.regime). Anchorage here is
defended by GBIs alone, whose exoatmospheric kill vehicles meet neither a glider below
100 km nor a cruise missile (sspk_glide = sspk_cruise = 0), so they leak; the ballistic
missile beside them is engaged as before. The same raid against GPI, SM-6 and NASAMS:
tests/run/test_glide_defense.py."""

from pathlib import Path

import numpy as np
import pytest

from goldendome.physics.geodesy import great_circle_distance_m
from goldendome.results.reader import open_run
from goldendome.run.pipeline import TrialOptions, run_scenario
from goldendome.scenario.catalog import targets
from tests.small_scenario import small_spec

GLIDE = """
name = "glide-raid"
seed = 3

[time]
epoch_utc = 2029-06-01T00:00:00Z
duration_s = 1800.0
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
class = "avangard-class"
from = "sea-of-okhotsk"
to = "anchorage"
count = 2
spacing_s = 30.0

[[threats.raid]]
class = "hwasong-15-class"
from = "pyongsong"
to = "anchorage"
decoys = 0

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

[[sites]]
name = "Clear SFS (UEWR)"
role = "radar"
latitude_deg = 64.29
longitude_deg = -149.19
radar = { type = "uewr", boresight_azimuth_deg = 270.0, faces = 2 }

# A forward X-band radar on Shemya, looking west at the gliders' coast before the pull-up.
[[sites]]
name = "Shemya (AN/TPY-2)"
role = "radar"
latitude_deg = 52.72
longitude_deg = 174.11
radar = { type = "an-tpy-2-fbm", boresight_azimuth_deg = 280.0 }

[[sites]]
name = "Fort Greely (GBI)"
role = "interceptor"
latitude_deg = 63.95
longitude_deg = -145.73
interceptors = [{ type = "gbi", count = 8 }]

[[defended_assets]]
name = "Anchorage"
kind = "city"
latitude_deg = 61.22
longitude_deg = -149.90
population = 291247
"""

#: The glide's aim: fly_hgv steers onto the target; its dive ends within a kilometre.
ONE_KILOMETRE = 1_000.0


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    stored = run_scenario(
        small_spec(GLIDE), GLIDE, Path(tmp_path_factory.mktemp("runs")),
        options=TrialOptions(workers=0),
    )  # fmt: skip
    run = open_run(stored.folder.path)
    names = ("threats", "objects", "tracks", "fire_control", "engagements", "threat_timelines",
             "trials")  # fmt: skip
    return {name: run.columns(name) for name in names}


def test_ballistic_missiles_come_first_then_the_gliders_then_the_cruise_missiles(tables):
    t = tables["threats"]
    assert (
        t["threat_class"].tolist()
        == ["hwasong-15-class"] + ["avangard-class"] * 2 + ["kh-101-class"] * 2
    )
    assert t["shape"].tolist() == ["minimum_energy", "glide", "glide", "cruise", "cruise"]
    assert bool(np.all(t["reachable"]))


def test_cruise_missiles_fly_their_route_at_their_speed_and_are_seen_late(tables):
    t, o, tl = tables["threats"], tables["objects"], tables["threat_timelines"]
    cruise = t["threat_class"] == "kh-101-class"
    assert np.all(np.isnan(t["burnout_time_s"][cruise]))  # no boost phase
    # Ship to the Kenai waypoint to Anchorage at the class's 200 m/s (the spherical distance
    # within 0.5% of the WGS-84 geodesic the model flies).
    goal = targets()["anchorage"]
    route_m = great_circle_distance_m(
        np.radians([58.3, 60.2]), np.radians([-150.0, -151.3]),
        np.radians([60.2, np.degrees(goal.latitude_rad)]),
        np.radians([-151.3, np.degrees(goal.longitude_rad)]),
    ).sum()  # fmt: skip
    assert np.allclose(t["flight_time_s"][cruise], route_m / 200.0, rtol=0.005)
    rv = (o["kind"] == "rv") & np.isin(o["threat_id"], t["threat_id"][cruise])
    assert np.allclose(o["release_time_s"][rv], t["launch_time_s"][cruise])
    assert np.all(o["miss_from_target_m"][rv] < ONE_KILOMETRE)
    # No infrared layer sees a missile that never burns; the city's radar sees it only
    # over its horizon, in the last minutes.
    seen = tl["first_detection_s"][np.isin(tl["threat_id"], t["threat_id"][cruise])]
    assert np.all(np.isnan(seen) | (seen > 0.8 * t["flight_time_s"][cruise]))


def test_each_glider_is_released_at_burnout_and_dives_onto_its_target(tables):
    t, o = tables["threats"], tables["objects"]
    glider = np.isin(o["threat_id"], [1, 2]) & (o["kind"] != "booster")
    assert o["kind"][glider].tolist() == ["rv", "rv"]  # one glide vehicle each, no decoys
    assert np.allclose(o["release_time_s"][glider], t["burnout_time_s"][1:3])
    goal = targets()["anchorage"]
    miss = great_circle_distance_m(
        np.radians(o["impact_latitude_deg"][glider]), np.radians(o["impact_longitude_deg"][glider]),
        goal.latitude_rad, goal.longitude_rad,
    )  # fmt: skip
    assert np.all(miss < ONE_KILOMETRE)
    # 3,600 km in about 18 minutes: faster than a minimum-energy ICBM over that range.
    minutes = t["flight_time_s"][1:3] / 60.0
    assert np.all((minutes > 12.0) & (minutes < 25.0))


def test_gliders_are_seen_in_boost_and_tracked(tables):
    tl = tables["threat_timelines"]
    boosted = tl["threat_id"] <= 2
    assert np.all(np.isfinite(tl["first_detection_s"][boosted]))
    assert np.all(np.isfinite(tl["firm_track_s"][boosted]))
    tracks, o = tables["tracks"], tables["objects"]
    glider_ids = o["object_id"][np.isin(o["threat_id"], [1, 2]) & (o["kind"] == "rv")]
    assert np.isin(glider_ids, tracks["object_id"]).all()


def test_no_ballistic_prediction_and_no_shot_on_a_glider_or_cruise_missile(tables):
    o, fc, shots = tables["objects"], tables["fire_control"], tables["engagements"]
    glider_ids = o["object_id"][(o["threat_id"] >= 1) & (o["kind"] == "rv")]
    on_glider = np.isin(fc["object_id"], glider_ids)
    # Shemya's radar holds a glider well enough during its coast to reach fire control ...
    assert np.isfinite(fc["fire_control_time_s"][on_glider]).any()
    # ... but its track reads as a glide, so no ballistic impact is predicted for it, and
    # the GBIs do not fire at it.
    assert np.all(np.isnan(fc["impact_error_m"][on_glider]))
    assert np.all(np.isnan(fc["impact_sigma_m"][on_glider]))
    assert not np.isin(shots["target_object_id"], glider_ids).any()
    # The ballistic missile's warhead is engaged as before.
    rv = o["object_id"][(o["threat_id"] == 0) & (o["kind"] == "rv")]
    assert np.isin(shots["target_object_id"], rv).any()


def test_the_gliders_and_cruise_missiles_leak_in_every_trial(tables):
    leaked = tables["trials"]["leakers"]
    assert np.all(leaked >= 4)
