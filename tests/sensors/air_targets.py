"""Targets for the low-flier sensor tests: objects flying at a constant altitude along the
meridian of a site (north of it), on a time grid, as ECI states."""

import math

import numpy as np

from goldendome.physics.constants import OMEGA_EARTH_RAD_S, R_EARTH_MEAN_M
from goldendome.physics.frames import ecef_to_eci
from goldendome.physics.geodetic import geodetic_to_ecef
from goldendome.physics.kinds import ObjectKind
from goldendome.physics.scene import SceneObjects

THETA0 = 0.3


def meridian_states(
    site_lat_deg: float,
    site_lon_deg: float,
    start_km: np.ndarray,
    altitude_m: np.ndarray,
    speed_m_s: np.ndarray,
    t_s: np.ndarray,
    east_m_s: float = 0.0,
) -> tuple[np.ndarray, np.ndarray]:
    """ECI states ``(n, n_time, 3)`` of objects starting ``start_km`` north of the site
    (ground distance over the mean sphere), flying toward it at ``speed_m_s`` (negative:
    away) and east at ``east_m_s``, at ``altitude_m``."""
    start = np.asarray(start_km, float)[:, None] * 1e3
    north = start - np.asarray(speed_m_s, float)[:, None] * t_s[None]
    lat = math.radians(site_lat_deg) + north / R_EARTH_MEAN_M
    lon = math.radians(site_lon_deg) + east_m_s * t_s[None] / (R_EARTH_MEAN_M * np.cos(lat))
    alt = np.broadcast_to(np.asarray(altitude_m, float)[:, None], lat.shape)

    def eci(t: np.ndarray, dt: float) -> np.ndarray:
        la = lat - np.asarray(speed_m_s, float)[:, None] * dt / R_EARTH_MEAN_M
        lo = lon + east_m_s * dt / (R_EARTH_MEAN_M * np.cos(lat))
        return ecef_to_eci(geodetic_to_ecef(la, lo, alt), THETA0 + OMEGA_EARTH_RAD_S * (t + dt))

    r = eci(t_s, 0.0)
    v = (eci(t_s, 0.5) - eci(t_s, -0.5)) / 1.0
    return r, v


def scene_of(
    r: np.ndarray, v: np.ndarray, t_s: np.ndarray, kind: int = ObjectKind.RV
) -> SceneObjects:
    """A scene of the objects, all of one kind."""
    return SceneObjects.from_arrays(t_s, r, v, np.full(r.shape[0], int(kind)))
