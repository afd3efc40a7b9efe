"""A constellation given satellite by satellite: explicit mean elements at the epoch."""

import math
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from goldendome.orbits.base import SatelliteRole
from goldendome.physics.constants import TWO_PI, WGS84_A_M
from goldendome.physics.elements import OrbitalElements

_ELEMENT_NAMES = (
    "semi_major_axis_m",
    "eccentricity",
    "inclination_rad",
    "raan_rad",
    "arg_perigee_rad",
    "mean_anomaly_rad",
)


@dataclass(frozen=True)
class ElementList:
    """Satellites with their own mean elements (ECI of date) at the scenario epoch.

    Parameters
    ----------
    name : str
    role : {"interceptor", "tracking", "early_warning"}
    semi_major_axis_m : tuple of float
        One per satellite, meters; the perigee ``a (1 - e)`` must clear the equatorial radius.
    eccentricity : tuple of float
        In [0, 1).
    inclination_rad, raan_rad, arg_perigee_rad, mean_anomaly_rad : tuple of float
        Radians.
    """

    name: str
    role: SatelliteRole
    semi_major_axis_m: tuple[float, ...]
    eccentricity: tuple[float, ...]
    inclination_rad: tuple[float, ...]
    raan_rad: tuple[float, ...]
    arg_perigee_rad: tuple[float, ...]
    mean_anomaly_rad: tuple[float, ...]

    def __post_init__(self) -> None:
        lengths = {name: len(getattr(self, name)) for name in _ELEMENT_NAMES}
        if len(set(lengths.values())) != 1:
            raise ValueError(
                f"Element list '{self.name}' needs one value per satellite in every element; "
                f"got lengths {lengths}."
            )
        if not self.semi_major_axis_m:
            raise ValueError(f"Element list '{self.name}' needs at least one satellite; got none.")
        for k, (a, e) in enumerate(zip(self.semi_major_axis_m, self.eccentricity, strict=True)):
            if not (0.0 <= e < 1.0) or not math.isfinite(a) or a * (1.0 - e) <= WGS84_A_M:
                raise ValueError(
                    f"Satellite {k} of '{self.name}' has semi_major_axis_m = {a} and "
                    f"eccentricity = {e}: an orbit needs 0 <= e < 1 and its perigee "
                    f"a (1 - e) above the equatorial radius {WGS84_A_M} m."
                )

    @property
    def n_satellites(self) -> int:
        """Number of satellites."""
        return len(self.semi_major_axis_m)

    def initial_elements(self, epoch_utc: datetime) -> OrbitalElements:
        """The given elements, angles wrapped to [0, 2 pi).

        Parameters
        ----------
        epoch_utc : datetime
            Unused: the elements are given at the scenario epoch.

        Returns
        -------
        OrbitalElements
            ``(n_satellites,)`` arrays, in the order given.
        """
        arrays = {name: np.asarray(getattr(self, name), np.float64) for name in _ELEMENT_NAMES}
        for name in ("raan_rad", "arg_perigee_rad", "mean_anomaly_rad"):
            arrays[name] = np.mod(arrays[name], TWO_PI)
        return OrbitalElements.from_arrays(**arrays)
