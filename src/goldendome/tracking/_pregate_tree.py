"""Compiled k-d forest of track positions, and the tests of a node or a track against a
line of sight (see :mod:`goldendome.tracking.pregate` for why they hold every gated pair).

A forest is a tuple of arrays: ``node (n_node, 5)`` (centre, radius of a sphere about it
holding the node's tracks, and their largest position variance), ``lo, hi`` (each node's
range of slots), ``left`` (first child, the second follows; -1 for a leaf), ``parent``,
``perm`` (the track in each slot, each node's contiguous), ``slot`` (each track's slot, -1
when left out), ``leaf`` (each slot's leaf), ``packed (n_slot, 4)`` (position and variance
by slot, for the leaves' scans) and ``roots`` (one tree per class, -1 where a class is
empty).
"""

import math

import numba as nb
import numpy as np

from goldendome.physics._types import FloatArray, IntArray

#: Relative and absolute (m) slack added to every bound, for rounding.
SLACK_REL = 1e-6
SLACK_M = 1.0

Nodes = tuple[FloatArray, IntArray, IntArray, IntArray, IntArray, IntArray, IntArray, IntArray,
              FloatArray, IntArray]  # fmt: skip


@nb.njit(cache=True)
def _sphere(packed: FloatArray, a: int, b: int, out: FloatArray) -> None:
    """Centre of the bounding box of slots ``a..b``, radius about it, largest variance."""
    lo, hi = np.full(3, np.inf), np.full(3, -np.inf)
    lam = 0.0
    for j in range(a, b):
        for q in range(3):
            lo[q] = min(lo[q], packed[j, q])
            hi[q] = max(hi[q], packed[j, q])
        lam = max(lam, packed[j, 3])
    radius = 0.0
    for q in range(3):
        out[q] = 0.5 * (lo[q] + hi[q])
    for j in range(a, b):
        d0, d1, d2 = packed[j, 0] - out[0], packed[j, 1] - out[1], packed[j, 2] - out[2]
        radius = max(radius, math.sqrt(d0 * d0 + d1 * d1 + d2 * d2))
    out[3], out[4] = radius, lam


@nb.njit(cache=True)
def build_forest(pos: FloatArray, lam: FloatArray, cls: IntArray, n_cls: int, leaf: int) -> Nodes:
    """One k-d tree per class ``0 .. n_cls - 1`` over the tracks of that class (class -1:
    left out), split at the median of the widest axis down to ``leaf`` tracks."""
    order = np.argsort(cls, kind="mergesort")
    first = 0
    while first < order.size and cls[order[first]] < 0:
        first += 1
    perm = order[first:].copy()
    n = perm.size
    cap = 2 * n + 1
    node = np.zeros((cap, 5))
    lo, hi = np.zeros(cap, np.int64), np.zeros(cap, np.int64)
    left, parent = np.full(cap, -1, np.int64), np.full(cap, -1, np.int64)
    roots, slot = np.full(n_cls, -1, np.int64), np.full(pos.shape[0], -1, np.int64)
    packed, leaf_of = np.empty((n, 4)), np.empty(n, np.int64)
    stack = np.empty(cap, np.int64)
    n_node, start = 0, 0
    while start < n:
        stop = start
        while stop < n and cls[perm[stop]] == cls[perm[start]]:
            stop += 1
        roots[cls[perm[start]]], lo[n_node], hi[n_node] = n_node, start, stop
        top, stack[0] = 1, n_node
        n_node += 1
        while top:
            top -= 1
            k = stack[top]
            a, b = lo[k], hi[k]
            if b - a > leaf:
                axis, widest = 0, -1.0
                for q in range(3):
                    extent = pos[perm[a:b], q].max() - pos[perm[a:b], q].min()
                    if extent > widest:
                        axis, widest = q, extent
                perm[a:b] = perm[a:b][np.argsort(pos[perm[a:b], axis])]
                mid = (a + b) // 2
                left[k] = n_node
                for child, c0, c1 in ((n_node, a, mid), (n_node + 1, mid, b)):
                    lo[child], hi[child], parent[child] = c0, c1, k
                    stack[top] = child
                    top += 1
                n_node += 2
            else:
                leaf_of[a:b] = k
        start = stop
    for j in range(n):
        slot[perm[j]] = j
        packed[j, :3] = pos[perm[j]]
        packed[j, 3] = lam[perm[j]]
    for k in range(n_node - 1, -1, -1):
        _sphere(packed, lo[k], hi[k], node[k])
    return (node[:n_node], lo[:n_node], hi[:n_node], left[:n_node], parent[:n_node], perm, slot,
            leaf_of, packed, roots)  # fmt: skip


