"""Compiled kernels of the weapon-target assignment heuristic.

``greedy_kernel`` is the marginal-return greedy: every round it fires the free weapon at
the target with shots left that adds the most expected value, ``value[j] * s[j] * pk[i, j]``
with ``s[j]`` the target's survival probability so far. For a fixed target the best free
weapon is the one with the largest ``pk``, so each target keeps its weapons sorted by ``pk``
(``order``, a stable sort: equal ``pk`` keep index order) and a pointer to its first free
one; a round costs ``O(n_targets)``. Ties go to the lowest weapon index, then the lowest
target index, as a plain scan of all pairs would choose.

``local_search_kernel`` then applies improving changes until none is left: moving one
weapon; two weapons where one takes the other's place (the other moves on, holds fire, or
takes the first one's place); three-weapon chains and cycles. Deltas are exact: each
target keeps its survival and, for every weapon on it, its survival without that weapon,
from prefix and suffix products (no division, so ``pk = 1`` needs no special case),
recomputed for the targets a change touches. Searches are pruned by bounds, not guesses,
except that a chain pairs each first weapon with its ``TOP`` best continuations only.
Every change is checked exactly before it is kept (:func:`_try`). ``improve_kernel``
follows it with a few kicks (iterated local search) to leave the local optima it cannot.
"""

import numba as nb
import numpy as np

from goldendome.physics._types import FloatArray, IntArray

#: Best continuations kept per weapon in the three-weapon chain search.
TOP = 8

# 0 survival (n_t,), 1 without (n_w,), 2 count (n_t,), 3 buf (n_w,), 4 and 5 best gains and
# targets with room (n_w, 3) per weapon, 6 order (n_t, n_w): weapons by decreasing pk on each
# target; change stamps: 7 of targets (n_t + 1,: the last is holding fire), 8 of weapons' best
# gains (n_w,), 9 when each weapon was last scanned (n_w,), 10 the clock (1,).
#: pk (n_w, n_t), value (n_t,), max_shots (n_t,).
Problem = tuple[FloatArray, FloatArray, IntArray]

State = tuple[
    FloatArray, FloatArray, IntArray, IntArray, FloatArray, IntArray, IntArray,
    IntArray, IntArray, IntArray, IntArray,
]  # fmt: skip


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


@nb.njit(cache=True)
def _refresh(j: int, pk: FloatArray, assignment: IntArray, state: State) -> None:
    """Recompute target ``j``'s survival, shot count and each shooter's survival-without."""
    survival, without, count, buf = state[0], state[1], state[2], state[3]
    k = 0
    for i in range(assignment.shape[0]):
        if assignment[i] == j:
            buf[k] = i
            k += 1
    count[j] = k
    prefix = 1.0
    for m in range(k):
        without[buf[m]] = prefix
        prefix *= 1.0 - pk[buf[m], j]
    survival[j] = prefix
    suffix = 1.0
    for m in range(k - 1, -1, -1):
        without[buf[m]] *= suffix
        suffix *= 1.0 - pk[buf[m], j]


@nb.njit(cache=True)
def _lost(i: int, pk: FloatArray, value: FloatArray, assignment: IntArray, state: State) -> float:
    """Value lost when weapon ``i`` leaves its target (0 if it holds)."""
    a = assignment[i]
    return value[a] * state[1][i] * pk[i, a] if a >= 0 else 0.0


@nb.njit(cache=True)
def _replace(
    x: int, y: int, pk: FloatArray, value: FloatArray, assignment: IntArray, state: State
) -> float:
    """Value lost (negative: gained) when weapon ``x`` takes the place of weapon ``y``."""
    c = assignment[y]
    return float(value[c] * state[1][y] * (pk[y, c] - pk[x, c]))


