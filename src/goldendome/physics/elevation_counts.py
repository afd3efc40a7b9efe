"""How many satellites stand above each ground site's elevation mask, at each time.

A satellite at ``r`` is above the mask ``e`` of a site at ``r_site`` with geodetic up vector
``u`` when ``(r - r_site) . u >= sin(e) |r - r_site|``. The reference is plain NumPy; the
kernel (numba, the same arithmetic, parallel over sites) is what runs, since a layer of
thousands of satellites over hundreds of samples and a dozen sites is tens of millions of
tests.
"""

import numba
import numpy as np

from goldendome.physics._types import FloatArray, IntArray
from goldendome.physics.frames import eci_to_ecef


def in_view_counts_reference(
    r_ecef_m: FloatArray, up: FloatArray, r_site_m: FloatArray, min_elevation_rad: FloatArray
) -> IntArray:
    """:func:`in_view_counts` in plain NumPy, site by site (the kernel's test reference)."""
    out = np.zeros((up.shape[0], r_ecef_m.shape[1]), np.int64)
    for i in range(up.shape[0]):
        rel = r_ecef_m - r_site_m[i]
        height = rel @ up[i]
        slant = np.linalg.norm(rel, axis=-1)
        out[i] = np.count_nonzero(height >= np.sin(min_elevation_rad[i]) * slant, axis=0)
    return out


@numba.njit(cache=True, parallel=True)
def _kernel(
    r: FloatArray, up: FloatArray, site: FloatArray, sin_mask: FloatArray, out: IntArray
) -> None:  # pragma: no cover - compiled
    n_sat, n_t = r.shape[0], r.shape[1]
    for i in numba.prange(up.shape[0]):
        ux, uy, uz = up[i, 0], up[i, 1], up[i, 2]
        sx, sy, sz = site[i, 0], site[i, 1], site[i, 2]
        s = sin_mask[i]
        for k in range(n_sat):
            for j in range(n_t):
                dx = r[k, j, 0] - sx
                dy = r[k, j, 1] - sy
                dz = r[k, j, 2] - sz
                h = dx * ux + dy * uy + dz * uz
                if s >= 0.0 and h < 0.0:
                    continue
                if h >= s * np.sqrt(dx * dx + dy * dy + dz * dz):
                    out[i, j] += 1


def in_view_counts(
    r_ecef_m: FloatArray, up: FloatArray, r_site_m: FloatArray, min_elevation_rad: FloatArray
) -> IntArray:
    """Satellites above each site's mask at each time.

    Parameters
    ----------
    r_ecef_m : (n_satellite, n_time, 3) float64, meters, Earth-fixed
    up : (n_site, 3) float64
        Geodetic up unit vectors of the sites.
    r_site_m : (n_site, 3) float64, meters
    min_elevation_rad : (n_site,) float64, radians

    Returns
    -------
    (n_site, n_time) int64
    """
    out = np.zeros((up.shape[0], r_ecef_m.shape[1]), np.int64)
    _kernel(
        np.ascontiguousarray(r_ecef_m, np.float64),
        np.ascontiguousarray(up, np.float64),
        np.ascontiguousarray(r_site_m, np.float64),
        np.sin(np.asarray(min_elevation_rad, np.float64)),
        out,
    )
    return out


def in_view_counts_eci_reference(
    r_eci_m: FloatArray,
    theta_rad: FloatArray,
    up: FloatArray,
    r_site_m: FloatArray,
    min_elevation_rad: FloatArray,
) -> IntArray:
    """:func:`in_view_counts_eci` in NumPy: rotate to Earth-fixed, then count."""
    return in_view_counts(eci_to_ecef(r_eci_m, theta_rad), up, r_site_m, min_elevation_rad)


@numba.njit(cache=True, parallel=True)
def _kernel_eci(
    r: FloatArray,
    cos_t: FloatArray,
    sin_t: FloatArray,
    up: FloatArray,
    site: FloatArray,
    sin_mask: FloatArray,
    out: IntArray,
) -> None:  # pragma: no cover - compiled
    n_sat, n_t = r.shape[0], r.shape[1]
    for i in numba.prange(up.shape[0]):
        ux, uy, uz = up[i, 0], up[i, 1], up[i, 2]
        sx, sy, sz = site[i, 0], site[i, 1], site[i, 2]
        s = sin_mask[i]
        for k in range(n_sat):
            for j in range(n_t):
                # The Earth-fixed position, as physics.frames.eci_to_ecef computes it.
                x = cos_t[j] * r[k, j, 0] - sin_t[j] * r[k, j, 1]
                y = sin_t[j] * r[k, j, 0] + cos_t[j] * r[k, j, 1]
                dx = x - sx
                dy = y - sy
                dz = r[k, j, 2] - sz
                h = dx * ux + dy * uy + dz * uz
                if s >= 0.0 and h < 0.0:
                    continue
                if h >= s * np.sqrt(dx * dx + dy * dy + dz * dz):
                    out[i, j] += 1


def in_view_counts_eci(
    r_eci_m: FloatArray,
    theta_rad: FloatArray,
    up: FloatArray,
    r_site_m: FloatArray,
    min_elevation_rad: FloatArray,
) -> IntArray:
    """:func:`in_view_counts` of inertial positions, turned Earth-fixed on the fly.

    Parameters
    ----------
    r_eci_m : (n_satellite, n_time, 3) float64, meters, inertial
    theta_rad : (n_time,) float64, radians
        Earth rotation angle at each time (:func:`goldendome.physics.frames.eci_to_ecef`).
    up, r_site_m, min_elevation_rad
        As for :func:`in_view_counts`.

    Returns
    -------
    (n_site, n_time) int64
        The counts :func:`in_view_counts` gives on ``eci_to_ecef(r_eci_m, theta_rad)``,
        without that array.
    """
    angle = -np.asarray(theta_rad, np.float64)
    out = np.zeros((up.shape[0], r_eci_m.shape[1]), np.int64)
    _kernel_eci(
        np.ascontiguousarray(r_eci_m, np.float64),
        np.ascontiguousarray(np.cos(angle)),
        np.ascontiguousarray(np.sin(angle)),
        np.ascontiguousarray(up, np.float64),
        np.ascontiguousarray(r_site_m, np.float64),
        np.sin(np.asarray(min_elevation_rad, np.float64)),
        out,
    )
    return out


def up_vectors(lat_rad: FloatArray, lon_rad: FloatArray) -> FloatArray:
    """Geodetic up unit vectors ``(n, 3)`` (ECEF) of latitudes and longitudes ``(n,)``."""
    cos_lat = np.cos(lat_rad)
    return np.stack([cos_lat * np.cos(lon_rad), cos_lat * np.sin(lon_rad), np.sin(lat_rad)], -1)
