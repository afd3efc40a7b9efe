"""Batched EKF on simulated radar tracks of a ballistic object: consistency and masking.

The scenario (shared with the Stone Soup cross-check): a radar at 45 N, 100 W tracks an
object coasting at 500 km altitude and 6.5 km/s from above 35 N, 110 W toward the
north-north-east, for 300 s at one measurement every 10 s (range 1,530 km down to 610 km,
elevation 13 to 44 degrees). The truth is integrated here by RK4 at 1 s under point-mass +
J2 gravity (the physics layer's ``gravity_acceleration``), with white-noise acceleration of
the same density ``q`` the filter assumes (the exact discrete increments of the
continuous white-noise acceleration model, added after each 1 s step). Each Monte Carlo
run is one track of the batch.
"""

import warnings

import numpy as np
import pytest
from scipy.stats import chi2

from goldendome.tracking import ekf
from goldendome.tracking.initiation import initial_state_from_measurement
from goldendome.tracking.measurement import predict as predict_measurement
from tests.tracking.ballistic_track import (
    P0,
    Q_M2_S3,
    SIGMA,
    T_S,
    initial_truth,
    radar_measurements,
    run_filter,
    site_frames,
    truth_runs,
)


def nees(truth: np.ndarray, xs: np.ndarray, ps: np.ndarray) -> np.ndarray:
    """(n_t, n) normalized estimation error squared."""
    err = xs - np.swapaxes(truth, 0, 1)
    return np.einsum("tni,tni->tn", err, np.linalg.solve(ps, err[..., None])[..., 0])


def two_sided_bounds(dof: int, n_runs: int, level: float) -> tuple[float, float]:
    """Interval holding the run-average of a chi-square(dof) statistic with prob. ``level``."""
    tail = (1.0 - level) / 2.0
    lo, hi = chi2.ppf([tail, 1.0 - tail], dof * n_runs) / n_runs
    return float(lo), float(hi)


@pytest.fixture(scope="module")
def monte_carlo():
    rng = np.random.default_rng(7)
    n_runs = 400
    truth = truth_runs(n_runs, Q_M2_S3, rng)
    z = radar_measurements(truth, rng)
    x0 = truth[:, 0] + rng.standard_normal((n_runs, 6)) @ np.linalg.cholesky(P0).T
    p0 = np.broadcast_to(P0, (n_runs, 6, 6))
    return truth, z, run_filter(x0, p0, z)


def test_nees_and_nis_are_chi_square_consistent(monte_carlo):
    """Bar-Shalom et al. (2001), sec. 5.4: the run-average NEES (NIS) of a consistent filter
    is chi-square with 6 (4) x n_runs degrees of freedom over n_runs. With 400 runs the 95%
    two-sided intervals are [5.67, 6.34] for NEES and [3.73, 4.28] for NIS. Each of the 31
    epochs is checked; 5% fall outside by chance, so up to 4 are allowed (for independent
    epochs, P(more than 4 of 31) = 2%). The time-and-run average must also lie within three
    standard errors (over runs, which are independent) of the chi-square mean."""
    truth, _, (xs, ps, nis, dof) = monte_carlo
    n_runs = truth.shape[0]
    assert np.all(dof == 4)
    eps = nees(truth, xs, ps)
    for stat, d in ((eps, 6), (nis, 4)):
        lo, hi = two_sided_bounds(d, n_runs, 0.95)
        average = stat.mean(axis=1)
        outside = np.count_nonzero((average < lo) | (average > hi))
        assert outside <= 4, (d, average.round(2).tolist(), lo, hi)
        per_run = stat.mean(axis=0)
        assert abs(per_run.mean() - d) < 3.0 * per_run.std(ddof=1) / np.sqrt(n_runs)


