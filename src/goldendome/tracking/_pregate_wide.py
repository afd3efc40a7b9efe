"""Compiled search of the gated pairs of tracks with wide gates (large position sigma).

Such a track's gate spans much of a sensor's view, so it is taken on its own against the
scan: first a cone test (the scan's lines of sight lie within a chord of their mean
direction; a track farther than that plus its gate's chord bound, from
:mod:`goldendome.tracking.pregate`, pairs with none), then the measurements in the box
``|y_i| <= sqrt(g S_ii)`` of its projection, found in buckets of elevation sorted by
azimuth, then the NIS of those.
"""

import math

import numba as nb
import numpy as np

from goldendome.physics._types import FloatArray, IntArray
from goldendome.tracking._pregate_nis import Frame, Tracks, grow, nis_of, project, wrap
from goldendome.tracking._pregate_tree import SLACK_M, SLACK_REL


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
def _lower(a: FloatArray, lo: int, hi: int, v: float) -> int:
    """First index of sorted ``a[lo:hi]`` with ``a[i] >= v`` (``hi`` when none)."""
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < v:
            lo = mid + 1
        else:
            hi = mid
    return lo


@nb.njit(cache=True)
def _upper(a: FloatArray, lo: int, hi: int, v: float) -> int:
    """First index of sorted ``a[lo:hi]`` with ``a[i] > v`` (``hi`` when none)."""
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] <= v:
            lo = mid + 1
        else:
            hi = mid
    return lo


@nb.njit(cache=True)
def buckets(z: FloatArray) -> tuple[IntArray, FloatArray, FloatArray, IntArray, IntArray]:
    """The measurements with both angles in buckets of elevation (about ``sqrt(n)`` each),
    each sorted by azimuth wrapped to (-pi, pi], and those without.

    Returns
    -------
    member : (n_in,) int64
        Measurement indices, bucket by bucket, by azimuth in each.
    azimuth : (n_in,) float64
        Their wrapped azimuths.
    el_low : (n_bucket,) float64
        Lowest elevation of each bucket (the buckets follow elevation).
    start : (n_bucket + 1,) int64
        Where each bucket starts in ``member``.
    rest : (n_rest,) int64
        Measurements without both angles.
    """
    angles = np.flatnonzero((z[:, 1] == z[:, 1]) & (z[:, 2] == z[:, 2]))
    rest = np.flatnonzero(~((z[:, 1] == z[:, 1]) & (z[:, 2] == z[:, 2])))
    member = angles[np.argsort(z[angles, 2])]
    n = member.size
    n_bucket = max(1, int(math.sqrt(n)))
    start = np.empty(n_bucket + 1, np.int64)
    for b in range(n_bucket + 1):
        start[b] = b * n // n_bucket
    el_low = np.empty(n_bucket)
    azimuth = np.empty(n)
    for b in range(n_bucket):
        part = member[start[b] : start[b + 1]]
        el_low[b] = z[part[0], 2] if part.size else np.inf
        wrapped = np.empty(part.size)
        for i in range(part.size):
            wrapped[i] = wrap(z[part[i], 1])
        order = np.argsort(wrapped)
        member[start[b] : start[b + 1]] = part[order]
        azimuth[start[b] : start[b + 1]] = wrapped[order]
    return member, azimuth, el_low, start, rest


@nb.njit(cache=True)
def wide_pairs(
    big: IntArray, tracks: Tracks, frame: Frame, cache: FloatArray, stamp: IntArray, scan: int
) -> tuple[IntArray, IntArray, FloatArray]:
    """The gated pairs of the ``big`` tracks, each taken on its own against the scan (see
    the module notes)."""
    x, p, lam = tracks
    origin, rot, u, _, _, z, r, gate = frame
    n_m = z.shape[0]
    out_t, out_m, out_nis = np.empty(64, np.int64), np.empty(64, np.int64), np.empty(64)
    n_out = 0
    work = np.zeros((3, 3, 3))
    member, azimuth, el_low, start, rest = buckets(z)
    n_bucket = el_low.size
    g_max, r_el, r_az = gate.max(), 0.0, 0.0
    for m in range(n_m):
        r_el, r_az = max(r_el, r[m, 2]), max(r_az, r[m, 1])
    root_g = math.sqrt(g_max)
    axis, chord = _cone(u, z)
    slack = 1.0 + SLACK_REL
    pick = np.empty(n_m, np.int64)
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
        # The measurements in the box of the largest gate and variances of the scan.
        half_el = math.sqrt(g_max * (cache[t, 8] + r_el)) * slack + 1e-12
        half_az = math.sqrt(g_max * (cache[t, 6] + r_az)) * slack + 1e-12
        el_hi = cache[t, 2] + half_el
        lo_az, hi_az = wrap(cache[t, 1] - half_az), wrap(cache[t, 1] + half_az)
        n_pick = 0
        b = max(_upper(el_low, 0, n_bucket, cache[t, 2] - half_el) - 1, 0)
        while b < n_bucket and el_low[b] <= el_hi:
            a0, a1 = start[b], start[b + 1]
            if half_az >= math.pi:
                ranges = ((a0, a1), (a1, a1))
            elif lo_az <= hi_az:
                ranges = (
                    (_lower(azimuth, a0, a1, lo_az), _upper(azimuth, a0, a1, hi_az)),
                    (a1, a1),
                )
            else:
                ranges = (
                    (_lower(azimuth, a0, a1, lo_az), a1),
                    (a0, _upper(azimuth, a0, a1, hi_az)),
                )
            for i0, i1 in ranges:
                for i in range(i0, i1):
                    pick[n_pick] = member[i]
                    n_pick += 1
            b += 1
        for m in rest:
            pick[n_pick] = m
            n_pick += 1
        for i in range(n_pick):
            m = pick[i]
            g = gate[m]
            if abs(z[m, 2] - cache[t, 2]) > math.sqrt(g * (cache[t, 8] + r[m, 2])) * slack + 1e-12:
                continue
            y_az = abs(wrap(z[m, 1] - cache[t, 1]))
            if y_az > math.sqrt(g * (cache[t, 6] + r[m, 1])) * slack + 1e-12:
                continue
            y_rho = abs(z[m, 0] - cache[t, 0])
            if y_rho > math.sqrt(g * (cache[t, 3] + r[m, 0])) * slack + 1e-6:
                continue
            nis = nis_of(cache, t, z, r, m, work)
            if nis <= g:
                if n_out == out_t.size:
                    out_t, out_m, out_nis = grow(out_t), grow(out_m), grow(out_nis)
                out_t[n_out], out_m[n_out], out_nis[n_out] = t, m, nis
                n_out += 1
    return out_t[:n_out].copy(), out_m[:n_out].copy(), out_nis[:n_out].copy()
