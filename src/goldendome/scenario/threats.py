"""Specs of the threat raid: which classes fly from where to which targets, and when."""

import difflib
from typing import Annotated, Literal

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from goldendome.scenario.base import SpecModel
from goldendome.scenario.catalog import BallisticClassSpec, launch_areas, targets, threat_classes
from goldendome.scenario.quantities import Bounded
from goldendome.sensors.decoys import DecoyTypeName


def known_name(kind: str, name: str, names: list[str]) -> str:
    if name in names:
        return name
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.4)
    hint = f"closest: {', '.join(close)}" if close else f"known: {', '.join(names)}"
    raise PydanticCustomError(
        "unknown_name", "unknown {kind}; {hint}", {"kind": kind, "hint": hint}
    )


def ballistic_class_name(value: str) -> str:
    """A known ballistic threat class's name, or an error naming the closest known ones."""
    name = known_name("threat class", value, list(threat_classes()))
    if not isinstance(threat_classes()[name], BallisticClassSpec):
        raise PydanticCustomError(
            "unsupported",
            "{name} is not a ballistic class; raids and boost-phase sizing fly ballistic "
            "classes only in this version",
            {"name": name},
        )
    return name


def launch_area_name(value: str) -> str:
    """A known launch area's name, or an error naming the closest known ones."""
    return known_name("launch area", value, list(launch_areas()))


def target_name(value: str) -> str:
    """A known target's name, or an error naming the closest known ones."""
    return known_name("target", value, list(targets()))


BallisticClassName = Annotated[str, AfterValidator(ballistic_class_name)]
LaunchAreaName = Annotated[str, AfterValidator(launch_area_name)]
TargetName = Annotated[str, AfterValidator(target_name)]


class RaidEntrySpec(SpecModel):
    """``count`` missiles of one class from one launch area at one target."""

    class_: BallisticClassName = Field(alias="class")
    from_: LaunchAreaName = Field(alias="from")
    to: TargetName
    count: Annotated[
        int,
        Bounded(
            "count must be at least one missile",
            ge=1,
            le=10_000,
            upper="a raid entry launches at most {bound} missiles",
        ),
    ] = 1
    launch_time_s: Annotated[
        float,
        Bounded(
            "launch time must not be negative",
            "s",
            ge=0,
            le=86_400,
            upper="launch time must lie in the scenario day, at most {bound}",
        ),
    ] = 0.0
    spacing_s: Annotated[
        float,
        Bounded(
            "spacing between launches must not be negative",
            "s",
            ge=0,
            le=3_600,
            upper="launches are at most an hour ({bound}) apart",
        ),
    ] = 0.0
    shape: Literal["minimum_energy", "lofted"] = "minimum_energy"
    decoys: Annotated[
        int | None,
        Bounded(
            "decoys per missile must not be negative",
            ge=0,
            le=1_000,
            upper="a missile carries at most {bound} decoys",
        ),
    ] = None
    #: The type of its decoys (``data/discrimination.toml``): how hard they are to tell.
    decoy_type: DecoyTypeName = "balloon"


class ThreatsSpec(SpecModel):
    """The raid: a list of entries (``[[threats.raid]]``)."""

    raid: list[RaidEntrySpec] = Field(default_factory=list)
