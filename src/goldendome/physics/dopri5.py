"""Adaptive Dormand-Prince 5(4) integration of a batch of independent initial-value problems.

Method: the DOPRI5 pair with FSAL and its standard 4th-order continuous extension (Hairer,
Norsett & Wanner, *Solving Ordinary Differential Equations I*, 2nd ed., 1993, sec. II.4-II.6,
and the coefficients of their code ``dopri5.f``). Choices, following that code:

- Error norm, per member: ``sqrt(mean_j (err_j / sk_j)^2)`` over the ``d`` components, with
  ``sk_j = atol_j + rtol * max(|y_j|, |y_new_j|)``; a step is accepted when the norm is <= 1.
- Step factor ``0.9 * err^(-1/5)`` clipped to [0.2, 10]; no growth on the step right after a
  rejection; the step never exceeds ``max_step_s`` and is stretched by at most 1 % to land
  exactly on ``t_end``. Initial step: Hairer's ``hinit`` unless ``first_step_s`` is given.
- Failure (status -1): step size below ``4 eps max(|t|, |t_end|)`` (underflow, also reached
  when ``f`` returns non-finite values, which count as rejected steps) or ``max_steps``
  attempted steps (accepted plus rejected).
- Events: after each accepted step, members whose ``g`` went from > 0 to <= 0 have the root
  located on the dense-output polynomial by the Illinois variant of regula falsi until the
  bracket is narrower than ``EVENT_TIME_TOL_S``; the event time is the bracket's right end,
  where ``g <= 0``.

Each member carries its own time, step size and counters, and every operation acts row by
row, so a member's result does not depend on the other members of the batch (bit-identical
when ``f`` and ``g`` are row-wise, as the gravity models are).
"""

from dataclasses import dataclass

import numpy as np

from goldendome.physics._types import ArrayLike, FloatArray, IntArray
from goldendome.physics.integrators import EventFn, RhsFn, check_states, check_times

STATUS_END = 0
STATUS_EVENT = 1
STATUS_FAILED = -1
SAFETY = 0.9
MIN_FACTOR = 0.2
MAX_FACTOR = 10.0
#: Width of the bracket at which an event time counts as located, s.
EVENT_TIME_TOL_S = 1e-9
_EPS = float(np.finfo(np.float64).eps)

# Dormand-Prince 5(4) tableau (Hairer et al. 1993, table II.5.2) and dense-output weights.
C2, C3, C4, C5 = 1 / 5, 3 / 10, 4 / 5, 8 / 9
A21 = 1 / 5
A31, A32 = 3 / 40, 9 / 40
A41, A42, A43 = 44 / 45, -56 / 15, 32 / 9
A51, A52, A53, A54 = 19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729
A61, A62, A63, A64, A65 = 9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656
A71, A73, A74, A75, A76 = 35 / 384, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84
E1, E3, E4, E5, E6, E7 = 71 / 57600, -71 / 16695, 71 / 1920, -17253 / 339200, 22 / 525, -1 / 40
D1, D3, D4 = -12715105075 / 11282082432, 87487479700 / 32700410799, -10690763975 / 1880347072
D5, D6, D7 = 701980252875 / 199316789632, -1453857185 / 822651844, 69997945 / 29380423


@dataclass(frozen=True)
class BatchSolution:
    """Result of :func:`dopri5` for a batch of ``n`` members with ``d`` state components.

    Attributes
    ----------
    t_eval_s : (n_t,) float64, s
        Requested output times, common to the batch.
    y : (n, n_t, d) float64
        States at ``t_eval_s`` from dense output; NaN before ``t0_s`` and after a member stopped.
    t_final_s : (n,) float64, s
        Time each member stopped: event time, its ``t_end``, or time of failure.
    y_final : (n, d) float64
        State at ``t_final_s``.
    status : (n,) int64
        0 reached ``t_end``, 1 terminal event, -1 failed (step underflow or ``max_steps``).
    n_steps : (n,) int64
        Accepted steps per member.
    """

    t_eval_s: FloatArray
    y: FloatArray
    t_final_s: FloatArray
    y_final: FloatArray
    status: IntArray
    n_steps: IntArray


def _rms(x: FloatArray) -> FloatArray:
    return np.asarray(np.sqrt(np.mean(x * x, axis=1)), dtype=np.float64)


