"""Joint probabilistic data association (JPDA): the probability that each gated measurement
came from each track, over every joint event of a connected cluster.

A *joint event* gives each track of a cluster (a connected component of the gated
(track, measurement) pairs) at most one of its gated measurements, each measurement to at
most one track. Its weight is the product, over the tracks, of ``1 - P_D P_G`` for a track
missed and of the likelihood ratio ``L = P_D N(y; 0, S) / lambda`` for a track given a
measurement (``lambda`` the clutter density at that measurement). The marginal
``beta_ij`` is the summed weight of the events that pair track ``i`` with measurement ``j``
over the summed weight of all events, ``beta_i0`` that of the events that miss track
``i``. These are the equations of Stone Soup's ``JPDA`` with its ``PDAHypothesiser``
(Bar-Shalom, Daum and Huang 2009), checked against it in
``tests/tracking/test_jpda_stonesoup.py``.

The events are enumerated exactly, depth first over the tracks of each cluster in compiled
code, where their number (bounded by the product of each track's gated measurements plus
one) is at most ``max_events``. A larger cluster takes Fitzgerald's *cheap JPDA*
approximation, each pair's weight over its track's PDA normalizer plus the other tracks'
claims on its measurement, ``beta_ij = L_ij / (w_i0 + sum_k L_ik + sum_{l != i} L_lj)``.
Written by hand: Stone Soup enumerates the events in Python over every track at once, and no
library offers the marginals batched over clusters.
"""

import math

import numba as nb
import numpy as np

from goldendome.physics._types import BoolArray, FloatArray, IntArray
from goldendome.tracking._components import edge_components, group_edges

#: Largest number of joint events of a cluster enumerated exactly.
MAX_EVENTS = 20_000


def jpda_marginals(
    tracks: IntArray,
    measurements: IntArray,
    log_likelihood_ratio: FloatArray,
    log_miss: float,
    *,
    max_events: int = MAX_EVENTS,
) -> tuple[FloatArray, FloatArray, IntArray, BoolArray]:
    """Association probabilities of gated (track, measurement) pairs.

    Parameters
    ----------
    tracks, measurements : (n_pair,) int64
        Each gated pair's track and measurement (ids >= 0; each pair listed once).
    log_likelihood_ratio : (n_pair,) float64
        ``log(P_D N(y; 0, S) / lambda)`` of each pair.
    log_miss : float
        ``log(1 - P_D P_G)``, the weight of a track missed.
    max_events : int
        Clusters with more joint events than this take the cheap-JPDA approximation.

    Returns
    -------
    beta : (n_pair,) float64
        Probability that the pair's measurement came from the pair's track.
    beta_miss : (n_track_id,) float64
        Per track id (``0 .. tracks.max()``), the probability that none of its gated
        measurements came from it (1 for ids in no pair).
    component : (n_pair,) int64
        Each pair's cluster.
    exact : (n_component,) bool
        Whether the cluster's events were enumerated (False: cheap JPDA).
    """
    n = tracks.size
    if n == 0:
        return np.empty(0), np.ones(0), np.empty(0, np.int64), np.empty(0, bool)
    t_id, m_id = tracks.astype(np.int64), measurements.astype(np.int64)
    n_rows, n_cols = int(t_id.max()) + 1, int(m_id.max()) + 1
    comp, n_t, _ = edge_components(t_id, m_id, n_rows, n_cols)
    wanted = np.arange(n_t.size)
    edges, starts, local_r, local_c = group_edges(t_id, m_id, comp, wanted, n_rows, n_cols)
    beta = np.zeros(n)
    miss_local = np.ones(n_rows)
    exact = _marginals(
        edges, starts, local_r, local_c, t_id, np.asarray(log_likelihood_ratio, np.float64),
        float(log_miss), float(max_events), beta, miss_local,
    )  # fmt: skip
    return beta, miss_local, comp, exact


