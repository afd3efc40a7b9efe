"""Tests of the batch ODE integrators: RK4 (fixed step) and DOPRI5 (adaptive, events)."""

import re

import numpy as np
import pytest
from scipy.integrate import solve_ivp

from goldendome.physics._types import FloatArray
from goldendome.physics.constants import J2_EARTH, MU_EARTH_M3_S2, WGS84_A_M
from goldendome.physics.dopri5 import BatchSolution, dopri5
from goldendome.physics.gravity import gravity_acceleration, two_body_acceleration
from goldendome.physics.integrators import rk4_fixed

R_E = WGS84_A_M
ONE_MILLIMETER = 1e-3
# Impact time vs. scipy DOP853 (rtol 1e-13): measured <= 2.1e-8 s; scipy itself moves by up to
# 5e-8 s between rtol 1e-12 and 1e-13. At the default rtol 1e-9 the gap reaches 1.7e-6 s.
IMPACT_TIME_TOL_S = 1e-6
CONSERVATION_DOPRI5 = 1e-10  # relative, energy and angular momentum after 10 orbits
CONSERVATION_RK4 = 1e-10  # relative, RK4 with 5 s steps (measured 1.5e-11; 2 s: 1.6e-13)
KEPLER_POSITION_TOL_M = ONE_MILLIMETER  # dense output vs. Kepler, one orbit (measured 0.24 mm)
NODAL_RATE_REL_TOL = 0.005  # J2 secular RAAN rate (measured 0.10 % with mean elements)


def two_body(t_s: FloatArray, y: FloatArray) -> FloatArray:
    return np.concatenate([y[:, 3:], two_body_acceleration(y[:, :3])], axis=1)


def j2_gravity(t_s: FloatArray, y: FloatArray) -> FloatArray:
    return np.concatenate([y[:, 3:], gravity_acceleration(y[:, :3], zonal_degree=2)], axis=1)


def height_above_sphere_m(t_s: FloatArray, y: FloatArray) -> FloatArray:
    return np.asarray(np.linalg.norm(y[:, :3], axis=1) - R_E)


def orbit_at_perigee(perigee_m: float, e: float, incl_rad: float) -> tuple[FloatArray, float]:
    """State at perigee on the x axis (velocity in the plane tilted by incl) and the period."""
    a = perigee_m / (1.0 - e)
    vp = np.sqrt(MU_EARTH_M3_S2 * (1.0 + e) / perigee_m)
    y = np.array([perigee_m, 0, 0, 0, vp * np.cos(incl_rad), vp * np.sin(incl_rad)])
    return y, float(2.0 * np.pi * np.sqrt(a**3 / MU_EARTH_M3_S2))


