"""Kill-vehicle fly-out and the (satellite, threat) reach check, pruned against dense."""

import numpy as np
import pytest

from goldendome.interceptors.sbi_reach import sbi_opportunities
from goldendome.interceptors.space_based import KillVehicle

VEHICLE = KillVehicle(delta_v_m_s=4_000.0, acceleration_m_s2=100.0, divert_delta_v_m_s=2_500.0)


def test_reach_is_constant_acceleration_then_coast():
    # 40 s burn to 4 km/s covers 80 km; after that 4 km per second.
    assert VEHICLE.burn_time_s == pytest.approx(40.0)
    assert VEHICLE.reach_m(20.0) == pytest.approx(0.5 * 100.0 * 400.0)
    assert VEHICLE.reach_m(40.0) == pytest.approx(80_000.0)
    assert VEHICLE.reach_m(100.0) == pytest.approx(80_000.0 + 4_000.0 * 60.0)
    assert VEHICLE.reach_m(-5.0) == 0.0
    d = np.array([0.0, 5e3, 80e3, 3e5, 1.2e6])
    assert np.allclose(VEHICLE.reach_m(VEHICLE.time_to_reach_s(d)), d)


def _straight_line_case():
    """One missile climbing straight up the z axis at 2 km/s, satellites parked nearby."""
    t = np.arange(0.0, 200.0, 1.0)
    missile = np.zeros((1, t.size, 3))
    missile[0, :, 2] = 7.0e6 + 2_000.0 * t
    offsets = np.array([100e3, 200e3, 250e3, 400e3, 2_000e3])  # along x, fixed in space
    sats = np.zeros((offsets.size, t.size, 3))
    sats[:, :, 0] = offsets[:, None]
    sats[:, :, 2] = 7.0e6 + 2_000.0 * t  # riding level with the missile: distance = offset
    return t, sats, missile, offsets


def test_earliest_intercept_is_where_reach_first_covers_the_gap():
    t, sats, missile, offsets = _straight_line_case()
    launch = np.array([50.0])
    found = sbi_opportunities(t, sats, missile, np.array([0.0]), np.array([190.0]), launch, VEHICLE)
    # 100 and 200 km are reached after 45 and 70 s of flight; 250 km after 82.5 s;
    # 400 km after 120 s; 2,000 km never within the window (140 s of flight at most).
    expected_tof = VEHICLE.time_to_reach_s(offsets[:4])
    assert list(found.satellite) == [0, 1, 2, 3]
    assert np.allclose(found.time_of_flight_s, expected_tof, atol=1e-6)
    assert np.allclose(found.intercept_time_s, launch + expected_tof, atol=1e-6)
    assert np.allclose(found.distance_m, offsets[:4], atol=1e-3)
    assert list(found.in_reach_count(1)) == [4]


def test_deadline_and_window_start_bound_the_intercept():
    t, sats, missile, _ = _straight_line_case()
    found = sbi_opportunities(
        t, sats, missile, np.array([0.0]), np.array([140.0]), np.array([50.0]), VEHICLE
    )
    assert list(found.satellite) == [0, 1, 2]  # the 400 km one needs until t = 170 s
    late_start = sbi_opportunities(
        t, sats, missile, np.array([130.0]), np.array([190.0]), np.array([50.0]), VEHICLE
    )
    assert np.all(late_start.intercept_time_s >= 130.0)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_pruned_and_dense_agree_on_random_geometry(seed):
    rng = np.random.default_rng(seed)
    t = np.arange(0.0, 300.0, 2.0)
    n_sat, n_thr = 400, 12
    m0 = rng.normal(size=(n_thr, 3))
    m0 = 6.4e6 * m0 / np.linalg.norm(m0, axis=1, keepdims=True)
    # Satellites scattered within a few hundred km of the missiles, moving at orbital speed.
    r0 = m0[rng.integers(0, n_thr, n_sat)] + rng.normal(0, 600e3, (n_sat, 3))
    v = rng.normal(0, 7_500.0 / np.sqrt(3), (n_sat, 3))
    sats = r0[:, None] + v[:, None] * t[None, :, None]
    mv = rng.normal(0, 2_000.0, (n_thr, 3))
    threats = m0[:, None] + mv[:, None] * t[None, :, None]
    start = rng.uniform(0, 100, n_thr)
    end = start + rng.uniform(50, 200, n_thr)
    launch = start - rng.uniform(0, 60, n_thr)
    dense = sbi_opportunities(t, sats, threats, start, end, launch, VEHICLE, method="dense")
    pruned = sbi_opportunities(t, sats, threats, start, end, launch, VEHICLE, method="pruned")
    assert 0 < len(dense) < n_sat * n_thr  # some pairs can engage, not all
    assert np.array_equal(dense.satellite, pruned.satellite)
    assert np.array_equal(dense.threat, pruned.threat)
    assert np.allclose(dense.intercept_time_s, pruned.intercept_time_s)


def test_unknown_method_is_refused():
    t, sats, missile, _ = _straight_line_case()
    with pytest.raises(ValueError, match="pruned"):
        sbi_opportunities(
            t, sats, missile, np.zeros(1), np.ones(1), np.zeros(1), VEHICLE, method="fast"
        )
