"""Compiled search of one scan's gated (track, measurement) pairs, with their NIS.

Tracks of small position sigma are found from each measurement's line of sight through the
forest (:mod:`goldendome.tracking._pregate_tree`); tracks of large sigma, whose gates span
much of a sensor's view, are taken one by one against the scan's measurements sorted by
elevation, with a box of ``sqrt(g S_ii)`` on each residual (necessary for ``NIS <= g``).
A track's predicted measurement and ``H P H^T`` depend on the track and the sensor frame
only, so they are computed once per (track, scan) and kept in a cache stamped by scan.
"""

import math

import numba as nb
import numpy as np

from goldendome.physics._types import FloatArray, IntArray
from goldendome.tracking._pregate_tree import SLACK_M, SLACK_REL, Nodes, node_passes, track_passes

#: Tracks: states (n, 6), covariances (n, 6, 6), largest position variances (n,).
Tracks = tuple[FloatArray, FloatArray, FloatArray]
#: One scan: sensor position (3,), rotation (3, 3), lines of sight (n_m, 3), elevation and
#: azimuth variances (n_m,) (NaN without angles), range, azimuth and elevation (n_m, 3) (NaN:
#: not measured), their variances (n_m, 3), and each measurement's gate (n_m,).
Frame = tuple[
    FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray
]
#: Columns of a projection row: predicted range, azimuth, elevation, then ``H P H^T`` over
#: them (``c00, c01, c02, c11, c12, c22``), then 1 when valid.
PROJECTION_COLUMNS = 10
_SYM = ((0, 1, 2), (1, 3, 4), (2, 4, 5))


@nb.njit(cache=True, inline="always")
def _wrap(a: float) -> float:
    """An angle difference wrapped to (-pi, pi], as
    :func:`goldendome.physics.angles.wrap_angle` does."""
    return a - 2.0 * math.pi * math.ceil((a - math.pi) / (2.0 * math.pi))


@nb.njit(cache=True)
def project(x: FloatArray, p: FloatArray, t: int, origin: FloatArray, rot: FloatArray,
            out: FloatArray, work: FloatArray) -> None:  # fmt: skip
    """Track ``t``'s predicted range, azimuth and elevation in the frame (``origin (3,)``,
    ``rot (3, 3)``) and ``H P H^T`` over them, into row ``t`` of ``out (n, 10)``, as
    :func:`goldendome.tracking.measurement.predict` and
    :func:`goldendome.tracking.association.pairs_nis` compute them. ``work``: scratch
    (3, 3, 3)."""
    w0, w1, w2 = x[t, 0] - origin[0], x[t, 1] - origin[1], x[t, 2] - origin[2]
    e = rot[0, 0] * w0 + rot[0, 1] * w1 + rot[0, 2] * w2
    n = rot[1, 0] * w0 + rot[1, 1] * w1 + rot[1, 2] * w2
    u = rot[2, 0] * w0 + rot[2, 1] * w1 + rot[2, 2] * w2
    rho = math.sqrt(e * e + n * n + u * u)
    horiz2 = e * e + n * n
    k = rho * rho * math.sqrt(horiz2)
    d = ((e / rho, n / rho, u / rho), (n / horiz2, -e / horiz2, 0.0),
         (-e * u / k, -n * u / k, horiz2 / k))  # fmt: skip
    for i in range(3):  # work[0]: rows of the Jacobian over ECI position
        for j in range(3):
            work[0, i, j] = d[i][0] * rot[0, j] + d[i][1] * rot[1, j] + d[i][2] * rot[2, j]
    for i in range(3):  # work[1]: H P
        for j in range(3):
            work[1, i, j] = (work[0, i, 0] * p[t, 0, j] + work[0, i, 1] * p[t, 1, j]
                             + work[0, i, 2] * p[t, 2, j])  # fmt: skip
    out[t, 0], out[t, 1], out[t, 2] = rho, math.atan2(e, n), math.asin(u / rho)
    for i in range(3):
        for j in range(i, 3):
            out[t, 3 + _SYM[i][j]] = (work[1, i, 0] * work[0, j, 0] + work[1, i, 1] * work[0, j, 1]
                                      + work[1, i, 2] * work[0, j, 2])  # fmt: skip
    out[t, 9] = 1.0


@nb.njit(cache=True)
def nis_of(cache: FloatArray, t: int, z: FloatArray, r: FloatArray, m: int,
           work: FloatArray) -> float:  # fmt: skip
    """NIS of projected track ``t`` (row ``t`` of ``cache``, see :func:`project`) against
    measurement ``m``'s range, azimuth and elevation ``z[m]`` (NaN: not measured) of
    variances ``r[m]``; NaN when ``S`` is not positive definite. ``work``: scratch (3, 3, 3)."""
    c = 0
    for i in range(3):
        if z[m, i] == z[m, i]:
            work[2, 1, c] = i
            c += 1
    if c == 0:
        return 0.0
    for a in range(c):  # S (work[0]) and the residual (work[2, 0])
        ia = int(work[2, 1, a])
        for b in range(a + 1):
            work[0, a, b] = cache[t, 3 + _SYM[ia][int(work[2, 1, b])]]
        work[0, a, a] += r[m, ia]
        y = z[m, ia] - cache[t, ia]
        work[2, 0, a] = _wrap(y) if ia > 0 else y
    for a in range(c):  # Cholesky factor of S (work[1])
        for b in range(a + 1):
            acc = work[0, a, b]
            for q in range(b):
                acc -= work[1, a, q] * work[1, b, q]
            if a == b:
                if not acc > 0.0:
                    return math.nan
                work[1, a, a] = math.sqrt(acc)
            else:
                work[1, a, b] = acc / work[1, b, b]
    nis = 0.0
    for a in range(c):  # |L^-1 y|^2
        acc = work[2, 0, a]
        for q in range(a):
            acc -= work[1, a, q] * work[2, 0, q]
        work[2, 0, a] = acc / work[1, a, a]
        nis += work[2, 0, a] * work[2, 0, a]
    return nis


