"""Exact weapon-target assignment as a set-packing integer program.

Why it is exact: the objective is a sum over targets, ``value[j] * (1 - prod_{i in S_j}
(1 - pk[i, j]))``, of a term that depends only on the set ``S_j`` of weapons fired at target
``j``, and the constraints only ask the sets to be disjoint and ``|S_j| <= max_shots[j]``.
So give every allowed set its own binary column ``x[j, S]`` carrying its term (computed
exactly, not linearized): pick at most one set per target and use each weapon in at most
one picked set. Feasible 0/1 vectors and feasible assignments then correspond one to one
(an empty ``S_j`` is "no column picked"), with equal objectives, and the integer program's
optimum is the assignment's optimum. Leaving columns out keeps it exact when each left-out
set is never better than a kept one using a subset of its weapons: weapons with ``pk = 0``
and targets with ``value = 0`` add nothing, and a set holding a weapon with ``pk = 1`` is
no better than that weapon alone.

HiGHS (through :func:`scipy.optimize.milp`) solves it with a zero relative gap; its
absolute gap (1e-6 of the objective, scaled here so the largest value is 1) is the only
tolerance, i.e. the answer is optimal to within ``1e-6 * max(value)``. The column count
grows like ``C(n_weapons, max_shots)`` per target, so the size is checked first.
"""

from itertools import combinations
from math import comb

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csc_array

from goldendome.physics._types import FloatArray, IntArray

#: Default largest number of set-packing columns :func:`solve_set_packing` will build.
MAX_COLUMNS = 200_000


def _candidates(pk: FloatArray, value: FloatArray, j: int) -> tuple[IntArray, IntArray]:
    """Weapons able to engage target ``j``: those with ``pk = 1``, then the others."""
    if value[j] <= 0.0:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    col = pk[:, j]
    return np.flatnonzero(col >= 1.0), np.flatnonzero((col > 0.0) & (col < 1.0))


def set_packing_columns(
    pk: FloatArray, value: FloatArray, max_shots: IntArray, stop_above: int | None = None
) -> int:
    """Number of columns the exact program needs (validated input, see ``wta``).

    Parameters
    ----------
    pk : (n_weapons, n_targets) float64, probabilities in [0, 1]
    value : (n_targets,) float64, >= 0
    max_shots : (n_targets,) int64, >= 0
    stop_above : int, optional
        Stop counting once the count exceeds this (the answer is then only known to be
        larger: enough to choose between the exact program and the heuristic).

    Returns
    -------
    int
        Sum over targets of ``n_certain + sum_{k=1..min(max_shots, n_other)} C(n_other, k)``
        (0 for a target with ``max_shots = 0``), where ``n_certain`` weapons have ``pk = 1``
        and ``n_other`` have ``0 < pk < 1``.
    """
    # The counts of every target at once (the same as :func:`_candidates` gives one by one).
    certain = np.count_nonzero(pk >= 1.0, axis=0)
    other = np.count_nonzero((pk > 0.0) & (pk < 1.0), axis=0)
    total = 0
    for j in np.flatnonzero((max_shots > 0) & (value > 0.0)).tolist():
        n_other = int(other[j])
        top = min(int(max_shots[j]), n_other)
        total += int(certain[j]) + sum(comb(n_other, k) for k in range(1, top + 1))
        if stop_above is not None and total > stop_above:
            break
    return total


def _salvos(pk: FloatArray, value: FloatArray, max_shots: IntArray) -> list[tuple[int, IntArray]]:
    """The program's columns in blocks ``(j, weapons)``: ``weapons[m]`` is one salvo at ``j``.

    One block per target and salvo size (the ``pk = 1`` weapons alone form size-1 blocks).
    """
    blocks: list[tuple[int, IntArray]] = []
    for j in range(pk.shape[1]):
        if max_shots[j] <= 0:
            continue
        certain, other = _candidates(pk, value, j)
        if certain.size:
            blocks.append((j, certain[:, None]))
        for size in range(1, min(int(max_shots[j]), other.shape[0]) + 1):
            salvo = np.fromiter(combinations(other.tolist(), size), dtype=(np.int64, size))
            blocks.append((j, salvo.reshape(-1, size)))
    return blocks


def solve_set_packing(
    pk: FloatArray, value: FloatArray, max_shots: IntArray, max_columns: int = MAX_COLUMNS
) -> IntArray:
    """Optimal assignment by set packing (validated input; the public entry is ``assign_exact``).

    Parameters
    ----------
    pk : (n_weapons, n_targets) float64, probabilities in [0, 1]
    value : (n_targets,) float64, >= 0
    max_shots : (n_targets,) int64, >= 0
    max_columns : int
        Refuse (``ValueError``) a program with more columns than this.

    Returns
    -------
    (n_weapons,) int64
        Target index of each weapon, or -1 to hold fire.
    """
    n_w, n_t = pk.shape
    out = np.full(n_w, -1, dtype=np.int64)
    n_col = set_packing_columns(pk, value, max_shots)
    if n_col > max_columns:
        raise ValueError(
            f"The exact assignment needs {n_col:,} candidate salvos, more than max_columns = "
            f"{max_columns:,}; use assign_greedy for a problem this size (or fewer weapons "
            "per target, or a smaller max_shots)."
        )
    if n_col == 0:
        return out
    blocks = _salvos(pk, value, max_shots)
    target = np.concatenate([np.full(b.shape[0], j, dtype=np.int64) for j, b in blocks])
    # Objective scaled so the largest value is 1 (HiGHS's gap tolerances are absolute).
    saved = [value[j] / value.max() * (1.0 - np.prod(1.0 - pk[b, j], axis=1)) for j, b in blocks]
    cols = [np.arange(n_col)]
    rows = [target]
    start = 0
    for _, b in blocks:
        cols.append(np.repeat(np.arange(start, start + b.shape[0]), b.shape[1]))
        rows.append(n_t + b.ravel())
        start += b.shape[0]
    matrix = csc_array(
        (np.ones(sum(c.shape[0] for c in cols)), (np.concatenate(rows), np.concatenate(cols))),
        shape=(n_t + n_w, n_col),
    )
    result = milp(
        -np.concatenate(saved),  # milp minimizes
        constraints=LinearConstraint(matrix, -np.inf, 1.0),
        integrality=np.ones(n_col),
        bounds=Bounds(0.0, 1.0),
        options={"mip_rel_gap": 0.0},
    )
    if result.x is None:
        raise RuntimeError(f"HiGHS found no solution to the assignment program: {result.message}")
    first = np.cumsum([0] + [b.shape[0] for _, b in blocks])
    for col in np.flatnonzero(result.x > 0.5):
        n = int(np.searchsorted(first, col, side="right")) - 1
        j, b = blocks[n]
        out[b[col - first[n]]] = j
    return out
