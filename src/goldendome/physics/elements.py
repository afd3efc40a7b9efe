"""Classical orbital elements of a set of satellites: the record every constellation
produces and every propagator reads."""

from dataclasses import dataclass

import numpy as np

from goldendome.physics._types import FloatArray
from goldendome.physics.kepler import elements_to_state


@dataclass(frozen=True)
class OrbitalElements:
    """Classical elements of ``n_satellite`` satellites at the scenario epoch, ECI of date.

    Every attribute is a ``(n_satellite,)`` float64 array; lengths in meters, angles in
    radians.
    """

    semi_major_axis_m: FloatArray
    eccentricity: FloatArray
    inclination_rad: FloatArray
    raan_rad: FloatArray
    arg_perigee_rad: FloatArray
    mean_anomaly_rad: FloatArray

    def __len__(self) -> int:
        return int(self.semi_major_axis_m.shape[0])

    def states_eci(self) -> FloatArray:
        """Initial states, ``(n_satellite, 6)`` float64, meters and m/s, ECI."""
        return elements_to_state(
            self.semi_major_axis_m,
            self.eccentricity,
            self.inclination_rad,
            self.raan_rad,
            self.arg_perigee_rad,
            self.mean_anomaly_rad,
        )

    @staticmethod
    def from_arrays(**arrays: FloatArray | float) -> "OrbitalElements":
        """Elements from scalars or arrays broadcast to a common ``(n_satellite,)`` shape."""
        names = list(arrays)
        values = np.broadcast_arrays(
            *(np.atleast_1d(np.asarray(v, np.float64)) for v in arrays.values())
        )
        return OrbitalElements(
            **{k: np.ascontiguousarray(v) for k, v in zip(names, values, strict=True)}
        )