def test_errors_shrink_and_match_the_covariance(monte_carlo):
    """The RMS error over runs falls as measurements come in, and at every epoch it agrees
    with the filter's own sigma (sqrt of the mean trace) to 10% (the RMS of 400 runs of a
    3-dof error scatters by about 2%)."""
    truth, _, (xs, ps, _, _) = monte_carlo
    err = xs - np.swapaxes(truth, 0, 1)
    for block in (slice(0, 3), slice(3, 6)):
        rms = np.sqrt(np.mean(np.sum(err[..., block] ** 2, axis=-1), axis=1))
        sigma = np.sqrt(np.mean(np.trace(ps[:, :, block, block], axis1=2, axis2=3), axis=1))
        assert np.all(np.abs(rms / sigma - 1.0) < 0.1)
        assert rms[-1] < 0.5 * rms[0]


def test_covariance_shrinks_from_a_single_measurement_start(rng):
    n = 50
    truth = truth_runs(n, Q_M2_S3, rng)
    z = radar_measurements(truth, rng)
    origin_r, origin_v, rotation = site_frames(T_S[:1])
    rep = (np.repeat(a, n, axis=0) for a in (origin_r, origin_v, rotation))
    x0, p0 = initial_state_from_measurement(z[:, 0], np.broadcast_to(SIGMA, (n, 4)), *rep)
    # The initiating measurement is used once: filtering starts at the second epoch.
    xs, ps, _, _ = run_filter(x0, p0, z, first=1)
    pos_sigma = np.sqrt(np.trace(ps[:, :, :3, :3], axis1=2, axis2=3))
    vel_sigma = np.sqrt(np.trace(ps[:, :, 3:, 3:], axis1=2, axis2=3))
    p0_pos_sigma = np.sqrt(np.trace(p0[:, :3, :3], axis1=1, axis2=2))
    p0_vel_sigma = np.sqrt(np.trace(p0[:, 3:, 3:], axis1=1, axis2=2))
    assert np.all(p0_vel_sigma > 5_000.0)
    assert np.all(vel_sigma[0] < 0.1 * p0_vel_sigma)  # two measurements give a velocity
    assert np.all(vel_sigma[-1] < 20.0)
    assert np.all(np.diff(vel_sigma[:10], axis=0) < 0.0)
    assert np.all(pos_sigma[-1] < 0.3 * p0_pos_sigma)
    # An update only removes uncertainty: P_prior - P_posterior is positive semidefinite.
    x, p = ekf.predict(xs[9], ps[9], 10.0, Q_M2_S3)
    rep = (np.repeat(a[11:12], n, axis=0) for a in site_frames(T_S))
    up = ekf.update(x, p, z[:, 11], np.broadcast_to(SIGMA, (n, 4)), *rep)
    assert np.linalg.eigvalsh(p - up.covariance).min() > -1e-9 * np.abs(p).max()


def test_initial_state_position_is_consistent(rng):
    """Position NEES of the one-measurement start: chi-square(3), 99% interval of the mean."""
    n = 2_000
    truth = np.tile(initial_truth(), (n, 1))[:, None]
    z = radar_measurements(truth, rng)[:, 0]
    rep = (np.repeat(a, n, axis=0) for a in site_frames(T_S[:1]))
    x0, p0 = initial_state_from_measurement(z, np.broadcast_to(SIGMA, (n, 4)), *rep)
    err = x0[:, :3] - truth[:, 0, :3]
    eps = np.einsum("ni,ni->n", err, np.linalg.solve(p0[:, :3, :3], err[..., None])[..., 0])
    lo, hi = two_sided_bounds(3, n, 0.99)
    assert lo < eps.mean() < hi
    # The velocity prior covers the truth and the range rate pins the line-of-sight part.
    v_err = x0[:, 3:] - truth[:, 0, 3:]
    eps_v = np.einsum("ni,ni->n", v_err, np.linalg.solve(p0[:, 3:, 3:], v_err[..., None])[..., 0])
    assert eps_v.max() < chi2.ppf(0.999, 3)