@nb.njit(cache=True)
def _relocate(i: int, prob: Problem, assignment: IntArray, state: State) -> None:
    """Weapon ``i``'s three best targets with room other than its own, and their gains.

    A target is -1 (gain 0: hold fire) past the targets that would gain anything. A change
    is stamped with the clock.
    """
    pk, value, max_shots = prob
    survival, count, best, where = state[0], state[2], state[4], state[5]
    was = (best[i, 0], best[i, 1], best[i, 2], where[i, 0], where[i, 1], where[i, 2])
    best[i, :] = 0.0
    where[i, :] = -1
    for c in range(pk.shape[1]):
        if c == assignment[i] or count[c] >= max_shots[c] or pk[i, c] <= 0.0:
            continue
        g = value[c] * survival[c] * pk[i, c]
        m = 3
        while m > 0 and g > best[i, m - 1]:
            m -= 1
        for r in range(2, m, -1):
            best[i, r], where[i, r] = best[i, r - 1], where[i, r - 1]
        if m < 3:
            best[i, m], where[i, m] = g, c
    if was != (best[i, 0], best[i, 1], best[i, 2], where[i, 0], where[i, 1], where[i, 2]):
        state[8][i] = state[10][0]


@nb.njit(cache=True)
def _relocations(
    prob: Problem, assignment: IntArray, state: State, touched: IntArray, moved: IntArray
) -> None:
    """Bring every weapon's best targets up to date after a change (see :func:`_relocate`).

    Only targets in ``touched`` changed and only weapons in ``moved`` changed target, so a
    weapon is redone only if it moved, one of its best targets was touched, or a touched
    target now beats its third best. Empty ``touched`` redoes all.
    """
    pk, value, max_shots = prob
    survival, count, best, where = state[0], state[2], state[4], state[5]
    for i in range(pk.shape[0]):
        redo = touched.shape[0] == 0
        for w in moved:
            redo |= w == i
        for t in touched:
            if redo:
                break
            if t >= 0 and (where[i, 0] == t or where[i, 1] == t or where[i, 2] == t):
                redo = True
            elif t >= 0 and t != assignment[i] and count[t] < max_shots[t] and pk[i, t] > 0.0:
                redo = value[t] * survival[t] * pk[i, t] > best[i, 2]
        if redo:
            _relocate(i, prob, assignment, state)


@nb.njit(cache=True)
def _elsewhere(k: int, avoid: int, avoid2: int, state: State) -> tuple[float, int]:
    """Best target with room for weapon ``k`` other than ``avoid`` and ``avoid2``."""
    best, where = state[4], state[5]
    for r in range(3):
        if where[k, r] < 0 or (where[k, r] != avoid and where[k, r] != avoid2):
            return best[k, r], where[k, r]
    return 0.0, -1


@nb.njit(cache=True)
def _try(
    prob: Problem, assignment: IntArray, state: State, moved: IntArray, to: IntArray, tol: float
) -> bool:
    """Send weapon ``moved[m]`` to ``to[m]`` for all m if feasible and worth more than ``tol``."""
    pk, value, max_shots = prob
    survival, count = state[0], state[2]
    n = moved.shape[0]
    old = np.empty(n, dtype=np.int64)
    touched = np.empty(2 * n, dtype=np.int64)
    n_touched = 0
    for w in range(n):
        old[w] = assignment[moved[w]]
        for t in (old[w], to[w]):
            if t not in touched[:n_touched]:
                touched[n_touched] = t
                n_touched += 1
        if to[w] >= 0 and (pk[moved[w], to[w]] <= 0.0 or value[to[w]] <= 0.0):
            return False
    touched = touched[:n_touched]
    for t in touched:
        if t >= 0 and count[t] + np.sum(to == t) - np.sum(old == t) > max_shots[t]:
            return False
    assignment[moved] = to
    gain = 0.0
    for t in touched:
        if t >= 0:
            after = 1.0
            for i in range(assignment.shape[0]):
                if assignment[i] == t:
                    after *= 1.0 - pk[i, t]
            gain += value[t] * (survival[t] - after)
    if gain <= tol:
        assignment[moved] = old
        return False
    state[10][0] += 1
    for t in touched:
        state[7][t if t >= 0 else pk.shape[1]] = state[10][0]
        if t >= 0:
            _refresh(t, pk, assignment, state)
    _relocations(prob, assignment, state, touched, moved)
    return True


