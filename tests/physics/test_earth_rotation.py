"""Sidereal time against a published value, and the rotation angle over time."""

from datetime import UTC, datetime, timedelta, timezone

import numpy as np

from goldendome.physics.constants import OMEGA_EARTH_RAD_S
from goldendome.physics.earth_rotation import earth_rotation_angle_rad, gmst_rad, julian_date_utc

# One meter of arc at the equator, as an angle in degrees.
ONE_METER_AT_EQUATOR_DEG = np.degrees(1.0 / 6_378_137.0)


def test_julian_date_of_j2000():
    # J2000.0 is JD 2451545.0 = 2000-01-01 12:00 TT; in UTC terms 12:00 is JD 2451545.0 exactly.
    assert julian_date_utc(datetime(2000, 1, 1, 12, tzinfo=UTC)) == 2_451_545.0
    # Naive datetimes are taken as UTC; other zones are converted.
    assert julian_date_utc(datetime(2000, 1, 1, 12)) == 2_451_545.0
    tz = timezone(timedelta(hours=9))
    assert julian_date_utc(datetime(2000, 1, 1, 21, tzinfo=tz)) == 2_451_545.0


def test_gmst_matches_vallado_example_3_5():
    # Vallado, Fundamentals of Astrodynamics and Applications (2013), example 3-5:
    # 1992 August 20, 12:14 UT1 -> GMST = 152.578 787 886 deg (IAU-82).
    jd = julian_date_utc(datetime(1992, 8, 20, 12, 14, tzinfo=UTC))
    gmst_deg = np.degrees(gmst_rad(jd))
    assert abs(gmst_deg - 152.578787886) < ONE_METER_AT_EQUATOR_DEG


def test_gmst_advances_one_sidereal_day_per_sidereal_day():
    jd0 = 2_460_000.5
    sidereal_day_days = 2 * np.pi / OMEGA_EARTH_RAD_S / 86_400.0
    g = gmst_rad(np.array([jd0, jd0 + sidereal_day_days]))
    wrapped = np.angle(np.exp(1j * (g[1] - g[0])))
    assert abs(np.degrees(wrapped)) < 1e-4  # GMST's rate differs from WGS-84 omega by ~1e-11


def test_rotation_angle_is_linear_in_time_and_batches():
    epoch = datetime(2029, 1, 1, tzinfo=UTC)
    t = np.array([[0.0, 60.0], [3600.0, 86_400.0]])
    theta = earth_rotation_angle_rad(t, epoch)
    assert theta.shape == (2, 2)
    assert np.allclose(theta - theta[0, 0], OMEGA_EARTH_RAD_S * t, rtol=0, atol=1e-12)
    assert float(earth_rotation_angle_rad(0.0, epoch)) == theta[0, 0]
