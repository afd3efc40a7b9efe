"""``[discrimination]`` of a scenario: the sensors' and decoys' discrimination figures.

Every figure of ``data/discrimination.toml`` can be set here, for one run; what the table
leaves out keeps the catalog's value::

    [discrimination.sensor_class.radar_x_band]
    ceiling = 0.6
    warhead_called_decoy = 0.05

    [discrimination.decoy_type.replica]
    joint_fidelity = 0.8

    [discrimination.spent_stage]
    told_probability = 0.9

The battle manager's side (what it believes it faces, and its threshold) is in
``[doctrine]``: ``warhead_threshold``, ``warhead_prior``, ``assumed_decoy_type``.
"""

import dataclasses
from typing import Annotated, Literal

from pydantic import Field

from goldendome.engagement.discrimination_call import DiscriminationModel
from goldendome.scenario.base import SpecModel
from goldendome.scenario.quantities import Bounded
from goldendome.sensors.decoys import JAMMABLE, DecoyType, DecoyTypeName
from goldendome.sensors.discrimination import decoy_types, sensor_classes, stage_told_probability
from goldendome.sensors.labels import LOOK_CLASSES

Probability = Annotated[float, Bounded("a probability lies in [0, 1]", ge=0, le=1)]
Share = Annotated[float, Bounded("a share lies in [0, 1]", ge=0, le=1)]
ClassName = Literal["ir_tracking", "ir_warning", "radar_x_band", "radar_low_band"]


class SensorClassSettings(SpecModel):
    """One sensor class's discrimination figures (unset: the catalog's)."""

    per_look: Probability | None = None
    ceiling: Probability | None = None
    warhead_called_decoy: Probability | None = None


class DecoyTypeSettings(SpecModel):
    """One decoy type's figures (unset: the catalog's)."""

    joint_fidelity: Share | None = None
    hides_warhead: bool | None = None
    kept_ir_tracking: Share | None = None
    kept_radar_x_band: Share | None = None
    kept_radar_low_band: Share | None = None


class SpentStageSettings(SpecModel):
    """``[discrimination.spent_stage]``."""

    told_probability: Probability | None = None


class DiscriminationSpec(SpecModel):
    """``[discrimination]``: overrides of ``data/discrimination.toml`` for this scenario."""

    sensor_class: dict[ClassName, SensorClassSettings] = Field(default_factory=dict)
    decoy_type: dict[DecoyTypeName, DecoyTypeSettings] = Field(default_factory=dict)
    spent_stage: SpentStageSettings = Field(default_factory=SpentStageSettings)

    def model(self) -> DiscriminationModel:
        """The sensor classes (in :data:`LOOK_CLASSES` order) and decoy types in force."""
        classes = sensor_classes()
        chosen = []
        for name in LOOK_CLASSES:
            given = self.sensor_class.get(name)  # type: ignore[call-overload]
            base = classes[name]
            if given is not None:
                base = dataclasses.replace(
                    base, **{k: v for k, v in given.model_dump().items() if v is not None}
                )
            chosen.append(base)
        types = {name: self._decoy_type(t) for name, t in decoy_types().items()}
        return DiscriminationModel(tuple(chosen), types)

    def _decoy_type(self, base: DecoyType) -> DecoyType:
        given = self.decoy_type.get(base.name)  # type: ignore[call-overload]
        if given is None:
            return base
        kept = tuple(
            (c, base.kept_share(c) if (v := getattr(given, f"kept_{c}")) is None else float(v))
            for c in JAMMABLE
        )
        return DecoyType(
            base.name,
            base.joint_fidelity if given.joint_fidelity is None else given.joint_fidelity,
            base.hides_warhead if given.hides_warhead is None else given.hides_warhead,
            kept,
        )

    def stage_told_probability(self) -> float:
        """Chance that a spent stage's fire-control track is told for what it is."""
        given = self.spent_stage.told_probability
        return stage_told_probability() if given is None else float(given)
