"""Discrimination: whether the sensors have told each reentry vehicle from each decoy.

A parameterized model (``data/discrimination.toml``): every detection of an object by a
sensor class is a *look*; after ``n`` looks the class has told the object's kind with
probability ``ceiling * (1 - (1 - per_look) ** n)``, and classes combine as independent
chances, ``1 - prod(1 - P_class)``. An object whose kind has not been told is *unknown*,
and a battle manager must treat unknown objects as threatening: undiscriminated decoys
draw interceptors. Boosting missiles are never in doubt. A track on a missile's spent
stage is told for what it is with the catalog's ``[spent_stage] told_probability``.
"""

from dataclasses import dataclass
from functools import cache
from typing import Annotated, Literal

import numpy as np
from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from goldendome.data.loader import load_catalog
from goldendome.data.quantities import Bounded
from goldendome.data.spec_model import SpecModel
from goldendome.physics._types import FloatArray, IntArray
from goldendome.sensors.decoys import DECOY_TYPE_NAMES, DecoyType, DecoyTypeSpec

DATA_FILE = "discrimination.toml"
#: Labels the model gives: the true kind told, or not.
TOLD, UNKNOWN = 0, 1
#: The sensor classes the catalog must describe (see ``Sensor.discrimination_class``).
CLASS_NAMES = ("ir_tracking", "ir_warning", "radar_x_band", "radar_low_band")

Probability = Annotated[float, Bounded("a probability lies in [0, 1]", ge=0, le=1)]


@dataclass(frozen=True)
class SensorClass:
    """Discrimination power of one class of sensor."""

    name: str
    per_look: float
    ceiling: float
    #: Chance that the class, once it has looked enough, calls a warhead a decoy.
    warhead_called_decoy: float = 0.0

    def __post_init__(self) -> None:
        for field, value in (
            ("per_look", self.per_look),
            ("ceiling", self.ceiling),
            ("warhead_called_decoy", self.warhead_called_decoy),
        ):
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{self.name}.{field} = {value}: a probability lies in [0, 1].")


class SensorClassSpec(SpecModel):
    """One ``[[sensor_class]]`` entry of ``discrimination.toml``."""

    name: Literal["ir_tracking", "ir_warning", "radar_x_band", "radar_low_band"]
    per_look: Probability
    ceiling: Probability
    warhead_called_decoy: Probability = 0.0


class SpentStageSpec(SpecModel):
    """``[spent_stage]`` of ``discrimination.toml``."""

    told_probability: Probability


class DiscriminationCatalog(SpecModel):
    """``discrimination.toml``: one entry per sensor class, each class once, and the spent
    stages."""

    sensor_class: Annotated[list[SensorClassSpec], Field(min_length=1)]
    decoy_type: Annotated[list[DecoyTypeSpec], Field(min_length=1)]
    spent_stage: SpentStageSpec

    @model_validator(mode="after")
    def _every_class_once(self) -> "DiscriminationCatalog":
        entries: tuple[tuple[str, list[str], tuple[str, ...]], ...] = (
            ("sensor class", [c.name for c in self.sensor_class], CLASS_NAMES),
            ("decoy type", [d.name for d in self.decoy_type], DECOY_TYPE_NAMES),
        )
        for what, names, known in entries:
            twice = sorted({n for n in names if names.count(n) > 1})
            missing = [n for n in known if n not in names]
            if twice or missing:
                raise PydanticCustomError(
                    "catalog_entries",
                    "every {what} needs exactly one entry: given twice: {twice}; "
                    "missing: {missing}",
                    {
                        "what": what,
                        "twice": ", ".join(twice) or "none",
                        "missing": ", ".join(missing) or "none",
                    },
                )
        return self

    def build(self) -> dict[str, "SensorClass"]:
        """The sensor classes, by name, in file order."""
        return {
            c.name: SensorClass(c.name, c.per_look, c.ceiling, c.warhead_called_decoy)
            for c in self.sensor_class
        }

    def build_decoy_types(self) -> dict[str, DecoyType]:
        """The decoy types, by name, in file order."""
        return {d.name: d.build() for d in self.decoy_type}


@cache
def _catalog() -> DiscriminationCatalog:
    return load_catalog(DATA_FILE, DiscriminationCatalog)


def sensor_classes() -> dict[str, SensorClass]:
    """The sensor classes of the embedded ``discrimination.toml``, by name."""
    return _catalog().build()


def decoy_types() -> dict[str, DecoyType]:
    """The decoy types of the embedded ``discrimination.toml``, by name."""
    return _catalog().build_decoy_types()


def stage_told_probability() -> float:
    """Chance that a fire-control track on a spent stage is told for what it is
    (``[spent_stage]`` of the embedded ``discrimination.toml``)."""
    return float(_catalog().spent_stage.told_probability)


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
