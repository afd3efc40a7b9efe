"""Earth rotation: Greenwich mean sidereal time and the Earth rotation angle.

Time inside goldendome is float seconds since a scenario epoch (UTC). Calendar time enters
only here, through :func:`julian_date_utc`. UT1 is taken equal to UTC (|UT1 - UTC| < 0.9 s,
an angle below 4e-3 deg, i.e. under 450 m at the equator), and precession, nutation and
polar motion are neglected: the "ECI" frame is the true-of-date equator with its x axis at the
mean equinox, in the spirit of the open-literature studies this tool reproduces.

GMST follows the IAU 1982 expression (Vallado 2013, eq. 3-47), the one Vallado's example 3-5
checks: GMST(1992-08-20 12:14 UT1) = 152.578 787 886 deg.
"""

from datetime import UTC, datetime

import numpy as np

from goldendome.physics._types import ArrayLike, FloatArray
from goldendome.physics.constants import OMEGA_EARTH_RAD_S, SECONDS_PER_DAY, TWO_PI

J2000_JD = 2_451_545.0
_UNIX_EPOCH_JD = 2_440_587.5


def julian_date_utc(epoch: datetime) -> float:
    """Julian date of a calendar instant (naive datetimes are taken as UTC).

    Parameters
    ----------
    epoch : datetime
        Calendar instant.

    Returns
    -------
    float
        Julian date, days.
    """
    if epoch.tzinfo is None:
        epoch = epoch.replace(tzinfo=UTC)
    return _UNIX_EPOCH_JD + epoch.timestamp() / SECONDS_PER_DAY


def gmst_rad(jd_ut1: ArrayLike) -> FloatArray:
    """Greenwich mean sidereal time (IAU 1982).

    Parameters
    ----------
    jd_ut1 : (...) float64, days
        Julian dates (UT1; UTC is used in its place throughout goldendome).

    Returns
    -------
    (...) float64, radians in [0, 2 pi)
    """
    jd = np.asarray(jd_ut1, dtype=np.float64)
    t = (jd - J2000_JD) / 36_525.0
    gmst_s = (
        67_310.54841 + (876_600.0 * 3600.0 + 8_640_184.812866) * t + 0.093104 * t**2 - 6.2e-6 * t**3
    )
    return np.asarray(np.mod(gmst_s * (TWO_PI / SECONDS_PER_DAY), TWO_PI), dtype=np.float64)


def earth_rotation_angle_rad(t_s: ArrayLike, epoch: datetime) -> FloatArray:
    """Angle from the ECI x axis to the Greenwich meridian at scenario times.

    Parameters
    ----------
    t_s : (...) float64, seconds
        Times since the scenario epoch.
    epoch : datetime
        The scenario epoch (UTC).

    Returns
    -------
    (...) float64, radians
        ``GMST(epoch) + omega_earth * t_s`` (not wrapped, so it is smooth in time).
    """
    theta0 = float(gmst_rad(julian_date_utc(epoch)))
    return theta0 + OMEGA_EARTH_RAD_S * np.asarray(t_s, dtype=np.float64)
