"""Static weapon-target assignment (WTA): which weapon fires at which target.

Weapons (interceptors ready to fire) ``i`` and targets (threats) ``j``; ``pk[i, j]`` is the
single-shot kill probability of weapon ``i`` against target ``j`` (0 where it cannot
engage), ``value[j] >= 0`` what destroying target ``j`` saves and ``max_shots[j]`` the
doctrine's limit of weapons on it. Each weapon fires once at most. Shots are independent,
so an assignment saves the expected value

    sum_j value[j] * (1 - prod_{i fired at j} (1 - pk[i, j])),

which these functions maximize. An assignment is an ``(n_weapons,)`` int64 array holding
each weapon's target index, or -1 to hold fire. A shot that cannot save anything is held:
no weapon is ever assigned where ``pk == 0`` or ``value == 0``, nor (after local search) at
a target already certain to die without it.

:func:`assign_exact` solves the problem exactly (a set-packing integer program, see
:mod:`goldendome.engagement.wta_exact`); its cost grows combinatorially with weapons per
target and ``max_shots``. :func:`assign_greedy` is the marginal-return greedy plus local
search, compiled with numba (:mod:`goldendome.engagement._wta_kernel`). :func:`assign`
picks between them by problem size. Equal inputs give equal outputs; the heuristic breaks
ties towards the lowest weapon index, then the lowest target index.
"""

import numpy as np

from goldendome.engagement._wta_greedy import greedy_kernel, pk_order
from goldendome.engagement._wta_kernel import improve_kernel
from goldendome.engagement.wta_exact import MAX_COLUMNS, set_packing_columns, solve_set_packing
from goldendome.physics._types import ArrayLike, FloatArray, IntArray

#: Largest set-packing column count :func:`assign` still hands to the exact solver.
EXACT_LIMIT = 1_000
#: Cap on the passes of each local search (a pass tries every move and pair once).
MAX_PASSES = 100
#: Kicks after the local search (each a way out of a local optimum; see the kernel).
KICKS = 6


def _check_pk(pk: ArrayLike) -> FloatArray:
    p = np.array(pk, dtype=np.float64, order="C", copy=True)
    if p.ndim != 2:
        raise ValueError(
            "pk must be a 2-D array of kill probabilities shaped (n_weapons, n_targets); "
            f"got shape {p.shape}. Use np.zeros((0, n_targets)) for no weapons."
        )
    bad = ~((p >= 0.0) & (p <= 1.0))  # NaN included
    if bad.any():
        first = tuple(int(k) for k in np.argwhere(bad)[0])
        raise ValueError(
            f"pk must hold probabilities in [0, 1]; got {p[first]} at (weapon, target) "
            f"{first}, {int(bad.sum())} entries in all. Clip or fix them."
        )
    return p


def _check_value(value: ArrayLike, n_t: int) -> FloatArray:
    v = np.array(value, dtype=np.float64, order="C", copy=True)
    if v.shape != (n_t,):
        raise ValueError(
            f"value must hold one number per target, shape ({n_t},) to match pk's columns; "
            f"got shape {v.shape}."
        )
    bad = ~((v >= 0.0) & np.isfinite(v))
    if bad.any():
        first = int(np.argmax(bad))
        raise ValueError(f"value must be finite and >= 0; got {v[first]} at target {first}.")
    return v


def _check_shots(max_shots: ArrayLike, n_t: int) -> IntArray:
    s = np.asarray(max_shots)
    if s.ndim > 1 or (s.ndim == 1 and s.shape != (n_t,)):
        raise ValueError(
            f"max_shots must be one integer or one per target, shape ({n_t},) to match pk's "
            f"columns; got shape {s.shape}."
        )
    if s.dtype.kind not in "iuf" or (
        s.size and not (np.all(np.isfinite(s)) and np.all(s == np.round(s)) and s.min() >= 0)
    ):
        raise ValueError(f"max_shots must hold whole numbers >= 0; got {s.tolist()}.")
    return np.ascontiguousarray(np.broadcast_to(s, (n_t,)), dtype=np.int64).copy()


def _check(
    pk: ArrayLike, value: ArrayLike, max_shots: ArrayLike
) -> tuple[FloatArray, FloatArray, IntArray]:
    p = _check_pk(pk)
    return p, _check_value(value, p.shape[1]), _check_shots(max_shots, p.shape[1])


def expected_value_saved(pk: ArrayLike, value: ArrayLike, assignment: ArrayLike) -> float:
    """Expected value an assignment saves.

    Parameters
    ----------
    pk : (n_weapons, n_targets) float64, probabilities in [0, 1]
        Single-shot kill probability of each weapon against each target.
    value : (n_targets,) float64, >= 0, any unit
    assignment : (n_weapons,) int
        Target index of each weapon, or -1 for hold fire.

    Returns
    -------
    float
        ``sum_j value[j] * (1 - prod_{i: assignment[i] == j} (1 - pk[i, j]))``, in the unit
        of ``value``.
    """
    p = _check_pk(pk)
    n_w, n_t = p.shape
    v = _check_value(value, n_t)
    a = np.asarray(assignment)
    if a.shape != (n_w,) or a.dtype.kind not in "iu":
        raise ValueError(
            f"assignment must hold one integer per weapon, shape ({n_w},) to match pk's rows; "
            f"got shape {a.shape} and dtype {a.dtype}."
        )
    if a.size and (a.min() < -1 or a.max() >= n_t):
        raise ValueError(
            f"assignment entries must be target indices 0..{n_t - 1} or -1 (hold fire); got "
            f"values from {a.min()} to {a.max()}."
        )
    fired = a >= 0
    survival = np.ones(n_t)
    np.multiply.at(survival, a[fired], 1.0 - p[np.flatnonzero(fired), a[fired]])
    return float(np.sum(v * (1.0 - survival)))


