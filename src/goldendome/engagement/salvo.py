"""How a salvo saturates a layer of one-shot interceptors: the most shots every missile can
get at once.

Each satellite carries one kill vehicle, so missiles that share the satellites in reach
compete for them. The largest number of shots that *every* missile can get at once is found
with a maximum flow (source -> missile, capacity k; missile -> satellite in reach, 1;
satellite -> sink, 1), bisecting on k (scipy's maximum flow on a sparse graph).
"""

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_flow

from goldendome.physics._types import IntArray


def _flow(satellite: IntArray, threat: IntArray, n_threat: int, k: int) -> tuple[int, IntArray]:
    """Maximum flow with ``k`` shots per missile; returns the flow and shots per missile."""
    sats, inverse = np.unique(satellite, return_inverse=True)
    n_sat = sats.size
    source, sink = 0, 1 + n_threat + n_sat
    rows = np.concatenate([np.zeros(n_threat), 1 + threat, 1 + n_threat + np.arange(n_sat)])
    cols = np.concatenate([1 + np.arange(n_threat), 1 + n_threat + inverse, np.full(n_sat, sink)])
    caps = np.concatenate([np.full(n_threat, k), np.ones(threat.size), np.ones(n_sat)])
    graph = csr_matrix(
        (caps.astype(np.int32), (rows.astype(np.int32), cols.astype(np.int32))),
        shape=(sink + 1, sink + 1),
    )
    result = maximum_flow(graph, source, sink)
    shots = np.asarray(result.flow[0, 1 : 1 + n_threat].toarray()).ravel().astype(np.int64)
    return int(result.flow_value), shots


def fair_shots(satellite: IntArray, threat: IntArray, n_threat: int) -> tuple[int, IntArray]:
    """The most shots every missile can get at once (one kill vehicle per satellite).

    Parameters
    ----------
    satellite, threat : (n_pair,) int64
        The (satellite, missile) pairs in reach.
    n_threat : int
        Missiles of the salvo.

    Returns
    -------
    k : int
        Shots each missile gets in the best assignment (0 if one has no satellite in reach).
    shots : (n_threat,) int64
        An assignment achieving it.
    """
    counts = np.bincount(threat, minlength=n_threat)
    lo, hi = 0, int(counts.min()) if n_threat else 0
    best = np.zeros(n_threat, dtype=np.int64)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        value, shots = _flow(satellite, threat, n_threat, mid)
        if value == mid * n_threat:
            lo, best = mid, shots
        else:
            hi = mid - 1
    return lo, best
