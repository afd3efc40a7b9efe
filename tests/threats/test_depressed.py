"""Depressed arcs: the two-body burnout angle through an apogee, and shots aimed to an apogee
or a burnout angle land on their targets sooner and lower than minimum-energy ones."""

import math

import numpy as np
import pytest

from goldendome.physics.ballistic_arcs import minimum_energy_arc
from goldendome.scenario.catalog import BallisticClassSpec, launch_areas, targets, threat_classes
from goldendome.threats.ballistic import Launches
from goldendome.threats.depressed import (
    APOGEE_TOLERANCE_M,
    DEPRESSED_MISS_LIMIT_M,
    aim_depressed,
    fpa_for_apogee_rad,
    minimum_energy_apogee_m,
)
from goldendome.threats.flight import APOGEE, BURNOUT
from goldendome.threats.targeting import aim


def _slbms(n: int) -> tuple[Launches, float, float]:
    spec = threat_classes()["slbm-class"]
    assert isinstance(spec, BallisticClassSpec)
    area, city = launch_areas()["atlantic-patrol"], targets()["new-york"]
    launches = Launches.of(
        [spec.build_rocket()] * n, [area.latitude_rad] * n, area.longitude_rad, 0.0, 0.0
    )
    return launches, city.latitude_rad, city.longitude_rad


def test_the_minimum_energy_apogee_gives_the_minimum_energy_angle_one_and_batch() -> None:
    range_m = np.array([1_000e3, 2_000e3, 7_400e3])
    _, gamma_me, apogee_me, _ = minimum_energy_arc(range_m)
    batch = fpa_for_apogee_rad(range_m, apogee_me)
    assert np.abs(batch - gamma_me).max() < 1e-12
    one = fpa_for_apogee_rad(2_000e3, float(apogee_me[1]))
    assert one.shape == ()
    assert abs(float(one) - gamma_me[1]) < 1e-12
    assert np.allclose(minimum_energy_apogee_m(range_m), apogee_me, rtol=0, atol=1e-6)


def test_a_lower_apogee_needs_a_flatter_burnout() -> None:
    gamma = fpa_for_apogee_rad(1_850e3, np.array([60e3, 120e3, 200e3, 400e3]))
    assert np.all(np.diff(gamma) > 0)
    assert np.all((gamma > 0) & (gamma < math.radians(41.0)))


def test_shots_aimed_to_an_apogee_fly_through_it_and_land_on_target_sooner() -> None:
    launches, lat, lon = _slbms(2)
    asked = np.array([90e3, 150e3])
    low = aim_depressed(launches, lat, lon, apogee_m=asked)
    assert np.abs(low.apogee_m - asked).max() < APOGEE_TOLERANCE_M
    assert low.reachable.all()
    assert np.nanmax(low.aim.miss_m) < DEPRESSED_MISS_LIMIT_M
    high = aim(launches.take([0]), lat, lon)
    t_me = float(high.flight.flight_time_s()[0])
    t_low = low.aim.flight.flight_time_s()
    assert np.all(t_low < t_me - 180.0)  # minutes sooner (about 12 min against 7-8)
    assert t_low[0] < t_low[1]  # the lower, the sooner


def test_shots_aimed_to_a_burnout_angle_burn_out_at_it() -> None:
    launches, lat, lon = _slbms(2)
    fpa = np.radians([6.0, 12.0])
    low = aim_depressed(launches, lat, lon, burnout_fpa_rad=fpa)
    flown = low.aim.flight.flight_path_angle_rad(BURNOUT)
    assert np.degrees(np.abs(flown - fpa)).max() < 0.05
    assert low.reachable.all()
    apogee = low.aim.flight.altitude_at_m(APOGEE)
    assert apogee[0] < apogee[1]


def test_exactly_one_of_angle_and_apogee() -> None:
    launches, lat, lon = _slbms(1)
    with pytest.raises(ValueError, match="exactly one"):
        aim_depressed(launches, lat, lon)
    with pytest.raises(ValueError, match="exactly one"):
        aim_depressed(launches, lat, lon, apogee_m=100e3, burnout_fpa_rad=0.1)
