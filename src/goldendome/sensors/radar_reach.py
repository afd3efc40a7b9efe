"""Where a radar can see, and how well it measures: the pieces shared by site radars
(:mod:`goldendome.sensors.radar`) and space radars (:mod:`goldendome.sensors.space_radar`).

:func:`site_reach` applies a site radar's visibility rules beyond its faces' fields of view:
the elevation mask (for a low flier over the 4/3 Earth of standard refraction, counted from
the site's horizon dip), the radar horizon (:mod:`goldendome.sensors.radar_horizon`) or a
skywave radar's ground-range band, the type's altitude limit and its clutter notch.
"""

import math

import numpy as np

from goldendome.physics._types import BoolArray, FloatArray
from goldendome.physics.constants import OMEGA_EARTH_RAD_S, R_EARTH_MEAN_M
from goldendome.physics.geodetic import ecef_to_geodetic
from goldendome.physics.measurements import N_COMPONENTS
from goldendome.sensors.radar_horizon import STANDARD_REFRACTION_K, radar_horizon_range_m
from goldendome.sensors.radar_type import RadarType

#: Smallest cos(elevation) dividing the azimuth noise (about 87 deg elevation).
MIN_COS_ELEVATION = 0.05
#: Below this geodetic altitude an object is a low flier: its elevation against the site's
#: mask is taken over the 4/3 Earth of standard refraction (goldendome assumption: the
#: tropospheric model of radar_horizon.py; above it, the geometric elevation as before).
LOW_FLIER_ALTITUDE_M = 15_000.0


def radar_sigma(kind: RadarType, snr: FloatArray, elevation_rad: FloatArray) -> FloatArray:
    """One-sigma noise ``(n, 4)`` of detections at ``snr`` and ``elevation_rad``, ``(n,)``.

    The type's values at the reference SNR times ``sqrt(SNR_ref / SNR)``, never below its
    noise floor; the azimuth sigma divided by ``cos(elevation)`` (bounded near the zenith).
    """
    scale = np.maximum(np.sqrt(kind.reference_snr / snr), kind.noise_floor_fraction)
    angle = kind.sigma_angle_rad * scale
    cos_el = np.maximum(np.cos(elevation_rad), MIN_COS_ELEVATION)
    sigma = np.empty((snr.size, N_COMPONENTS), dtype=np.float64)
    sigma[:, 0] = kind.sigma_range_m * scale
    sigma[:, 1] = angle / cos_el
    sigma[:, 2] = angle
    sigma[:, 3] = kind.sigma_range_rate_m_s * scale
    return sigma


def ground_radial_speed_m_s(
    r_eci_m: FloatArray, v_eci_m_s: FloatArray, los_unit: FloatArray
) -> FloatArray:
    """Speed ``(...)`` (m/s) along unit lines of sight ``(..., 3)`` of objects ``(..., 3)``
    (ECI) relative to the rotating Earth under them: what a clutter notch compares."""
    omega = np.array([0.0, 0.0, OMEGA_EARTH_RAD_S])
    v_ground = v_eci_m_s - np.cross(omega, r_eci_m)
    return np.asarray(np.abs(np.einsum("...i,...i->...", v_ground, los_unit)), np.float64)


def site_reach(
    kind: RadarType,
    site_altitude_m: float,
    min_elevation_rad: float,
    r_eci_m: FloatArray,
    v_eci_m_s: FloatArray,
    rho_m: FloatArray,
    origin_r_eci_m: FloatArray,
    elevation_rad: FloatArray,
) -> BoolArray:
    """Whether objects in a face's field of view can be seen from a site.

    Parameters
    ----------
    kind : RadarType
    site_altitude_m : float, meters
    min_elevation_rad : float, radians
        The site's mask.
    r_eci_m, v_eci_m_s : (n, 3) float64
        The objects (ECI).
    rho_m : (n,) float64, meters
        Slant ranges from the site.
    origin_r_eci_m : (n, 3) float64
        The site (ECI) at each object's time.
    elevation_rad : (n,) float64, radians
        Geometric ENU elevations.

    Returns
    -------
    (n,) bool
    """
    if r_eci_m.shape[0] == 0:
        return np.zeros(0, dtype=bool)
    # Geodetic height does not depend on longitude, so ECI positions serve.
    altitude = ecef_to_geodetic(r_eci_m)[2]
    ok = altitude <= kind.max_target_altitude_m
    # The mask: on the geometric elevation, but for a low flier on the elevation over the
    # 4/3 Earth, measured from the site's own horizon (a mask of 0 means "down to the
    # radar horizon").
    a = STANDARD_REFRACTION_K * R_EARTH_MEAN_M
    dip = math.acos(a / (a + max(site_altitude_m, 0.0)))
    refracted = elevation_rad + rho_m * (1.0 - 1.0 / STANDARD_REFRACTION_K) / (2.0 * R_EARTH_MEAN_M)
    low = altitude < LOW_FLIER_ALTITUDE_M
    ok &= np.where(low, refracted >= min_elevation_rad - dip, elevation_rad >= min_elevation_rad)
    if kind.platform == "skywave":
        cos_angle = np.einsum("ni,ni->n", r_eci_m, origin_r_eci_m) / (
            np.linalg.norm(r_eci_m, axis=-1) * np.linalg.norm(origin_r_eci_m, axis=-1)
        )
        ground = R_EARTH_MEAN_M * np.arccos(np.clip(cos_angle, -1.0, 1.0))
        ok &= (ground >= kind.min_ground_range_m) & (ground <= kind.max_ground_range_m)
    else:
        ok &= rho_m <= radar_horizon_range_m(max(site_altitude_m, 0.0), altitude)
    if kind.min_radial_speed_m_s > 0.0:
        los = (r_eci_m - origin_r_eci_m) / rho_m[:, None]
        ok &= ground_radial_speed_m_s(r_eci_m, v_eci_m_s, los) >= kind.min_radial_speed_m_s
    return np.asarray(ok, dtype=bool)
