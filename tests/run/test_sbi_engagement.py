"""Boost-phase opportunities of a scenario and the salvo's saturation of the SBIs in reach."""

import numpy as np

from goldendome.api import default_scenario
from goldendome.interceptors.sbi_reach import Opportunities
from goldendome.run.raid import fly_raid
from goldendome.run.sbi_engagement import engage_boost_phase, fair_shots


def _opps(sat, thr):
    n = len(sat)
    return Opportunities(np.array(sat), np.array(thr), np.zeros(n), np.zeros(n), np.zeros(n))


def test_fair_shots_share_satellites_between_missiles():
    # Satellites 0-2 reach both missiles, 3 only missile 1: with one kill vehicle each,
    # both missiles can get 2 shots (0,1 | 2,3), not 3.
    opps = _opps([0, 1, 2, 0, 1, 2, 3], [0, 0, 0, 1, 1, 1, 1])
    k, shots = fair_shots(opps, 2)
    assert k == 2
    assert list(shots) == [2, 2]
    # A missile nothing reaches gets nothing, and so does the salvo's guarantee.
    assert fair_shots(_opps([0], [0]), 2)[0] == 0


def test_default_scenario_reports_sbis_in_reach_of_each_threat():
    spec = default_scenario()
    t_s = np.arange(0.0, 600.0, 10.0)
    raid = fly_raid(spec, t_s)
    result = engage_boost_phase(spec, raid.launches)
    assert result is not None
    assert len(result.threats) == len(raid.threats)
    in_reach = np.array([t.sbis_in_reach for t in result.threats])
    classes = [t.threat_class for t in raid.threats]
    liquid = in_reach[[c == "hwasong-17-class" for c in classes]]
    solid = in_reach[[c == "hwasong-18-class" for c in classes]]
    # A liquid ICBM burns ~240 s, a solid one ~173 s: far more SBIs reach the liquid one.
    assert liquid.min() > 3 * solid.max() > 0
    for row in result.opportunities:
        window = next(t for t in result.threats if t.threat == row.threat)
        launch = raid.threats[row.threat].launch_time_s
        assert window.window_start_s - 1e-6 <= row.intercept_time_s - launch
        assert row.intercept_time_s - launch <= window.window_end_s + 1e-6
        assert 0.0 < row.intercept_altitude_km < 1_000.0
    assert 1 <= result.shots_every_missile_gets <= in_reach.min()


def test_engagement_rules_set_the_window():
    from goldendome.interceptors.space_based import EngagementRule
    from goldendome.run.boost_tracks import BoostTracks, engagement_windows

    t = np.arange(0.0, 200.0, 1.0)
    altitude = np.where(t < 180.0, 1_000.0 * t, np.nan)[
        None, :
    ]  # climbs 1 km/s, burns out at 180 s
    tracks = BoostTracks(t, np.zeros((1, t.size, 3)), altitude, np.array([0.0]), np.array([180.0]))
    base = {"detection_delay_s": 20.0, "decision_delay_s": 25.0}
    launch, start, end = engagement_windows(tracks, EngagementRule(**base))
    assert (launch[0], start[0], end[0]) == (45.0, 45.0, 180.0)
    floor = EngagementRule(**base, min_intercept_altitude_m=80e3)
    assert engagement_windows(tracks, floor)[1][0] == 80.0
    ceiling = EngagementRule(**base, intercept_before="altitude", deadline_altitude_m=120e3)
    assert engagement_windows(tracks, ceiling)[2][0] == 120.0
    clock = EngagementRule(**base, intercept_before="time", deadline_time_s=150.0)
    assert engagement_windows(tracks, clock)[2][0] == 150.0
