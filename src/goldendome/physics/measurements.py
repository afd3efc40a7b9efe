"""The measurement record every sensor produces and every tracker reads.

A measurement is taken in a sensor frame: an origin (the sensor's position and velocity,
ECI) and a rotation from ECI to the frame's axes (east-north-up for a radar; any fixed
frame for an infrared sensor). Its four components are

    z = [range_m, azimuth_rad, elevation_rad, range_rate_m_s],

azimuth measured from the frame's second axis (north) toward its first (east), elevation
above the plane of the first two. A component a sensor does not measure is NaN (an infrared
sensor measures angles only). Trackers predict ``z`` from an ECI state and use every finite
component.
"""

from collections.abc import Sequence
from dataclasses import dataclass, fields

import numpy as np

from goldendome.physics._types import BoolArray, FloatArray, IntArray

#: Index of each component in a measurement vector.
RANGE, AZIMUTH, ELEVATION, RANGE_RATE = 0, 1, 2, 3
#: Components of a measurement vector.
N_COMPONENTS = 4


@dataclass(frozen=True)
class Measurements:
    """``n`` measurements by one or more sensors, one row each.

    Attributes
    ----------
    sensor : (n,) int64
        Index of the sensor that took each measurement.
    object : (n,) int64
        Global id of the true object measured (for scoring; -1 for a false alarm). Trackers
        must not read it.
    t_s : (n,) float64, seconds on the scenario clock
    z : (n, 4) float64
        range (m), azimuth (rad), elevation (rad), range rate (m/s); NaN where not measured.
    sigma : (n, 4) float64
        One-sigma noise of each component, same units; NaN where not measured.
    origin_r_eci_m, origin_v_eci_m_s : (n, 3) float64
        Sensor position and velocity at ``t_s``, ECI.
    rotation : (n, 3, 3) float64
        Rows are the sensor frame's axes in ECI (a vector ``v`` in ECI is ``rotation @ v``
        in the frame).
    plume : (n,) bool
        The detection is of a burning rocket plume: an infrared sensor knows it from the
        source's brightness; a radar never says (False). Trackers may read it.
    """

    sensor: IntArray
    object: IntArray
    t_s: FloatArray
    z: FloatArray
    sigma: FloatArray
    origin_r_eci_m: FloatArray
    origin_v_eci_m_s: FloatArray
    rotation: FloatArray
    plume: BoolArray

    def __len__(self) -> int:
        return int(self.t_s.shape[0])

    def take(self, index: IntArray) -> "Measurements":
        """The rows at ``index`` (an integer or boolean array)."""
        return Measurements(
            *(np.asarray(getattr(self, name))[index] for name in self.__dataclass_fields__)
        )

    @staticmethod
    def concatenate(parts: Sequence["Measurements"]) -> "Measurements":
        """The rows of ``parts`` one after the other (at least one part)."""
        if not parts:
            raise ValueError("concatenate needs at least one Measurements; got none.")
        return Measurements(
            *(np.concatenate([getattr(p, f.name) for p in parts]) for f in fields(Measurements))
        )


def frame_indices(t_s: FloatArray, frame_time_s: float) -> IntArray:
    """Indices of the first sample in each frame interval, counted from ``t_s[0]``.

    Parameters
    ----------
    t_s : (n_time,) float64, seconds, increasing
    frame_time_s : float, seconds

    Returns
    -------
    (n_frame,) int64
        Indices into ``t_s``; a grid coarser than the frame time gives every sample.
    """
    if t_s.size == 0:
        return np.empty(0, dtype=np.int64)
    frame = np.floor((t_s - t_s[0]) / frame_time_s + 1e-9)
    return np.flatnonzero(np.diff(frame, prepend=-1.0) > 0).astype(np.int64)
