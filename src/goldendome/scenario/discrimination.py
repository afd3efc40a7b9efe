"""``[discrimination]`` of a scenario: the sensors' and decoys' discrimination figures.

Every figure of ``data/discrimination.toml`` can be set here, for one run; what the table
leaves out keeps the catalog's value::

    [discrimination.sensor_class.radar_x_band]
    ceiling = 0.6
    warhead_called_decoy = 0.05

    [discrimination.decoy_type.replica]
    joint_fidelity = { uniform = [0.5, 0.9] }    # a range: drawn once per trial

    [discrimination.spent_stage]
    told_probability = 0.9

The battle manager's side (what it believes it faces, and its threshold) is in
``[doctrine]``: ``warhead_threshold``, ``warhead_prior``, ``assumed_decoy_type``.
"""

from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from goldendome.scenario.base import SpecModel
from goldendome.scenario.ranges import RangedProbability, RangeSpec, nominal
from goldendome.sensors.decoys import DecoyTypeName
from goldendome.sensors.discrimination import decoy_types, sensor_classes, stage_told_probability

if TYPE_CHECKING:  # the battle manager's model loads when a run is built, not when validated
    from goldendome.engagement.discrimination_call import DiscriminationModel

ClassName = Literal["ir_tracking", "ir_warning", "radar_x_band", "radar_low_band"]


class SensorClassSettings(SpecModel):
    """One sensor class's discrimination figures (unset: the catalog's)."""

    per_look: RangedProbability | None = None
    ceiling: RangedProbability | None = None
    warhead_called_decoy: RangedProbability | None = None


class DecoyTypeSettings(SpecModel):
    """One decoy type's figures (unset: the catalog's)."""

    joint_fidelity: RangedProbability | None = None
    hides_warhead: bool | None = None
    kept_ir_tracking: RangedProbability | None = None
    kept_radar_x_band: RangedProbability | None = None
    kept_radar_low_band: RangedProbability | None = None


class SpentStageSettings(SpecModel):
    """``[discrimination.spent_stage]``."""

    told_probability: RangedProbability | None = None


class DiscriminationSpec(SpecModel):
    """``[discrimination]``: overrides of ``data/discrimination.toml`` for this scenario.

    Any figure may be a range (:mod:`goldendome.scenario.ranges`): the model then holds its
    mean, and :meth:`ranged` lists it for the trials to draw.
    """

    sensor_class: dict[ClassName, SensorClassSettings] = Field(default_factory=dict)
    decoy_type: dict[DecoyTypeName, DecoyTypeSettings] = Field(default_factory=dict)
    spent_stage: SpentStageSettings = Field(default_factory=SpentStageSettings)

    def _given(self) -> list[tuple[tuple[str, ...], Any]]:
        """Every figure the scenario gives, with its path below ``discrimination``."""
        out: list[tuple[tuple[str, ...], Any]] = []
        for group, table in (("sensor_class", self.sensor_class), ("decoy_type", self.decoy_type)):
            for name, settings in table.items():
                for key in type(settings).model_fields:
                    value = getattr(settings, key)
                    if value is not None:
                        out.append(((group, name, key), value))
        if self.spent_stage.told_probability is not None:
            out.append((("spent_stage", "told_probability"), self.spent_stage.told_probability))
        return out

    def model(self) -> "DiscriminationModel":
        """The sensor classes (in the looks' column order) and decoy types in force, with
        each range's mean."""
        from goldendome.engagement.discrimination_call import DiscriminationModel
        from goldendome.sensors.labels import LOOK_CLASSES

        classes = sensor_classes()
        base = DiscriminationModel(tuple(classes[name] for name in LOOK_CLASSES), decoy_types())
        for path, value in self._given():
            if path[0] != "spent_stage":
                point = value if isinstance(value, bool) else nominal(value)
                base = base.with_value(path, point)
        return base

    def ranged(self) -> list[tuple[str, tuple[str, ...], RangeSpec]]:
        """Each figure given as a range: its scenario path, its path in the model and the
        range."""
        return [
            ("discrimination." + ".".join(path), path, value)
            for path, value in self._given()
            if isinstance(value, RangeSpec)
        ]

    def stage_told_probability(self) -> float:
        """Chance that a spent stage's fire-control track is told for what it is (a range's
        mean)."""
        given = self.spent_stage.told_probability
        return stage_told_probability() if given is None else nominal(given)
