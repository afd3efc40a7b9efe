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

from goldendome.physics._types import FloatArray
from goldendome.physics.constants import OMEGA_EARTH_RAD_S
from goldendome.physics.frames import eci_to_ecef
from goldendome.physics.geodetic import ecef_to_geodetic
from goldendome.tracking.motion import propagate

#: Step of the search for the surface crossing, s.
SEARCH_STEP_S = 20.0
#: Longest flight searched, s.
MAX_FLIGHT_S = 4_000.0


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


def predict_impact(x_eci: FloatArray, covariance: FloatArray, theta_rad: float) -> ImpactPrediction:
    """Where and when tracks would hit the ground, flying ballistically from now.

    Parameters
    ----------
    x_eci : (n, 6) float64
    covariance : (n, 6, 6) float64
    theta_rad : float
        Earth rotation angle at the states' epoch.

    Returns
    -------
    ImpactPrediction
    """
    n = x_eci.shape[0]
    lo, hi = np.zeros(n), np.full(n, np.nan)
    x = x_eci.copy()
    for k in range(int(MAX_FLIGHT_S / SEARCH_STEP_S)):
        pending = np.isnan(hi)
        if not pending.any():
            break
        x_next, _ = propagate(x[pending], SEARCH_STEP_S)
        down = _height(x_next) < 0.0
        idx = np.flatnonzero(pending)
        hi[idx[down]] = (k + 1) * SEARCH_STEP_S
        lo[idx[~down]] = (k + 1) * SEARCH_STEP_S
        x[idx[~down]] = x_next[~down]
    found = np.isfinite(hi)
    t = np.full(n, np.nan)
    if found.any():
        a, b = lo[found], hi[found]
        for _ in range(20):  # bisection to well under a second
            mid = 0.5 * (a + b)
            below = _height(propagate(x_eci[found], mid)[0]) < 0.0
            a, b = np.where(below, a, mid), np.where(below, mid, b)
        t[found] = 0.5 * (a + b)
    lat, lon, sigma = np.full(n, np.nan), np.full(n, np.nan), np.full(n, np.nan)
    if found.any():
        lat[found], lon[found], sigma[found] = _ground(
            x_eci[found], covariance[found], t[found], theta_rad
        )
    return ImpactPrediction(
        time_s=t,
        latitude_rad=lat,
        longitude_rad=lon,
        sigma_m=sigma,
    )


def _ground(
    x_eci: FloatArray, covariance: FloatArray, t_s: FloatArray, theta_rad: float
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Latitude, longitude and ground 1-sigma of states flown ``t_s`` to impact."""
    x_hit, stm = propagate(x_eci, t_s)
    p_hit = stm @ covariance @ np.swapaxes(stm, 1, 2)
    r_ecef = eci_to_ecef(x_hit[:, :3], theta_rad + OMEGA_EARTH_RAD_S * t_s)
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
