"""Line of sight past the Earth, grazing altitudes, horizon and coverage geometry.

Earth occlusion on the WGS-84 ellipsoid. Scaling z by ``s = (a + h) / (b + h)`` maps the
ellipsoid with semi-axes ``(a + h, a + h, b + h)`` onto a sphere of radius ``a + h`` and maps
segments to segments, so a segment clears that ellipsoid exactly when the scaled segment's
point closest to the center lies outside the sphere. For ``h = 0`` this is the WGS-84
ellipsoid itself and the test is exact. For ``h != 0`` the ellipsoid ``(a + h, b + h)``
stands in for the true surface at geodetic height ``h``; the two coincide at the equator and
the poles and in between the stand-in departs from the true surface by at most
``1.4e-6 * h`` for h >= 0 (0.14 m at h = 100 km, 1.2 m at 1,000 km, 7.6 m at 36,000 km) and
``1.7e-6 * |h|`` for -1,000 km <= h < 0 (checked with the exact geodetic height). The
cruder homothetic sphere (z scaled by a/b, radius ``a + h``) would err by up to ``f * h``
(335 m at 100 km), which is why it is not used.

Positions may be Earth-fixed or inertial: the two frames share the z axis, and only the
shape of the Earth matters here. Spherical variants take a radius (default: IUGG mean
radius) and follow the textbook formulas of Larson and Wertz, *Space Mission Analysis and
Design* (SMAD), 3rd ed., 1999, ch. 5 ("Space Mission Geometry"), sec. 5.2.
"""

import numpy as np

from goldendome.physics._types import ArrayLike, BoolArray, FloatArray
from goldendome.physics.constants import R_EARTH_MEAN_M, WGS84_A_M, WGS84_B_M
from goldendome.physics.geodetic import ecef_to_geodetic

#: A segment whose lowest point is less than this below the grazing surface still counts as
#: clear, so that endpoints placed exactly on the surface are not lost to rounding, m.
SURFACE_TOLERANCE_M = 1.0e-3
_GRAZING_ITERATIONS = 3


def _lowest_point(
    r1: FloatArray, d: FloatArray, z_scale: FloatArray | float
) -> tuple[FloatArray, FloatArray]:
    """Parameter in [0, 1] along ``r1 + t d`` of the point closest to the center, and that
    point's distance from the center, both after scaling z by ``z_scale`` (shape (...))."""
    zs = np.asarray(z_scale, dtype=np.float64)[..., None]
    factor = np.concatenate([np.ones((*zs.shape[:-1], 2)), zs], axis=-1)
    p1 = r1 * factor
    ds = d * factor
    dd = np.sum(ds * ds, axis=-1)
    safe_dd = np.where(dd > 0.0, dd, 1.0)
    t = np.clip(np.where(dd > 0.0, -np.sum(p1 * ds, axis=-1) / safe_dd, 0.0), 0.0, 1.0)
    closest = p1 + t[..., None] * ds
    return t, np.sqrt(np.sum(closest * closest, axis=-1))


def _segments(r1_m: ArrayLike, r2_m: ArrayLike) -> tuple[FloatArray, FloatArray]:
    r1 = np.asarray(r1_m, dtype=np.float64)
    r2 = np.asarray(r2_m, dtype=np.float64)
    if r1.shape[-1:] != (3,) or r2.shape[-1:] != (3,):
        raise ValueError(
            f"positions must have 3 components on the last axis, got shapes {r1.shape} and "
            f"{r2.shape}; pass (..., 3) arrays in meters."
        )
    r1, r2 = np.broadcast_arrays(r1, r2)
    return np.asarray(r1), np.asarray(r2)


def _positive_radius(radius_m: float) -> float:
    if not radius_m > 0.0:
        raise ValueError(f"radius_m must be a positive length in meters, got {radius_m!r}.")
    return float(radius_m)


