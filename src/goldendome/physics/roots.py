"""Batched root finding and maximization of scalar functions, one unknown per batch member.

Each evaluation of ``f`` takes the whole batch at once (``(n,)`` in, ``(n,)`` out), so an
expensive vectorized model (a batch of missile flights) is called once per iteration, not
once per member. Written here because scipy's scalar solvers take one member at a time.
"""

from collections.abc import Callable

import numpy as np

from goldendome.physics._types import ArrayLike, FloatArray

BatchFn = Callable[[FloatArray], FloatArray]
GOLDEN = (np.sqrt(5.0) - 1.0) / 2.0


def solve_bracketed(
    f: BatchFn,
    lo: ArrayLike,
    hi: ArrayLike,
    target: ArrayLike,
    *,
    x_tol: float,
    max_iter: int = 60,
) -> FloatArray:
    """x in [lo, hi] with f(x) = target, for f monotonic on each member's bracket.

    Regula falsi with the Illinois modification; a NaN value of ``f`` (a failed model run)
    falls back to bisection. Members whose bracket does not straddle the target get NaN.

    Parameters
    ----------
    f : callable ``(n,) -> (n,)``
    lo, hi : (n,) float64
        Brackets.
    target : (n,) float64
    x_tol : float
        Stop when every bracket is narrower than this.
    max_iter : int

    Returns
    -------
    (n,) float64
    """
    a = np.array(lo, dtype=np.float64, copy=True)
    b = np.array(hi, dtype=np.float64, copy=True)
    a, b = np.broadcast_arrays(a, b)
    a, b = a.copy(), b.copy()
    y = np.broadcast_to(np.asarray(target, np.float64), a.shape)
    fa, fb = f(a) - y, f(b) - y
    ok = np.sign(fa) * np.sign(fb) <= 0
    side = np.zeros(a.shape, dtype=np.int64)
    for _ in range(max_iter):
        if np.all(~ok | (np.abs(b - a) < x_tol)):
            break
        x = np.where(
            np.isfinite(fa) & np.isfinite(fb) & (fa != fb),
            b - fb * (b - a) / (fb - fa),
            0.5 * (a + b),
        )
        x = np.where((x <= np.minimum(a, b)) | (x >= np.maximum(a, b)), 0.5 * (a + b), x)
        fx = f(x) - y
        fx_bad = ~np.isfinite(fx)
        x = np.where(fx_bad, 0.5 * (a + b), x)
        if fx_bad.any():
            fx = np.where(fx_bad, f(x) - y, fx)
        same_as_b = np.sign(fx) == np.sign(fb)
        # Replace the end point whose value has the sign of f(x); halve the other (Illinois).
        a_new = np.where(same_as_b, a, b)
        fa_new = np.where(same_as_b, np.where(side == 1, fa / 2, fa), fb)
        side = np.where(same_as_b, 1, -1)
        a, fa = np.where(ok, a_new, a), np.where(ok, fa_new, fa)
        b, fb = np.where(ok, x, b), np.where(ok, fx, fb)
    best = np.where(np.abs(fa) < np.abs(fb), a, b)
    return np.where(ok, best, np.nan)


def _scan(f: BatchFn, grid: FloatArray, batched: bool) -> FloatArray:
    """``f`` at every point of ``grid`` (n, m): one call when ``batched``, else m calls."""
    if batched:
        return np.asarray(f(grid), dtype=np.float64).reshape(grid.shape)
    return np.stack([f(grid[:, k]) for k in range(grid.shape[1])], axis=1)


def maximize_on_grid(
    f: BatchFn,
    lo: ArrayLike,
    hi: ArrayLike,
    *,
    n_grid: int = 24,
    x_tol: float,
    max_iter: int = 40,
    batched: bool = False,
) -> tuple[FloatArray, FloatArray]:
    """Maximize f on [lo, hi] per member: a grid scan, then golden-section refinement.

    Parameters
    ----------
    f : callable ``(n,) -> (n,)``; NaN counts as -inf
    lo, hi : (n,) float64
    n_grid : int
        Grid points of the scan (guards against several local maxima).
    x_tol : float
    batched : bool
        ``f`` also takes an ``(n, m)`` array and returns ``(n, m)``: the scan is then one
        call instead of ``n_grid`` (the same values, found faster).

    Returns
    -------
    x_best, f_best : (n,) float64
    """
    lo_a, hi_a = np.broadcast_arrays(np.asarray(lo, np.float64), np.asarray(hi, np.float64))
    frac = np.linspace(0.0, 1.0, n_grid)
    grid = lo_a[:, None] + frac[None, :] * (hi_a - lo_a)[:, None]
    values = _scan(f, grid, batched)
    values = np.where(np.isfinite(values), values, -np.inf)
    k = np.argmax(values, axis=1)
    rows = np.arange(len(k))
    best_x, best_f = grid[rows, k], values[rows, k]
    step = (hi_a - lo_a) / (n_grid - 1)
    a = np.maximum(best_x - step, lo_a)
    b = np.minimum(best_x + step, hi_a)
    for _ in range(max_iter):
        if np.all(b - a < x_tol):
            break
        c = b - GOLDEN * (b - a)
        d = a + GOLDEN * (b - a)
        fc = np.nan_to_num(f(c), nan=-np.inf)
        fd = np.nan_to_num(f(d), nan=-np.inf)
        # Keep the best point seen: near a discontinuity the bracket's middle can be worse.
        for x, fx in ((c, fc), (d, fd)):
            better = fx > best_f
            best_x, best_f = np.where(better, x, best_x), np.where(better, fx, best_f)
        left = fc >= fd
        b = np.where(left, d, b)
        a = np.where(left, a, c)
    return best_x, np.where(np.isfinite(best_f), best_f, np.nan)


def solve_on_grid(
    f: BatchFn,
    lo: ArrayLike,
    hi: ArrayLike,
    target: ArrayLike,
    *,
    x_tol: float,
    n_grid: int = 24,
    from_end: bool = False,
    batched: bool = False,
) -> FloatArray:
    """x with f(x) = target for f that need not be monotonic: a grid scan finds the first
    interval (from ``lo``, or from ``hi`` when ``from_end``) where f crosses the target, and
    :func:`solve_bracketed` refines it. NaN where no interval crosses.

    Parameters
    ----------
    f : callable ``(n,) -> (n,)``
    lo, hi : (n,) float64
    target : (n,) float64
    x_tol : float
    n_grid : int
    from_end : bool
    batched : bool
        As for :func:`maximize_on_grid`.

    Returns
    -------
    (n,) float64
    """
    lo_a, hi_a = np.broadcast_arrays(np.asarray(lo, np.float64), np.asarray(hi, np.float64))
    y = np.broadcast_to(np.asarray(target, np.float64), lo_a.shape)
    grid = lo_a[:, None] + np.linspace(0.0, 1.0, n_grid)[None, :] * (hi_a - lo_a)[:, None]
    values = _scan(f, grid, batched) - y[:, None]
    crosses = np.sign(values[:, :-1]) * np.sign(values[:, 1:]) <= 0  # NaN compares False
    order = np.arange(n_grid - 1)
    if from_end:
        order = order[::-1]
    first = np.argmax(crosses[:, order], axis=1)
    idx = order[first]
    found = crosses[np.arange(len(idx)), idx]
    rows = np.arange(len(idx))
    x = solve_bracketed(f, grid[rows, idx], grid[rows, idx + 1], y, x_tol=x_tol)
    return np.where(found, x, np.nan)
