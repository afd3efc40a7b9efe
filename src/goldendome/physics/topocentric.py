"""Local East-North-Up (ENU) frames and azimuth, elevation and range (AER).

The ENU frame of a site has its origin at the site, ``up`` along the ellipsoid normal (the
geodetic vertical), ``north`` towards the pole in the meridian plane and ``east`` completing
the right-handed triad. The site is given by its geodetic latitude and longitude (which fix
the axes) and its Earth-fixed position (which fixes the origin); the two must describe the
same point, e.g. ``r_origin_ecef_m = geodetic_to_ecef(lat_rad, lon_rad, height_m)``.

Azimuth is measured clockwise from north, in [0, 2 pi); elevation is measured from the local
horizontal plane (the plane normal to the geodetic vertical), in [-pi/2, pi/2]. The rotation
is the standard one (e.g. Vallado 2013, sec. 3.4, written there for SEZ axes).

Broadcasting: ``lat_rad`` and ``lon_rad`` have the shape of the origin array without its
component axis, and origins broadcast against targets, e.g. sites ``(n_site, 1, 3)`` with
latitudes ``(n_site, 1)`` against satellites ``(1, n_sat, 3)`` give ``(n_site, n_sat, 3)``.
"""

import numpy as np

from goldendome.physics._types import ArrayLike, FloatArray
from goldendome.physics.constants import TWO_PI


def _enu_axes(lat_rad: ArrayLike, lon_rad: ArrayLike) -> tuple[FloatArray, ...]:
    """Sines and cosines of the origin latitude and longitude, broadcast together."""
    lat, lon = np.broadcast_arrays(np.asarray(lat_rad, np.float64), np.asarray(lon_rad, np.float64))
    return np.sin(lat), np.cos(lat), np.sin(lon), np.cos(lon)


def ecef_to_enu(
    r_ecef_m: ArrayLike, lat_rad: ArrayLike, lon_rad: ArrayLike, r_origin_ecef_m: ArrayLike
) -> FloatArray:
    """Earth-fixed positions expressed in the ENU frame of an origin.

    Parameters
    ----------
    r_ecef_m : (..., 3) float64, meters
        Target positions in the Earth-fixed frame.
    lat_rad, lon_rad : (...) float64, radians
        Geodetic latitude and longitude of the origin (they set the axes).
    r_origin_ecef_m : (..., 3) float64, meters
        Earth-fixed position of the origin.

    Returns
    -------
    (..., 3) float64, meters
        East, north and up components of ``r_ecef_m - r_origin_ecef_m`` (all inputs
        broadcast together).
    """
    d = np.asarray(r_ecef_m, np.float64) - np.asarray(r_origin_ecef_m, np.float64)
    sin_lat, cos_lat, sin_lon, cos_lon = _enu_axes(lat_rad, lon_rad)
    dx, dy, dz = d[..., 0], d[..., 1], d[..., 2]
    t = cos_lon * dx + sin_lon * dy
    east = -sin_lon * dx + cos_lon * dy
    north = -sin_lat * t + cos_lat * dz
    up = cos_lat * t + sin_lat * dz
    return np.stack(np.broadcast_arrays(east, north, up), axis=-1)


def enu_to_ecef(
    r_enu_m: ArrayLike, lat_rad: ArrayLike, lon_rad: ArrayLike, r_origin_ecef_m: ArrayLike
) -> FloatArray:
    """Inverse of :func:`ecef_to_enu`: ENU coordinates back to Earth-fixed positions.

    Parameters
    ----------
    r_enu_m : (..., 3) float64, meters
        East, north and up coordinates relative to the origin.
    lat_rad, lon_rad : (...) float64, radians
        Geodetic latitude and longitude of the origin.
    r_origin_ecef_m : (..., 3) float64, meters
        Earth-fixed position of the origin.

    Returns
    -------
    (..., 3) float64, meters
        Earth-fixed positions (all inputs broadcast together).
    """
    enu = np.asarray(r_enu_m, np.float64)
    sin_lat, cos_lat, sin_lon, cos_lon = _enu_axes(lat_rad, lon_rad)
    east, north, up = enu[..., 0], enu[..., 1], enu[..., 2]
    t = -sin_lat * north + cos_lat * up
    dx = cos_lon * t - sin_lon * east
    dy = sin_lon * t + cos_lon * east
    dz = cos_lat * north + sin_lat * up
    d = np.stack(np.broadcast_arrays(dx, dy, dz), axis=-1)
    return np.asarray(d + np.asarray(r_origin_ecef_m, np.float64), dtype=np.float64)


