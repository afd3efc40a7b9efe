"""A hand-made level flier for the battle manager's threat tests: its ECI state at 60 m."""

import math

import numpy as np

from goldendome.physics.constants import OMEGA_EARTH_RAD_S
from goldendome.physics.frames import state_ecef_to_eci
from goldendome.physics.geodetic import geodetic_to_ecef


def level_state(t_s, lat_deg, lon_deg, heading_deg, speed_m_s):
    """ECI state ``(6,)`` at ``t_s`` (Earth rotation angle omega t) of a flier at 60 m over
    ``lat_deg``, ``lon_deg``, heading ``heading_deg`` (clockwise from north) at ``speed_m_s``
    over the ground."""
    lat, lon = math.radians(lat_deg), math.radians(lon_deg)
    r = np.asarray(geodetic_to_ecef(lat, lon, 60.0))
    up = r / np.linalg.norm(r)
    east = np.array([-math.sin(lon), math.cos(lon), 0.0])
    north = np.cross(up, east)
    h = math.radians(heading_deg)
    v = speed_m_s * (math.cos(h) * north + math.sin(h) * east)
    return state_ecef_to_eci(np.concatenate([r, v]), OMEGA_EARTH_RAD_S * t_s)
