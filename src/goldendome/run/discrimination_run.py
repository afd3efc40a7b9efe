"""Which released objects the sensors have told apart: the discrimination model applied to
a run's detections.

Each sensor belongs to a discrimination class (``data/discrimination.toml``): a tracking-layer
infrared sensor, an early-warning payload, an X-band or a low-band radar. An object's looks
by each class are its detections by that class's sensors after release; the model then
draws, from the run's seed, whether its kind has been told. Boosting missiles are not
labelled: they are never in doubt.
"""

from dataclasses import dataclass

import numpy as np

from goldendome.run.raid_objects import BOOSTER, KIND_NAMES, RaidObjects
from goldendome.sensors.base import Measurements
from goldendome.sensors.discrimination import TOLD, draw_labels, sensor_classes, told_probability
from goldendome.sensors.infrared import InfraredLayer
from goldendome.sensors.radar import Radar


@dataclass(frozen=True)
class ObjectLabelRow:
    """One released object: its looks by class and whether its kind was told."""

    object: int
    threat: int
    kind: str
    looks_ir_tracking: int
    looks_radar_x_band: int
    looks_radar_low_band: int
    told_probability: float
    told: bool


def sensor_class(model: object) -> str:
    """The discrimination class of a sensor model."""
    if isinstance(model, InfraredLayer):
        return "ir_tracking" if model.kind["cold_detection"] else "ir_warning"
    if isinstance(model, Radar):
        return "radar_x_band" if model.radar_type.band == "x" else "radar_low_band"
    raise TypeError(f"no discrimination class for {type(model).__name__}")


def label_objects(
    models: list[object], m: Measurements, objs: RaidObjects, rng: np.random.Generator
) -> list[ObjectLabelRow]:
    """Looks, told probability and a drawn label for every released object of the raid."""
    classes = sensor_classes()
    names = ["ir_tracking", "radar_x_band", "radar_low_band", "ir_warning"]
    sensor_cls = np.array([names.index(sensor_class(model)) for model in models])
    released = np.flatnonzero(objs.kind != BOOSTER)
    looks = np.zeros((released.size, len(names)), dtype=np.int64)
    index = {int(o): k for k, o in enumerate(released)}
    for o, c in zip(m.object, sensor_cls[m.sensor], strict=True):
        if int(o) in index:
            looks[index[int(o)], c] += 1
    chosen = [classes[n] for n in names]
    p = told_probability(looks, chosen)
    labels = draw_labels(looks, chosen, rng)
    return [
        ObjectLabelRow(
            object=int(o),
            threat=int(objs.threat[o]),
            kind=KIND_NAMES[int(objs.kind[o])],
            looks_ir_tracking=int(looks[k, 0]),
            looks_radar_x_band=int(looks[k, 1]),
            looks_radar_low_band=int(looks[k, 2]),
            told_probability=float(p[k]),
            told=bool(labels[k] == TOLD),
        )
        for k, o in enumerate(released)
    ]
