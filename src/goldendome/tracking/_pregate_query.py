"""Compiled search of one scan's gated (track, measurement) pairs, with their NIS.

Tracks of small position sigma are found from each measurement's line of sight through the
forest (:mod:`goldendome.tracking._pregate_tree`); tracks of large sigma, whose gates span
much of a sensor's view, are searched by :mod:`goldendome.tracking._pregate_wide`. A track's
projection into the frame is computed once per scan (:mod:`goldendome.tracking._pregate_nis`)
and kept in a cache stamped by scan.
"""

import numba as nb
import numpy as np

from goldendome.physics._types import FloatArray, IntArray
from goldendome.tracking._pregate_nis import Frame, Tracks, grow, nis_of, project
from goldendome.tracking._pregate_tree import Nodes, node_passes, track_passes
from goldendome.tracking._pregate_wide import wide_pairs


@nb.njit(cache=True)
def query_scan(
    nodes: Nodes, big: IntArray, tracks: Tracks, frame: Frame, cache: FloatArray, stamp: IntArray,
    scan: int
) -> tuple[IntArray, IntArray, FloatArray]:  # fmt: skip
    """Every (track, measurement) pair of one scan with ``NIS <= gate``, and its NIS.

    ``big``: the tracks searched one by one (the rest are in ``nodes``). ``cache (n_track,
    10)`` and ``stamp (n_track,)`` keep projections; ``scan`` must differ from every earlier
    scan's number since the tracks last changed.
    """
    node, lo, hi, left, _, perm, _, _, packed, roots = nodes
    x, p, _ = tracks
    origin, rot, u, r_el, r_az, z, r, gate = frame
    out_t, out_m, out_nis = np.empty(64, np.int64), np.empty(64, np.int64), np.empty(64)
    n_out = 0
    n_m = z.shape[0]
    root_g = np.sqrt(gate)
    o0, o1, o2 = origin[0], origin[1], origin[2]
    stack = np.empty(256, np.int64)
    work = np.zeros((3, 3, 3))
    for m in range(n_m):
        u0, u1, u2 = u[m, 0], u[m, 1], u[m, 2]
        el, az, rh, rr, g = r_el[m], r_az[m], z[m, 0], r[m, 0], root_g[m]
        r_max = max(el, az)
        for root in roots:
            if root < 0:
                continue
            top, stack[0] = 1, root
            while top:
                top -= 1
                k = stack[top]
                if not node_passes(node[k, 0] - o0, node[k, 1] - o1, node[k, 2] - o2, node[k, 3],
                                   node[k, 4], u0, u1, u2, r_max, rh, rr, g):  # fmt: skip
                    continue
                if left[k] >= 0:
                    stack[top], stack[top + 1] = left[k], left[k] + 1
                    top += 2
                    continue
                for j in range(lo[k], hi[k]):
                    d0, d1, d2 = packed[j, 0] - o0, packed[j, 1] - o1, packed[j, 2] - o2
                    lam_j = packed[j, 3]
                    if not node_passes(d0, d1, d2, 0.0, lam_j, u0, u1, u2, r_max, rh, rr, g):
                        continue
                    t = perm[j]
                    if not track_passes(d0, d1, d2, p, t, lam_j, u, m, el, az, rh, rr, g):
                        continue
                    if stamp[t] != scan:
                        project(x, p, t, origin, rot, cache, work)
                        stamp[t] = scan
                    nis = nis_of(cache, t, z, r, m, work)
                    if nis <= gate[m]:
                        if n_out == out_t.size:
                            out_t, out_m, out_nis = grow(out_t), grow(out_m), grow(out_nis)
                        out_t[n_out], out_m[n_out], out_nis[n_out] = t, m, nis
                        n_out += 1
    if big.size and n_m:
        bt, bm, bn = wide_pairs(big, tracks, frame, cache, stamp, scan)
        return (np.concatenate((out_t[:n_out], bt)), np.concatenate((out_m[:n_out], bm)),
                np.concatenate((out_nis[:n_out], bn)))  # fmt: skip
    return out_t[:n_out].copy(), out_m[:n_out].copy(), out_nis[:n_out].copy()