def invariants(y: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Specific orbital energy (J/kg) and angular momentum vector (m^2/s) of states (..., 6)."""
    r = np.linalg.norm(y[..., :3], axis=-1)
    energy = 0.5 * np.sum(y[..., 3:] ** 2, axis=-1) - MU_EARTH_M3_S2 / r
    return energy, np.cross(y[..., :3], y[..., 3:])


def relative_drift(y0: FloatArray, y1: FloatArray) -> tuple[FloatArray, FloatArray]:
    e0, h0 = invariants(y0)
    e1, h1 = invariants(y1)
    return np.abs(e1 / e0 - 1.0), np.linalg.norm(h1 - h0, axis=-1) / np.linalg.norm(h0, axis=-1)


LEO_Y0, LEO_PERIOD_S = orbit_at_perigee(R_E + 500e3, 0.0, 0.9)
ECC_Y0, ECC_PERIOD_S = orbit_at_perigee(R_E + 500e3, 0.3, 0.9)


def test_dopri5_conserves_two_body_invariants_over_ten_orbits() -> None:
    # rtol 1e-12, atol 1e-6 m gives ~3e-11 (1e-11: ~2e-10, 1e-10: ~2e-9; 1e-13: ~1e-11).
    y0 = np.stack([LEO_Y0, ECC_Y0])
    t_end = 10.0 * np.array([LEO_PERIOD_S, ECC_PERIOD_S])
    sol = dopri5(two_body, y0, 0.0, t_end, rtol=1e-12, atol=1e-6)
    assert np.array_equal(sol.status, [0, 0])
    assert np.array_equal(sol.t_final_s, t_end)
    d_energy, d_momentum = relative_drift(y0, sol.y_final)
    assert d_energy.max() < CONSERVATION_DOPRI5
    assert d_momentum.max() < CONSERVATION_DOPRI5


def test_rk4_conserves_two_body_invariants_with_small_step() -> None:
    y0 = np.stack([LEO_Y0, ECC_Y0])
    t_eval = np.linspace(0.0, 10.0 * ECC_PERIOD_S, 11)
    y = rk4_fixed(two_body, y0, t_eval, max_step_s=5.0)
    assert y.shape == (2, 11, 6)
    assert np.array_equal(y[:, 0], y0)
    d_energy, d_momentum = relative_drift(y0, y[:, -1])
    assert d_energy.max() < CONSERVATION_RK4
    assert d_momentum.max() < CONSERVATION_RK4


def kepler_position_m(t_s: FloatArray, y0: FloatArray, e: float) -> FloatArray:
    """Analytic position (n_t, 3) for a start at perigee (Vallado 2013, algorithm 2, Newton)."""
    rp = np.linalg.norm(y0[:3])
    a = rp / (1.0 - e)
    p_hat, q_hat = y0[:3] / rp, y0[3:] / np.linalg.norm(y0[3:])
    mean_anomaly = np.sqrt(MU_EARTH_M3_S2 / a**3) * t_s
    ecc_anomaly = mean_anomaly.copy()
    for _ in range(30):
        ecc_anomaly -= (ecc_anomaly - e * np.sin(ecc_anomaly) - mean_anomaly) / (
            1.0 - e * np.cos(ecc_anomaly)
        )
    x = a * (np.cos(ecc_anomaly) - e)
    yq = a * np.sqrt(1.0 - e * e) * np.sin(ecc_anomaly)
    return np.asarray(x[:, None] * p_hat + yq[:, None] * q_hat)


def test_dopri5_dense_output_matches_kepler_over_one_orbit() -> None:
    t_eval = np.linspace(0.0, ECC_PERIOD_S, 201)
    sol = dopri5(two_body, ECC_Y0[None], 0.0, ECC_PERIOD_S, t_eval_s=t_eval, rtol=1e-12)
    error_m = np.linalg.norm(sol.y[0, :, :3] - kepler_position_m(t_eval, ECC_Y0, 0.3), axis=1)
    assert error_m.max() < KEPLER_POSITION_TOL_M
    assert np.linalg.norm(sol.y_final[0, :3] - ECC_Y0[:3]) < KEPLER_POSITION_TOL_M


def test_j2_nodal_regression_matches_secular_rate() -> None:
    # Secular rate dOmega/dt = -1.5 n J2 (R/p)^2 cos i (Vallado 2013, eq. 9-41), first order
    # in J2, in mean elements. Osculating circular-velocity start values give a mean a ~6 km
    # below the osculating one; using them instead gives a 0.46 % residual (a^-3.5), so the
    # mean a and i are taken as averages of the osculating values over whole orbits. The
    # remaining ~0.1 % is of the order of J2 itself (second-order terms).
    incl = np.radians(53.0)
    y0, period_s = orbit_at_perigee(R_E + 500e3, 0.0, incl)
    n_orbits, per_orbit = 15, 48  # 15 orbits ~ 0.99 day
    t_eval = np.linspace(0.0, n_orbits * period_s, n_orbits * per_orbit + 1)
    sol = dopri5(j2_gravity, y0[None], 0.0, t_eval[-1], t_eval_s=t_eval, rtol=1e-10)
    y = sol.y[0, :-1]  # whole orbits, end point excluded so each phase is sampled equally
    h = np.cross(y[:, :3], y[:, 3:])
    raan = np.unwrap(np.arctan2(h[:, 0], -h[:, 1]))
    rate_fit = np.polyfit(t_eval[:-1], raan, 1)[0]
    r = np.linalg.norm(y[:, :3], axis=1)
    a_mean = np.mean(1.0 / (2.0 / r - np.sum(y[:, 3:] ** 2, axis=1) / MU_EARTH_M3_S2))
    i_mean = np.mean(np.arccos(h[:, 2] / np.linalg.norm(h, axis=1)))
    n = np.sqrt(MU_EARTH_M3_S2 / a_mean**3)
    rate_analytic = -1.5 * n * J2_EARTH * (R_E / a_mean) ** 2 * np.cos(i_mean)
    assert abs(rate_fit / rate_analytic - 1.0) < NODAL_RATE_REL_TOL


LAUNCH_SPEEDS_M_S = np.array([1000.0, 3000.0, 5000.0, 7000.0, 11500.0])


def ballistic_launches() -> FloatArray:
    """Launches from the surface at 45 deg elevation; the last one goes straight up, escaping."""
    elev = np.where(LAUNCH_SPEEDS_M_S > 11000.0, np.pi / 2, np.pi / 4)
    y0 = np.zeros((LAUNCH_SPEEDS_M_S.size, 6))
    y0[:, 0] = R_E
    y0[:, 3] = LAUNCH_SPEEDS_M_S * np.sin(elev)
    y0[:, 4] = LAUNCH_SPEEDS_M_S * np.cos(elev)
    return y0


def test_impact_events_match_scipy_and_stop_each_member() -> None:
    y0 = ballistic_launches()
    t_eval = np.linspace(0.0, 3000.0, 301)
    sol = dopri5(
        two_body, y0, 0.0, 3000.0, t_eval_s=t_eval, event=height_above_sphere_m, rtol=1e-12
    )
    assert np.array_equal(sol.status, [1, 1, 1, 1, 0])
    assert sol.t_final_s[-1] == 3000.0
    impact = sol.status == 1
    assert np.abs(np.linalg.norm(sol.y_final[impact, :3], axis=1) - R_E).max() < ONE_MILLIMETER
    after = t_eval[None, :] > sol.t_final_s[:, None]
    assert np.isnan(sol.y[after]).all()
    assert np.isfinite(sol.y[~after]).all()

    def ground(t: float, y: FloatArray) -> float:
        return float(np.linalg.norm(y[:3]) - R_E)

    ground.terminal = True  # type: ignore[attr-defined]
    ground.direction = -1  # type: ignore[attr-defined]
    for k in np.flatnonzero(impact):
        ref = solve_ivp(
            lambda t, y: two_body(np.array([t]), y[None])[0],
            (0.0, 3000.0),
            y0[k],
            method="DOP853",
            rtol=1e-13,
            atol=1e-6,
            events=ground,
        )
        assert abs(ref.t_events[0][0] - sol.t_final_s[k]) < IMPACT_TIME_TOL_S


def test_member_result_independent_of_batch() -> None:
    # Per-member step control and row-wise arithmetic make the results bit-identical.
    y0 = np.concatenate([ballistic_launches(), np.stack([LEO_Y0, ECC_Y0])])
    t_eval = np.linspace(0.0, 6000.0, 61)
    kwargs = {"t_eval_s": t_eval, "event": height_above_sphere_m, "rtol": 1e-10}
    batch = dopri5(j2_gravity, y0, 0.0, 6000.0, **kwargs)  # type: ignore[arg-type]
    for k in (2, 6):
        alone = dopri5(j2_gravity, y0[k : k + 1], 0.0, 6000.0, **kwargs)  # type: ignore[arg-type]
        for field in ("y", "t_final_s", "y_final", "status", "n_steps"):
            assert np.array_equal(
                getattr(alone, field)[0], getattr(batch, field)[k], equal_nan=True
            ), field


def test_per_member_end_times_and_max_steps_failure() -> None:
    y0 = np.stack([LEO_Y0, LEO_Y0, ECC_Y0])
    t_end = np.array([1000.0, 2500.0, 2500.0])
    t_eval = np.array([0.0, 1000.0, 2000.0, 2500.0])
    sol = dopri5(two_body, y0, 0.0, t_end, t_eval_s=t_eval)
    assert isinstance(sol, BatchSolution)
    assert np.array_equal(sol.status, [0, 0, 0])
    assert np.array_equal(sol.t_final_s, t_end)
    assert np.isnan(sol.y[0, 2:]).all()
    assert np.array_equal(sol.y[0, 1], sol.y_final[0])
    assert np.array_equal(sol.y[1:, 3], sol.y_final[1:])
    starved = dopri5(two_body, y0, 0.0, t_end, t_eval_s=t_eval, max_steps=5)
    assert np.array_equal(starved.status, [-1, -1, -1])
    assert (starved.n_steps <= 5).all()
    assert (starved.t_final_s < t_end).all()
    assert np.isfinite(starved.y_final).all()
    assert np.isnan(starved.y[:, -1]).all()


def test_nonfinite_rhs_fails_only_that_member() -> None:
    def poisoned(t_s: FloatArray, y: FloatArray) -> FloatArray:
        out = two_body(t_s, y)
        out[(y[:, 2] < 0.0) & (t_s > 100.0)] = np.nan  # member 1 starts below the xy plane
        return out

    y0 = np.stack([LEO_Y0, -LEO_Y0])
    sol = dopri5(poisoned, y0, 0.0, 500.0)
    assert np.array_equal(sol.status, [0, -1])
    assert 90.0 < sol.t_final_s[1] <= 100.0  # a stage time of the next step passes 100 s
    assert np.isfinite(sol.y_final).all()


def test_rk4_is_fourth_order_and_works_for_one_or_many() -> None:
    # Harmonic oscillator y'' = -y: exact y = cos t; halving the step divides the error by ~16.
    def osc(t_s: FloatArray, y: FloatArray) -> FloatArray:
        return np.stack([y[:, 1], -y[:, 0]], axis=1)

    t_eval = np.array([0.0, 10.0])
    errors = [
        abs(rk4_fixed(osc, [[1.0, 0.0]], t_eval, max_step_s=h)[0, -1, 0] - np.cos(10.0))
        for h in (0.1, 0.05)
    ]
    assert 14.0 < errors[0] / errors[1] < 18.0
    batch = rk4_fixed(osc, [[1.0, 0.0], [0.0, 2.0]], t_eval, max_step_s=0.1)
    assert batch.shape == (2, 2, 2)
    assert np.array_equal(batch[0, -1], rk4_fixed(osc, [[1.0, 0.0]], t_eval, max_step_s=0.1)[0, -1])
    # RK4 on y' = iy: arg R(ih) = h - h^5/120 + O(h^7), so the phase error after t = 10 is
    # h^4 t / 120 = 8e-6 rad, times the amplitude 2 gives ~1.7e-5.
    assert abs(batch[1, -1, 0] - 2.0 * np.sin(10.0)) < 3e-5


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"y0": LEO_Y0}, "y0 must be a 2-D array"),
        ({"y0": np.full((1, 6), np.nan)}, "y0 must be finite"),
        ({"t_end_s": -1.0}, "t_end_s must be finite and >= t0_s"),
        ({"t_end_s": [1.0, 2.0, 3.0]}, "t_end_s must be a scalar or have shape"),
        ({"t_eval_s": [2.0, 1.0]}, "t_eval_s must be a 1-D array of finite, non-decreasing"),
        ({"atol": 0.0}, "atol must be positive"),
        ({"rtol": -1e-9}, "rtol and max_step_s must be positive"),
    ],
)
def test_dopri5_rejects_bad_input_with_a_sentence(kwargs: dict[str, object], message: str) -> None:
    args: dict[str, object] = {"y0": LEO_Y0[None], "t_end_s": 10.0} | kwargs
    with pytest.raises(ValueError, match=re.escape(message)):
        dopri5(two_body, t0_s=0.0, **args)  # type: ignore[arg-type]


def test_rk4_rejects_bad_input_with_a_sentence() -> None:
    with pytest.raises(ValueError, match="y0 must be a 2-D array"):
        rk4_fixed(two_body, LEO_Y0, [0.0, 1.0])
    with pytest.raises(ValueError, match="y0 must be finite"):
        rk4_fixed(two_body, np.full((2, 6), np.inf), [0.0, 1.0])
    with pytest.raises(ValueError, match="non-decreasing"):
        rk4_fixed(two_body, LEO_Y0[None], [1.0, 0.0])
