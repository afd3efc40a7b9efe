"""Geodetic latitude, longitude and height on the WGS-84 ellipsoid, to and from ECEF.

ECEF to geodetic uses Heikkinen's closed-form solution (Heikkinen 1982, "Geschlossene
Formeln zur Berechnung räumlicher geodätischer Koordinaten aus rechtwinkligen Koordinaten",
Z. Vermess. 107; as given by Zhu 1994, IEEE Trans. AES 30(3)): exact, no iteration, valid for
every point farther than about 43 km from the Earth's center. A hand-written NumPy kernel is
used because it is a dozen lines, vectorizes fully and keeps the physics core free of
heavier geodesy dependencies; tests check it against pymap3d to well under a millimeter.
"""

import numpy as np

from goldendome.physics._types import ArrayLike, FloatArray
from goldendome.physics.constants import WGS84_A_M, WGS84_B_M, WGS84_E2, WGS84_EP2


def geodetic_to_ecef(lat_rad: ArrayLike, lon_rad: ArrayLike, height_m: ArrayLike) -> FloatArray:
    """Earth-fixed position of geodetic coordinates.

    Parameters
    ----------
    lat_rad, lon_rad : (...) float64, radians
        Geodetic latitude and longitude (broadcast together with ``height_m``).
    height_m : (...) float64, meters
        Height above the WGS-84 ellipsoid.

    Returns
    -------
    (..., 3) float64, meters
    """
    lat, lon, h = np.broadcast_arrays(
        np.asarray(lat_rad, np.float64),
        np.asarray(lon_rad, np.float64),
        np.asarray(height_m, np.float64),
    )
    sin_lat = np.sin(lat)
    cos_lat = np.cos(lat)
    n = WGS84_A_M / np.sqrt(1.0 - WGS84_E2 * sin_lat * sin_lat)
    out = np.empty((*lat.shape, 3), dtype=np.float64)
    out[..., 0] = (n + h) * cos_lat * np.cos(lon)
    out[..., 1] = (n + h) * cos_lat * np.sin(lon)
    out[..., 2] = (n * (1.0 - WGS84_E2) + h) * sin_lat
    return out


def ecef_to_geodetic(r_ecef_m: ArrayLike) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Geodetic latitude, longitude and height above the WGS-84 ellipsoid.

    Parameters
    ----------
    r_ecef_m : (..., 3) float64, meters
        Positions in the Earth-fixed frame (more than ~43 km from the center).

    Returns
    -------
    lat_rad, lon_rad : (...) float64, radians
        Longitude in (-pi, pi].
    height_m : (...) float64, meters
    """
    r = np.asarray(r_ecef_m, dtype=np.float64)
    x, y, z = r[..., 0], r[..., 1], r[..., 2]
    a, b, e2, ep2 = WGS84_A_M, WGS84_B_M, WGS84_E2, WGS84_EP2
    p2 = x * x + y * y
    p = np.sqrt(p2)
    z2 = z * z
    f = 54.0 * b * b * z2
    g = p2 + (1.0 - e2) * z2 - e2 * (a * a - b * b)
    c = e2 * e2 * f * p2 / (g * g * g)
    s = np.cbrt(1.0 + c + np.sqrt(c * c + 2.0 * c))
    k = s + 1.0 + 1.0 / s
    big_p = f / (3.0 * k * k * g * g)
    q = np.sqrt(1.0 + 2.0 * e2 * e2 * big_p)
    r0 = -big_p * e2 * p / (1.0 + q) + np.sqrt(
        np.maximum(
            0.5 * a * a * (1.0 + 1.0 / q)
            - big_p * (1.0 - e2) * z2 / (q * (1.0 + q))
            - 0.5 * big_p * p2,
            0.0,
        )
    )
    t = p - e2 * r0
    u = np.sqrt(t * t + z2)
    v = np.sqrt(t * t + (1.0 - e2) * z2)
    z0 = b * b * z / (a * v)
    height = u * (1.0 - b * b / (a * v))
    lat = np.arctan2(z + ep2 * z0, p)
    lon = np.arctan2(y, x)
    return lat, lon, height
