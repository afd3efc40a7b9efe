"""Ballistic motion model for trackers: ECI states under point-mass + J2 gravity.

A track's state is ``x = [r (m), v (m/s)]`` in ECI, shape ``(n, 6)``. Between measurements
a state follows ``r' = v, v' = g(r)`` (no drag: the model is meant for the exo-atmospheric
midcourse) and its error follows the variational equations

    Phi' = A(t) Phi,   A = [[0, I], [G(r), 0]],   Phi(0) = I,

with ``G = dg/dr`` the gravity gradient, written out analytically below for the point mass
and J2. States and their state transition matrices ``Phi`` are integrated together by
classic RK4 with equal sub-steps no longer than ``max_step_s``, every track at once; each
track has its own time step (zero leaves it unchanged with ``Phi = I``).

Unmodelled accelerations (drag, higher harmonics, manoeuvres) are white noise of spectral
density ``q`` (m^2/s^3) per axis, discretized as the standard continuous white-noise
acceleration model (Bar-Shalom, Li and Kirubarajan 2001, *Estimation with Applications to
Tracking and Navigation*, sec. 6.2.2):

    Q = q [[dt^3/3 I, dt^2/2 I], [dt^2/2 I, dt I]].

This ``Q`` leaves out the gravity gradient's coupling over the step (a relative effect of
order ``|G| dt^2``, about 1e-4 at dt = 10 s in low orbit).
"""

import numpy as np

from goldendome.physics._types import ArrayLike, FloatArray, IntArray
from goldendome.physics.constants import J2_EARTH, MU_EARTH_M3_S2, R_EARTH_EQUATORIAL_M
from goldendome.physics.gravity import gravity_acceleration
from goldendome.tracking._motion_kernel import propagate_tracks

#: Largest RK4 sub-step used by default, s.
MAX_STEP_S = 10.0
_EYE3 = np.eye(3)
_EYE6 = np.eye(6)
#: Per-axis factors of the J2 acceleration: a_i = k x_i (c_i - 5 z^2/r^2) / r^5.
_J2_C = np.array([1.0, 1.0, 3.0])


def gravity_gradient(r_eci_m: ArrayLike, *, zonal_degree: int = 2) -> FloatArray:
    """Gradient of the point-mass (+ J2) gravitational acceleration, ``d g / d r``.

    Parameters
    ----------
    r_eci_m : (..., 3) float64, meters
        Positions relative to the Earth's center, z along the rotation axis.
    zonal_degree : int
        0 for the point mass alone, 2 to add J2.

    Returns
    -------
    (..., 3, 3) float64, 1/s^2
        Symmetric; element ``[..., i, j]`` is ``d g_i / d r_j``.
    """
    if zonal_degree not in (0, 2):
        raise ValueError(
            f"zonal_degree must be 0 (point mass) or 2 (with J2) for the gravity gradient; "
            f"got {zonal_degree}."
        )
    r = np.asarray(r_eci_m, dtype=np.float64)
    r2 = np.einsum("...i,...i->...", r, r)[..., None, None]
    outer = r[..., :, None] * r[..., None, :]
    inv_r5 = r2**-2.5
    # Point mass: g = -mu r / |r|^3, so G = mu (3 r r^T - |r|^2 I) / |r|^5.
    grad = MU_EARTH_M3_S2 * inv_r5 * (3.0 * outer - r2 * _EYE3)
    if zonal_degree == 2:
        # J2: g_i = k x_i (c_i - 5 s2) / r^5 with k = -3/2 J2 mu R^2, s2 = z^2 / r^2, c = (1,1,3);
        # differentiating gives the three terms below (the sum is symmetric).
        k = -1.5 * J2_EARTH * MU_EARTH_M3_S2 * R_EARTH_EQUATORIAL_M**2
        z = r[..., 2][..., None, None]
        s2 = z * z / r2
        inv_r7 = inv_r5 / r2
        diag = np.zeros_like(grad)
        diag[..., [0, 1, 2], [0, 1, 2]] = (_J2_C - 5.0 * s2[..., 0]) * inv_r5[..., 0]
        grad = grad + k * (diag + outer * (35.0 * s2 - 5.0 * _J2_C[:, None]) * inv_r7)
        grad[..., :, 2] -= k * 10.0 * z[..., 0] * r * inv_r7[..., 0]
    return np.asarray(grad, dtype=np.float64)


def _derivatives(
    x: FloatArray, stm: FloatArray, zonal_degree: int
) -> tuple[FloatArray, FloatArray]:
    """Right-hand sides of the state (n, 6) and of its transition matrix (n, 6, 6)."""
    r = x[:, :3]
    dx = np.concatenate([x[:, 3:], gravity_acceleration(r, zonal_degree=zonal_degree)], axis=1)
    grad = gravity_gradient(r, zonal_degree=zonal_degree)
    dstm = np.concatenate([stm[:, 3:, :], grad @ stm[:, :3, :]], axis=1)
    return dx, dstm


def _rk4_step(
    x: FloatArray, stm: FloatArray, h_s: FloatArray, zonal_degree: int
) -> tuple[FloatArray, FloatArray]:
    """One RK4 step of per-track size ``h_s`` (n,) for states and transition matrices."""
    h = h_s[:, None]
    hh = h[:, :, None]
    k1x, k1p = _derivatives(x, stm, zonal_degree)
    k2x, k2p = _derivatives(x + 0.5 * h * k1x, stm + 0.5 * hh * k1p, zonal_degree)
    k3x, k3p = _derivatives(x + 0.5 * h * k2x, stm + 0.5 * hh * k2p, zonal_degree)
    k4x, k4p = _derivatives(x + h * k3x, stm + hh * k3p, zonal_degree)
    x_new = x + (h / 6.0) * (k1x + 2.0 * k2x + 2.0 * k3x + k4x)
    stm_new = stm + (hh / 6.0) * (k1p + 2.0 * k2p + 2.0 * k3p + k4p)
    return x_new, stm_new


