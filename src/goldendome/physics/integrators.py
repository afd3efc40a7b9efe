"""Fixed-step classic Runge-Kutta integration of a batch of ODEs, and shared ODE types.

The adaptive Dormand-Prince 5(4) integrator with events and dense output lives in
:mod:`goldendome.physics.dopri5`; both take the same right-hand-side signature, ``f(t_s, y)``
with ``t_s`` of shape (n,) and ``y`` of shape (n, d), one row per member of the batch.
"""

import math
from collections.abc import Callable
from typing import TypeAlias

import numpy as np

from goldendome.physics._types import ArrayLike, FloatArray

#: Right-hand side ``f(t_s (n,), y (n, d)) -> dy/dt (n, d)``.
RhsFn: TypeAlias = Callable[[FloatArray, FloatArray], FloatArray]
#: Event function ``g(t_s (n,), y (n, d)) -> (n,)``; an event is a crossing from > 0 to <= 0.
EventFn: TypeAlias = Callable[[FloatArray, FloatArray], FloatArray]


def check_states(y0: ArrayLike) -> FloatArray:
    """Return ``y0`` as a finite (n, d) float64 array or raise ValueError with a sentence."""
    y = np.array(y0, dtype=np.float64)
    if y.ndim != 2:
        raise ValueError(
            f"y0 must be a 2-D array of shape (n, d), one row per member; got shape {y.shape}. "
            "Wrap a single state as y0[None, :]."
        )
    if not np.all(np.isfinite(y)):
        bad = np.flatnonzero(~np.isfinite(y).all(axis=1))
        raise ValueError(f"y0 must be finite; rows {bad.tolist()} contain NaN or inf.")
    return y


def check_times(t_s: ArrayLike, name: str) -> FloatArray:
    """Return ``t_s`` as a finite, non-decreasing 1-D float64 array or raise ValueError."""
    t = np.array(t_s, dtype=np.float64)
    if t.ndim != 1 or not np.all(np.isfinite(t)) or np.any(np.diff(t) < 0.0):
        raise ValueError(
            f"{name} must be a 1-D array of finite, non-decreasing times in seconds; "
            f"got shape {t.shape} with values {t.ravel()[:5]}..."
        )
    return t


def rk4_step(f: RhsFn, t_s: FloatArray, y: FloatArray, h_s: float) -> FloatArray:
    """One classic fourth-order Runge-Kutta step of size ``h_s`` for every row.

    Parameters
    ----------
    f : callable ``f(t_s (n,), y (n, d)) -> (n, d)``
        Right-hand side.
    t_s : (n,) float64, s
        Times of the rows.
    y : (n, d) float64
        States at ``t_s``.
    h_s : float, s
        Step size.

    Returns
    -------
    (n, d) float64
        States at ``t_s + h_s``.
    """
    half = 0.5 * h_s
    k1 = f(t_s, y)
    k2 = f(t_s + half, y + half * k1)
    k3 = f(t_s + half, y + half * k2)
    k4 = f(t_s + h_s, y + h_s * k3)
    return np.asarray(y + (h_s / 6.0) * (k1 + 2.0 * k2 + 2.0 * k3 + k4), dtype=np.float64)


def rk4_fixed(
    f: RhsFn, y0: ArrayLike, t_eval_s: ArrayLike, *, max_step_s: float | None = None
) -> FloatArray:
    """Classic RK4 over a common output grid, substepping so no step exceeds ``max_step_s``.

    Each output interval ``[t_i, t_i+1]`` is split into ``ceil((t_i+1 - t_i) / max_step_s)``
    equal substeps (one step when ``max_step_s`` is None). Non-finite values from ``f``
    propagate as NaN in the affected rows only.

    Parameters
    ----------
    f : callable ``f(t_s (n,), y (n, d)) -> (n, d)``
        Right-hand side.
    y0 : (n, d) float64
        Initial states at ``t_eval_s[0]``.
    t_eval_s : (n_t,) float64, s
        Non-decreasing output times, n_t >= 1.
    max_step_s : float, s, optional
        Largest step allowed, > 0.

    Returns
    -------
    (n, n_t, d) float64
        States at ``t_eval_s``; ``y[:, 0] == y0``.
    """
    y = check_states(y0)
    t = check_times(t_eval_s, "t_eval_s")
    if t.size == 0:
        raise ValueError("t_eval_s must hold at least one time (the initial time); got none.")
    if max_step_s is not None and not max_step_s > 0.0:
        raise ValueError(f"max_step_s must be positive or None; got {max_step_s}.")
    n, d = y.shape
    out = np.empty((n, t.size, d))
    out[:, 0] = y
    for i in range(t.size - 1):
        dt = t[i + 1] - t[i]
        n_sub = 1 if max_step_s is None else max(1, math.ceil(dt / max_step_s))
        h = dt / n_sub
        for j in range(n_sub if dt > 0.0 else 0):
            y = rk4_step(f, np.full(n, t[i] + j * h), y, h)
        out[:, i + 1] = y
    return out
