"""The cost-effectiveness frontier: which architectures another one beats on every count.

Architecture ``j`` dominates ``i`` when it costs no more, has no lower P(zero leakers) and
no more expected leakers, and is strictly better in at least one of the three. The
non-dominated architectures form the frontier (Pareto 1906; the usual reading of a
cost-effectiveness plot).
"""

import numpy as np

from goldendome.physics._types import ArrayLike


def dominated(
    cost_usd: ArrayLike, p_zero_leakers: ArrayLike, expected_leakers: ArrayLike
) -> np.ndarray:
    """Which architectures dominate which.

    Parameters
    ----------
    cost_usd : (n,) float64, dollars
    p_zero_leakers : (n,) float64, probability (higher is better)
    expected_leakers : (n,) float64, warheads (lower is better)

    Returns
    -------
    (n, n) bool
        ``[i, j]`` is True when architecture ``j`` dominates ``i``; a row with any True is
        off the frontier. NaN values (a run without a raid) never dominate nor are dominated.
    """
    c = np.asarray(cost_usd, np.float64)
    p = np.asarray(p_zero_leakers, np.float64)
    e = np.asarray(expected_leakers, np.float64)
    no_worse = (c[None, :] <= c[:, None]) & (p[None, :] >= p[:, None]) & (e[None, :] <= e[:, None])
    better = (c[None, :] < c[:, None]) | (p[None, :] > p[:, None]) | (e[None, :] < e[:, None])
    return np.asarray(no_worse & better, bool)
