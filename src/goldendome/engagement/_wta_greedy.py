"""Compiled greedy of the weapon-target assignment heuristic.

``greedy_kernel`` is the marginal-return greedy: every round it fires the free weapon at
the target with shots left that adds the most expected value, ``value[j] * s[j] * pk[i, j]``
with ``s[j]`` the target's survival probability so far. For a fixed target the best free
weapon is the one with the largest ``pk``, so each target keeps its weapons sorted by ``pk``
(``order``, a stable sort: equal ``pk`` keep index order) and a pointer to its first free
one; a round costs ``O(n_targets)``. Ties go to the lowest weapon index, then the lowest
target index, as a plain scan of all pairs would choose.
"""

import numba as nb
import numpy as np

from goldendome.physics._types import FloatArray, IntArray


@nb.njit(cache=True)
def pk_order(pk: FloatArray) -> IntArray:
    """``(n_t, n_w)``: on each target, weapon indices by decreasing ``pk`` (stable)."""
    n_w, n_t = pk.shape
    order = np.empty((n_t, n_w), dtype=np.int64)
    for j in range(n_t):
        order[j] = np.argsort(-pk[:, j], kind="mergesort")
    return order


@nb.njit(cache=True)
def greedy_kernel(
    pk: FloatArray, value: FloatArray, max_shots: IntArray, order: IntArray, out: IntArray
) -> None:
    """Fill ``out`` (n_w,), given all -1, with the greedy assignment."""
    n_w, n_t = pk.shape
    ptr = np.zeros(n_t, dtype=np.int64)
    used = np.zeros(n_w, dtype=np.bool_)
    count = np.zeros(n_t, dtype=np.int64)
    survival = np.ones(n_t)
    for _ in range(n_w):
        best_gain, best_i, best_j = 0.0, -1, -1
        for j in range(n_t):
            if count[j] >= max_shots[j] or value[j] <= 0.0 or survival[j] <= 0.0:
                continue
            k = ptr[j]
            while k < n_w and used[order[j, k]]:
                k += 1
            ptr[j] = k
            if k == n_w:
                continue
            i = order[j, k]
            gain = value[j] * survival[j] * pk[i, j]
            if gain > best_gain or (
                gain == best_gain and gain > 0.0 and (i < best_i or (i == best_i and j < best_j))
            ):
                best_gain, best_i, best_j = gain, i, j
        if best_i < 0:
            break
        out[best_i] = best_j
        used[best_i] = True
        count[best_j] += 1
        survival[best_j] *= 1.0 - pk[best_i, best_j]
