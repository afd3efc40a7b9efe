"""Walker, geostationary and Molniya constellation geometry at the epoch."""

import math
from datetime import UTC, datetime

import numpy as np

from goldendome.orbits.sensor_orbits import Geostationary, Molniya
from goldendome.orbits.walker import Walker
from goldendome.physics.constants import WGS84_A_M
from goldendome.physics.earth_rotation import earth_rotation_angle_rad
from goldendome.physics.frames import eci_to_ecef
from goldendome.physics.geodetic import ecef_to_geodetic

ONE_METER = 1.0
EPOCH = datetime(2029, 1, 1, tzinfo=UTC)


def test_walker_delta_pattern():
    w = Walker("sbi", "interceptor", 500e3, math.radians(53), 24, 3, 1)
    el = w.initial_elements(EPOCH)
    assert len(el) == 24
    assert np.allclose(np.unique(np.round(np.degrees(el.raan_rad), 9)), [0, 120, 240])
    # Phasing 1 of 24 satellites: plane k is shifted by k * 360 * f / t = 15 deg.
    assert np.isclose(np.degrees(el.mean_anomaly_rad[8] - el.mean_anomaly_rad[0]), 15.0)
    x = el.states_eci()
    assert np.allclose(np.linalg.norm(x[:, :3], axis=-1), WGS84_A_M + 500e3, atol=ONE_METER)
    star = Walker("trk", "tracking", 1e6, math.radians(90), 6, 6, 0, raan_spread_rad=math.pi)
    assert np.allclose(np.degrees(star.initial_elements(EPOCH).raan_rad), [0, 30, 60, 90, 120, 150])


def test_geostationary_slots_sit_over_their_longitudes():
    theta = float(earth_rotation_angle_rad(0.0, EPOCH))
    geo = Geostationary("ew", "early_warning", (math.radians(-100.0), math.radians(70.0)))
    x = geo.initial_elements(EPOCH).states_eci()
    _, lon, h = ecef_to_geodetic(eci_to_ecef(x[:, :3], theta))
    assert np.allclose(np.degrees(lon), [-100.0, 70.0], atol=1e-9)
    # Textbook two-body GEO altitude 35,786 km; J2 raises the ring by about 2 km.
    assert np.allclose(h, 35_788_000.0, atol=1_000.0)


def test_molniya_starts_at_apogee_over_its_longitude():
    theta = float(earth_rotation_angle_rad(0.0, EPOCH))
    mol = Molniya("heo", "early_warning", (math.radians(-90.0), math.radians(90.0)))
    x = mol.initial_elements(EPOCH).states_eci()
    lat, lon, h = ecef_to_geodetic(eci_to_ecef(x[:, :3], theta))
    assert np.allclose(np.degrees(lon), [-90.0, 90.0], atol=1e-9)
    assert np.allclose(np.degrees(lat), 63.4, atol=0.3)  # apogee at the orbit's top latitude
    assert np.all(h > 39_000e3)  # Molniya apogee is near 40,000 km
