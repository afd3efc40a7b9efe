"""Discrimination: whether the sensors have told each reentry vehicle from each decoy.

A parameterized model (``data/discrimination.toml``): every detection of an object by a
sensor class is a *look*; after ``n`` looks the class has told the object's kind with
probability ``ceiling * (1 - (1 - per_look) ** n)``, and classes combine as independent
chances, ``1 - prod(1 - P_class)``. An object whose kind has not been told is *unknown*,
and a battle manager must treat unknown objects as threatening: undiscriminated decoys
draw interceptors. Boosting missiles are never in doubt.
"""

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from goldendome.physics._types import FloatArray, IntArray

#: Labels the model gives: the true kind told, or not.
TOLD, UNKNOWN = 0, 1


@dataclass(frozen=True)
class SensorClass:
    """Discrimination power of one class of sensor."""

    name: str
    per_look: float
    ceiling: float

    def __post_init__(self) -> None:
        for field, value in (("per_look", self.per_look), ("ceiling", self.ceiling)):
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{self.name}.{field} = {value}: a probability lies in [0, 1].")


@cache
def sensor_classes() -> dict[str, SensorClass]:
    """The sensor classes of ``discrimination.toml``, by name."""
    text = resources.files("goldendome.data").joinpath("discrimination.toml").read_text("utf-8")
    rows = tomllib.loads(text)["sensor_class"]
    return {r["name"]: SensorClass(r["name"], r["per_look"], r["ceiling"]) for r in rows}


def told_probability(looks: IntArray, classes: list[SensorClass]) -> FloatArray:
    """Probability that each object's kind has been told.

    Parameters
    ----------
    looks : (n_object, n_class) int64
        Detections of each object by each sensor class.
    classes : list of SensorClass
        The ``n_class`` classes, in the columns' order.

    Returns
    -------
    (n_object,) float64
    """
    per_look = np.array([c.per_look for c in classes])
    ceiling = np.array([c.ceiling for c in classes])
    each = ceiling * (1.0 - (1.0 - per_look) ** np.asarray(looks, dtype=np.float64))
    return np.asarray(1.0 - np.prod(1.0 - each, axis=-1), dtype=np.float64)


def draw_labels(looks: IntArray, classes: list[SensorClass], rng: np.random.Generator) -> IntArray:
    """``TOLD`` or ``UNKNOWN`` for each object, drawn from :func:`told_probability`."""
    told = rng.random(looks.shape[0]) < told_probability(looks, classes)
    return np.where(told, TOLD, UNKNOWN).astype(np.int64)
