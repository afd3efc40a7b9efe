"""Reach maps and constellation sizing: the map's lookup against direct simulation, the
bisection, and the salvo's growth."""

import math
from datetime import UTC, datetime

import numpy as np
import pytest

from goldendome.api import ScenarioError, size_constellation
from goldendome.interceptors.space_based import EngagementRule, KillVehicle
from goldendome.orbits.walker import Walker
from goldendome.physics.earth_rotation import earth_rotation_angle_rad
from goldendome.run.boost_tracks import boost_opportunities, fly_boost
from goldendome.scenario.catalog import launch_areas, targets, threat_classes
from goldendome.studies.sizing.reach_map import reach_map
from goldendome.threats.ballistic import Launches
from goldendome.threats.targeting import aim

EPOCH = datetime(2029, 1, 1, tzinfo=UTC)
VEHICLE = KillVehicle(delta_v_m_s=4_000.0, acceleration_m_s2=98.0665)
RULE = EngagementRule(detection_delay_s=30.0, decision_delay_s=30.0)
ONE_SHELL = {"altitudes_km": [300.0], "inclinations_deg": [55.0], "planes": [60]}


def _tracks(launch_times_s):
    theta0 = float(earth_rotation_angle_rad(0.0, EPOCH))
    area, goal = launch_areas()["nk-inland"], targets()["washington"]
    n = len(launch_times_s)
    launches = Launches.of(
        [threat_classes()["hwasong-18-class"].build_rocket()] * n,
        [area.latitude_rad] * n,
        [area.longitude_rad] * n,
        0.0,
        0.0,
        t_launch_s=np.asarray(launch_times_s, dtype=float),
    )
    aimed = aim(launches, [goal.latitude_rad] * n, [goal.longitude_rad] * n, theta0_rad=theta0)
    return fly_boost(aimed.launches, theta0)


@pytest.mark.slow
def test_reach_map_lookup_agrees_with_direct_simulation():
    """A launch at time t is the launch at 0 turned by the Earth's rotation: counts read off
    the map agree with flying each launch and checking every satellite, to one satellite
    (the map's 0.25-0.5 deg cells) and on average within 5%."""
    shell = reach_map(_tracks([0.0]), 300e3, math.radians(45.0), VEHICLE, RULE)
    layer = Walker("sbi", "interceptor", 300e3, math.radians(45.0), 1_800, 60, 1)
    times = np.sort(np.random.default_rng(0).uniform(0.0, 86_400.0, 40))
    elements = layer.initial_elements(EPOCH)
    # One launch at a time: a common grid across the day would hold every satellite's
    # position every second.
    simulated = np.array(
        [
            boost_opportunities(_tracks([t]), elements, VEHICLE, RULE).in_reach_count(1)[0]
            for t in times
        ]
    )
    looked_up = shell.walker_counts(60, 30, 1, times)
    assert simulated.sum() > 2 * times.size  # a meaningful number in reach
    assert np.abs(looked_up - simulated).max() <= 1
    assert looked_up.mean() == pytest.approx(simulated.mean(), rel=0.05)


@pytest.mark.slow
def test_sizing_meets_the_question_and_one_fewer_per_plane_does_not():
    answer, assumed = size_constellation(ONE_SHELL)
    best = answer.best
    assert best is not None
    assert best.satellites == 60 * best.per_plane
    assert best.achieved_confidence == 1.0
    assert best.min_in_reach >= 1
    assert assumed["kill_vehicle_delta_v_km_s"] == 4.0
    worse, _ = size_constellation(ONE_SHELL | {"planes": [60], "confidence": 0.5})
    assert worse.best is not None
    assert worse.best.satellites < best.satellites


@pytest.mark.slow
def test_sizing_grows_linearly_with_simultaneous_launches():
    """APS 2003 (via IEEE Spectrum 2005): the constellation 'grows in proportion to the
    number of simultaneous launches'. Doubling the salvo doubles the satellites within 20%."""
    totals = []
    for salvo in (2, 4, 8):
        answer, _ = size_constellation(ONE_SHELL | {"salvo": salvo})
        assert answer.best is not None
        totals.append(answer.best.satellites)
    assert totals[1] / totals[0] == pytest.approx(2.0, rel=0.2)
    assert totals[2] / totals[1] == pytest.approx(2.0, rel=0.2)


@pytest.mark.slow
def test_more_shots_need_more_satellites_and_faster_vehicles_fewer():
    one, _ = size_constellation(ONE_SHELL)
    two, _ = size_constellation(ONE_SHELL | {"shots": 2})
    fast, _ = size_constellation(ONE_SHELL | {"sbi": {"delta_v_km_s": 6.0}})
    assert one.best
    assert two.best
    assert fast.best
    assert two.best.satellites > one.best.satellites > fast.best.satellites


def test_bad_question_names_every_field():
    with pytest.raises(ScenarioError) as err:
        size_constellation({"inclinations_deg": [190.0], "salvo": 0, "threat": "hwasong-81"})
    report = err.value.report()
    assert "inclinations_deg[0] = 190.0: inclination must lie between 0 and 180 deg" in report
    assert "salvo = 0" in report
    assert "closest: hwasong-18-class" in report


def test_unreachable_question_reports_no_constellation():
    # A 0.2 km/s interceptor reaches nothing in time: every geometry is infeasible.
    answer, _ = size_constellation(ONE_SHELL | {"sbi": {"delta_v_km_s": 0.2}})
    assert answer.best is None
    assert all(c.satellites is None for c in answer.candidates)
    # Settled up to the search's limit, not cut short by a better geometry.
    assert {(c.status, c.searched_to_end, c.searched_up_to) for c in answer.candidates} == {
        ("not met", True, 60_000)
    }


@pytest.mark.slow
def test_a_layer_partly_unready_or_attacked_needs_more_satellites():
    """Sizing uses the ready constellation: with half the layer not ready, every launch
    time needs its shot ready with 95% confidence, which takes more than twice the
    satellites of the layer as written; 5 sure ASAT shots at the SBIs in reach need about
    5 more in reach at every launch time."""
    question = ONE_SHELL | {"confidence": 0.95}
    written, assumed = size_constellation(question)
    half, half_assumed = size_constellation(question | {"sbi": {"failed_fraction": 0.5}})
    attacked, _ = size_constellation(
        question | {"sbi": {"asat_shots": 5, "asat_kill_probability": 1.0}}
    )
    assert written.best
    assert half.best
    assert attacked.best
    assert assumed["ready_share"] == 1.0
    assert half_assumed["ready_share"] == 0.5
    assert half.best.satellites > 2 * written.best.satellites
    assert half.best.achieved_confidence >= 0.95
    assert attacked.best.min_in_reach >= written.best.min_in_reach + 5


def test_a_sure_shot_cannot_be_asked_of_a_layer_that_is_ready_only_by_chance():
    with pytest.raises(ScenarioError) as err:
        size_constellation(ONE_SHELL | {"confidence": 1.0, "sbi": {"failed_fraction": 0.1}})
    assert "confidence = 1: with SBIs failed" in err.value.report()
