"""A simulated radar track of a ballistic object, shared by the EKF tests and the Stone Soup
cross-check: a radar at 45 N, 100 W tracks an object coasting at 500 km altitude and
6.5 km/s, for 300 s at one measurement every 10 s. The truth is RK4 at 1 s under point-mass
+ J2 gravity with white-noise acceleration of the density the filter assumes."""

import numpy as np

from goldendome.physics.constants import OMEGA_EARTH_RAD_S
from goldendome.physics.geodetic import geodetic_to_ecef
from goldendome.physics.gravity import gravity_acceleration
from goldendome.physics.integrators import rk4_step
from goldendome.physics.topocentric import enu_axes_ecef
from goldendome.tracking import ekf
from goldendome.tracking.measurement import predict as predict_measurement

SITE_LAT_RAD, SITE_LON_RAD = np.radians(45.0), np.radians(-100.0)
#: Radar noise: range (m), azimuth, elevation (rad), range rate (m/s).
SIGMA = np.array([20.0, 0.5e-3, 0.5e-3, 1.0])
Q_M2_S3 = 0.5
T_S = np.arange(0.0, 301.0, 10.0)
#: Prior of the Monte Carlo runs (drawn around the truth): 500 m and 20 m/s per axis.
P0 = np.diag([500.0**2] * 3 + [20.0**2] * 3)


def initial_truth() -> np.ndarray:
    """(6,) ECI state at t = 0 (the ECI and ECEF frames coincide at t = 0)."""
    lat, lon = np.radians(35.0), np.radians(-110.0)
    east, north, _ = enu_axes_ecef(lat, lon)
    az = np.radians(20.0)
    v = 6_500.0 * (np.sin(az) * east + np.cos(az) * north)
    return np.concatenate([geodetic_to_ecef(lat, lon, 500e3), v])


def site_frames(t_s: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Radar origin position, velocity (n_t, 3) and ECI-to-ENU rotation (n_t, 3, 3)."""
    site_ecef = geodetic_to_ecef(SITE_LAT_RAD, SITE_LON_RAD, 0.0)
    axes_ecef = np.stack(enu_axes_ecef(SITE_LAT_RAD, SITE_LON_RAD))  # rows: E, N, U
    theta = OMEGA_EARTH_RAD_S * np.asarray(t_s)
    rz = np.zeros((theta.size, 3, 3))  # ECEF to ECI
    rz[:, 0, 0] = rz[:, 1, 1] = np.cos(theta)
    rz[:, 0, 1], rz[:, 1, 0] = -np.sin(theta), np.sin(theta)
    rz[:, 2, 2] = 1.0
    origin_r = rz @ site_ecef
    origin_v = np.cross([0.0, 0.0, OMEGA_EARTH_RAD_S], origin_r)
    return origin_r, origin_v, axes_ecef[None] @ np.swapaxes(rz, 1, 2)


def truth_runs(n_runs: int, q_m2_s3: float, rng: np.random.Generator) -> np.ndarray:
    """(n_runs, n_t, 6) ECI truths at ``T_S``: RK4 at 1 s, J2, white-noise acceleration."""

    def rhs(_t: np.ndarray, y: np.ndarray) -> np.ndarray:
        return np.concatenate([y[:, 3:], gravity_acceleration(y[:, :3], zonal_degree=2)], 1)

    h = 1.0
    chol = np.sqrt(q_m2_s3) * np.linalg.cholesky(np.array([[h**3 / 3, h**2 / 2], [h**2 / 2, h]]))
    y = np.tile(initial_truth(), (n_runs, 1))
    out = np.empty((n_runs, T_S.size, 6))
    out[:, 0] = y
    for k in range(1, T_S.size):
        for _ in range(round((T_S[k] - T_S[k - 1]) / h)):
            y = rk4_step(rhs, np.zeros(n_runs), y, h)
            w = rng.standard_normal((n_runs, 2, 3))  # (position, velocity) x axis
            y = y + np.einsum("ij,njk->nik", chol, w).reshape(n_runs, 6)
        out[:, k] = y
    return out


def radar_measurements(truth: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """(n_runs, n_t, 4) noisy measurements of ``truth`` by the radar at ``T_S[:n_t]``."""
    n, n_t = truth.shape[:2]
    origin_r, origin_v, rotation = site_frames(T_S[:n_t])
    z = np.empty((n, n_t, 4))
    for k in range(n_t):
        frames = (np.repeat(a[k : k + 1], n, axis=0) for a in (origin_r, origin_v, rotation))
        z[:, k] = predict_measurement(truth[:, k], *frames)[0]
    return z + SIGMA * rng.standard_normal(z.shape)


def run_filter(x0, p0, z, first=0, q_m2_s3=Q_M2_S3):
    """Filter every run over ``T_S[first:]`` from a prior at ``T_S[max(first - 1, 0)]``.

    Returns posteriors (n_t, n, 6) and (n_t, n, 6, 6), NIS (n_t, n) and its dof (n_t, n).
    """
    origin_r, origin_v, rotation = site_frames(T_S)
    n = x0.shape[0]
    x, p = x0, p0
    xs, ps, nis, dof = [], [], [], []
    for k in range(first, T_S.size):
        if k:
            x, p = ekf.predict(x, p, T_S[k] - T_S[k - 1], q_m2_s3)
        frames = (np.repeat(a[k : k + 1], n, axis=0) for a in (origin_r, origin_v, rotation))
        up = ekf.update(x, p, z[:, k], np.broadcast_to(SIGMA, (n, 4)), *frames)
        x, p = up.x_eci, up.covariance
        xs.append(x)
        ps.append(p)
        nis.append(up.nis)
        dof.append(up.dof)
    return np.array(xs), np.array(ps), np.array(nis), np.array(dof)
