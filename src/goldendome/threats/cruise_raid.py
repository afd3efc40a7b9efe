"""Cruise missiles in a raid: each a missile with no boost phase, which is its own one
warhead-carrying object from launch to arrival.

:func:`goldendome.threats.cruise.fly_cruise` flies each missile at its class's speed and
altitude along its route (launch point, waypoints, target). In a raid the missile has no
rocket (no stages: it never burns, so no infrared layer reports a plume and no boost-phase
interceptor has a window), and its one released object, of kind ``rv``, is the missile
itself from launch on. Its flight's impact is where it arrives (or where its fuel runs out,
for a route longer than its range); its apogee is its cruise altitude, and it has no burnout
or reentry.
"""

import dataclasses

import numpy as np

from goldendome.physics._types import FloatArray
from goldendome.physics.constants import OMEGA_EARTH_RAD_S
from goldendome.physics.frames import state_ecef_to_eci
from goldendome.physics.geodetic import geodetic_to_ecef
from goldendome.threats.classes import BallisticClass
from goldendome.threats.cruise import CruiseClass, CruiseFlight
from goldendome.threats.flight import _NO_ROCKET, APOGEE, IMPACT, Flight

__all__ = ["cruise_missile_flight", "cruise_object_flight", "unpowered_class"]


def unpowered_class(missile: CruiseClass) -> BallisticClass:
    """The raid's rocket for a cruise missile: no stages, one 'warhead' (the missile)."""
    return dataclasses.replace(
        _NO_ROCKET, name=missile.name, label=missile.label, rv_count=1, decoy_count=0
    )


def _end_states(cruise: CruiseFlight, end_t_s: FloatArray, theta0_rad: float) -> FloatArray:
    """ECI states where each flight ends (on the ground, at rest in the Earth's frame), (n, 6)."""
    n = end_t_s.shape[0]
    r = geodetic_to_ecef(cruise.end_lat_rad, cruise.end_lon_rad, np.zeros(n))
    x = np.concatenate([r, np.zeros((n, 3))], axis=-1)
    return np.asarray(state_ecef_to_eci(x, theta0_rad + OMEGA_EARTH_RAD_S * end_t_s), np.float64)


def cruise_missile_flight(missiles: Flight, cruise: CruiseFlight, missile: CruiseClass) -> Flight:
    """The raid's flights of ``n`` cruise missiles (flown as unpowered missiles on the grid
    of ``cruise``) with their routes and arrivals.

    Parameters
    ----------
    missiles : Flight
        The same missiles as flown by the flight kernel with :func:`unpowered_class`.
    cruise : CruiseFlight
    missile : CruiseClass

    Returns
    -------
    Flight
        ``y_eci`` the route; events: impact at the arrival (or fuel exhaustion), apogee at the
        first sample (the cruise altitude), no burnout or reentry (NaN).
    """
    n = cruise.launch_t_s.shape[0]
    flown = np.minimum(cruise.route_length_m, missile.max_range_m)
    end_t = cruise.launch_t_s + flown / missile.speed_m_s
    event_t = np.full((n, 4), np.nan)
    event_x = np.full((n, 4, 6), np.nan)
    event_t[:, IMPACT] = end_t
    event_x[:, IMPACT] = _end_states(cruise, end_t, missiles.theta0_rad)
    first = np.argmax(np.isfinite(cruise.y_eci[..., 0]), axis=1)
    x_start = cruise.y_eci[np.arange(n), first]
    # Its highest point is its cruise altitude, from the first sample on.
    event_t[:, APOGEE] = missiles.t_s[first]
    event_x[:, APOGEE] = x_start
    return Flight(
        missiles.start_lat_rad, missiles.start_lon_rad, cruise.launch_t_s.copy(),
        missiles.physics, missiles.theta0_rad, missiles.t_s, cruise.y_eci.copy(), event_t,
        event_x, np.zeros(n, np.int64), x_start,
    )  # fmt: skip


def cruise_object_flight(missiles: Flight) -> Flight:
    """Each cruise missile as its raid's released object (the same flight, from launch)."""
    return dataclasses.replace(missiles, y_eci=np.ascontiguousarray(missiles.y_eci.copy()))