def _initial_step(
    f: RhsFn, t: FloatArray, y: FloatArray, f0: FloatArray, h_max: FloatArray,
    rtol: float, atol: FloatArray,
) -> FloatArray:  # fmt: skip
    """Hairer's ``hinit``: an explicit-Euler probe of the local scales, per member."""
    sk = atol + rtol * np.abs(y)
    d0, d1 = _rms(y / sk), _rms(f0 / sk)
    small = (d0 < 1e-5) | (d1 < 1e-5)
    h0 = np.minimum(np.where(small, 1e-6, 0.01 * d0 / np.where(small, 1.0, d1)), h_max)
    f1 = f(t + h0, y + h0[:, None] * f0)
    d2 = _rms((f1 - f0) / sk) / h0
    dm = np.maximum(d1, d2)
    h1 = np.where(dm <= 1e-15, np.maximum(1e-6, h0 * 1e-3), (0.01 / np.maximum(dm, 1e-300)) ** 0.2)
    return np.asarray(np.minimum(np.minimum(100.0 * h0, h1), h_max), dtype=np.float64)


def _step(
    f: RhsFn, t: FloatArray, y: FloatArray, k1: FloatArray, h: FloatArray
) -> tuple[FloatArray, list[FloatArray], FloatArray]:
    """One DOPRI5 step per row; returns y_new, the stages k1..k7 and the error estimate."""
    hh = h[:, None]
    k2 = f(t + C2 * h, y + hh * (A21 * k1))
    k3 = f(t + C3 * h, y + hh * (A31 * k1 + A32 * k2))
    k4 = f(t + C4 * h, y + hh * (A41 * k1 + A42 * k2 + A43 * k3))
    k5 = f(t + C5 * h, y + hh * (A51 * k1 + A52 * k2 + A53 * k3 + A54 * k4))
    k6 = f(t + h, y + hh * (A61 * k1 + A62 * k2 + A63 * k3 + A64 * k4 + A65 * k5))
    y_new = y + hh * (A71 * k1 + A73 * k3 + A74 * k4 + A75 * k5 + A76 * k6)
    k7 = f(t + h, y_new)
    err = hh * (E1 * k1 + E3 * k3 + E4 * k4 + E5 * k5 + E6 * k6 + E7 * k7)
    return y_new, [k1, k2, k3, k4, k5, k6, k7], err


def _dense(y: FloatArray, y_new: FloatArray, k: list[FloatArray], h: FloatArray) -> FloatArray:
    """Coefficients (m, 5, d) of the continuous extension over each member's step."""
    hh = h[:, None]
    ydiff = y_new - y
    bspl = hh * k[0] - ydiff
    r5 = hh * (D1 * k[0] + D3 * k[2] + D4 * k[3] + D5 * k[4] + D6 * k[5] + D7 * k[6])
    return np.stack((y, ydiff, bspl, ydiff - hh * k[6] - bspl, r5), axis=1)


def _interp(c: FloatArray, theta: FloatArray) -> FloatArray:
    """Evaluate the continuous extension at fractions ``theta`` (m,) of the step."""
    th = theta[:, None]
    th1 = 1.0 - th
    return c[:, 0] + th * (c[:, 1] + th1 * (c[:, 2] + th * (c[:, 3] + th1 * c[:, 4])))


def _locate(
    g: EventFn, t0: FloatArray, h: FloatArray, c: FloatArray, ga: FloatArray, gb: FloatArray
) -> FloatArray:
    """Illinois regula falsi on the interpolant for rows with ga > 0 >= gb; event times (m,)."""
    ta, tb, fa, fb = t0.copy(), t0 + h, ga.copy(), gb.copy()
    last_side = np.zeros(ta.size, dtype=np.int64)
    for _ in range(200):
        tol = np.maximum(EVENT_TIME_TOL_S, 8.0 * _EPS * np.abs(tb))
        w = np.flatnonzero((tb - ta > tol) & (fb != 0.0))
        if w.size == 0:
            break
        tc = (ta[w] * fb[w] - tb[w] * fa[w]) / (fb[w] - fa[w])
        tc = np.where((tc > ta[w]) & (tc < tb[w]), tc, 0.5 * (ta[w] + tb[w]))
        fc = np.asarray(g(tc, _interp(c[w], (tc - t0[w]) / h[w])), dtype=np.float64)
        left = fc > 0.0  # the root lies in [tc, tb]
        wl, wr = w[left], w[~left]
        ta[wl], fa[wl] = tc[left], fc[left]
        tb[wr], fb[wr] = tc[~left], fc[~left]
        fb[wl] = np.where(last_side[wl] == 1, 0.5 * fb[wl], fb[wl])  # Illinois modification
        fa[wr] = np.where(last_side[wr] == -1, 0.5 * fa[wr], fa[wr])
        last_side[wl], last_side[wr] = 1, -1
    return tb


