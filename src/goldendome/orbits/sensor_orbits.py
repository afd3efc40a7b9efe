"""Orbits of early-warning sensor satellites: geostationary slots and Molniya-type HEO."""

import math
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from goldendome.orbits.base import SatelliteRole
from goldendome.physics.constants import (
    J2_EARTH,
    MU_EARTH_M3_S2,
    OMEGA_EARTH_RAD_S,
    TWO_PI,
    WGS84_A_M,
)
from goldendome.physics.earth_rotation import earth_rotation_angle_rad
from goldendome.physics.elements import OrbitalElements

#: Critical inclination, where J2 leaves the argument of perigee fixed (Vallado 2013, 9.6).
CRITICAL_INCLINATION_RAD = math.radians(63.4349)


@dataclass(frozen=True)
class Geostationary:
    """Satellites on the geostationary ring over given longitudes at the epoch."""

    name: str
    role: SatelliteRole
    longitudes_rad: tuple[float, ...]

    @property
    def n_satellites(self) -> int:
        """Number of satellites (one per longitude)."""
        return len(self.longitudes_rad)

    def initial_elements(self, epoch_utc: datetime) -> OrbitalElements:
        """Circular equatorial elements that keep pace with the Earth over each longitude.

        The radius is the J2-corrected geostationary one: at i = 0 the secular rates add up
        to ``n (1 + 3 J2 (R/a)^2)``, which must equal the Earth's rotation rate (this puts
        the ring about 2 km above the two-body 42,164 km).
        """
        theta_rad = float(earth_rotation_angle_rad(0.0, epoch_utc))
        a = (MU_EARTH_M3_S2 / OMEGA_EARTH_RAD_S**2) ** (1.0 / 3.0)
        for _ in range(4):
            mean_motion = OMEGA_EARTH_RAD_S / (1.0 + 3.0 * J2_EARTH * (WGS84_A_M / a) ** 2)
            a = (MU_EARTH_M3_S2 / mean_motion**2) ** (1.0 / 3.0)
        lon = np.asarray(self.longitudes_rad, dtype=np.float64)
        return OrbitalElements.from_arrays(
            semi_major_axis_m=a,
            eccentricity=0.0,
            inclination_rad=0.0,
            raan_rad=0.0,
            arg_perigee_rad=0.0,
            mean_anomaly_rad=np.mod(lon + theta_rad, TWO_PI),
        )


@dataclass(frozen=True)
class Molniya:
    """Twelve-hour (half sidereal day) orbits at the critical inclination, apogee in the north.

    Each satellite is at apogee over its given longitude at the epoch; the argument of
    perigee is 270 deg so apogee dwells over high northern latitudes.
    """

    name: str
    role: SatelliteRole
    apogee_longitudes_rad: tuple[float, ...]
    perigee_altitude_m: float = 600_000.0

    @property
    def n_satellites(self) -> int:
        """Number of satellites (one per apogee longitude)."""
        return len(self.apogee_longitudes_rad)

    def initial_elements(self, epoch_utc: datetime) -> OrbitalElements:
        """Elements with each satellite at apogee over its longitude at the epoch."""
        theta_rad = float(earth_rotation_angle_rad(0.0, epoch_utc))
        period_s = math.pi / OMEGA_EARTH_RAD_S
        a = (MU_EARTH_M3_S2 * (period_s / TWO_PI) ** 2) ** (1.0 / 3.0)
        e = 1.0 - (WGS84_A_M + self.perigee_altitude_m) / a
        argp = 1.5 * math.pi
        # At apogee the argument of latitude is argp + pi = 90 deg: the satellite is at the
        # orbit's northernmost point, whose right ascension is the node's plus 90 deg.
        lon = np.asarray(self.apogee_longitudes_rad, dtype=np.float64)
        return OrbitalElements.from_arrays(
            semi_major_axis_m=a,
            eccentricity=e,
            inclination_rad=CRITICAL_INCLINATION_RAD,
            raan_rad=np.mod(lon + theta_rad - 0.5 * math.pi, TWO_PI),
            arg_perigee_rad=argp,
            mean_anomaly_rad=math.pi,
        )
