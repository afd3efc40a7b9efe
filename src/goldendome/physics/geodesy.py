"""Distances and azimuths along the Earth's surface: great circles and WGS-84 geodesics.

Two models:

* **Sphere** (closed form, any radius, default the IUGG mean radius): distance by the
  ``atan2`` form of the central angle (Vincenty's special case for the sphere, accurate for
  coincident, nearby and antipodal points alike, where the ``acos`` form loses digits and
  the haversine form loses them near the antipode), initial azimuth, and the destination
  reached by following a great circle. Geodetic latitudes are used as spherical latitudes;
  against the ellipsoid this errs by at most about 0.6 % of the distance (0.56 % for short
  north-south lines at the equator, where the meridian radius of curvature is 6,335 km).
* **WGS-84 ellipsoid** (geodesics): delegated to :class:`pyproj.Geod`, which wraps
  Karney's algorithm (C. F. F. Karney, "Algorithms for geodesics", J. Geodesy 87, 43-55,
  2013) from PROJ/GeographicLib: accurate to about 15 nm for any pair of points,
  antipodal ones included, and vectorized. The project prefers this well-kept library over
  hand-written Vincenty-style iterations, which fail to converge near the antipode.

All azimuths are clockwise from north, in [0, 2 pi). Latitudes outside [-pi/2, pi/2] are bad
input and raise :class:`ValueError`; NaN inputs give NaN outputs.
"""

import numpy as np
from pyproj import Geod

from goldendome.physics._types import ArrayLike, FloatArray
from goldendome.physics.constants import R_EARTH_MEAN_M, TWO_PI

_WGS84_GEOD = Geod(ellps="WGS84")
_HALF_PI_TOLERANCE = 0.5 * np.pi + 1e-12


def _latitude(lat_rad: ArrayLike, name: str) -> FloatArray:
    lat = np.asarray(lat_rad, dtype=np.float64)
    if np.any(np.abs(lat) > _HALF_PI_TOLERANCE):
        raise ValueError(
            f"{name} must lie in [-pi/2, pi/2] radians, got a largest magnitude of "
            f"{np.nanmax(np.abs(lat)):.6g}; pass latitudes in radians, not degrees."
        )
    return lat


def _positive_radius(radius_m: float) -> float:
    if not radius_m > 0.0:
        raise ValueError(f"radius_m must be a positive length in meters, got {radius_m!r}.")
    return float(radius_m)


def _wrap_azimuth(az_rad: FloatArray) -> FloatArray:
    az = np.mod(az_rad, TWO_PI)
    return np.asarray(np.where(az >= TWO_PI, 0.0, az), dtype=np.float64)


def great_circle_distance_m(
    lat1_rad: ArrayLike,
    lon1_rad: ArrayLike,
    lat2_rad: ArrayLike,
    lon2_rad: ArrayLike,
    radius_m: float = R_EARTH_MEAN_M,
) -> FloatArray:
    """Great-circle distance between points on a sphere.

    Parameters
    ----------
    lat1_rad, lon1_rad : (...) float64, radians
        First point (latitude in [-pi/2, pi/2]).
    lat2_rad, lon2_rad : (...) float64, radians
        Second point; all four broadcast together.
    radius_m : float, meters
        Sphere radius (default: IUGG mean Earth radius).

    Returns
    -------
    (...) float64, meters
        Distance along the surface, in [0, pi * radius_m]; exactly 0 for coincident points.
    """
    lat1, lat2 = _latitude(lat1_rad, "lat1_rad"), _latitude(lat2_rad, "lat2_rad")
    radius = _positive_radius(radius_m)
    dlon = np.asarray(lon2_rad, np.float64) - np.asarray(lon1_rad, np.float64)
    s1, c1, s2, c2 = np.sin(lat1), np.cos(lat1), np.sin(lat2), np.cos(lat2)
    num = np.hypot(c2 * np.sin(dlon), c1 * s2 - s1 * c2 * np.cos(dlon))
    den = s1 * s2 + c1 * c2 * np.cos(dlon)
    return np.asarray(radius * np.arctan2(num, den), dtype=np.float64)


def great_circle_azimuth_rad(
    lat1_rad: ArrayLike, lon1_rad: ArrayLike, lat2_rad: ArrayLike, lon2_rad: ArrayLike
) -> FloatArray:
    """Initial azimuth of the great circle from the first point to the second.

    Parameters
    ----------
    lat1_rad, lon1_rad : (...) float64, radians
        Start point.
    lat2_rad, lon2_rad : (...) float64, radians
        End point; all four broadcast together.

    Returns
    -------
    (...) float64, radians
        Azimuth clockwise from north, in [0, 2 pi). It is 0 for coincident points; at a pole
        "north" is taken along the start point's meridian (the usual convention).
    """
    lat1, lat2 = _latitude(lat1_rad, "lat1_rad"), _latitude(lat2_rad, "lat2_rad")
    dlon = np.asarray(lon2_rad, np.float64) - np.asarray(lon1_rad, np.float64)
    y = np.sin(dlon) * np.cos(lat2)
    x = np.cos(lat1) * np.sin(lat2) - np.sin(lat1) * np.cos(lat2) * np.cos(dlon)
    return _wrap_azimuth(np.arctan2(y, x))


