"""Improving changes of the weapon-target assignment local search (compiled).

Moving one weapon; two weapons where one takes the other's place (the other moves on,
holds fire, or takes the first one's place); three-weapon chains and cycles. Deltas are
exact (:mod:`goldendome.engagement._wta_state`). Searches are pruned by bounds, not
guesses, except that a chain pairs each first weapon with its ``TOP`` best continuations
only. Every change is checked exactly before it is kept.
"""

import numba as nb
import numpy as np

from goldendome.engagement._wta_state import (
    Problem,
    State,
    elsewhere,
    lost,
    replace,
    try_change,
)
from goldendome.physics._types import IntArray

#: Best continuations kept per weapon in the three-weapon chain search.
TOP = 8


@nb.njit(cache=True)
def pair_pass(prob: Problem, assignment: IntArray, state: State, tol: float) -> bool:
    """Moves, then two-weapon changes; True if anything changed.

    For each weapon ``k`` on ``b``, a weapon ``i`` (on ``a``, or holding) takes its place
    while ``k`` moves to its best other target with room, holds, or takes ``a``. Such a
    change gains ``G + (what k's move gains) - (what i's leaving loses)`` with ``G =
    value[b] * without[k] * (pk[i, b] - pk[k, b])``, so it can only help if ``G`` exceeds
    minus ``k``'s best move; the scan walks ``b``'s weapons by decreasing ``pk`` and stops
    there. (An exchange with ``G <= 0`` is found from the other side, where it gains.)
    Pairs whose inputs (the two targets, ``k``'s best moves) have not changed since ``k``
    was last scanned are skipped: they did not help then and cannot now.
    """
    pk, value = prob[0], prob[1]
    without, best_gain, where, order = state[1], state[4], state[5], state[6]
    target_stamp, weapon_stamp, seen, clock = state[7], state[8], state[9], state[10]
    n_w, n_t = pk.shape
    one, target = np.empty(1, dtype=np.int64), np.empty(1, dtype=np.int64)
    two, targets = np.empty(2, dtype=np.int64), np.empty(2, dtype=np.int64)
    improved = False
    for i in range(n_w):  # moves
        if best_gain[i, 0] - lost(i, pk, value, assignment, state) > tol:
            one[0], target[0] = i, where[i, 0]
            improved |= try_change(prob, assignment, state, one, target, tol)
    for k in range(n_w):
        b = assignment[k]
        scale = value[b] * without[k] if b >= 0 else 0.0
        if scale <= 0.0:
            continue
        floor = pk[k, b] - best_gain[k, 0] / scale
        last, seen[k] = seen[k], clock[0]
        every = target_stamp[b] > last or weapon_stamp[k] > last
        for m in range(n_w):
            i = order[b, m]
            if pk[i, b] <= max(floor, 0.0):
                break
            a = assignment[i]
            if a == b or (not every and target_stamp[a if a >= 0 else n_t] <= last):
                continue
            gain = scale * (pk[i, b] - pk[k, b])
            k_gain, k_to = elsewhere(k, a, a, state)
            best, best_to = gain - lost(i, pk, value, assignment, state) + k_gain, k_to
            if a >= 0 and pk[k, a] > 0.0:
                swap = gain + value[a] * without[i] * (pk[k, a] - pk[i, a])
                if swap > best:
                    best, best_to = swap, a
            if best > tol:
                two[0], two[1], targets[0], targets[1] = i, k, b, best_to
                if try_change(prob, assignment, state, two, targets, tol):
                    improved = True
                    break
    return improved


