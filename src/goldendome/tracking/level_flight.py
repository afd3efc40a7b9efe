"""Level-flight motion model for tracks of manoeuvring atmospheric targets.

A hypersonic glide vehicle in its glide and a cruise missile both fly at nearly constant
altitude: the glider's lift balances gravity less the centripetal acceleration of its
curved path (equilibrium glide), the cruise missile's wing and engine hold it at a set
height. The ballistic model of :mod:`goldendome.tracking.motion` instead lets such a track
fall at about 1 g (490 m after 10 s), and its process noise must cover that. This model
predicts constant-radius flight in ECI:

    r' = v,   v' = -(|v|^2 - (u . v)^2) / |r| u,   u = r / |r|,

the acceleration of a point moving on the sphere of its radius with no tangential force
(a great circle at constant speed): gravity and an unknown lift are taken to cancel, except
for the centripetal term. Drag, thrust, turns and pull-ups are unmodelled manoeuvre
accelerations, covered by the white-noise acceleration of
:func:`goldendome.tracking.motion.process_noise` sized by an assumed manoeuvre acceleration
(:mod:`goldendome.tracking.manoeuvre`). This is the nearly-constant-velocity (NCV) model of
Bar-Shalom, Li and Kirubarajan (2001, *Estimation with Applications to Tracking and
Navigation*, sec. 6.3.2) written on the sphere instead of the plane: over 10 s the two
differ by the centripetal term (``v^2 / r``, 0.006 m/s^2 at 200 m/s and 5.6 m/s^2 at
6 km/s, i.e. 0.3 m and 280 m), the latitude-dependent Coriolis and centrifugal terms of a
path fixed to the rotating Earth (under 0.05 m/s^2 at 200 m/s) are left to the noise.

States and state transition matrices are integrated by classic RK4 with equal sub-steps no
longer than ``max_step_s`` (NumPy, every track at once; the model runs on the few tracks in
level flight); the transition matrix is the central difference of the integrated flow
over a displacement of 1 m and 1 m/s in each component (its truncation error is of order
``|d^3 f| eps^2``, far below the round-off of a 6,400 km position).
"""

import numpy as np

from goldendome.physics._types import ArrayLike, FloatArray
from goldendome.tracking.motion import MAX_STEP_S

__all__ = ["level_acceleration", "propagate_level"]

#: Central-difference displacements of the transition matrix: 1 m, 1 m/s.
_EPS = np.array([1.0, 1.0, 1.0, 1.0, 1.0, 1.0])


def level_acceleration(r_eci_m: FloatArray, v_eci_m_s: FloatArray) -> FloatArray:
    """Acceleration of constant-radius flight with no tangential force.

    Parameters
    ----------
    r_eci_m : (n, 3) float64, m
    v_eci_m_s : (n, 3) float64, m/s

    Returns
    -------
    (n, 3) float64, m/s^2
        ``-(|v|^2 - (u . v)^2) / |r| u`` with ``u = r / |r|``.
    """
    radius = np.linalg.norm(r_eci_m, axis=-1, keepdims=True)
    u = r_eci_m / radius
    radial = np.sum(u * v_eci_m_s, axis=-1, keepdims=True)
    speed2 = np.sum(v_eci_m_s * v_eci_m_s, axis=-1, keepdims=True)
    return np.asarray(-(speed2 - radial * radial) / radius * u, np.float64)


def _rhs(x: FloatArray) -> FloatArray:
    return np.concatenate([x[:, 3:], level_acceleration(x[:, :3], x[:, 3:])], axis=1)


def _flow(x: FloatArray, h: FloatArray, n_sub: np.ndarray) -> FloatArray:
    """States (m, 6) moved ``n_sub[k]`` RK4 steps of ``h[k]`` seconds."""
    x = x.copy()
    for k in range(int(n_sub.max(initial=0))):
        idx = np.flatnonzero(n_sub > k)
        y, step = x[idx], h[idx, None]
        k1 = _rhs(y)
        k2 = _rhs(y + 0.5 * step * k1)
        k3 = _rhs(y + 0.5 * step * k2)
        k4 = _rhs(y + step * k3)
        x[idx] = y + (step / 6.0) * (k1 + 2.0 * k2 + 2.0 * k3 + k4)
    return x


def propagate_level(
    x_eci: ArrayLike, dt_s: ArrayLike, *, max_step_s: float = MAX_STEP_S
) -> tuple[FloatArray, FloatArray]:
    """States moved ahead by ``dt_s`` in level flight, and their state transition matrices.

    Parameters
    ----------
    x_eci : (n, 6) float64
        Position (m) and velocity (m/s), ECI.
    dt_s : (n,) float64, s
        Time step of each track (a scalar applies to all), finite and >= 0.
    max_step_s : float, s
        Largest RK4 sub-step.

    Returns
    -------
    x_eci : (n, 6) float64
    stm : (n, 6, 6) float64
        ``d x(t + dt) / d x(t)`` (central differences, module notes).
    """
    if not max_step_s > 0.0:
        raise ValueError(f"max_step_s must be positive; got {max_step_s}.")
    x = np.array(x_eci, dtype=np.float64)
    if x.ndim != 2 or x.shape[1] != 6:
        raise ValueError(f"x_eci must have shape (n, 6); got {x.shape}.")
    n = x.shape[0]
    dt = np.array(np.broadcast_to(np.asarray(dt_s, np.float64), (n,)))
    if not np.all(np.isfinite(dt) & (dt >= 0.0)):
        raise ValueError(f"dt_s must be finite and non-negative; got {dt[:10].tolist()}.")
    n_sub = np.ceil(dt / max_step_s).astype(np.int64)
    h = np.divide(dt, n_sub, out=np.zeros(n), where=n_sub > 0)
    # The state and its 12 displaced copies, integrated together: (n, 13, 6).
    shift = np.concatenate([np.zeros((1, 6)), np.diag(_EPS), -np.diag(_EPS)])
    batch = (x[:, None, :] + shift[None]).reshape(-1, 6)
    out = _flow(batch, np.repeat(h, 13), np.repeat(n_sub, 13)).reshape(n, 13, 6)
    stm = np.swapaxes((out[:, 1:7] - out[:, 7:13]) / (2.0 * _EPS[None, :, None]), 1, 2)
    return out[:, 0], np.asarray(stm, np.float64)