@nb.njit(cache=True)
def _pair_pass(prob: Problem, assignment: IntArray, state: State, tol: float) -> bool:
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
        if best_gain[i, 0] - _lost(i, pk, value, assignment, state) > tol:
            one[0], target[0] = i, where[i, 0]
            improved |= _try(prob, assignment, state, one, target, tol)
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
            k_gain, k_to = _elsewhere(k, a, a, state)
            best, best_to = gain - _lost(i, pk, value, assignment, state) + k_gain, k_to
            if a >= 0 and pk[k, a] > 0.0:
                swap = gain + value[a] * without[i] * (pk[k, a] - pk[i, a])
                if swap > best:
                    best, best_to = swap, a
            if best > tol:
                two[0], two[1], targets[0], targets[1] = i, k, b, best_to
                if _try(prob, assignment, state, two, targets, tol):
                    improved = True
                    break
    return improved


@nb.njit(cache=True)
def _chain_pass(prob: Problem, assignment: IntArray, state: State, tol: float) -> bool:
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
            r = _replace(k, e, pk, value, assignment, state)
            g, d = _elsewhere(e, b, b, state)
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
            x += _lost(i, pk, value, assignment, state)
            for n in range(n_top):
                if x + top_y[n] >= best:
                    break
                e, d, est = top_e[n], top_d[n], x + top_y[n]
                if a >= 0 and assignment[e] == a:
                    continue
                if a >= 0 and d == a:
                    g, d = _elsewhere(e, a, b, state)
                    est = x + top_r[n] - g
                if est < best:
                    best, best_i, best_e, best_d = est, i, e, d
        if best_i >= 0:
            three[0], three[1], three[2] = best_i, k, best_e
            to[0], to[1], to[2] = b, assignment[best_e], best_d
            improved |= _try(prob, assignment, state, three, to, tol)
    return improved


@nb.njit(cache=True)
def _cycle_pass(prob: Problem, assignment: IntArray, state: State, tol: float) -> bool:
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
                r1 = _replace(int(i), int(k), pk, value, assignment, state)
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
                r2 = _replace(int(k), int(e), pk, value, assignment, state)
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
            improved |= _try(prob, assignment, state, three, to, tol)
    return improved


@nb.njit(cache=True)
def _new_state(prob: Problem, order: IntArray, assignment: IntArray) -> State:
    pk = prob[0]
    n_w, n_t = pk.shape
    state = (
        np.ones(n_t),
        np.ones(n_w),
        np.zeros(n_t, dtype=np.int64),
        np.empty(n_w, dtype=np.int64),
        np.zeros((n_w, 3)),
        np.full((n_w, 3), -1, dtype=np.int64),
        order,
        np.zeros(n_t + 1, dtype=np.int64),
        np.zeros(n_w, dtype=np.int64),
        np.full(n_w, -1, dtype=np.int64),
        np.zeros(1, dtype=np.int64),
    )
    for j in range(n_t):
        _refresh(j, pk, assignment, state)
    everything = np.empty(0, dtype=np.int64)
    _relocations(prob, assignment, state, everything, everything)
    return state


@nb.njit(cache=True)
def _sync(
    prob: Problem, assignment: IntArray, state: State, new: IntArray, changed: IntArray
) -> None:
    """Set ``assignment`` to ``new`` and bring the state up to date.

    Targets in ``changed`` also count as changed (their ``pk`` column was altered).
    """
    pk = prob[0]
    moved = np.flatnonzero(assignment != new)
    touched = np.unique(np.concatenate((assignment[moved], new[moved], changed)))
    assignment[:] = new
    state[10][0] += 1
    for t in touched:
        state[7][t if t >= 0 else pk.shape[1]] = state[10][0]
        if t >= 0:
            _refresh(t, pk, assignment, state)
    _relocations(prob, assignment, state, touched, moved)