@nb.njit(cache=True, inline="always")
def node_passes(d0: float, d1: float, d2: float, spread: float, lam: float, u0: float,
                 u1: float, u2: float, r_max: float, rho: float, r_rho: float,
                 root_g: float) -> bool:  # fmt: skip
    """Whether a sphere (centre ``d`` from the sensor, radius ``spread``, m) of tracks of
    position variance up to ``lam`` may hold a track passing :func:`track_passes`."""
    rng = math.sqrt(d0 * d0 + d1 * d1 + d2 * d2)
    band = root_g * math.sqrt(lam + r_rho) * (1.0 + SLACK_REL) + SLACK_M + spread
    if rho == rho and abs(rng - rho) > band:  # range measured
        return False
    if r_max == r_max:
        c0, c1, c2 = d1 * u2 - d2 * u1, d2 * u0 - d0 * u2, d0 * u1 - d1 * u0
        far = rng + spread
        bound = 2.0 * root_g * math.sqrt(lam + far * far * r_max) * (1.0 + SLACK_REL) + SLACK_M
        if math.sqrt(c0 * c0 + c1 * c1 + c2 * c2) > bound + spread:
            return False
    return True


@nb.njit(cache=True, inline="always")
def track_passes(d0: float, d1: float, d2: float, p: FloatArray, t: int, lam: float,
                  u: FloatArray, m: int, r_el: float, r_az: float, rho: float, r_rho: float,
                  root_g: float) -> bool:  # fmt: skip
    """The tests for track ``t`` at ``d`` from the sensor, with its position variance across
    that direction (at most ``trace(P) - û^T P û``, and at most ``lam``) and along it
    (``û^T P û``); ``m`` is the line."""
    rng = math.sqrt(d0 * d0 + d1 * d1 + d2 * d2)
    a0, a1, a2 = d0 / rng, d1 / rng, d2 / rng
    along = (a0 * (p[t, 0, 0] * a0 + p[t, 0, 1] * a1 + p[t, 0, 2] * a2)
             + a1 * (p[t, 1, 0] * a0 + p[t, 1, 1] * a1 + p[t, 1, 2] * a2)
             + a2 * (p[t, 2, 0] * a0 + p[t, 2, 1] * a1 + p[t, 2, 2] * a2))  # fmt: skip
    band = root_g * math.sqrt(along + r_rho) * (1.0 + SLACK_REL) + SLACK_M
    if rho == rho and abs(rng - rho) > band:  # range measured
        return False
    if r_el == r_el:  # angles measured
        across = max(min(lam, p[t, 0, 0] + p[t, 1, 1] + p[t, 2, 2] - along), 0.0)
        u0, u1, u2 = u[m, 0], u[m, 1], u[m, 2]
        c0, c1, c2 = d1 * u2 - d2 * u1, d2 * u0 - d0 * u2, d0 * u1 - d1 * u0
        r2 = rng * rng
        bound = root_g * (math.sqrt(across + r2 * r_el) + math.sqrt(across + r2 * r_az))
        if math.sqrt(c0 * c0 + c1 * c1 + c2 * c2) > bound * (1.0 + SLACK_REL) + SLACK_M:
            return False
    return True


@nb.njit(cache=True)
def refresh_nodes(nodes: Nodes, pos: FloatArray, lam: FloatArray, tracks: IntArray) -> None:
    """Move ``tracks`` to ``pos`` with variances ``lam`` (rows by track), widening the spheres
    and raising the variances of the nodes above them."""
    node, _, _, _, parent, _, slot, leaf_of, packed, _ = nodes
    for t in tracks:
        j = slot[t]
        if j < 0:
            continue
        packed[j, :3] = pos[t]
        packed[j, 3] = lam[t]
        k = leaf_of[j]
        while k >= 0:
            d0, d1, d2 = pos[t, 0] - node[k, 0], pos[t, 1] - node[k, 1], pos[t, 2] - node[k, 2]
            node[k, 3] = max(node[k, 3], math.sqrt(d0 * d0 + d1 * d1 + d2 * d2))
            node[k, 4] = max(node[k, 4], lam[t])
            k = parent[k]