@nb.njit(cache=True)
def _marginals(
    edges: IntArray,
    starts: IntArray,
    local_r: IntArray,
    local_c: IntArray,
    t_id: IntArray,
    log_l: FloatArray,
    log_miss: float,
    max_events: float,
    beta: FloatArray,
    beta_miss: FloatArray,
) -> BoolArray:
    """Fill ``beta`` (per pair) and ``beta_miss`` (per track id), cluster by cluster."""
    n_comp = starts.size - 1
    exact = np.zeros(n_comp, np.bool_)
    for k in range(n_comp):
        e = edges[starts[k] : starts[k + 1]]
        lr, lc = local_r[starts[k] : starts[k + 1]], local_c[starts[k] : starts[k + 1]]
        n_t, n_m = lr.max() + 1, lc.max() + 1
        # Each track's options scaled by its largest weight (the marginals do not change:
        # every event takes exactly one option of every track).
        top = np.full(n_t, log_miss)
        deg = np.zeros(n_t, np.int64)
        for i in range(e.size):
            top[lr[i]] = max(top[lr[i]], log_l[e[i]])
            deg[lr[i]] += 1
        w = np.empty(e.size)
        for i in range(e.size):
            w[i] = math.exp(log_l[e[i]] - top[lr[i]])
        w_miss = np.empty(n_t)
        log_events = 0.0
        for r in range(n_t):
            w_miss[r] = math.exp(log_miss - top[r])
            log_events += math.log(deg[r] + 1.0)
        b = np.zeros(e.size)
        b0 = np.zeros(n_t)
        if log_events <= math.log(max_events):
            exact[k] = True
            _enumerate(lr, lc, w, w_miss, deg, n_m, b, b0)
        else:
            _cheap(lr, lc, w, w_miss, n_m, b, b0)
        for i in range(e.size):
            beta[e[i]] = b[i]
        for i in range(e.size):
            beta_miss[t_id[e[i]]] = b0[lr[i]]
    return exact


@nb.njit(cache=True)
def _enumerate(lr: IntArray, lc: IntArray, w: FloatArray, w_miss: FloatArray, deg: IntArray,
               n_m: int, b: FloatArray, b0: FloatArray) -> None:  # fmt: skip
    """Exact marginals of one cluster by depth-first enumeration of its joint events."""
    n_t = w_miss.size
    first = np.zeros(n_t + 1, np.int64)
    for r in range(n_t):
        first[r + 1] = first[r] + deg[r]
    adj = np.empty(lr.size, np.int64)  # the cluster's pairs, grouped by track
    fill = first[:-1].copy()
    for i in range(lr.size):
        adj[fill[lr[i]]] = i
        fill[lr[i]] += 1
    used = np.zeros(n_m, np.bool_)
    opt = np.full(n_t, -1, np.int64)  # -1: not started, 0: missed, j: the j-th pair
    held = np.zeros(n_t, np.bool_)  # whether track r holds its option's measurement
    prod = np.ones(n_t + 1)
    total = 0.0
    r = 0
    while r >= 0:
        if held[r]:
            used[lc[adj[first[r] + opt[r] - 1]]] = False
            held[r] = False
        opt[r] += 1
        if opt[r] > deg[r]:
            opt[r] = -1
            r -= 1
            continue
        if opt[r] == 0:
            weight = w_miss[r]
        else:
            i = adj[first[r] + opt[r] - 1]
            if used[lc[i]]:
                continue
            used[lc[i]] = True
            held[r] = True
            weight = w[i]
        prod[r + 1] = prod[r] * weight
        if r < n_t - 1:
            r += 1
            continue
        p = prod[n_t]
        total += p
        for q in range(n_t):
            if opt[q] == 0:
                b0[q] += p
            else:
                b[adj[first[q] + opt[q] - 1]] += p
    for i in range(b.size):
        b[i] /= total
    for q in range(n_t):
        b0[q] /= total


@nb.njit(cache=True)
def _cheap(lr: IntArray, lc: IntArray, w: FloatArray, w_miss: FloatArray, n_m: int,
           b: FloatArray, b0: FloatArray) -> None:  # fmt: skip
    """Cheap-JPDA marginals of one cluster (see the module notes).

    The weights arrive scaled per track; the other tracks' claims on a measurement are
    compared in the same scale, which is exact when the tracks' largest weights are equal
    and otherwise an approximation of the approximation (the scale is each track's best
    option, so a claim counts relative to what its track could otherwise do).
    """
    n_t = w_miss.size
    row = w_miss.copy()
    col = np.zeros(n_m)
    for i in range(lr.size):
        row[lr[i]] += w[i]
        col[lc[i]] += w[i]
    taken = np.zeros(n_t)
    for i in range(lr.size):
        b[i] = w[i] / (row[lr[i]] + col[lc[i]] - w[i])
        taken[lr[i]] += b[i]
    for q in range(n_t):
        b0[q] = max(1.0 - taken[q], 0.0)