@nb.njit(cache=True)
def chain_pass(prob: Problem, assignment: IntArray, state: State, tol: float) -> bool:
    """Three-weapon chains around each weapon ``k``; True if any was applied.

    ``i`` (on ``a``, or holding) takes the target ``b`` of ``k``, ``k`` takes the target
    ``c`` of ``e``, and ``e`` moves to its best target with room, or holds. The value lost
    is ``x(i) + y(e)``, coupled only through ``a`` (``c`` and ``e``'s new target must
    differ from it), so each ``i`` is paired with the ``TOP`` best ``e`` only. ``i`` runs
    over ``b``'s weapons by decreasing ``pk`` until ``x`` can no longer be low enough; of
    the holding weapons only the first (the best) is tried.
    """
    pk, value = prob[0], prob[1]
    without, order = state[1], state[6]
    n_w = pk.shape[0]
    top_y, top_r = np.empty(TOP), np.empty(TOP)
    top_e, top_d = np.empty(TOP, dtype=np.int64), np.empty(TOP, dtype=np.int64)
    three, to = np.empty(3, dtype=np.int64), np.empty(3, dtype=np.int64)
    improved = False
    for k in range(n_w):
        b = assignment[k]
        if b < 0:
            continue
        n_top = 0
        for e in range(n_w):
            c = assignment[e]
            if c < 0 or c == b or pk[k, c] <= 0.0:
                continue
            r = replace(k, e, pk, value, assignment, state)
            g, d = elsewhere(e, b, b, state)
            m = n_top
            while m > 0 and r - g < top_y[m - 1]:
                if m < TOP:
                    top_y[m], top_r[m] = top_y[m - 1], top_r[m - 1]
                    top_e[m], top_d[m] = top_e[m - 1], top_d[m - 1]
                m -= 1
            if m < TOP:
                top_y[m], top_r[m], top_e[m], top_d[m] = r - g, r, e, d
                n_top = min(n_top + 1, TOP)
        if n_top == 0:
            continue
        scale = value[b] * without[k]
        best, best_i, best_e, best_d = -tol, -1, -1, -1
        holder_seen = False
        for m in range(n_w):
            i = order[b, m]
            x = scale * (pk[k, b] - pk[i, b])
            if pk[i, b] <= 0.0 or x + top_y[0] >= best:
                break
            a = assignment[i]
            if a == b or (a < 0 and holder_seen):
                continue
            holder_seen |= a < 0
            x += lost(i, pk, value, assignment, state)
            for n in range(n_top):
                if x + top_y[n] >= best:
                    break
                e, d, est = top_e[n], top_d[n], x + top_y[n]
                if a >= 0 and assignment[e] == a:
                    continue
                if a >= 0 and d == a:
                    g, d = elsewhere(e, a, b, state)
                    est = x + top_r[n] - g
                if est < best:
                    best, best_i, best_e, best_d = est, i, e, d
        if best_i >= 0:
            three[0], three[1], three[2] = best_i, k, best_e
            to[0], to[1], to[2] = b, assignment[best_e], best_d
            improved |= try_change(prob, assignment, state, three, to, tol)
    return improved


@nb.njit(cache=True)
def cycle_pass(prob: Problem, assignment: IntArray, state: State, tol: float) -> bool:
    """Three-weapon cycles ``i -> k -> e -> i`` (each takes the next one's target).

    A cycle's value lost is ``r(i, k) + r(k, e) + r(e, i)`` with ``r(x, y)`` the loss when
    ``x`` takes ``y``'s place. A cycle with a negative sum has a starting point from which
    every partial sum is negative, so for each ``k`` only the ``i`` with ``r(i, k) < 0``
    are followed, and only the ``e`` with ``r(k, e) < max(-r(i, k))``, sorted so that the
    scan for each ``i`` stops early. ``r(e, i)`` is bounded below by ``low``.
    """
    pk, value = prob[0], prob[1]
    without = state[1]
    n_t = pk.shape[1]
    shooters = np.flatnonzero(assignment >= 0)
    n_s = shooters.shape[0]
    other = np.zeros(n_t)  # best pk on each target among the weapons on other targets
    for e in shooters:
        for j in range(n_t):
            if assignment[e] != j:
                other[j] = max(other[j], pk[e, j])
    low = np.empty(pk.shape[0])  # lower bound on r(e, i) over e
    for i in shooters:
        a = assignment[i]
        low[i] = -value[a] * without[i] * max(0.0, other[a] - pk[i, a])
    pred, pred_r = np.empty(n_s, dtype=np.int64), np.empty(n_s)
    succ, succ_r = np.empty(n_s, dtype=np.int64), np.empty(n_s)
    three, to = np.empty(3, dtype=np.int64), np.empty(3, dtype=np.int64)
    improved = False
    for k in shooters:
        b = assignment[k]
        n_pred, reach = 0, 0.0
        for i in shooters:
            a = assignment[i]
            if a != b and pk[i, b] > 0.0:
                r1 = replace(int(i), int(k), pk, value, assignment, state)
                if r1 < 0.0:
                    pred[n_pred], pred_r[n_pred] = i, r1
                    n_pred += 1
                    reach = max(reach, -r1)
        if n_pred == 0:
            continue
        n_succ = 0
        for e in shooters:
            c = assignment[e]
            if c != b and pk[k, c] > 0.0:
                r2 = replace(int(k), int(e), pk, value, assignment, state)
                if r2 < reach:
                    succ[n_succ], succ_r[n_succ] = e, r2
                    n_succ += 1
        by_r = np.argsort(succ_r[:n_succ])
        best, best_i, best_e = -tol, -1, -1
        for p in range(n_pred):
            i, r1 = pred[p], pred_r[p]
            a = assignment[i]
            for m in by_r:
                r2 = r1 + succ_r[m]
                if r2 >= 0.0 or r2 + low[i] >= best:
                    break
                e = succ[m]
                if assignment[e] == a or pk[e, a] <= 0.0:
                    continue
                est = r2 + value[a] * without[i] * (pk[i, a] - pk[e, a])
                if est < best:
                    best, best_i, best_e = est, i, e
        if best_i >= 0:
            three[0], three[1], three[2] = best_i, k, best_e
            to[0], to[1], to[2] = b, assignment[best_e], assignment[best_i]
            improved |= try_change(prob, assignment, state, three, to, tol)
    return improved
