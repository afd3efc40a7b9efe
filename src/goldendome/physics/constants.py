"""Physical constants in SI units, each with its public source.

WGS-84 values are from NGA.STND.0036_1.0.0_WGS84 (2014), "Department of Defense World
Geodetic System 1984", tables 3.1 and 3.2. Zonal harmonics J2-J4 are the unnormalized values
of EGM2008 / WGS-84 as tabulated in Vallado, *Fundamentals of Astrodynamics and
Applications*, 4th ed. (2013), table D-1 (J2 = 0.0010826267, J3 = -0.0000025327,
J4 = -0.0000016196).
"""

import math

#: WGS-84 semi-major axis (equatorial radius), m.
WGS84_A_M = 6_378_137.0
#: WGS-84 inverse flattening, dimensionless.
WGS84_INV_F = 298.257223563
#: WGS-84 flattening, dimensionless.
WGS84_F = 1.0 / WGS84_INV_F
#: WGS-84 semi-minor axis (polar radius), m.
WGS84_B_M = WGS84_A_M * (1.0 - WGS84_F)
#: WGS-84 first eccentricity squared, dimensionless.
WGS84_E2 = WGS84_F * (2.0 - WGS84_F)
#: WGS-84 second eccentricity squared, dimensionless.
WGS84_EP2 = WGS84_E2 / (1.0 - WGS84_E2)

#: Earth's gravitational parameter GM (WGS-84, including the atmosphere), m^3/s^2.
MU_EARTH_M3_S2 = 3.986004418e14
#: Nominal mean angular velocity of the Earth (WGS-84), rad/s.
OMEGA_EARTH_RAD_S = 7.292115e-5

#: Reference radius used with the zonal harmonics below (the WGS-84 equatorial radius), m.
R_EARTH_EQUATORIAL_M = WGS84_A_M
#: Mean Earth radius used by spherical-Earth textbook relations, m (IUGG mean radius).
R_EARTH_MEAN_M = 6_371_000.0

#: Unnormalized zonal harmonic coefficients (EGM2008 via Vallado 2013, table D-1).
J2_EARTH = 1.0826267e-3
J3_EARTH = -2.5327e-6
J4_EARTH = -1.6196e-6

#: Standard gravity (US Standard Atmosphere 1976, and the definition of Isp), m/s^2.
G0_M_S2 = 9.80665

#: Seconds per day (SI), s.
SECONDS_PER_DAY = 86_400.0
#: Two pi.
TWO_PI = 2.0 * math.pi
