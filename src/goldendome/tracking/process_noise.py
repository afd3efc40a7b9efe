"""The tracker's process noise by flight phase, from what the tracker itself knows.

The tracker's motion model is ballistic (gravity with J2, no drag, no thrust:
:mod:`goldendome.tracking.motion`); what it leaves out is white-noise acceleration of
spectral density ``q`` (m^2/s^3). How large ``q`` must be depends on the flight phase:

- **Powered flight.** A track that an infrared sensor reported as a burning plume within
  the last ``plume_memory_s`` is taken to be thrusting and gets ``q_boost`` (an
  early-warning satellite sees the plume, and knows it is one from its brightness; a radar
  never says). Tracks with no plume report are coasting.
- **Coast.** The only unmodelled force worth the name is drag. Its deceleration is
  estimated from the track's own state: ``a = rho(h) v^2 / (2 beta_ref)``, ``rho`` the
  U.S. Standard Atmosphere 1976 at the track's altitude above the mean sphere, ``v`` its
  inertial speed (the Earth's rotation, at most 0.46 km/s, left out), ``beta_ref`` the
  ballistic coefficient of the lightest object the threat catalog flies (the 200 kg/m^2
  decoy, so warheads at 5,000 kg/m^2 are covered 25 times over). A deceleration ``a``
  unmodelled over ``drag_time_s`` adds ``q = a^2 drag_time_s`` (its velocity error
  ``a dt`` matches the white-noise model's ``sqrt(q dt)`` at ``dt = drag_time_s``).
  At 6 km/s it stays at ``q_ballistic`` (the floor) above about 100 km, is about 1 at
  90 km and 30 at 80 km, and reaches ``q_boost`` (the cap) near 60 km.

This replaces a fixed altitude band (``q_boost`` below 250 km, ``q_ballistic`` above),
which treated a coasting warhead on a depressed arc (apogee 120 km) as if it were in powered
flight for its whole life, so that its track never reached fire-control quality, and a
missile still boosting above 250 km as if it were coasting. The band remains the rule when
the measurements carry no plume flags (``plume=None`` in
:func:`goldendome.tracking.tracker.run_tracker`).
"""

import numpy as np

from goldendome.physics._types import BoolArray, FloatArray
from goldendome.physics.atmosphere import us76_density_kg_m3
from goldendome.physics.constants import R_EARTH_MEAN_M

__all__ = ["altitude_band_noise", "drag_noise", "phase_noise"]


def drag_noise(
    x_eci: FloatArray, *, beta_kg_m2: float, time_s: float, floor: float, cap: float
) -> FloatArray:
    """Process noise (m^2/s^3) of a coasting track from its estimated drag deceleration.

    Parameters
    ----------
    x_eci : (n, 6) float64
        Track states, position (m) and velocity (m/s), ECI.
    beta_kg_m2 : float
        Reference ballistic coefficient ``m / (Cd A)``.
    time_s : float
        Time over which the deceleration is taken as unmodelled.
    floor, cap : float, m^2/s^3
        The result is clipped to ``[floor, cap]`` (a state at or below -5 km gets ``cap``).

    Returns
    -------
    (n,) float64, m^2/s^3
    """
    altitude_m = np.linalg.norm(x_eci[:, :3], axis=1) - R_EARTH_MEAN_M
    speed2 = np.einsum("ij,ij->i", x_eci[:, 3:], x_eci[:, 3:])
    rho = np.nan_to_num(us76_density_kg_m3(np.maximum(altitude_m, -4_999.0)), nan=np.inf)
    a = rho * speed2 / (2.0 * beta_kg_m2)
    q = np.where(np.isfinite(a), a * a * time_s, cap)
    return np.asarray(np.clip(q, floor, cap), dtype=np.float64)


def phase_noise(
    x_eci: FloatArray,
    powered: BoolArray,
    *,
    q_ballistic: float,
    q_boost: float,
    beta_kg_m2: float,
    time_s: float,
) -> FloatArray:
    """Process noise (m^2/s^3) of each track by phase: ``q_boost`` if ``powered``, else the
    drag estimate of :func:`drag_noise` between ``q_ballistic`` and ``q_boost``.

    Parameters
    ----------
    x_eci : (n, 6) float64, m and m/s, ECI
    powered : (n,) bool
        Tracks with a plume report within the tracker's memory.

    Returns
    -------
    (n,) float64, m^2/s^3
    """
    coast = drag_noise(x_eci, beta_kg_m2=beta_kg_m2, time_s=time_s, floor=q_ballistic,
                       cap=q_boost)  # fmt: skip
    return np.asarray(np.where(powered, q_boost, coast), dtype=np.float64)


def altitude_band_noise(
    x_eci: FloatArray, *, q_ballistic: float, q_boost: float, boost_altitude_m: float
) -> FloatArray:
    """The rule without plume reports: ``q_boost`` below ``boost_altitude_m`` (above the mean
    sphere), ``q_ballistic`` above.

    Parameters
    ----------
    x_eci : (n, 6) float64, m and m/s, ECI

    Returns
    -------
    (n,) float64, m^2/s^3
    """
    altitude_m = np.linalg.norm(x_eci[:, :3], axis=1) - R_EARTH_MEAN_M
    return np.asarray(np.where(altitude_m < boost_altitude_m, q_boost, q_ballistic), np.float64)
