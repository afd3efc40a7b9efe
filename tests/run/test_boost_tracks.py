"""Boost-phase engagement windows: when a kill vehicle may leave and until when it may hit."""

import numpy as np

from goldendome.interceptors.space_based import EngagementRule
from goldendome.run.boost_tracks import BoostTracks, boost_grid, engagement_windows
from goldendome.threats.ballistic import Launches


def _climbing_track() -> BoostTracks:
    """One missile launched at 0 s climbing 1 km/s until burnout at 180 s."""
    t = np.arange(0.0, 200.0, 1.0)
    altitude = np.where(t < 180.0, 1_000.0 * t, np.nan)[None, :]
    return BoostTracks(t, np.zeros((1, t.size, 3)), altitude, np.array([0.0]), np.array([180.0]))


def test_engagement_rules_set_the_window():
    tracks = _climbing_track()
    base = {"detection_delay_s": 20.0, "decision_delay_s": 25.0}
    launch, start, end = engagement_windows(tracks, EngagementRule(**base))
    assert (launch[0], start[0], end[0]) == (45.0, 45.0, 180.0)
    floor = EngagementRule(**base, min_intercept_altitude_m=80e3)
    assert engagement_windows(tracks, floor)[1][0] == 80.0
    ceiling = EngagementRule(**base, intercept_before="altitude", deadline_altitude_m=120e3)
    assert engagement_windows(tracks, ceiling)[2][0] == 120.0
    clock = EngagementRule(**base, intercept_before="time", deadline_time_s=150.0)
    assert engagement_windows(tracks, clock)[2][0] == 150.0


def test_a_missile_that_never_climbs_above_the_floor_has_an_empty_window():
    tracks = _climbing_track()
    rule = EngagementRule(
        detection_delay_s=0.0, decision_delay_s=0.0, min_intercept_altitude_m=500e3
    )
    _, start, end = engagement_windows(tracks, rule)
    assert start[0] == np.inf
    assert end[0] == 180.0


def test_the_boost_grid_runs_from_the_first_launch_past_the_last_burnout():
    from goldendome.scenario.catalog import threat_classes

    rocket = threat_classes()["hwasong-18-class"].build_rocket()
    launches = Launches.of(
        [rocket, rocket], [0.7, 0.7], [2.2, 2.2], 0.0, 0.0, t_launch_s=[10.0, 40.0]
    )
    grid = boost_grid(launches)
    burn = float(np.sum(launches.stage_burn_s, axis=1).max())
    assert grid[0] == 10.0
    assert (np.diff(grid) == 1.0).all()
    assert 40.0 + burn < grid[-1] <= 40.0 + burn + 2.0
