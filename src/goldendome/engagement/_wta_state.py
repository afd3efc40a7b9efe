"""Bookkeeping of the weapon-target assignment local search (compiled).

The search state keeps, for each target, its survival probability and shot count and,
for every weapon on it, its survival without that weapon, from prefix and suffix products
(no division, so ``pk = 1`` needs no special case); and for each weapon its three best
targets with room and their gains. Both are recomputed only for the targets and weapons a
change touches (:func:`refresh`, :func:`relocations`). :func:`try_change` applies a change
only after checking its gain exactly.
"""

import numba as nb
import numpy as np

from goldendome.physics._types import FloatArray, IntArray

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
def refresh(j: int, pk: FloatArray, assignment: IntArray, state: State) -> None:
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
def lost(i: int, pk: FloatArray, value: FloatArray, assignment: IntArray, state: State) -> float:
    """Value lost when weapon ``i`` leaves its target (0 if it holds)."""
    a = assignment[i]
    return value[a] * state[1][i] * pk[i, a] if a >= 0 else 0.0


@nb.njit(cache=True)
def replace(
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
def relocations(
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
def elsewhere(k: int, avoid: int, avoid2: int, state: State) -> tuple[float, int]:
    """Best target with room for weapon ``k`` other than ``avoid`` and ``avoid2``."""
    best, where = state[4], state[5]
    for r in range(3):
        if where[k, r] < 0 or (where[k, r] != avoid and where[k, r] != avoid2):
            return best[k, r], where[k, r]
    return 0.0, -1


@nb.njit(cache=True)
def try_change(
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
    _after_change(prob, assignment, state, touched, moved)
    return True


@nb.njit(cache=True)
def _after_change(
    prob: Problem, assignment: IntArray, state: State, touched: IntArray, moved: IntArray
) -> None:
    """Stamp the ``touched`` targets with a new tick of the clock and bring the figures of
    the targets and weapons a change touched up to date."""
    pk = prob[0]
    state[10][0] += 1
    for t in touched:
        state[7][t if t >= 0 else pk.shape[1]] = state[10][0]
        if t >= 0:
            refresh(t, pk, assignment, state)
    relocations(prob, assignment, state, touched, moved)


@nb.njit(cache=True)
def new_state(prob: Problem, order: IntArray, assignment: IntArray) -> State:
    """The search state of ``assignment`` (see the module docstring and ``State``)."""
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
        refresh(j, pk, assignment, state)
    everything = np.empty(0, dtype=np.int64)
    relocations(prob, assignment, state, everything, everything)
    return state


@nb.njit(cache=True)
def sync(
    prob: Problem, assignment: IntArray, state: State, new: IntArray, changed: IntArray
) -> None:
    """Set ``assignment`` to ``new`` and bring the state up to date.

    Targets in ``changed`` also count as changed (their ``pk`` column was altered).
    """
    moved = np.flatnonzero(assignment != new)
    touched = np.unique(np.concatenate((assignment[moved], new[moved], changed)))
    assignment[:] = new
    _after_change(prob, assignment, state, touched, moved)


@nb.njit(cache=True)
def hold_useless(pk: FloatArray, value: FloatArray, assignment: IntArray, state: State) -> None:
    """Hold the shots that add nothing (their target is certain to die without them)."""
    for i in range(pk.shape[0]):
        a = assignment[i]
        if a >= 0 and lost(i, pk, value, assignment, state) <= 0.0:
            assignment[i] = -1
            refresh(a, pk, assignment, state)


@nb.njit(cache=True)
def value_saved(pk: FloatArray, value: FloatArray, assignment: IntArray) -> float:
    survival = np.ones(pk.shape[1])
    for i in range(pk.shape[0]):
        if assignment[i] >= 0:
            survival[assignment[i]] *= 1.0 - pk[i, assignment[i]]
    return float(np.sum(value * (1.0 - survival)))