def line_of_sight(
    r1_m: ArrayLike,
    r2_m: ArrayLike,
    *,
    grazing_altitude_m: ArrayLike = 0.0,
    ellipsoid: bool = True,
    radius_m: float = R_EARTH_MEAN_M,
) -> BoolArray:
    """Whether the straight segment between two positions stays above a grazing altitude.

    Parameters
    ----------
    r1_m, r2_m : (..., 3) float64, meters
        End points (ECEF, or ECI: only the Earth's shape matters); they broadcast, e.g.
        sites ``(n_site, 1, 3)`` against satellites ``(1, n_sat, 3)``.
    grazing_altitude_m : (...) float64, meters
        Lowest altitude the line may reach (0: the surface; e.g. 50 km for an infrared
        sensor that must not look through the atmosphere). Must exceed -b/2 (ellipsoid)
        or -radius_m (sphere).
    ellipsoid : bool
        True: altitude above the WGS-84 ellipsoid (exact for 0, within ``1.7e-6 * |h|`` of
        the geodetic height otherwise, see the module notes). False: a sphere.
    radius_m : float, meters
        Sphere radius when ``ellipsoid`` is False (default: IUGG mean Earth radius).

    Returns
    -------
    (...) bool
        True where the segment's lowest point is no more than ``SURFACE_TOLERANCE_M`` below
        the grazing surface. End points below it make the answer False; NaN positions
        give False.
    """
    r1, r2 = _segments(r1_m, r2_m)
    h = np.asarray(grazing_altitude_m, dtype=np.float64)
    if ellipsoid:
        if np.any(h <= -0.5 * WGS84_B_M):
            raise ValueError(
                "grazing_altitude_m must exceed -b/2 = -3,178 km on the ellipsoid, got a "
                f"smallest value of {h.min():.6g} m."
            )
        sphere_radius = WGS84_A_M + h
        _, rho = _lowest_point(r1, r2 - r1, (WGS84_A_M + h) / (WGS84_B_M + h))
    else:
        sphere_radius = _positive_radius(radius_m) + h
        if np.any(sphere_radius <= 0.0):
            raise ValueError(
                f"grazing_altitude_m must exceed -radius_m = {-radius_m:.6g} m, got a "
                f"smallest value of {h.min():.6g} m."
            )
        _, rho = _lowest_point(r1, r2 - r1, 1.0)
    return np.asarray(rho >= sphere_radius - SURFACE_TOLERANCE_M, dtype=np.bool_)


def grazing_altitude_m(
    r1_m: ArrayLike, r2_m: ArrayLike, *, ellipsoid: bool = True, radius_m: float = R_EARTH_MEAN_M
) -> FloatArray:
    """Lowest altitude reached by the straight segment between two positions.

    On the ellipsoid the lowest point is found by repeating the scaled-sphere construction
    of :func:`line_of_sight` with ``h`` set to the previous estimate (three passes), then
    taking the exact geodetic height of that point: within a millimeter of the true
    minimum for segments that stay above the surface. Where the segment enters the Earth
    the value is negative (the sign is exact) and equals the geodetic height of the point
    deepest in the ``a/b``-scaled metric, a depth estimate only.

    Parameters
    ----------
    r1_m, r2_m : (..., 3) float64, meters
        End points (ECEF, or ECI); they broadcast.
    ellipsoid : bool
        True: geodetic height above WGS-84. False: height above a sphere.
    radius_m : float, meters
        Sphere radius when ``ellipsoid`` is False (default: IUGG mean Earth radius).

    Returns
    -------
    (...) float64, meters
        Minimum altitude along the segment (an end point's altitude if the segment rises
        from it). Compare it with a sensor's grazing limit.
    """
    r1, r2 = _segments(r1_m, r2_m)
    if not ellipsoid:
        _, rho = _lowest_point(r1, r2 - r1, 1.0)
        return np.asarray(rho - _positive_radius(radius_m), dtype=np.float64)
    d = r2 - r1
    height = np.zeros(r1.shape[:-1])
    for _ in range(_GRAZING_ITERATIONS):
        h = np.maximum(height, 0.0)
        t, rho = _lowest_point(r1, d, (WGS84_A_M + h) / (WGS84_B_M + h))
        lowest = r1 + t[..., None] * d
        # Heikkinen's formula needs points more than ~43 km from the center.
        deep = np.sum(lowest * lowest, axis=-1) < (0.5 * WGS84_B_M) ** 2
        estimate = rho - (WGS84_A_M + h)
        safe = np.where(deep[..., None], np.array([WGS84_A_M, 0.0, 0.0]), lowest)
        height = np.where(deep, estimate, ecef_to_geodetic(safe)[2])
    return np.asarray(height, dtype=np.float64)