def _fill_output(
    out: FloatArray,
    rows: IntArray,
    t_eval: FloatArray,
    t_start: FloatArray,
    h: FloatArray,
    t_stop: FloatArray,
    y_stop: FloatArray,
    coef: FloatArray,
) -> None:
    """Write dense output into ``out[rows]`` at the times of ``t_eval`` in (t_start, t_stop]."""
    lo = np.searchsorted(t_eval, t_start, side="right")
    counts = np.searchsorted(t_eval, t_stop, side="right") - lo
    total = int(counts.sum())
    if total == 0:
        return
    member = np.repeat(np.arange(rows.size), counts)
    pts = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts) + lo[member]
    vals = _interp(coef[member], (t_eval[pts] - t_start[member]) / h[member])
    exact = t_eval[pts] == t_stop[member]  # step ends: the integrated state, not the polynomial
    vals[exact] = y_stop[member[exact]]
    out[rows[member], pts] = vals


def _check_inputs(
    y0: ArrayLike,
    t0_s: float,
    t_end_s: float | ArrayLike,
    t_eval_s: ArrayLike | None,
    atol: float | ArrayLike,
) -> tuple[FloatArray, float, FloatArray, FloatArray, FloatArray]:
    """Validate and convert the inputs of :func:`dopri5`; ValueError with a sentence if bad."""
    y = check_states(y0)
    n, d = y.shape
    t0 = float(t0_s)
    t_end = np.asarray(t_end_s, dtype=np.float64)
    if t_end.ndim > 1 or (t_end.ndim == 1 and t_end.shape != (n,)):
        raise ValueError(f"t_end_s must be a scalar or have shape ({n},); got {t_end.shape}.")
    t_end = np.broadcast_to(t_end, (n,)).copy()
    if not np.isfinite(t0) or not np.all(np.isfinite(t_end)) or np.any(t_end < t0):
        raise ValueError(
            f"t_end_s must be finite and >= t0_s = {t0} (integration runs forward only); "
            f"got t_end_s = {t_end}."
        )
    t_eval = check_times(np.zeros(0) if t_eval_s is None else t_eval_s, "t_eval_s")
    atol_arr = np.asarray(atol, dtype=np.float64)
    try:
        atol_b = np.broadcast_to(atol_arr, (n, d)).copy()
    except ValueError:
        raise ValueError(
            f"atol must be a scalar or broadcast to shape ({n}, {d}); got {atol_arr.shape}."
        ) from None
    if not np.all(atol_b > 0.0) or not np.all(np.isfinite(atol_b)):
        raise ValueError(f"atol must be positive and finite; got {atol_arr!r}.")
    return y, t0, t_end, t_eval, atol_b