def one_epoch(n: int, rng: np.random.Generator, k: int = 3):
    """Priors drawn around truths at epoch ``k``, their measurements, and the radar frames."""
    truth = np.tile(initial_truth(), (n, 1))[:, None]
    truth_k = truth_runs(n, 0.0, rng)[:, k] if k else truth[:, 0]
    z = radar_measurements(np.repeat(truth_k[:, None], k + 1, axis=1), rng)[:, k]
    x = truth_k + rng.standard_normal((n, 6)) @ np.linalg.cholesky(P0).T
    p = np.broadcast_to(P0, (n, 6, 6)).copy()
    frames = tuple(np.repeat(a[k : k + 1], n, axis=0) for a in site_frames(T_S))
    return x, p, z, frames


def test_angles_only_update_is_the_two_component_kalman_update(rng):
    n = 20
    x, p, z, frames = one_epoch(n, rng)
    z[:, [0, 3]] = np.nan  # an infrared sensor: angles only
    sigma = np.where(np.isnan(z), np.nan, SIGMA)
    up = ekf.update(x, p, z, sigma, *frames)
    assert np.all(up.dof == 2)
    # The textbook update with the two angle rows alone (no masking, plain form).
    z_pred, jac = predict_measurement(x, *frames)
    h = jac[:, 1:3]
    s = h @ p @ np.swapaxes(h, 1, 2) + np.diag(SIGMA[1:3] ** 2)
    gain = p @ np.swapaxes(h, 1, 2) @ np.linalg.inv(s)
    resid = z[:, 1:3] - z_pred[:, 1:3]
    x_ref = x + np.einsum("nij,nj->ni", gain, resid)
    p_ref = p - gain @ h @ p
    sigma_post = np.sqrt(np.diagonal(up.covariance, axis1=1, axis2=2))
    assert np.all(np.abs(up.x_eci - x_ref) < 1e-9 * sigma_post)
    assert np.allclose(up.covariance, p_ref, rtol=1e-8, atol=1e-10 * np.abs(p).max())
    nis_ref = np.einsum("ni,nij,nj->n", resid, np.linalg.inv(s), resid)
    assert np.allclose(up.nis, nis_ref, rtol=1e-9)


def test_angles_only_filter_nis_is_chi_square_two(monte_carlo):
    truth, z, _ = monte_carlo
    n = truth.shape[0]
    z_angles = z.copy()
    z_angles[..., [0, 3]] = np.nan
    rng = np.random.default_rng(11)
    x0 = truth[:, 0] + rng.standard_normal((n, 6)) @ np.linalg.cholesky(P0).T
    _, _, nis, dof = run_filter(x0, np.broadcast_to(P0, (n, 6, 6)), z_angles)
    assert np.all(dof == 2)
    lo, hi = two_sided_bounds(2, n * nis.shape[0], 0.99)
    # Epochs of one run are nearly independent for the NIS (the innovations are white).
    assert lo < nis.mean() < hi


def test_missing_measurement_row_leaves_the_track_unchanged(rng):
    n = 6
    x, p, z, frames = one_epoch(n, rng)
    z[[1, 4]] = np.nan
    sigma = np.broadcast_to(SIGMA, (n, 4)).copy()
    sigma[4] = np.nan  # no measurement, no sigma: fine
    frames = tuple(f.copy() for f in frames)
    for f in frames:
        f[4] = np.nan  # nor a sensor frame
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        up = ekf.update(x, p, z, sigma, *frames)
    assert np.array_equal(up.dof, [4, 0, 4, 4, 0, 4])
    assert np.array_equal(up.x_eci[[1, 4]], x[[1, 4]])
    assert np.array_equal(up.covariance[[1, 4]], p[[1, 4]])
    assert np.array_equal(up.nis[[1, 4]], [0.0, 0.0])
    # The other tracks are updated exactly as they would be alone.
    for k in (0, 2):
        row = slice(k, k + 1)
        alone = ekf.update(x[row], p[row], z[row], sigma[row], *(f[row] for f in frames))
        assert np.array_equal(alone.x_eci[0], up.x_eci[k])
        assert np.array_equal(alone.covariance[0], up.covariance[k])


