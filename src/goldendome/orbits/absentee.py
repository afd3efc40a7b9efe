"""The absentee ratio: how many satellites a constellation needs per satellite in reach.

A space-based interceptor can only engage missiles within its reach, so most of a
constellation is "absent" at any moment. With satellites spread uniformly over a sphere,
the fraction within ground distance ``r`` of a point is the spherical cap's share of the
sphere, ``(1 - cos(r / R)) / 2``, and the absentee ratio is its inverse (Garwin; APS 2003).

Inclined circular orbits are not uniform: averaged over node and phase, satellites of
inclination ``i`` crowd toward latitudes ``+-i``. Their surface density is

    sigma(phi) = N / (2 pi^2 R^2 sqrt(sin^2 i - sin^2 phi))     for |phi| < i,

and with the substitution ``sin phi = sin i sin psi`` the share inside a cap around
latitude ``phi0`` becomes a smooth integral over ``psi`` of the longitude half-width of the
cap at that latitude, ``(1 / pi^2) int dlambda(psi) dpsi`` (derived here; it reduces to the
uniform cap as the orbits' nodes and inclinations are averaged). Both are computed here,
and :func:`simulated_fraction_in_reach` counts the same thing on a propagated constellation.
"""

import numpy as np

from goldendome.orbits.analytic import propagate_analytic
from goldendome.physics._types import ArrayLike, FloatArray
from goldendome.physics.constants import R_EARTH_MEAN_M
from goldendome.physics.elements import OrbitalElements

#: Quadrature nodes of the latitude-concentration integral (midpoint rule; the integrand
#: has kinks at the cap's edges, so many cheap nodes beat a few Gauss nodes).
N_NODES = 20_000


def uniform_fraction_in_reach(reach_m: ArrayLike, radius_m: float = R_EARTH_MEAN_M) -> FloatArray:
    """Share of a uniform shell within ground distance ``reach_m`` of a point (spherical cap).

    Parameters
    ----------
    reach_m : (...) float64, meters of ground distance
    radius_m : float
        Sphere radius (the published table uses 6,371 km).

    Returns
    -------
    (...) float64, between 0 and 1
    """
    angle = np.asarray(reach_m, dtype=np.float64) / radius_m
    return np.asarray((1.0 - np.cos(np.minimum(angle, np.pi))) / 2.0, dtype=np.float64)


def fraction_in_reach(
    reach_m: float,
    latitude_rad: ArrayLike,
    inclination_rad: float,
    radius_m: float = R_EARTH_MEAN_M,
) -> FloatArray:
    """Time-averaged share of circular orbits of one inclination within reach of a point.

    Parameters
    ----------
    reach_m : float
        Ground distance, meters.
    latitude_rad : (n,) float64, radians
        Latitudes of the points.
    inclination_rad : float
        Orbit inclination (prograde or retrograde give the same density).
    radius_m : float

    Returns
    -------
    (n,) float64
        Expected satellites within reach divided by the constellation's size.
    """
    lat0 = np.atleast_1d(np.asarray(latitude_rad, dtype=np.float64))[:, None]
    rho = reach_m / radius_m
    psi = (np.arange(N_NODES) + 0.5) / N_NODES * np.pi - 0.5 * np.pi
    lat = np.arcsin(np.sin(inclination_rad) * np.sin(psi))[None, :]
    # Cap edge: cos(rho) = sin(lat0) sin(lat) + cos(lat0) cos(lat) cos(dlambda).
    denom = np.cos(lat0) * np.cos(lat)
    with np.errstate(divide="ignore", invalid="ignore"):
        cos_dl = (np.cos(rho) - np.sin(lat0) * np.sin(lat)) / denom
    half_width = np.where(denom > 0, np.arccos(np.clip(cos_dl, -1.0, 1.0)), 0.0)
    inside_pole = (np.abs(lat0) + rho) >= 0.5 * np.pi  # a cap over the pole: whole circles
    half_width = np.where((denom <= 0) & inside_pole, np.pi, half_width)
    return np.asarray(half_width.mean(axis=1) / np.pi, dtype=np.float64)


def simulated_fraction_in_reach(
    elements: OrbitalElements,
    reach_m: float,
    latitude_rad: float,
    t_s: ArrayLike,
    n_longitudes: int = 36,
    radius_m: float = R_EARTH_MEAN_M,
) -> tuple[float, FloatArray]:
    """Share of a propagated constellation within ground reach of points at one latitude.

    Sub-satellite points are taken on a sphere (geocentric), as the published cap is.
    Memory grows as ``n_t * n_longitudes * n_satellite`` bytes: chunk long time series.

    Parameters
    ----------
    elements : OrbitalElements
    reach_m : float
        Ground distance, meters.
    latitude_rad : float
        Latitude of the points; ``n_longitudes`` points spaced evenly around it.
    t_s : (n_t,) float64, seconds
        Sample times (launch times), since the epoch.
    n_longitudes : int
    radius_m : float

    Returns
    -------
    mean_fraction : float
        Satellites in reach over the constellation's size, averaged over times and points.
    counts : (n_t, n_longitudes) int64
        Satellites in reach of each point at each time.
    """
    # Points fixed in inertial space: Earth rotation only shifts their longitudes, and the
    # average runs over evenly spaced longitudes anyway.
    r = propagate_analytic(elements, t_s)
    unit = r / np.linalg.norm(r, axis=-1, keepdims=True)
    lon = np.arange(n_longitudes) * (2.0 * np.pi / n_longitudes)
    points = np.stack(
        [
            np.cos(latitude_rad) * np.cos(lon),
            np.cos(latitude_rad) * np.sin(lon),
            np.full(n_longitudes, np.sin(latitude_rad)),
        ],
        axis=-1,
    )
    cos_limit = np.cos(reach_m / radius_m)
    counts = np.einsum("stc,pc->tps", unit, points) >= cos_limit
    total = counts.sum(axis=2).astype(np.int64)
    return float(total.mean() / len(elements)), total