def _time_steps(dt_s: ArrayLike, n: int) -> FloatArray:
    """``dt_s`` as an (n,) array of finite, non-negative seconds, or ValueError."""
    dt = np.broadcast_to(np.asarray(dt_s, dtype=np.float64), (n,))
    if not np.all(np.isfinite(dt) & (dt >= 0.0)):
        bad = np.flatnonzero(~(np.isfinite(dt) & (dt >= 0.0)))
        raise ValueError(
            f"dt_s must be finite and non-negative (a tracker predicts forward in time); "
            f"tracks {bad[:10].tolist()} have {dt[bad[:10]].tolist()}."
        )
    return np.array(dt)


def propagate(
    x_eci: ArrayLike,
    dt_s: ArrayLike,
    *,
    max_step_s: float = MAX_STEP_S,
    zonal_degree: int = 2,
) -> tuple[FloatArray, FloatArray]:
    """:func:`propagate_reference`, compiled one track at a time
    (:func:`goldendome.tracking._motion_kernel.propagate_tracks`): the same parameters and
    steps, equal to round-off."""
    x, _, n_sub, h = _steps(x_eci, dt_s, max_step_s, zonal_degree)
    stm = propagate_tracks(x, h, n_sub, zonal_degree == 2)
    return x, stm


def _steps(
    x_eci: ArrayLike, dt_s: ArrayLike, max_step_s: float, zonal_degree: int
) -> tuple[FloatArray, FloatArray, IntArray, FloatArray]:
    """States (a copy), time steps, and each track's sub-step count and length."""
    if not max_step_s > 0.0:
        raise ValueError(f"max_step_s must be positive; got {max_step_s}.")
    if zonal_degree not in (0, 2):
        raise ValueError(f"zonal_degree must be 0 (point mass) or 2 (with J2); got {zonal_degree}.")
    x = np.array(x_eci, dtype=np.float64)
    if x.ndim != 2 or x.shape[1] != 6:
        raise ValueError(f"x_eci must have shape (n, 6); got {x.shape}.")
    n = x.shape[0]
    dt = _time_steps(dt_s, n)
    n_sub = np.ceil(dt / max_step_s).astype(np.int64)
    h = np.divide(dt, n_sub, out=np.zeros(n), where=n_sub > 0)
    return x, dt, n_sub, h


def propagate_reference(
    x_eci: ArrayLike,
    dt_s: ArrayLike,
    *,
    max_step_s: float = MAX_STEP_S,
    zonal_degree: int = 2,
) -> tuple[FloatArray, FloatArray]:
    """States moved ahead by ``dt_s`` under gravity, and their state transition matrices
    (NumPy, every track at once).

    Parameters
    ----------
    x_eci : (n, 6) float64
        Position (m) and velocity (m/s), ECI. A NaN row stays NaN.
    dt_s : (n,) float64, s
        Time step of each track (a scalar applies to all), >= 0.
    max_step_s : float, s
        Largest RK4 sub-step; a track steps ``ceil(dt / max_step_s)`` equal sub-steps.
    zonal_degree : int
        0 for the point mass alone, 2 to add J2.

    Returns
    -------
    x_eci : (n, 6) float64
        States at ``t + dt_s``.
    stm : (n, 6, 6) float64
        ``d x(t + dt) / d x(t)`` from the variational equations.
    """
    x, _, n_sub, h = _steps(x_eci, dt_s, max_step_s, zonal_degree)
    stm = np.broadcast_to(_EYE6, (x.shape[0], 6, 6)).copy()
    for k in range(int(n_sub.max(initial=0))):
        active = n_sub > k
        if active.all():
            x, stm = _rk4_step(x, stm, h, zonal_degree)
        else:
            idx = np.flatnonzero(active)
            x[idx], stm[idx] = _rk4_step(x[idx], stm[idx], h[idx], zonal_degree)
    return x, stm


def process_noise(dt_s: ArrayLike, q_m2_s3: ArrayLike) -> FloatArray:
    """Continuous white-noise acceleration process noise over a step.

    Parameters
    ----------
    dt_s : (n,) float64, s
        Time step of each track, >= 0.
    q_m2_s3 : (n,) float64, m^2/s^3
        Spectral density of the acceleration noise per axis (scalars broadcast).

    Returns
    -------
    (n, 6, 6) float64
        ``q [[dt^3/3 I, dt^2/2 I], [dt^2/2 I, dt I]]`` (m^2, m^2/s, m^2/s^2 blocks).
    """
    dt, q = np.broadcast_arrays(np.asarray(dt_s, np.float64), np.asarray(q_m2_s3, np.float64))
    if dt.ndim != 1:
        raise ValueError(f"dt_s and q_m2_s3 must broadcast to shape (n,); got {dt.shape}.")
    if not np.all(np.isfinite(q) & (q >= 0.0)):
        raise ValueError(f"q_m2_s3 must be finite and non-negative; got {q[:10].tolist()}...")
    blocks = q[:, None, None] * np.stack(
        [np.stack([dt**3 / 3.0, dt**2 / 2.0], -1), np.stack([dt**2 / 2.0, dt], -1)], -2
    )
    return np.asarray(np.kron(blocks, _EYE3), dtype=np.float64)
