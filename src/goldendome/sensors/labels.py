"""Which released objects the sensors have told apart: the discrimination model applied to
a run's detections.

Each sensor belongs to a discrimination class (its ``discrimination_class``: a tracking-layer
infrared sensor, an early-warning payload, an X-band or a low-band radar; the classes'
power is in ``data/discrimination.toml``). An object's looks by each class are its
detections by that class's sensors after release; the model then draws whether its kind has
been told. Boosting missiles are not labelled: they are never in doubt.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from goldendome.physics._types import BoolArray, FloatArray, IntArray
from goldendome.physics.kinds import ObjectKind
from goldendome.physics.measurements import Measurements
from goldendome.physics.scene import SceneObjects
from goldendome.sensors.base import Sensor
from goldendome.sensors.discrimination import TOLD, draw_labels, sensor_classes, told_probability

#: The discrimination classes in the order of the ``looks`` columns.
LOOK_CLASSES = ("ir_tracking", "radar_x_band", "radar_low_band", "ir_warning")


@dataclass(frozen=True)
class ObjectLabels:
    """Looks and drawn labels of the ``n`` released objects of a scene.

    Attributes
    ----------
    object : (n,) int64
        Global object ids (indices into the scene), increasing.
    threat : (n,) int64
        The missile that released each object.
    kind : (n,) int64
        :class:`~goldendome.physics.kinds.ObjectKind` codes.
    looks : (n, 4) int64
        Detections by each class of :data:`LOOK_CLASSES`, in that order.
    told_probability : (n,) float64
        Probability that the object's kind has been told.
    told : (n,) bool
        The draw: whether it was told.
    """

    object: IntArray
    threat: IntArray
    kind: IntArray
    looks: IntArray
    told_probability: FloatArray
    told: BoolArray

    def __len__(self) -> int:
        return int(self.object.shape[0])


def sensor_look_classes(sensors: Sequence[Sensor]) -> IntArray:
    """Column of :data:`LOOK_CLASSES` of each sensor, ``(n_sensor,)`` int64.

    Raises
    ------
    ValueError
        For a sensor whose class is not one of :data:`LOOK_CLASSES`.
    """
    out = np.empty(len(sensors), dtype=np.int64)
    for k, sensor in enumerate(sensors):
        if sensor.discrimination_class not in LOOK_CLASSES:
            raise ValueError(
                f"sensor '{sensor.name}' has discrimination class "
                f"'{sensor.discrimination_class}'; expected one of {', '.join(LOOK_CLASSES)}."
            )
        out[k] = LOOK_CLASSES.index(sensor.discrimination_class)
    return out


def count_looks(m: Measurements, look_class: IntArray, released: IntArray) -> IntArray:
    """Detections of each released object by each class, ``(n_released, 4)`` int64.

    Parameters
    ----------
    m : Measurements
        ``m.sensor`` indexes ``look_class``.
    look_class : (n_sensor,) int64
        Column of each sensor (:func:`sensor_look_classes`).
    released : (n_released,) int64
        Increasing object ids; detections of other objects are not counted.
    """
    looks = np.zeros((released.size, len(LOOK_CLASSES)), dtype=np.int64)
    row = np.searchsorted(released, m.object)
    ours = row < released.size
    ours[ours] = released[row[ours]] == m.object[ours]
    np.add.at(looks, (row[ours], look_class[m.sensor[ours]]), 1)
    return looks


def label_objects(
    sensors: Sequence[Sensor],
    m: Measurements,
    scene: SceneObjects,
    rng: np.random.Generator,
    released_s: FloatArray | None = None,
) -> ObjectLabels:
    """Looks, told probability and a drawn label for every released object of the scene.

    Parameters
    ----------
    sensors : sequence of Sensor
        Indexed by ``m.sensor``.
    m : Measurements
        Every detection of the run.
    scene : SceneObjects
        Gives each object's kind and missile; boosters are left out.
    rng : numpy.random.Generator
        One uniform draw per released object, in id order.
    released_s : (n_object,) float64, seconds, optional
        When each scene object left the bus: its detections before (the bus carrying it,
        where its kind cannot be seen) are not looks. None: every detection is a look.
    """
    classes = sensor_classes()
    released = np.flatnonzero(scene.kind != ObjectKind.BOOSTER).astype(np.int64)
    if released_s is not None:
        left = np.asarray(released_s, np.float64)[np.maximum(m.object, 0)]
        m = m.take(np.flatnonzero(~((m.object >= 0) & (m.t_s < left))))
    looks = count_looks(m, sensor_look_classes(sensors), released)
    chosen = [classes[name] for name in LOOK_CLASSES]
    p = told_probability(looks, chosen)
    labels = draw_labels(looks, chosen, rng)
    return ObjectLabels(
        object=released,
        threat=scene.threat[released].astype(np.int64),
        kind=scene.kind[released].astype(np.int64),
        looks=looks,
        told_probability=p,
        told=np.asarray(labels == TOLD, dtype=np.bool_),
    )