def great_circle_destination(
    lat_rad: ArrayLike,
    lon_rad: ArrayLike,
    azimuth_rad: ArrayLike,
    distance_m: ArrayLike,
    radius_m: float = R_EARTH_MEAN_M,
) -> tuple[FloatArray, FloatArray]:
    """Point reached by following a great circle from a start point.

    Computed with unit vectors (start point, local north and east), so it holds at the
    poles and for any distance, including more than half a circumference.

    Parameters
    ----------
    lat_rad, lon_rad : (...) float64, radians
        Start point.
    azimuth_rad : (...) float64, radians
        Initial azimuth, clockwise from north.
    distance_m : (...) float64, meters
        Distance along the surface (negative goes backwards); all inputs broadcast.
    radius_m : float, meters
        Sphere radius (default: IUGG mean Earth radius).

    Returns
    -------
    lat_rad : (...) float64, radians
        Latitude of the destination, in [-pi/2, pi/2].
    lon_rad : (...) float64, radians
        Longitude of the destination, in (-pi, pi].
    """
    lat = _latitude(lat_rad, "lat_rad")
    radius = _positive_radius(radius_m)
    lon = np.asarray(lon_rad, np.float64)
    az = np.asarray(azimuth_rad, np.float64)
    delta = np.asarray(distance_m, np.float64) / radius
    s_lat, c_lat, s_lon, c_lon = np.sin(lat), np.cos(lat), np.sin(lon), np.cos(lon)
    s_az, c_az, s_d, c_d = np.sin(az), np.cos(az), np.sin(delta), np.cos(delta)
    # Destination = cos(delta) * up + sin(delta) * (cos(az) * north + sin(az) * east).
    x = c_d * c_lat * c_lon + s_d * (-c_az * s_lat * c_lon - s_az * s_lon)
    y = c_d * c_lat * s_lon + s_d * (-c_az * s_lat * s_lon + s_az * c_lon)
    z = c_d * s_lat + s_d * c_az * c_lat
    lat2 = np.arctan2(z, np.hypot(x, y))
    lon2 = np.arctan2(y, x)
    return np.asarray(lat2, np.float64), np.asarray(lon2, np.float64)


def geodesic_inverse(
    lat1_rad: ArrayLike, lon1_rad: ArrayLike, lat2_rad: ArrayLike, lon2_rad: ArrayLike
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Shortest path between two points on the WGS-84 ellipsoid (Karney, via pyproj).

    Parameters
    ----------
    lat1_rad, lon1_rad : (...) float64, radians
        First point (geodetic latitude in [-pi/2, pi/2]).
    lat2_rad, lon2_rad : (...) float64, radians
        Second point; all four broadcast together.

    Returns
    -------
    distance_m : (...) float64, meters
        Geodesic distance.
    azimuth1_rad : (...) float64, radians
        Azimuth of the geodesic at the first point, clockwise from north, in [0, 2 pi).
    azimuth2_rad : (...) float64, radians
        Forward azimuth at the second point (direction of travel, Karney's ``azi2``), in
        [0, 2 pi). The back azimuth (from the second point towards the first) is this plus pi.
    """
    lat1, lat2 = _latitude(lat1_rad, "lat1_rad"), _latitude(lat2_rad, "lat2_rad")
    arrays = np.broadcast_arrays(
        lat1, np.asarray(lon1_rad, np.float64), lat2, np.asarray(lon2_rad, np.float64)
    )
    shape = arrays[0].shape
    la1, lo1, la2, lo2 = (np.array(a, dtype=np.float64).ravel() for a in arrays)
    az12, az21, dist = _WGS84_GEOD.inv(lo1, la1, lo2, la2, radians=True)
    return (
        np.asarray(dist, np.float64).reshape(shape),
        _wrap_azimuth(np.asarray(az12, np.float64)).reshape(shape),
        _wrap_azimuth(np.asarray(az21, np.float64) + np.pi).reshape(shape),
    )


def geodesic_direct(
    lat_rad: ArrayLike, lon_rad: ArrayLike, azimuth_rad: ArrayLike, distance_m: ArrayLike
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Point reached by following a WGS-84 geodesic from a start point (Karney, via pyproj).

    Parameters
    ----------
    lat_rad, lon_rad : (...) float64, radians
        Start point (geodetic latitude in [-pi/2, pi/2]).
    azimuth_rad : (...) float64, radians
        Initial azimuth, clockwise from north.
    distance_m : (...) float64, meters
        Distance along the geodesic (negative goes backwards); all inputs broadcast.

    Returns
    -------
    lat_rad : (...) float64, radians
        Geodetic latitude of the destination.
    lon_rad : (...) float64, radians
        Longitude of the destination, in [-pi, pi].
    back_azimuth_rad : (...) float64, radians
        Azimuth at the destination pointing back towards the start, in [0, 2 pi) (the
        forward azimuth there, Karney's ``azi2``, is this minus pi).
    """
    lat = _latitude(lat_rad, "lat_rad")
    arrays = np.broadcast_arrays(
        lat,
        np.asarray(lon_rad, np.float64),
        np.asarray(azimuth_rad, np.float64),
        np.asarray(distance_m, np.float64),
    )
    shape = arrays[0].shape
    la, lo, az, dist = (np.array(a, dtype=np.float64).ravel() for a in arrays)
    lon2, lat2, back_az = _WGS84_GEOD.fwd(lo, la, az, dist, radians=True)
    return (
        np.asarray(lat2, np.float64).reshape(shape),
        np.asarray(lon2, np.float64).reshape(shape),
        _wrap_azimuth(np.asarray(back_az, np.float64)).reshape(shape),
    )