@nb.njit(cache=True)
def _search(prob: Problem, assignment: IntArray, state: State, max_passes: int, depth: int) -> int:
    """Passes of :func:`_pair_pass`; when one finds nothing and ``depth`` is 3 or more,
    :func:`_chain_pass`, then at ``depth`` 4 :func:`_cycle_pass`. Stops when none helps or
    after ``max_passes`` passes, which it returns."""
    value = prob[1]
    tol = 1e-12 * value.max()
    passes = 0
    while passes < max_passes:
        passes += 1
        if _pair_pass(prob, assignment, state, tol):
            continue
        if depth >= 3 and _chain_pass(prob, assignment, state, tol):
            continue
        if depth < 4 or not _cycle_pass(prob, assignment, state, tol):
            break
    return passes


@nb.njit(cache=True)
def _hold_useless(pk: FloatArray, value: FloatArray, assignment: IntArray, state: State) -> None:
    """Hold the shots that add nothing (their target is certain to die without them)."""
    for i in range(pk.shape[0]):
        a = assignment[i]
        if a >= 0 and _lost(i, pk, value, assignment, state) <= 0.0:
            assignment[i] = -1
            _refresh(a, pk, assignment, state)


@nb.njit(cache=True)
def _saved(pk: FloatArray, value: FloatArray, assignment: IntArray) -> float:
    survival = np.ones(pk.shape[1])
    for i in range(pk.shape[0]):
        if assignment[i] >= 0:
            survival[assignment[i]] *= 1.0 - pk[i, assignment[i]]
    return float(np.sum(value * (1.0 - survival)))


@nb.njit(cache=True)
def improve_kernel(
    pk: FloatArray,
    value: FloatArray,
    max_shots: IntArray,
    order: IntArray,
    assignment: IntArray,
    max_passes: int,
    kicks: int,
) -> None:
    """Full local search, then ``kicks`` kicks, keeping the best assignment (in place).

    A kick forbids one target to the weapons on it and re-optimizes with moves and
    two-weapon changes, then allows the target again and re-optimizes the same way: a way
    out of local optima that no change of three weapons leaves. The targets kicked are
    those with weapons on them, by decreasing value. ``pk`` and ``order`` are restored
    exactly afterwards. If a kick helped, a last full local search follows. Useless shots
    are then held.
    """
    prob = (pk, value, max_shots)
    state = _new_state(prob, order, assignment)
    _search(prob, assignment, state, max_passes, 4)
    best, best_saved = assignment.copy(), _saved(pk, value, assignment)
    tol = 1e-12 * value.max()
    done, kicked_better = 0, False
    for j in np.argsort(-value, kind="mergesort"):
        on = np.flatnonzero(best == j)
        if done >= kicks:
            break
        if on.shape[0] == 0:
            continue
        done += 1
        column = np.array([j])
        kept_pk, kept_order = pk[on, j].copy(), order[j].copy()
        pk[on, j] = 0.0
        order[j] = np.argsort(-pk[:, j], kind="mergesort")
        trial = best.copy()
        trial[on] = -1
        _sync(prob, assignment, state, trial, column)
        _search(prob, assignment, state, max_passes, 2)
        pk[on, j] = kept_pk
        order[j] = kept_order
        _sync(prob, assignment, state, assignment.copy(), column)
        _search(prob, assignment, state, max_passes, 2)
        saved = _saved(pk, value, assignment)
        if saved > best_saved + tol:
            best, best_saved, kicked_better = assignment.copy(), saved, True
        else:
            _sync(prob, assignment, state, best, column[:0])
    if kicked_better:
        _search(prob, assignment, state, max_passes, 4)
    _hold_useless(pk, value, assignment, state)


def warm_up() -> None:
    """Compile the kernels on a tiny problem (numba caches them on disk afterwards)."""
    pk = np.array([[0.5, 0.0], [0.7, 0.9], [1.0, 0.2]])
    value = np.array([1.0, 2.0])
    shots = np.array([2, 1], dtype=np.int64)
    out = np.full(3, -1, dtype=np.int64)
    order = pk_order(pk)
    greedy_kernel(pk, value, shots, order, out)
    improve_kernel(pk, value, shots, order, out, 10, 2)
