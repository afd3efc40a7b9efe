"""Positions from two infrared lines of sight that cross: how angle-only sensors start tracks.

Each measurement's line of sight leaves its satellite (the frame origin) along the
direction its azimuth and elevation give in the sensor frame. Two lines from different
satellites are paired when they pass within ``gate_m`` of each other ahead of both
satellites; the new position is the midpoint of their closest approach. Pairs are taken
greedily, closest first, each measurement used once. Written by hand: it is ten lines of
vector algebra, and no library offers it batched this way.

:func:`triangulate_pairs` runs the compiled pair search
(:func:`goldendome.tracking._triangulation_kernel.crossing_pairs`), which keeps only the
pairs within the gate instead of holding every pair's geometry;
:func:`triangulate_pairs_reference` is the NumPy original it is tested against.
"""

import numpy as np

from goldendome.physics._types import FloatArray, IntArray
from goldendome.physics.constants import OMEGA_EARTH_RAD_S
from goldendome.tracking._triangulation_kernel import crossing_pairs


def line_of_sight_eci(z: FloatArray, rotation: FloatArray) -> FloatArray:
    """Unit vectors ``(n, 3)`` (ECI) of measured azimuth and elevation ``z[:, 1:3]``."""
    az, el = z[:, 1], z[:, 2]
    frame = np.stack([np.cos(el) * np.sin(az), np.cos(el) * np.cos(az), np.sin(el)], axis=1)
    return np.asarray(np.einsum("nji,nj->ni", rotation, frame), dtype=np.float64)


def triangulate_pairs(
    z: FloatArray, origin_r: FloatArray, rotation: FloatArray, gate_m: float
) -> tuple[FloatArray, IntArray]:
    """Greedy pairs of crossing lines of sight and the states they give (compiled; see
    :func:`triangulate_pairs_reference` for the parameters).
    """
    u = line_of_sight_eci(z, rotation)
    first, second, midpoint = crossing_pairs(
        np.ascontiguousarray(u), np.ascontiguousarray(origin_r, dtype=np.float64), gate_m
    )
    return _states(midpoint), np.stack([first, second], axis=1).reshape(-1, 2)


def _states(midpoint: FloatArray) -> FloatArray:
    """States at ``midpoint (n, 3)`` moving with the Earth's surface."""
    x = np.zeros((midpoint.shape[0], 6))
    x[:, :3] = midpoint
    x[:, 3:] = np.cross([0.0, 0.0, OMEGA_EARTH_RAD_S], x[:, :3])
    return x


def triangulate_pairs_reference(
    z: FloatArray, origin_r: FloatArray, rotation: FloatArray, gate_m: float
) -> tuple[FloatArray, IntArray]:
    """Greedy pairs of crossing lines of sight and the states they give, with NumPy over
    every pair.

    Parameters
    ----------
    z : (n, 4) float64
        Angle-only measurements (azimuth and elevation used).
    origin_r : (n, 3) float64, m, ECI
    rotation : (n, 3, 3) float64
    gate_m : float
        Largest miss distance between two lines that still pairs them.

    Returns
    -------
    x_eci : (n_pair, 6) float64
        Midpoints of closest approach, moving with the Earth's surface (the velocity prior's
        mean; its wide covariance carries the rest).
    pairs : (n_pair, 2) int64
        Row indices of the two measurements of each pair.
    """
    u = line_of_sight_eci(z, rotation)
    i, j = np.triu_indices(z.shape[0], k=1)
    w = origin_r[i] - origin_r[j]
    b = np.einsum("nk,nk->n", u[i], u[j])
    d, e = np.einsum("nk,nk->n", u[i], w), np.einsum("nk,nk->n", u[j], w)
    denom = 1.0 - b * b
    ok = denom > 1e-6  # not parallel, so from different places
    s = np.where(ok, (b * e - d) / np.where(ok, denom, 1.0), -1.0)
    t = np.where(ok, (e - b * d) / np.where(ok, denom, 1.0), -1.0)
    p1 = origin_r[i] + s[:, None] * u[i]
    p2 = origin_r[j] + t[:, None] * u[j]
    miss = np.linalg.norm(p1 - p2, axis=1)
    good = ok & (s > 0) & (t > 0) & (miss <= gate_m)
    taken = np.zeros(z.shape[0], bool)
    chosen = []
    for k in np.flatnonzero(good)[np.argsort(miss[good])]:
        if not (taken[i[k]] or taken[j[k]]):
            taken[i[k]] = taken[j[k]] = True
            chosen.append(k)
    sel = np.array(chosen, dtype=np.int64)
    x = _states(0.5 * (p1[sel] + p2[sel]))
    return x, np.stack([i[sel], j[sel]], axis=1).astype(np.int64).reshape(-1, 2)
