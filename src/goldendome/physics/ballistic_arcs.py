"""Textbook two-body ballistic arcs on a spherical, non-rotating Earth.

For a burnout point on the surface and a free-flight range angle Lambda (range / R), the
minimum-energy trajectory has flight-path angle gamma = (pi - Lambda) / 4 and burnout speed
v^2 = (mu / R) 2 sin(Lambda/2) / (1 + sin(Lambda/2)); apogee and flight time follow from the
conic (Bate, Mueller & White, *Fundamentals of Astrodynamics*, 1971, ch. 6).
"""

import numpy as np

from goldendome.physics._types import ArrayLike, FloatArray
from goldendome.physics.constants import MU_EARTH_M3_S2, R_EARTH_MEAN_M


def minimum_energy_arc(
    range_m: ArrayLike, radius_m: float = R_EARTH_MEAN_M, mu_m3_s2: float = MU_EARTH_M3_S2
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    """Burnout speed, flight-path angle, apogee altitude and flight time of minimum-energy arcs.

    Parameters
    ----------
    range_m : (...) float64, meters
        Ground range (surface to surface).
    radius_m, mu_m3_s2 : float
        Earth radius and gravitational parameter.

    Returns
    -------
    speed_m_s : (...) float64, m/s
    flight_path_angle_rad : (...) float64, radians above the horizontal
    apogee_altitude_m : (...) float64, meters
    flight_time_s : (...) float64, seconds
    """
    lam = np.asarray(range_m, dtype=np.float64) / radius_m
    gamma = (np.pi - lam) / 4.0
    s = np.sin(lam / 2.0)
    speed = np.sqrt(mu_m3_s2 / radius_m * 2.0 * s / (1.0 + s))
    apogee, time = arc_apogee_and_time(speed, gamma, radius_m, mu_m3_s2)
    return speed, gamma, apogee, time


def arc_apogee_and_time(
    speed_m_s: ArrayLike,
    flight_path_angle_rad: ArrayLike,
    radius_m: float = R_EARTH_MEAN_M,
    mu_m3_s2: float = MU_EARTH_M3_S2,
) -> tuple[FloatArray, FloatArray]:
    """Apogee altitude and surface-to-surface flight time of a ballistic conic.

    Parameters
    ----------
    speed_m_s : (...) float64, m/s
        Burnout speed at the surface (sub-orbital).
    flight_path_angle_rad : (...) float64, radians
    radius_m, mu_m3_s2 : float

    Returns
    -------
    apogee_altitude_m, flight_time_s : (...) float64
    """
    v = np.asarray(speed_m_s, dtype=np.float64)
    g = np.asarray(flight_path_angle_rad, dtype=np.float64)
    h = radius_m * v * np.cos(g)
    a = 1.0 / (2.0 / radius_m - v * v / mu_m3_s2)
    p = h * h / mu_m3_s2
    e = np.sqrt(np.maximum(1.0 - p / a, 0.0))
    f = np.arccos(np.clip((p / radius_m - 1.0) / e, -1.0, 1.0))  # true anomaly at burnout
    big_e = 2.0 * np.arctan(np.sqrt((1.0 - e) / (1.0 + e)) * np.tan(f / 2.0))
    mean = big_e - e * np.sin(big_e)
    n = np.sqrt(mu_m3_s2 / a**3)
    return a * (1.0 + e) - radius_m, (2.0 * np.pi - 2.0 * mean) / n
