"""Predicted impact points of tracks, with their uncertainty on the ground.

Each track's state is flown ballistically (gravity with J2, no drag: the tracker's own
motion model) in steps until its geodetic height falls below zero; the crossing is found
by bisection on the last step. The covariance is carried with the state transition matrix,
and the position covariance at impact is slid along the velocity onto the local horizontal
plane: the 1-sigma semi-major axis of that ground ellipse is the impact uncertainty.
Without drag, a reentry vehicle's predicted point lies beyond its true one by the range
that drag takes off (kilometers for a heavy RV); the run reports the difference from the
truth so its size is visible.
"""

from dataclasses import dataclass

import numpy as np

from goldendome.physics._types import ArrayLike, BoolArray, FloatArray
from goldendome.physics.constants import MU_EARTH_M3_S2, OMEGA_EARTH_RAD_S, R_EARTH_MEAN_M
from goldendome.physics.frames import eci_to_ecef
from goldendome.physics.geodetic import ecef_to_geodetic
from goldendome.tracking.motion import propagate

#: Step of the search for the surface crossing, s.
SEARCH_STEP_S = 20.0
#: Longest flight searched, s.
MAX_FLIGHT_S = 4_000.0
#: A coasting state whose Keplerian perigee is above this altitude (m, above the mean
#: sphere) is in orbit: it comes down only after a burn (a fractional orbital bombardment
#: warhead before its braking burn flies at about 150 km). Goldendome assumption: 80 km,
#: where the air begins to bring an orbit down within a revolution or so.
ORBIT_MIN_PERIGEE_M = 80e3


@dataclass(frozen=True)
class ImpactPrediction:
    """Predicted impact of ``n`` tracks.

    Attributes
    ----------
    time_s : (n,) float64, seconds after the state's epoch (NaN: no impact found)
    latitude_rad, longitude_rad : (n,) float64, geodetic
    sigma_m : (n,) float64, 1-sigma semi-major axis of the ground ellipse
    """

    time_s: FloatArray
    latitude_rad: FloatArray
    longitude_rad: FloatArray
    sigma_m: FloatArray


def _height(x: FloatArray) -> FloatArray:
    return np.asarray(ecef_to_geodetic(x[:, :3])[2], dtype=np.float64)


def predict_impact(
    x_eci: FloatArray, covariance: FloatArray, theta_rad: ArrayLike
) -> ImpactPrediction:
    """Where and when tracks would hit the ground, flying ballistically from now.

    All tracks fly together: a coarse search in ``SEARCH_STEP_S`` steps carries each state
    and its transition matrix to the last step above the ground, and bisection from there
    finds the crossing (each state is flown once, not again from its start).

    Parameters
    ----------
    x_eci : (n, 6) float64
    covariance : (n, 6, 6) float64
    theta_rad : float or (n,) float64
        Earth rotation angle at each state's epoch (states may have different epochs).

    Returns
    -------
    ImpactPrediction
    """
    n = x_eci.shape[0]
    theta = np.broadcast_to(np.asarray(theta_rad, dtype=np.float64), (n,))
    lo, hi = np.zeros(n), np.full(n, np.nan)
    x = np.array(x_eci, dtype=np.float64)
    stm = np.broadcast_to(np.eye(6), (n, 6, 6)).copy()
    for k in range(int(MAX_FLIGHT_S / SEARCH_STEP_S)):
        idx = np.flatnonzero(np.isnan(hi))
        if not idx.size:
            break
        x_next, stm_step = propagate(x[idx], SEARCH_STEP_S)
        down = _height(x_next) < 0.0
        hi[idx[down]] = (k + 1) * SEARCH_STEP_S
        up = idx[~down]
        lo[up] = (k + 1) * SEARCH_STEP_S
        x[up], stm[up] = x_next[~down], stm_step[~down] @ stm[up]
    found = np.flatnonzero(np.isfinite(hi))
    t, lat, lon, sigma = (np.full(n, np.nan) for _ in range(4))
    if found.size:
        # Bisection on the time past the last step above the ground, to well under 1 ms.
        a, b = np.zeros(found.size), np.full(found.size, SEARCH_STEP_S)
        for _ in range(20):
            mid = 0.5 * (a + b)
            below = _height(propagate(x[found], mid)[0]) < 0.0
            a, b = np.where(below, a, mid), np.where(below, mid, b)
        tau = 0.5 * (a + b)
        t[found] = lo[found] + tau
        x_hit, stm_last = propagate(x[found], tau)
        phi = stm_last @ stm[found]
        p_hit = phi @ covariance[found] @ np.swapaxes(phi, 1, 2)
        theta_hit = theta[found] + OMEGA_EARTH_RAD_S * t[found]
        lat[found], lon[found], sigma[found] = _ground(x_hit, p_hit, theta_hit)
    return ImpactPrediction(time_s=t, latitude_rad=lat, longitude_rad=lon, sigma_m=sigma)


def _ground(
    x_hit: FloatArray, p_hit: FloatArray, theta_hit_rad: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Latitude, longitude and ground 1-sigma of states at impact with covariances ``p_hit``."""
    r_ecef = eci_to_ecef(x_hit[:, :3], theta_hit_rad)
    lat, lon, _ = ecef_to_geodetic(r_ecef)
    # A position error slides along the velocity to the ground plane: d_ground =
    # (I - v n^T / (n . v)) d, n the local vertical (the usual impact-error mapping).
    up = x_hit[:, :3] / np.linalg.norm(x_hit[:, :3], axis=1, keepdims=True)
    v = x_hit[:, 3:]
    n_dot_v = np.einsum("ni,ni->n", up, v)
    n_dot_v = np.where(np.abs(n_dot_v) > 1e-9, n_dot_v, -1e-9)
    slide = np.eye(3)[None] - v[:, :, None] * up[:, None, :] / n_dot_v[:, None, None]
    ground = slide @ p_hit[:, :3, :3] @ np.swapaxes(slide, 1, 2)
    sigma = np.sqrt(np.maximum(np.linalg.eigvalsh(ground)[:, -1], 0.0))
    return lat, lon, sigma


def in_orbit(x_eci: ArrayLike, min_perigee_m: float = ORBIT_MIN_PERIGEE_M) -> BoolArray:
    """Whether each state's Keplerian conic stays above ``min_perigee_m`` (above the mean
    sphere): such a track predicts no impact, and its fire control waits for a burn that
    brings its perigee down.

    Parameters
    ----------
    x_eci : (n, 6) float64, m and m/s
    min_perigee_m : float, m

    Returns
    -------
    (n,) bool
    """
    x = np.asarray(x_eci, np.float64).reshape(-1, 6)
    r, v = x[:, :3], x[:, 3:]
    h = np.cross(r, v)
    r_norm = np.linalg.norm(r, axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        e_vec = np.cross(v, h) / MU_EARTH_M3_S2 - r / r_norm[:, None]
        e = np.linalg.norm(e_vec, axis=1)
        perigee = np.einsum("ij,ij->i", h, h) / MU_EARTH_M3_S2 / (1.0 + e)
    return np.asarray(perigee > R_EARTH_MEAN_M + min_perigee_m, np.bool_)
