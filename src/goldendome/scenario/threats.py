"""Specs of the threat raid: which classes fly from where to which targets, and when."""

import difflib
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from goldendome.scenario.base import SpecModel
from goldendome.scenario.catalog import BallisticClassSpec, launch_areas, targets, threat_classes
from goldendome.scenario.quantities import Bounded


def known_name(kind: str, name: str, names: list[str]) -> str:
    if name in names:
        return name
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.4)
    hint = f"closest: {', '.join(close)}" if close else f"known: {', '.join(names)}"
    raise PydanticCustomError(
        "unknown_name", "unknown {kind}; {hint}", {"kind": kind, "hint": hint}
    )


class RaidEntrySpec(SpecModel):
    """``count`` missiles of one class from one launch area at one target."""

    class_: str = Field(alias="class")
    from_: str = Field(alias="from")
    to: str
    count: Annotated[int, Bounded("count must be at least one missile", ge=1, le=10_000)] = 1
    launch_time_s: Annotated[
        float, Bounded("launch time must lie in the scenario day", "s", ge=0, le=86_400)
    ] = 0.0
    spacing_s: Annotated[
        float, Bounded("spacing between launches must not be negative", "s", ge=0, le=3_600)
    ] = 0.0
    shape: Literal["minimum_energy", "lofted"] = "minimum_energy"
    decoys: Annotated[
        int | None, Bounded("decoys per missile must not be negative", ge=0, le=1_000)
    ] = None

    @field_validator("class_")
    @classmethod
    def _class_known(cls, value: str) -> str:
        name = known_name("threat class", value, list(threat_classes()))
        if not isinstance(threat_classes()[name], BallisticClassSpec):
            raise PydanticCustomError(
                "unsupported",
                "{name} is not a ballistic class; raids fly ballistic classes only in this version",
                {"name": name},
            )
        return name

    @field_validator("from_")
    @classmethod
    def _area_known(cls, value: str) -> str:
        return known_name("launch area", value, list(launch_areas()))

    @field_validator("to")
    @classmethod
    def _target_known(cls, value: str) -> str:
        return known_name("target", value, list(targets()))


class ThreatsSpec(SpecModel):
    """The raid: a list of entries (``[[threats.raid]]``)."""

    raid: list[RaidEntrySpec] = Field(default_factory=list)
