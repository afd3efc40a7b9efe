"""The sensor contract: every sensor measures a raid's objects through one signature.

A sensor takes the raid's objects on the scenario grid (:class:`SceneObjects`: positions,
velocities, kind codes, powered flight) and a random generator, and returns its
detections as a :class:`~goldendome.physics.measurements.Measurements` record (the record,
its component indices and :func:`frame_indices` live in the bottom layer and are
re-exported here). A run holds ``list[Sensor]`` and never asks which model a sensor is.
"""

from typing import Protocol, runtime_checkable

import numpy as np

from goldendome.physics._types import IntArray
from goldendome.physics.measurements import AZIMUTH as AZIMUTH
from goldendome.physics.measurements import ELEVATION as ELEVATION
from goldendome.physics.measurements import N_COMPONENTS as N_COMPONENTS
from goldendome.physics.measurements import RANGE as RANGE
from goldendome.physics.measurements import RANGE_RATE as RANGE_RATE
from goldendome.physics.measurements import Measurements as Measurements
from goldendome.physics.measurements import frame_indices as frame_indices
from goldendome.physics.scene import SceneObjects

#: The discrimination classes a sensor may belong to (``data/discrimination.toml``).
DISCRIMINATION_CLASSES = ("ir_tracking", "ir_warning", "radar_x_band", "radar_low_band")


@runtime_checkable
class Sensor(Protocol):
    """What every sensor model offers: who it is and its detections of a scene."""

    @property
    def name(self) -> str:
        """The sensor's name in the scenario."""
        ...

    @property
    def sensor_id(self) -> int:
        """Index in the run's sensor list, written into ``Measurements.sensor``."""
        ...

    @property
    def label(self) -> str:
        """What kind of sensor it is, for tables: ``infrared tracking``, ``radar uewr``."""
        ...

    @property
    def report_latency_s(self) -> float:
        """Delay between an observation and its report, seconds."""
        ...

    @property
    def discrimination_class(self) -> str:
        """One of :data:`DISCRIMINATION_CLASSES`."""
        ...

    def measure(
        self, scene: SceneObjects, rng: np.random.Generator, signature: IntArray | None = None
    ) -> Measurements:
        """Detections of the scene's objects on the scene's time grid.

        Detections and their noise are random draws from ``rng``; objects that do not exist
        at a time (NaN states) are never detected there. ``signature`` (``(n_object,)``
        int64, :mod:`goldendome.sensors.signatures`) gives each object's signature class
        for the detection physics (a glider's glow, a cruise missile's cross section);
        None: its kind.
        """
        ...