def assign_exact(
    pk: ArrayLike, value: ArrayLike, max_shots: ArrayLike, *, max_columns: int = MAX_COLUMNS
) -> IntArray:
    """Assignment maximizing the expected value saved, by integer programming.

    Parameters
    ----------
    pk : (n_weapons, n_targets) float64, probabilities in [0, 1]
    value : (n_targets,) float64, >= 0, any unit
    max_shots : int or (n_targets,) int, >= 0
        Most weapons that may fire at each target.
    max_columns : int
        Largest program to build: one column per candidate salvo (a target and a set of at
        most ``max_shots`` weapons able to engage it). Past it a ``ValueError`` says to use
        :func:`assign_greedy`.

    Returns
    -------
    (n_weapons,) int64
        Target index of each weapon, or -1 to hold fire. Optimal to within ``1e-6 *
        max(value)`` (HiGHS's absolute gap); among equally good assignments, HiGHS picks one.
    """
    p, v, s = _check(pk, value, max_shots)
    return solve_set_packing(p, v, s, max_columns)


def assign_greedy(
    pk: ArrayLike,
    value: ArrayLike,
    max_shots: ArrayLike,
    local_search: bool = True,
    *,
    kicks: int = KICKS,
) -> IntArray:
    """Fast assignment: marginal-return greedy, then local search.

    The greedy fires, one weapon at a time, the (free weapon, target with shots left) pair
    that adds the most expected value, until no pair adds any. The local search then
    applies improving changes of one, two and three weapons (moves, exchanges, ejection
    chains, cycles) until none is left, and tries ``kicks`` kicks (forbid a target to its
    weapons, re-optimize, allow it again, re-optimize; the best result is kept). It was
    within 1% of :func:`assign_exact` on each of 4,000 random instances of up to 12
    weapons (worst 99.5%; ``tests/engagement/test_wta.py`` checks 300 more). For 200
    weapons and 50 targets it takes 2-6 ms on the benchmark's machine (``benchmarks/``),
    about 20 ms when the targets can take more shots than there are weapons (every weapon
    fires and much more rearranging pays), half that with ``kicks=0``.

    Parameters
    ----------
    pk : (n_weapons, n_targets) float64, probabilities in [0, 1]
    value : (n_targets,) float64, >= 0, any unit
    max_shots : int or (n_targets,) int, >= 0
    local_search : bool
        Improve the greedy answer (5 to 10 times the greedy's cost; recommended). The
        greedy alone fell up to 24% short of the optimum on those random instances.
    kicks : int
        Kicks after the local search (0 for none). Small problems gain most from them:
        without, about 1 instance in 100 fell more than 1% short.

    Returns
    -------
    (n_weapons,) int64
        Target index of each weapon, or -1 to hold fire.
    """
    p, v, s = _check(pk, value, max_shots)
    out = np.full(p.shape[0], -1, dtype=np.int64)
    if out.size == 0 or v.size == 0:
        return out
    order = pk_order(p)
    greedy_kernel(p, v, s, order, out)
    if local_search:
        improve_kernel(p, v, s, order, out, MAX_PASSES, max(int(kicks), 0))
    return out


def assign(
    pk: ArrayLike, value: ArrayLike, max_shots: ArrayLike, exact_limit: int = EXACT_LIMIT
) -> IntArray:
    """Exact assignment when the integer program is small, the heuristic otherwise.

    The size is the exact program's column count: summed over targets, the number of
    weapon sets of size 1 to ``max_shots`` among the weapons able to engage it (a weapon
    with ``pk = 1`` counts once). At most ``exact_limit`` means :func:`assign_exact`, more
    means :func:`assign_greedy`. The default, 1,000 columns (e.g. 8 weapons x 6 targets able
    to engage all, 4 shots each, or 20 x 10 with 2 shots and 30% of pairs out of reach),
    takes HiGHS some 25 ms; the heuristic takes about 0.1 ms there.

    Parameters
    ----------
    pk : (n_weapons, n_targets) float64, probabilities in [0, 1]
    value : (n_targets,) float64, >= 0, any unit
    max_shots : int or (n_targets,) int, >= 0
    exact_limit : int
        Largest column count solved exactly; 0 always uses the heuristic.

    Returns
    -------
    (n_weapons,) int64
        Target index of each weapon, or -1 to hold fire.
    """
    p, v, s = _check(pk, value, max_shots)
    if set_packing_columns(p, v, s, stop_above=exact_limit) <= exact_limit:
        return solve_set_packing(p, v, s, max(exact_limit, MAX_COLUMNS))
    return assign_greedy(p, v, s)
