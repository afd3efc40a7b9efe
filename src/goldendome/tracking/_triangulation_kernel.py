"""Compiled search for crossing lines of sight (the pairs
:func:`goldendome.tracking.triangulation.triangulate_pairs` starts tracks from).

Every pair of lines is tried, as the NumPy reference does, but only the pairs within the
gate are kept: the work grows with the square of the unpaired infrared measurements of a
time, the memory with the pairs kept.
"""

import math

import numba as nb
import numpy as np

from goldendome.physics._types import FloatArray, IntArray


@nb.njit(cache=True)
def crossing_pairs(
    u: FloatArray, origin: FloatArray, gate_m: float
) -> tuple[IntArray, IntArray, FloatArray]:
    """Greedy pairs of lines ``origin + s u`` crossing within ``gate_m`` ahead of both
    origins, closest first, each line used once.

    Parameters
    ----------
    u : (n, 3) float64
        Unit directions.
    origin : (n, 3) float64, m
    gate_m : float, m

    Returns
    -------
    first, second : (n_pair,) int64
        The two lines of each pair (``first < second``), in the order taken.
    midpoint : (n_pair, 3) float64, m
        Midpoint of the pair's closest approach.
    """
    n = u.shape[0]
    pi, pj = np.empty(16, np.int64), np.empty(16, np.int64)
    miss, mid = np.empty(16), np.empty((16, 3))
    p1, p2 = np.empty(3), np.empty(3)
    k = 0
    for i in range(n):
        for j in range(i + 1, n):
            w0 = origin[i, 0] - origin[j, 0]
            w1 = origin[i, 1] - origin[j, 1]
            w2 = origin[i, 2] - origin[j, 2]
            b = u[i, 0] * u[j, 0] + u[i, 1] * u[j, 1] + u[i, 2] * u[j, 2]
            d = u[i, 0] * w0 + u[i, 1] * w1 + u[i, 2] * w2
            e = u[j, 0] * w0 + u[j, 1] * w1 + u[j, 2] * w2
            denom = 1.0 - b * b
            if not denom > 1e-6:  # parallel, or from the same place
                continue
            s = (b * e - d) / denom
            t = (e - b * d) / denom
            if not (s > 0.0 and t > 0.0):
                continue
            for a in range(3):
                p1[a] = origin[i, a] + s * u[i, a]
                p2[a] = origin[j, a] + t * u[j, a]
            gap = math.sqrt((p1[0] - p2[0]) ** 2 + (p1[1] - p2[1]) ** 2 + (p1[2] - p2[2]) ** 2)
            if not gap <= gate_m:
                continue
            if k == pi.size:
                pi, pj, miss, mid = _grow(pi), _grow(pj), _grow(miss), _grow2(mid)
            pi[k], pj[k], miss[k] = i, j, gap
            for a in range(3):
                mid[k, a] = 0.5 * (p1[a] + p2[a])
            k += 1
    order = np.argsort(miss[:k])
    taken = np.zeros(n, np.bool_)
    keep = np.zeros(k, np.bool_)
    for q in order:
        if not (taken[pi[q]] or taken[pj[q]]):
            taken[pi[q]] = taken[pj[q]] = True
            keep[q] = True
    chosen = order[keep[order]]
    return pi[chosen], pj[chosen], mid[chosen]


@nb.njit(cache=True)
def _grow(a: np.ndarray) -> np.ndarray:
    """``a`` in an array twice as long."""
    out = np.empty(2 * a.size, a.dtype)
    out[: a.size] = a
    return out


@nb.njit(cache=True)
def _grow2(a: FloatArray) -> FloatArray:
    """``a (n, 3)`` in an array twice as long."""
    out = np.empty((2 * a.shape[0], a.shape[1]))
    out[: a.shape[0]] = a
    return out
