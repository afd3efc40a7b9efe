"""Fractional orbital bombardment (issue 18): a boost into a 150 km orbit, part of one
revolution, a braking burn and a ballistic reentry onto the target, from the south or the
north (goldendome.threats.fobs)."""

import numpy as np
import pytest

from goldendome.physics.constants import MU_EARTH_M3_S2
from goldendome.scenario.catalog import launch_areas, targets, threat_classes
from goldendome.threats.ballistic import Launches
from goldendome.threats.flight import IMPACT, REENTRY
from goldendome.threats.fobs import FOBS_MISS_LIMIT_M, fly_fobs

T_S = np.arange(0.0, 7_200.0, 10.0)


@pytest.fixture(scope="module")
def flown():
    spec = threat_classes()["fobs-class"]
    area = launch_areas()["dombarovsky"]
    goal = [targets()[name] for name in ("washington", "chicago")]
    launches = Launches.of([spec.build_rocket()], np.full(2, area.latitude_rad),
                           area.longitude_rad, 0.0, 0.1, t_launch_s=[0.0, 30.0])  # fmt: skip
    return fly_fobs(
        launches,
        np.array([g.latitude_rad for g in goal]),
        np.array([g.longitude_rad for g in goal]),
        np.array([True, False]),  # Washington from the south, Chicago from the north
        np.full(2, 150e3),
        np.full(2, 400.0),
        T_S,
    )


def test_it_lands_on_its_target(flown):
    assert np.all(flown.reached)
    assert np.all(flown.miss_m < FOBS_MISS_LIMIT_M)


def test_the_orbit_is_the_class_orbit_reached_by_a_small_insertion_burn(flown):
    # 150 km within 5 km; circular speed there within 1 m/s after the stage's burn, which
    # is small beside the 7.8 km/s the booster gave (the ascent ends nearly level).
    assert np.allclose(flown.orbit_altitude_m, 150e3, atol=5e3)
    r = np.linalg.norm(flown.orbit_x_eci[:, :3], axis=-1)
    v = np.linalg.norm(flown.orbit_x_eci[:, 3:], axis=-1)
    assert np.allclose(v, np.sqrt(MU_EARTH_M3_S2 / r), atol=1.0)
    assert np.all(flown.insertion_delta_v_m_s < 300.0)


def test_from_the_south_it_flies_most_of_a_revolution_and_arrives_heading_north(flown):
    swept = np.degrees(flown.transfer_angle_rad())
    assert 180.0 < swept[0] < 360.0  # the long way round: fractional, not a full orbit
    assert swept[1] < 180.0  # from the north: the short way over the pole
    x = flown.descent.event_x_eci[:, IMPACT]
    up = x[:, :3] / np.linalg.norm(x[:, :3], axis=-1, keepdims=True)
    north = np.array([0.0, 0.0, 1.0]) - up[:, 2:3] * up
    heading_north = np.sum(x[:, 3:] * north, axis=-1)
    assert heading_north[0] > 0.0  # northbound at Washington
    assert heading_north[1] < 0.0  # southbound at Chicago


def test_the_braking_burn_brings_it_down_within_minutes(flown):
    fall_s = flown.descent.event_t_s[:, IMPACT] - flown.deorbit_t_s
    assert np.all((fall_s > 60.0) & (fall_s < 15 * 60.0))
    assert np.all(flown.descent.event_t_s[:, REENTRY] > flown.deorbit_t_s)
    # The path on the scenario grid: booster, orbital stage, warhead, one track without gaps.
    alive = np.isfinite(flown.y_eci[..., 0])
    first, last = alive.argmax(axis=1), alive.shape[1] - 1 - alive[:, ::-1].argmax(axis=1)
    assert all(alive[i, first[i] : last[i] + 1].all() for i in range(2))