def horizon_elevation_rad(
    observer_height_m: ArrayLike, target_height_m: ArrayLike = 0.0, radius_m: float = R_EARTH_MEAN_M
) -> FloatArray:
    """Elevation of the limb of a spherical shell as seen by an observer above it.

    With ``target_height_m = 0`` this is the elevation of the Earth's horizon; otherwise it
    is the elevation at which the observer sees a point at ``target_height_m`` on the limb
    of that shell (e.g. the 50 km grazing limit of an infrared sensor):
    ``el = -arccos((R + h_t) / (R + h_o))``.

    Parameters
    ----------
    observer_height_m : (...) float64, meters
        Observer altitude above the sphere.
    target_height_m : (...) float64, meters
        Altitude of the shell whose limb is sought; broadcasts with the observer height.
    radius_m : float, meters
        Sphere radius (default: IUGG mean Earth radius).

    Returns
    -------
    (...) float64, radians
        Elevation in [-pi/2, 0]; NaN where the observer is below the shell (no limb).
    """
    radius = _positive_radius(radius_m)
    r_o = radius + np.asarray(observer_height_m, dtype=np.float64)
    r_t = radius + np.asarray(target_height_m, dtype=np.float64)
    valid = (r_t >= 0.0) & (r_t <= r_o)
    gap = np.where(valid, (r_o - r_t) * (r_o + r_t), 0.0)
    # -atan2(sqrt(r_o^2 - r_t^2), r_t) = -arccos(r_t / r_o), without cancellation near 0.
    return np.asarray(np.where(valid, -np.arctan2(np.sqrt(gap), r_t), np.nan), np.float64)


def max_ground_range_m(
    observer_height_m: ArrayLike,
    target_height_m: ArrayLike,
    min_elevation_rad: ArrayLike,
    radius_m: float = R_EARTH_MEAN_M,
) -> FloatArray:
    """Ground distance at which an object at a given height appears at a given elevation.

    The coverage formula: the Earth central angle from the observer to the point where its
    line of sight at elevation ``e`` meets the shell of radius ``R + h_t``, times ``R``. For
    an observer on the ground and a satellite at altitude ``h`` it reduces to
    ``lambda = pi/2 - e - asin(R cos e / (R + h))`` (SMAD 3rd ed., sec. 5.2: angular
    radius rho, nadir angle eta, central angle lambda); objects closer than this range
    appear above ``e``. For an observer above the shell the nearer meeting point is used.

    Parameters
    ----------
    observer_height_m : (...) float64, meters
        Observer altitude above the sphere.
    target_height_m : (...) float64, meters
        Object altitude above the sphere.
    min_elevation_rad : (...) float64, radians
        Elevation of the line of sight at the observer, in [-pi/2, pi/2]; all broadcast.
    radius_m : float, meters
        Sphere radius (default: IUGG mean Earth radius).

    Returns
    -------
    (...) float64, meters
        Central angle times ``radius_m``; NaN where the line of sight never meets the shell
        or passes below the surface before reaching it.
    """
    radius = _positive_radius(radius_m)
    e = np.asarray(min_elevation_rad, dtype=np.float64)
    if np.any(np.abs(e) > 0.5 * np.pi + 1e-12):
        raise ValueError(
            "min_elevation_rad must lie in [-pi/2, pi/2] radians, got a largest magnitude of "
            f"{np.nanmax(np.abs(e)):.6g}; pass elevations in radians, not degrees."
        )
    r_o = radius + np.asarray(observer_height_m, dtype=np.float64)
    r_t = radius + np.asarray(target_height_m, dtype=np.float64)
    sin_e, cos_e = np.sin(e), np.cos(e)
    disc = (r_t - r_o * cos_e) * (r_t + r_o * cos_e)
    root = np.sqrt(np.maximum(disc, 0.0))
    outward = r_t >= r_o
    # Distance along the line of sight to the shell: the far root from inside, near outside.
    s = np.where(outward, -r_o * sin_e + root, -r_o * sin_e - root)
    # A line of sight within a millimeter of tangent to the shell still meets it.
    meets = (disc >= -2.0 * r_t * SURFACE_TOLERANCE_M) & (s >= 0.0)
    # The line dips to r_o cos e at s = -r_o sin e; below the surface before the target?
    occluded = (sin_e < 0.0) & (-r_o * sin_e < s) & (r_o * cos_e < radius - SURFACE_TOLERANCE_M)
    central = np.arctan2(s * cos_e, r_o + s * sin_e)
    return np.asarray(np.where(meets & ~occluded, central * radius, np.nan), dtype=np.float64)
