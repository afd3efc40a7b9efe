"""The scenario clock: a calendar epoch, a uniform time grid, and the Earth's rotation.

Time inside goldendome is float seconds since the epoch (UTC). The Earth rotation angle at
the epoch is computed once here and handed to every model that needs it.
"""

from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from goldendome.physics._types import ArrayLike, FloatArray
from goldendome.physics.earth_rotation import earth_rotation_angle_rad


@dataclass(frozen=True, eq=False)
class Clock:
    """Epoch and output grid of a run.

    Attributes
    ----------
    epoch_utc : datetime
        Calendar instant of ``t = 0``.
    t_s : (n_time,) float64, seconds since the epoch
        The output grid, ``0, step_s, ..., duration_s``.
    step_s : float
        Grid spacing, seconds.
    theta0_rad : float
        Earth rotation angle at the epoch, radians.
    """

    epoch_utc: datetime
    t_s: FloatArray
    step_s: float
    theta0_rad: float = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "theta0_rad", float(earth_rotation_angle_rad(0.0, self.epoch_utc)))

    @classmethod
    def uniform(cls, epoch_utc: datetime, duration_s: float, step_s: float) -> "Clock":
        """The grid ``0, step_s, ...`` up to ``duration_s`` (included when on the grid)."""
        t_s = np.arange(0.0, duration_s + 0.5 * step_s, step_s)
        return cls(epoch_utc, t_s, step_s)

    @property
    def n_times(self) -> int:
        """Samples on the grid."""
        return int(self.t_s.shape[0])

    def theta_rad(self, t_s: ArrayLike) -> FloatArray:
        """Earth rotation angle at ``t_s`` (``(...)`` float64 seconds), radians."""
        return earth_rotation_angle_rad(t_s, self.epoch_utc)