def dopri5(
    f: RhsFn,
    y0: ArrayLike,
    t0_s: float,
    t_end_s: float | ArrayLike,
    *,
    t_eval_s: ArrayLike | None = None,
    event: EventFn | None = None,
    rtol: float = 1e-9,
    atol: float | ArrayLike = 1e-6,
    max_step_s: float = np.inf,
    first_step_s: float | None = None,
    max_steps: int = 100_000,
) -> BatchSolution:
    """Integrate ``dy/dt = f(t, y)`` for a batch of members with adaptive DOPRI5 steps.

    Parameters
    ----------
    f : callable ``f(t_s (m,), y (m, d)) -> (m, d)``
        Right-hand side, evaluated on the still-active members at their own times.
    y0 : (n, d) float64
        Initial states at ``t0_s`` (units of the problem, e.g. m and m/s).
    t0_s : float, s
        Common initial time.
    t_end_s : float or (n,) float64, s
        Final time, per member or common; must be >= ``t0_s``.
    t_eval_s : (n_t,) float64, s, optional
        Non-decreasing output times; default none (use ``y_final``).
    event : callable ``g(t_s (m,), y (m, d)) -> (m,)``, optional
        Terminal event: a member stops where ``g`` crosses from > 0 to <= 0.
    rtol : float
        Relative tolerance, > 0.
    atol : float or (d,) or (n, d) float64
        Absolute tolerance in the units of ``y``, > 0.
    max_step_s : float, s
        Largest step allowed.
    first_step_s : float, s, optional
        Initial step; default from Hairer's ``hinit``.
    max_steps : int
        Attempted steps allowed per member before it fails with status -1.

    Returns
    -------
    BatchSolution
        Output states, final times and states, statuses and step counts (see its fields).
    """
    y_init, t0, t_end, t_eval, atol_a = _check_inputs(y0, t0_s, t_end_s, t_eval_s, atol)
    if not rtol > 0.0 or not max_step_s > 0.0 or max_steps < 1:
        raise ValueError(
            f"rtol and max_step_s must be positive and max_steps at least 1; got rtol={rtol}, "
            f"max_step_s={max_step_s}, max_steps={max_steps}."
        )
    n, d = y_init.shape
    t, y, k1 = np.full(n, t0), y_init.copy(), np.zeros((n, d))
    t_final, y_final = t.copy(), y.copy()
    status, n_acc, n_try = (np.zeros(n, dtype=np.int64) for _ in range(3))
    out = np.full((n, t_eval.size, d), np.nan)
    out[:, t_eval == t0] = y_init[:, None, :]
    active = t_end > t0
    h, g_old = np.zeros(n), np.full(n, np.nan)
    no_growth = np.zeros(n, dtype=np.bool_)
    idx = np.flatnonzero(active)
    if idx.size:
        k1[idx] = f(t[idx], y[idx])
        if k1[idx].shape != (idx.size, d):
            raise ValueError(f"f must return shape {(idx.size, d)}; it returned {k1[idx].shape}.")
        h_max = np.minimum(max_step_s, t_end[idx] - t0)
        if first_step_s is None:
            h[idx] = _initial_step(f, t[idx], y[idx], k1[idx], h_max, rtol, atol_a[idx])
        else:
            h[idx] = np.minimum(first_step_s, h_max)
        if event is not None:
            g_old[idx] = event(t[idx], y[idx])
    while True:
        stop = active & (n_try >= max_steps)
        status[stop], active[stop] = STATUS_FAILED, False
        t_final[stop], y_final[stop] = t[stop], y[stop]
        idx = np.flatnonzero(active)
        if idx.size == 0:
            break
        ta, ya, t_end_a = t[idx], y[idx], t_end[idx]
        ha = np.minimum(h[idx], max_step_s)
        last = ta + 1.01 * ha >= t_end_a
        ha = np.where(last, t_end_a - ta, ha)
        under = ~last & (ha <= 4.0 * _EPS * np.maximum(np.abs(ta), np.abs(t_end_a)))
        if under.any():
            fail = idx[under]
            status[fail], active[fail] = STATUS_FAILED, False
            t_final[fail], y_final[fail] = ta[under], ya[under]
            continue
        n_try[idx] += 1
        y_new, k, err = _step(f, ta, ya, k1[idx], ha)
        sk = atol_a[idx] + rtol * np.maximum(np.abs(ya), np.abs(y_new))
        err_norm = _rms(err / sk)
        err_norm = np.where(
            np.isfinite(err_norm) & np.isfinite(y_new).all(axis=1), err_norm, np.inf
        )
        acc = err_norm <= 1.0
        factor = np.clip(SAFETY * np.maximum(err_norm, 1e-16) ** -0.2, MIN_FACTOR, MAX_FACTOR)
        factor = np.where(~acc | no_growth[idx], np.minimum(factor, 1.0), factor)
        h[idx], no_growth[idx] = ha * factor, ~acc
        a = np.flatnonzero(acc)
        if a.size == 0:
            continue
        ai, t_new = idx[a], np.where(last[a], t_end_a[a], ta[a] + ha[a])
        cross = np.zeros(a.size, dtype=np.bool_)
        g_prev = g_new = np.zeros(a.size)
        if event is not None:
            g_prev, g_new = g_old[ai], np.asarray(event(t_new, y_new[a]), dtype=np.float64)
            cross = (g_prev > 0.0) & (g_new <= 0.0)
            g_old[ai] = g_new
        t_stop, y_stop = t_new.copy(), y_new[a]
        if cross.any() or t_eval.size:
            coef = _dense(ya[a], y_new[a], [kk[a] for kk in k], ha[a])
            c = np.flatnonzero(cross)
            if c.size and event is not None:
                t_c, h_c = ta[a][c], ha[a][c]
                t_stop[c] = _locate(event, t_c, h_c, coef[c], g_prev[c], g_new[c])
                y_stop[c] = _interp(coef[c], (t_stop[c] - t_c) / h_c)
            _fill_output(out, ai, t_eval, ta[a], ha[a], t_stop, y_stop, coef)
        t[ai], y[ai], k1[ai] = t_new, y_new[a], k[6][a]
        n_acc[ai] += 1
        done = cross | last[a]
        status[ai[cross]] = STATUS_EVENT
        t_final[ai[done]], y_final[ai[done]], active[ai[done]] = t_stop[done], y_stop[done], False
    return BatchSolution(t_eval, out, t_final, y_final, status, n_acc)
