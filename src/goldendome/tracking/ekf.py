"""Batched extended Kalman filter for ballistic tracks in ECI.

``n`` tracks are filtered at once: arrays carry the track on their first axis and no Python
loop runs over tracks. The motion model is :mod:`goldendome.tracking.motion` (gravity with
J2, white-noise acceleration); the measurement model is
:func:`goldendome.tracking.measurement.predict` (range, azimuth, elevation, range rate in a
sensor frame, see :mod:`goldendome.physics.measurements`).

Each track takes at most one measurement per update, a row of ``z (n, 4)``. A NaN component
is unmeasured and is removed exactly, not approximated by a huge variance: its Jacobian row
and residual are set to zero and its noise variance to one. The innovation covariance
``S = H P H^T + R`` is then block diagonal, with an identity block on the unmeasured
components, so ``S^-1`` has the same blocks, the gain ``K = P H^T S^-1`` has zero columns
there, and the result equals the Kalman update with the measured components alone. A row
with no finite component leaves the track exactly as it was.

A new track's first state comes from
:func:`goldendome.tracking.initiation.initial_state_from_measurement`.
"""

from typing import NamedTuple

import numpy as np

from goldendome.physics._types import ArrayLike, BoolArray, FloatArray, IntArray
from goldendome.physics.angles import wrap_angle
from goldendome.tracking.level_flight import propagate_level
from goldendome.tracking.measurement import predict as predict_measurement
from goldendome.tracking.motion import MAX_STEP_S, process_noise, propagate

#: Columns of the measurement vector that are angles (azimuth, elevation).
_ANGLES = [1, 2]
_EYE6 = np.eye(6)


class Update(NamedTuple):
    """Result of :func:`update`.

    Attributes
    ----------
    x_eci : (n, 6) float64
        Posterior position (m) and velocity (m/s), ECI.
    covariance : (n, 6, 6) float64
        Posterior covariance, m and m/s units.
    nis : (n,) float64
        Normalized innovation squared ``y^T S^-1 y`` over the measured components (0 where
        none was measured).
    dof : (n,) int64
        Number of measured components (its chi-square degrees of freedom), 0 to 4.
    """

    x_eci: FloatArray
    covariance: FloatArray
    nis: FloatArray
    dof: IntArray


def predict(
    x_eci: ArrayLike,
    covariance: ArrayLike,
    dt_s: ArrayLike,
    q_m2_s3: ArrayLike,
    *,
    max_step_s: float = MAX_STEP_S,
) -> tuple[FloatArray, FloatArray]:
    """Tracks predicted ``dt_s`` ahead: ``x = f(x)``, ``P = F P F^T + Q``.

    Parameters
    ----------
    x_eci : (n, 6) float64
        Position (m) and velocity (m/s), ECI.
    covariance : (n, 6, 6) float64
        State covariance.
    dt_s : (n,) float64, s
        Time step of each track (a scalar applies to all), >= 0; 0 leaves a track as it is.
    q_m2_s3 : (n,) float64, m^2/s^3
        White-noise acceleration spectral density per track (scalars broadcast).
    max_step_s : float, s
        Largest RK4 sub-step of the gravity propagation.

    Returns
    -------
    x_eci : (n, 6) float64
    covariance : (n, 6, 6) float64
    """
    p = np.asarray(covariance, dtype=np.float64)
    x, stm = propagate(x_eci, dt_s, max_step_s=max_step_s)
    return _covariance(x, stm, p, dt_s, q_m2_s3)


def predict_level(
    x_eci: ArrayLike,
    covariance: ArrayLike,
    dt_s: ArrayLike,
    q_m2_s3: ArrayLike,
    *,
    max_step_s: float = MAX_STEP_S,
) -> tuple[FloatArray, FloatArray]:
    """:func:`predict` with the level-flight model of
    :mod:`goldendome.tracking.level_flight` instead of the ballistic one (same parameters
    and returns)."""
    p = np.asarray(covariance, dtype=np.float64)
    x, stm = propagate_level(x_eci, dt_s, max_step_s=max_step_s)
    return _covariance(x, stm, p, dt_s, q_m2_s3)


def _covariance(
    x: FloatArray, stm: FloatArray, p: FloatArray, dt_s: ArrayLike, q_m2_s3: ArrayLike
) -> tuple[FloatArray, FloatArray]:
    """``(x, F P F^T + Q)``, symmetrized, after checking the covariance's shape."""
    if p.shape != (x.shape[0], 6, 6):
        raise ValueError(f"covariance must have shape ({x.shape[0]}, 6, 6); got {p.shape}.")
    n = x.shape[0]
    dt = np.broadcast_to(np.asarray(dt_s, np.float64), (n,))
    q = process_noise(dt, np.broadcast_to(np.asarray(q_m2_s3, np.float64), (n,)))
    p_new = stm @ p @ np.swapaxes(stm, 1, 2) + q
    return x, 0.5 * (p_new + np.swapaxes(p_new, 1, 2))


