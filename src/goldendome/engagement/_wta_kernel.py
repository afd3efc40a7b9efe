"""Compiled local search of the weapon-target assignment heuristic.

``improve_kernel`` applies improving changes (:mod:`goldendome.engagement._wta_moves`)
until none is left, then a few kicks (iterated local search) to leave the local optima
that no change of three weapons leaves. The greedy it starts from is in
:mod:`goldendome.engagement._wta_greedy`.
"""

import numba as nb
import numpy as np

from goldendome.engagement._wta_greedy import greedy_kernel, pk_order
from goldendome.engagement._wta_moves import chain_pass, cycle_pass, pair_pass
from goldendome.engagement._wta_state import (
    Problem,
    State,
    hold_useless,
    new_state,
    sync,
    value_saved,
)
from goldendome.physics._types import FloatArray, IntArray


@nb.njit(cache=True)
def search(prob: Problem, assignment: IntArray, state: State, max_passes: int, depth: int) -> int:
    """Passes of :func:`pair_pass`; when one finds nothing and ``depth`` is 3 or more,
    :func:`chain_pass`, then at ``depth`` 4 :func:`cycle_pass`. Stops when none helps or
    after ``max_passes`` passes, which it returns."""
    value = prob[1]
    tol = 1e-12 * value.max()
    passes = 0
    while passes < max_passes:
        passes += 1
        if pair_pass(prob, assignment, state, tol):
            continue
        if depth >= 3 and chain_pass(prob, assignment, state, tol):
            continue
        if depth < 4 or not cycle_pass(prob, assignment, state, tol):
            break
    return passes


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
    state = new_state(prob, order, assignment)
    search(prob, assignment, state, max_passes, 4)
    best, best_saved = assignment.copy(), value_saved(pk, value, assignment)
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
        sync(prob, assignment, state, trial, column)
        search(prob, assignment, state, max_passes, 2)
        pk[on, j] = kept_pk
        order[j] = kept_order
        sync(prob, assignment, state, assignment.copy(), column)
        search(prob, assignment, state, max_passes, 2)
        saved = value_saved(pk, value, assignment)
        if saved > best_saved + tol:
            best, best_saved, kicked_better = assignment.copy(), saved, True
        else:
            sync(prob, assignment, state, best, column[:0])
    if kicked_better:
        search(prob, assignment, state, max_passes, 4)
    hold_useless(pk, value, assignment, state)


def warm_up() -> None:
    """Compile the kernels on a tiny problem (numba caches them on disk afterwards)."""
    pk = np.array([[0.5, 0.0], [0.7, 0.9], [1.0, 0.2]])
    value = np.array([1.0, 2.0])
    shots = np.array([2, 1], dtype=np.int64)
    out = np.full(3, -1, dtype=np.int64)
    order = pk_order(pk)
    greedy_kernel(pk, value, shots, order, out)
    improve_kernel(pk, value, shots, order, out, 10, 2)
