"""Walker delta and star patterns (J. G. Walker, "Satellite constellations", J. British
Interplanetary Soc. 37, 1984): t satellites in p equally spaced planes with phasing f."""

import math
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from goldendome.orbits.base import SatelliteRole
from goldendome.physics.constants import WGS84_A_M
from goldendome.physics.elements import OrbitalElements


@dataclass(frozen=True)
class Walker:
    """A circular Walker constellation i:t/p/f.

    Parameters
    ----------
    name : str
    role : {"interceptor", "tracking", "early_warning"}
    altitude_m : float
        Altitude above the equatorial radius, meters.
    inclination_rad : float
    satellites, planes, phasing : int
        Walker t, p and f (0 <= f < p, p divides t).
    raan_spread_rad : float
        2 pi for a delta pattern, pi for a star pattern.
    raan_offset_rad : float
        Right ascension of the first plane's ascending node at the epoch.
    """

    name: str
    role: SatelliteRole
    altitude_m: float
    inclination_rad: float
    satellites: int
    planes: int
    phasing: int
    raan_spread_rad: float = 2.0 * math.pi
    raan_offset_rad: float = 0.0

    @property
    def n_satellites(self) -> int:
        """Number of satellites (Walker t)."""
        return self.satellites

    def initial_elements(self, epoch_utc: datetime) -> OrbitalElements:
        """Elements at the epoch; the pattern is inertial, so the epoch is unused.

        Parameters
        ----------
        epoch_utc : datetime
            Unused by Walker patterns (accepted for the common contract).

        Returns
        -------
        OrbitalElements
            ``(satellites,)`` arrays, plane-major order (plane 0's satellites first).
        """
        per_plane = self.satellites // self.planes
        plane = np.repeat(np.arange(self.planes), per_plane)
        slot = np.tile(np.arange(per_plane), self.planes)
        raan = self.raan_offset_rad + plane * (self.raan_spread_rad / self.planes)
        mean = 2.0 * math.pi * (slot / per_plane + plane * self.phasing / self.satellites)
        return OrbitalElements.from_arrays(
            semi_major_axis_m=WGS84_A_M + self.altitude_m,
            eccentricity=0.0,
            inclination_rad=self.inclination_rad,
            raan_rad=np.mod(raan, 2.0 * math.pi),
            arg_perigee_rad=0.0,
            mean_anomaly_rad=np.mod(mean, 2.0 * math.pi),
        )