def _check_measurements(z: FloatArray, sigma: FloatArray, n: int) -> BoolArray:
    """Boolean mask (n, 4) of measured components, after checking shapes and sigmas."""
    if z.shape != (n, 4) or sigma.shape != (n, 4):
        raise ValueError(
            f"z and sigma must have shape ({n}, 4), one row per track; got {z.shape} and "
            f"{sigma.shape}. Put NaN in a row for a track with no measurement."
        )
    measured = np.isfinite(z)
    bad = measured & ~(np.isfinite(sigma) & (sigma > 0.0))
    if bad.any():
        rows = np.flatnonzero(bad.any(axis=1))[:10].tolist()
        raise ValueError(
            f"every measured (finite) component of z needs a finite, positive sigma; rows "
            f"{rows} do not have one. Set z to NaN where a component is not measured."
        )
    return measured


def update(
    x_eci: ArrayLike,
    covariance: ArrayLike,
    z: ArrayLike,
    sigma: ArrayLike,
    origin_r_eci_m: ArrayLike,
    origin_v_eci_m_s: ArrayLike,
    rotation: ArrayLike,
    *,
    predicted: tuple[FloatArray, FloatArray] | None = None,
) -> Update:
    """Extended Kalman update of every track with its measurement (Joseph form).

    Parameters
    ----------
    x_eci : (n, 6) float64
        Prior position (m) and velocity (m/s), ECI.
    covariance : (n, 6, 6) float64
        Prior covariance.
    z : (n, 4) float64
        range (m), azimuth (rad), elevation (rad), range rate (m/s); NaN where not measured
        (a row of NaN: no measurement for that track).
    sigma : (n, 4) float64
        One-sigma noise of each component, same units; ignored where ``z`` is NaN.
    origin_r_eci_m, origin_v_eci_m_s : (n, 3) float64
        Sensor position (m) and velocity (m/s) at the measurement time, ECI.
    rotation : (n, 3, 3) float64
        ECI to sensor frame.
    predicted : ((n, 4) float64, (n, 4, 6) float64), optional
        The measurements predicted from ``x_eci`` and their Jacobians
        (:func:`goldendome.tracking.measurement.predict` of these rows), when the caller
        has them already; computed here otherwise.

    Returns
    -------
    Update
        Posterior states and covariances, NIS and its degrees of freedom. Angle residuals
        are wrapped to (-pi, pi] before use.
    """
    x = np.asarray(x_eci, dtype=np.float64)
    p = np.asarray(covariance, dtype=np.float64)
    n = x.shape[0] if x.ndim else 0
    if x.shape != (n, 6) or p.shape != (n, 6, 6):
        raise ValueError(
            f"x_eci and covariance must be (n, 6) and (n, 6, 6); got {x.shape} and {p.shape}."
        )
    zz = np.asarray(z, dtype=np.float64)
    sig = np.asarray(sigma, dtype=np.float64)
    measured = _check_measurements(zz, sig, n)
    z_pred, h = (
        predicted
        if predicted is not None
        else predict_measurement(
            x,
            np.asarray(origin_r_eci_m, np.float64),
            np.asarray(origin_v_eci_m_s, np.float64),
            np.asarray(rotation, np.float64),
        )
    )
    resid = np.where(measured, zz - z_pred, 0.0)
    resid[:, _ANGLES] = wrap_angle(resid[:, _ANGLES])
    h = np.where(measured[:, :, None], h, 0.0)
    r_var = np.where(measured, sig * sig, 0.0)
    pht = p @ np.swapaxes(h, 1, 2)
    s = h @ pht
    s[:, [0, 1, 2, 3], [0, 1, 2, 3]] += np.where(measured, r_var, 1.0)
    # Invert S after scaling it to unit diagonal: its components mix m^2, rad^2 and (m/s)^2.
    scale = 1.0 / np.sqrt(np.diagonal(s, axis1=1, axis2=2))
    outer = scale[:, :, None] * scale[:, None, :]
    s_inv = np.linalg.inv(s * outer) * outer
    gain = pht @ s_inv
    x_new = x + np.einsum("nij,nj->ni", gain, resid)
    ikh = _EYE6 - gain @ h
    p_new = ikh @ p @ np.swapaxes(ikh, 1, 2) + (gain * r_var[:, None, :]) @ np.swapaxes(gain, 1, 2)
    p_new = 0.5 * (p_new + np.swapaxes(p_new, 1, 2))
    nis = np.einsum("ni,nij,nj->n", resid, s_inv, resid)
    dof = measured.sum(axis=1).astype(np.int64)
    none = dof == 0
    if none.any():  # exactly unchanged, whatever round-off the algebra above left
        x_new[none] = x[none]
        p_new[none] = p[none]
        nis[none] = 0.0
    return Update(x_new, p_new, nis, dof)