@nb.njit(cache=True)
def _grow(a: np.ndarray) -> np.ndarray:
    """``a`` in an array twice as long."""
    out = np.empty(2 * a.size, a.dtype)
    out[: a.size] = a
    return out


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
                            out_t, out_m, out_nis = _grow(out_t), _grow(out_m), _grow(out_nis)
                        out_t[n_out], out_m[n_out], out_nis[n_out] = t, m, nis
                        n_out += 1
    if big.size and n_m:
        bt, bm, bn = _big_pairs(big, tracks, frame, cache, stamp, scan)
        return (np.concatenate((out_t[:n_out], bt)), np.concatenate((out_m[:n_out], bm)),
                np.concatenate((out_nis[:n_out], bn)))  # fmt: skip
    return out_t[:n_out].copy(), out_m[:n_out].copy(), out_nis[:n_out].copy()


@nb.njit(cache=True)
def _cone(u: FloatArray, z: FloatArray) -> tuple[FloatArray, float]:
    """Axis of the lines of sight ``u (n, 3)`` and the largest chord from it to one; a
    chord of 2 (nothing is ruled out) when a measurement has no angles."""
    axis = np.zeros(3)
    for m in range(u.shape[0]):
        if z[m, 1] != z[m, 1] or z[m, 2] != z[m, 2]:
            return axis, 2.0
        axis += u[m]
    norm = math.sqrt(axis[0] ** 2 + axis[1] ** 2 + axis[2] ** 2)
    if not norm > 0.0:
        return axis, 2.0
    axis /= norm
    chord = 0.0
    for m in range(u.shape[0]):
        c = math.sqrt(
            (u[m, 0] - axis[0]) ** 2 + (u[m, 1] - axis[1]) ** 2 + (u[m, 2] - axis[2]) ** 2
        )
        chord = max(chord, c)
    return axis, chord


@nb.njit(cache=True)
def _first_at_least(a: FloatArray, n: int, v: float) -> int:
    """First index of sorted ``a[:n]`` at or above ``v`` (``n`` when none)."""
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < v:
            lo = mid + 1
        else:
            hi = mid
    return lo


@nb.njit(cache=True)
def _big_pairs(
    big: IntArray, tracks: Tracks, frame: Frame, cache: FloatArray, stamp: IntArray, scan: int
) -> tuple[IntArray, IntArray, FloatArray]:
    """The gated pairs of the ``big`` tracks, each taken against the measurements sorted by
    elevation (those without one: against every big track)."""
    x, p, lam = tracks
    origin, rot, u, _, _, z, r, gate = frame
    n_m = z.shape[0]
    out_t, out_m, out_nis = np.empty(64, np.int64), np.empty(64, np.int64), np.empty(64)
    n_out = 0
    work = np.zeros((3, 3, 3))
    el_m = np.where(np.isnan(z[:, 2]), np.inf, z[:, 2])
    order = np.argsort(el_m)
    el_sorted = el_m[order]
    n_el = _first_at_least(el_sorted, n_m, np.inf)
    g_max, r_el, r_az = gate.max(), 0.0, 0.0
    for m in range(n_m):
        r_el, r_az = max(r_el, r[m, 2]), max(r_az, r[m, 1])
    root_g = math.sqrt(g_max)
    axis, chord = _cone(u, z)
    slack = 1.0 + SLACK_REL
    for t in big:
        # Within the cone of the scan's lines of sight, widened by the track's gate (the
        # chord bound of the module notes)?
        d0, d1, d2 = x[t, 0] - origin[0], x[t, 1] - origin[1], x[t, 2] - origin[2]
        rng = math.sqrt(d0 * d0 + d1 * d1 + d2 * d2)
        off = math.sqrt(
            (d0 - rng * axis[0]) ** 2 + (d1 - rng * axis[1]) ** 2 + (d2 - rng * axis[2]) ** 2
        )
        bound = root_g * (
            math.sqrt(lam[t] + rng * rng * r_el) + math.sqrt(lam[t] + rng * rng * r_az)
        )
        if chord < 2.0 and off > rng * chord + bound * slack + SLACK_M:
            continue
        if stamp[t] != scan:
            project(x, p, t, origin, rot, cache, work)
            stamp[t] = scan
        half = math.sqrt(g_max * (cache[t, 8] + r_el)) * slack + 1e-12
        a = _first_at_least(el_sorted, n_el, cache[t, 2] - half)
        b = _first_at_least(el_sorted, n_el, np.nextafter(cache[t, 2] + half, np.inf))
        for i in range(a, b + n_m - n_el):
            m = order[i if i < b else n_el + i - b]
            g = gate[m]
            y_az = abs(_wrap(z[m, 1] - cache[t, 1]))
            if y_az > math.sqrt(g * (cache[t, 6] + r[m, 1])) * slack + 1e-12:
                continue
            y_rho = abs(z[m, 0] - cache[t, 0])
            if y_rho > math.sqrt(g * (cache[t, 3] + r[m, 0])) * slack + 1e-6:
                continue
            nis = nis_of(cache, t, z, r, m, work)
            if nis <= g:
                if n_out == out_t.size:
                    out_t, out_m, out_nis = _grow(out_t), _grow(out_m), _grow(out_nis)
                out_t[n_out], out_m[n_out], out_nis[n_out] = t, m, nis
                n_out += 1
    return out_t[:n_out].copy(), out_m[:n_out].copy(), out_nis[:n_out].copy()
