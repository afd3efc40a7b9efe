"""The lowest and highest geodetic height, and the largest geodetic latitude, of each track.

A space layer's table gives its altitude band and the latitudes it reaches; finding them
by :func:`goldendome.physics.geodetic.ecef_to_geodetic` on every sample builds a dozen
temporary arrays the size of the positions. The kernel (numba, the same Heikkinen formulas
in the same order, parallel over tracks) keeps three numbers per track instead;
:func:`geodetic_extent_reference` is the plain NumPy version it is tested against.
"""

import math

import numba
import numpy as np

from goldendome.physics._types import FloatArray
from goldendome.physics.constants import WGS84_A_M, WGS84_B_M, WGS84_E2, WGS84_EP2
from goldendome.physics.geodetic import ecef_to_geodetic


def geodetic_extent_reference(r_m: FloatArray) -> FloatArray:
    """:func:`geodetic_extent` in plain NumPy (the kernel's test reference)."""
    lat, _, height = ecef_to_geodetic(r_m)
    return np.stack([height.min(axis=1), height.max(axis=1), np.abs(lat).max(axis=1)], axis=1)


@numba.njit(cache=True, parallel=True)
def _kernel(r: FloatArray, out: FloatArray) -> None:  # pragma: no cover - compiled
    a, b, e2, ep2 = WGS84_A_M, WGS84_B_M, WGS84_E2, WGS84_EP2
    for i in numba.prange(r.shape[0]):
        low, high, lat_max = np.inf, -np.inf, 0.0
        for k in range(r.shape[1]):
            x, y, z = r[i, k, 0], r[i, k, 1], r[i, k, 2]
            p2 = x * x + y * y
            p = math.sqrt(p2)
            z2 = z * z
            f = 54.0 * b * b * z2
            g = p2 + (1.0 - e2) * z2 - e2 * (a * a - b * b)
            c = e2 * e2 * f * p2 / (g * g * g)
            s = np.cbrt(1.0 + c + math.sqrt(c * c + 2.0 * c))
            kk = s + 1.0 + 1.0 / s
            big_p = f / (3.0 * kk * kk * g * g)
            q = math.sqrt(1.0 + 2.0 * e2 * e2 * big_p)
            r0 = -big_p * e2 * p / (1.0 + q) + math.sqrt(
                max(
                    0.5 * a * a * (1.0 + 1.0 / q)
                    - big_p * (1.0 - e2) * z2 / (q * (1.0 + q))
                    - 0.5 * big_p * p2,
                    0.0,
                )
            )
            t = p - e2 * r0
            u = math.sqrt(t * t + z2)
            v = math.sqrt(t * t + (1.0 - e2) * z2)
            z0 = b * b * z / (a * v)
            height = u * (1.0 - b * b / (a * v))
            lat = abs(math.atan2(z + ep2 * z0, p))
            low = min(low, height)
            high = max(high, height)
            lat_max = max(lat_max, lat)
        out[i, 0], out[i, 1], out[i, 2] = low, high, lat_max


def geodetic_extent(r_m: FloatArray) -> FloatArray:
    """Height band and largest latitude of each track of positions.

    Parameters
    ----------
    r_m : (n_track, n_time, 3) float64, meters
        Earth-fixed positions (or inertial ones: geodetic height and latitude do not depend
        on the rotation about the polar axis).

    Returns
    -------
    (n_track, 3) float64
        Per track: lowest height (m), highest height (m) above the WGS-84 ellipsoid, and the
        largest absolute geodetic latitude (rad); ``(inf, -inf, 0)`` for a track without
        samples.
    """
    r = np.ascontiguousarray(r_m, dtype=np.float64)
    if r.ndim != 3 or r.shape[2] != 3:
        raise ValueError(f"positions must have shape (n_track, n_time, 3); got {r.shape}.")
    out = np.empty((r.shape[0], 3))
    _kernel(r, out)
    return out