def enu_to_aer(r_enu_m: ArrayLike) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Azimuth, elevation and slant range of ENU vectors.

    Parameters
    ----------
    r_enu_m : (..., 3) float64, meters
        East, north and up coordinates.

    Returns
    -------
    az_rad : (...) float64, radians
        Azimuth clockwise from north, in [0, 2 pi) (0 for a target straight up or down).
    el_rad : (...) float64, radians
        Elevation above the local horizontal plane, in [-pi/2, pi/2].
    range_m : (...) float64, meters
        Slant range.
    """
    enu = np.asarray(r_enu_m, np.float64)
    east, north, up = enu[..., 0], enu[..., 1], enu[..., 2]
    horizontal = np.hypot(east, north)
    az = np.mod(np.arctan2(east, north), TWO_PI)
    # mod can round a tiny negative angle up to exactly 2 pi; keep the interval half-open.
    az = np.where(az >= TWO_PI, 0.0, az)
    el = np.arctan2(up, horizontal)
    rng = np.hypot(horizontal, up)
    return np.asarray(az, np.float64), np.asarray(el, np.float64), np.asarray(rng, np.float64)


def aer_to_enu(az_rad: ArrayLike, el_rad: ArrayLike, range_m: ArrayLike) -> FloatArray:
    """ENU vectors from azimuth, elevation and slant range.

    Parameters
    ----------
    az_rad : (...) float64, radians
        Azimuth clockwise from north.
    el_rad : (...) float64, radians
        Elevation above the local horizontal plane.
    range_m : (...) float64, meters
        Slant range.

    Returns
    -------
    (..., 3) float64, meters
        East, north and up coordinates (inputs broadcast together).
    """
    az, el, rng = np.broadcast_arrays(
        np.asarray(az_rad, np.float64),
        np.asarray(el_rad, np.float64),
        np.asarray(range_m, np.float64),
    )
    horizontal = rng * np.cos(el)
    return np.stack([horizontal * np.sin(az), horizontal * np.cos(az), rng * np.sin(el)], axis=-1)


def ecef_to_aer(
    r_ecef_m: ArrayLike, lat_rad: ArrayLike, lon_rad: ArrayLike, r_origin_ecef_m: ArrayLike
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Azimuth, elevation and slant range of Earth-fixed targets seen from an origin.

    Parameters
    ----------
    r_ecef_m : (..., 3) float64, meters
        Target positions in the Earth-fixed frame.
    lat_rad, lon_rad : (...) float64, radians
        Geodetic latitude and longitude of the origin.
    r_origin_ecef_m : (..., 3) float64, meters
        Earth-fixed position of the origin.

    Returns
    -------
    az_rad : (...) float64, radians
        Azimuth clockwise from north, in [0, 2 pi).
    el_rad : (...) float64, radians
        Elevation above the local horizontal plane.
    range_m : (...) float64, meters
        Slant range.
    """
    return enu_to_aer(ecef_to_enu(r_ecef_m, lat_rad, lon_rad, r_origin_ecef_m))


def enu_axes_ecef(
    lat_rad: ArrayLike, lon_rad: ArrayLike
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Unit east, north and up vectors of the local frame at geodetic points, in ECEF.

    Parameters
    ----------
    lat_rad, lon_rad : (...) float64, radians
        Geodetic latitude and longitude.

    Returns
    -------
    east, north, up : (..., 3) float64
    """
    sin_lat, cos_lat, sin_lon, cos_lon = _enu_axes(lat_rad, lon_rad)
    east = np.stack([-sin_lon, cos_lon, np.zeros_like(sin_lon)], axis=-1)
    north = np.stack([-sin_lat * cos_lon, -sin_lat * sin_lon, cos_lat], axis=-1)
    up = np.stack([cos_lat * cos_lon, cos_lat * sin_lon, sin_lat], axis=-1)
    return east, north, up