def test_azimuth_residual_is_wrapped(rng):
    n = 4
    x, p, z, frames = one_epoch(n, rng)
    shifted = z.copy()
    shifted[:, 1] += 2.0 * np.pi * np.array([1.0, -1.0, 3.0, -2.0])
    a = ekf.update(x, p, z, np.broadcast_to(SIGMA, (n, 4)), *frames)
    b = ekf.update(x, p, shifted, np.broadcast_to(SIGMA, (n, 4)), *frames)
    sigma_post = np.sqrt(np.diagonal(a.covariance, axis1=1, axis2=2))
    assert np.all(np.abs(a.x_eci - b.x_eci) < 1e-6 * sigma_post)
    assert np.allclose(a.nis, b.nis, rtol=1e-6)
    angles = np.array([np.pi, -np.pi, 3.0 * np.pi, 0.5, -7.0])
    wrapped = ekf.wrap_angle(angles)
    assert np.allclose(wrapped, [np.pi, np.pi, np.pi, 0.5, -7.0 + 2.0 * np.pi])
    assert np.all((wrapped > -np.pi) & (wrapped <= np.pi))


def test_update_rejects_bad_input(rng):
    x, p, z, frames = one_epoch(2, rng)
    sigma = np.broadcast_to(SIGMA, (2, 4)).copy()
    sigma[1, 2] = np.nan
    with pytest.raises(ValueError, match=r"needs a finite, positive sigma; rows \[1\]"):
        ekf.update(x, p, z, sigma, *frames)
    with pytest.raises(ValueError, match=r"z and sigma must have shape \(2, 4\)"):
        ekf.update(x, p, z[:, :3], sigma[:, :3], *frames)
    with pytest.raises(ValueError, match=r"covariance must have shape \(2, 6, 6\)"):
        ekf.predict(x, p[:, :3, :3], 1.0, Q_M2_S3)
    with pytest.raises(ValueError, match="dt_s must be finite and non-negative"):
        ekf.predict(x, p, -1.0, Q_M2_S3)
    with pytest.raises(ValueError, match="velocity_sigma_m_s must be positive"):
        initial_state_from_measurement(z, sigma, *frames, velocity_sigma_m_s=0.0)


def test_predict_batch_equals_single_tracks_and_zero_step(rng):
    x, p, _, _ = one_epoch(3, rng)
    dt = np.array([0.0, 10.0, 45.0])
    q = np.array([0.5, 0.0, 2.0])
    xb, pb = ekf.predict(x, p, dt, q)
    assert np.array_equal(xb[0], x[0])
    assert np.allclose(pb[0], p[0], rtol=1e-15, atol=0.0)
    for k in range(3):
        xk, pk = ekf.predict(x[k : k + 1], p[k : k + 1], dt[k : k + 1], q[k : k + 1])
        assert np.array_equal(xk[0], xb[k])
        assert np.array_equal(pk[0], pb[k])
    assert np.all(np.linalg.eigvalsh(pb) > 0.0)


def test_initiation_without_range_gives_nan_rows(rng):
    _, _, z, frames = one_epoch(3, rng)
    z[1, 0] = np.nan
    z[2, 3] = np.nan
    sigma = np.where(np.isnan(z), np.nan, SIGMA)
    x0, p0 = initial_state_from_measurement(z, sigma, *frames)
    assert np.isnan(x0[1]).all()
    assert np.isnan(p0[1]).all()
    assert np.isfinite(x0[[0, 2]]).all()
    # Without a range rate the velocity prior is isotropic about the sensor's velocity.
    assert np.allclose(p0[2, 3:, 3:], 5_000.0**2 * np.eye(3))
    assert np.array_equal(x0[2, 3:], frames[1][2])
