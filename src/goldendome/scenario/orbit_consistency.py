"""Rules across the keys of one constellation, run on the parsed file.

Each rule reads the keys it needs with :func:`~goldendome.scenario.fields.field_value` and
runs whenever they are valid, whatever else is wrong in the file: the Walker pattern
(satellites, planes, phasing), a listed satellite's size given once and its perigee at
least 100 km up, and a TLE layer's one source. The rules themselves are the functions the
specs' model validators call, so a file and a spec built in Python break them alike.
"""

from collections.abc import Iterator, Mapping
from typing import Any

from pydantic import BaseModel

from goldendome.data.errors import Problem
from goldendome.data.shown_values import toml_key
from goldendome.physics.constants import WGS84_A_M
from goldendome.scenario.constellations import WalkerDeltaSpec, WalkerStarSpec, walker_pattern_rule
from goldendome.scenario.element_sets import (
    SatelliteElementsSpec,
    TleSetSpec,
    orbit_size_rule,
    perigee_rule,
    tle_source_rule,
)
from goldendome.scenario.fields import UnusableKeyError, entries, field_value, tables

_WALKERS: dict[str, type[BaseModel]] = {
    "walker_delta": WalkerDeltaSpec,
    "walker_star": WalkerStarSpec,
}


def layer_kind(layer: Mapping[str, Any]) -> str | None:
    """A space layer's ``kind``, or None when it is not a text string."""
    kind = layer.get("kind")
    return kind if isinstance(kind, str) else None


def _walker(layer: Mapping[str, Any], model: type[BaseModel]) -> str | None:
    try:
        satellites, planes, phasing = (
            field_value(model, name, layer) for name in ("satellites", "planes", "phasing")
        )
    except UnusableKeyError:
        return None
    return walker_pattern_rule(satellites, planes, phasing)


def _satellite(satellite: Mapping[str, Any]) -> str | None:
    try:
        altitude_m, axis_m, eccentricity = (
            field_value(SatelliteElementsSpec, name, satellite)
            for name in ("altitude_m", "semi_major_axis_m", "eccentricity")
        )
    except UnusableKeyError:
        return None
    size_rule = orbit_size_rule(altitude_m, axis_m)
    if size_rule is not None:
        return size_rule
    a_m = axis_m if axis_m is not None else WGS84_A_M + altitude_m
    return perigee_rule(a_m, eccentricity)


def _tle_source(layer: Mapping[str, Any]) -> str | None:
    try:
        tle, tle_file = (field_value(TleSetSpec, name, layer) for name in ("tle", "tle_file"))
    except UnusableKeyError:
        return None
    return tle_source_rule(tle, tle_file)


def orbit_problems(data: Mapping[str, Any]) -> Iterator[Problem]:
    """The problems of every ``[space]`` layer whose rule's keys are valid."""
    for name, layer in tables(data, "space"):
        kind = layer_kind(layer)
        path = f"space.{toml_key(name)}"
        rule: str | None = None
        if kind in _WALKERS:
            rule = _walker(layer, _WALKERS[kind])
        elif kind == "tle":
            rule = _tle_source(layer)
        elif kind == "elements":
            for index, satellite in entries(layer, "satellites"):
                satellite_rule = _satellite(satellite)
                if satellite_rule is not None:
                    yield Problem(f"{path}.satellites[{index}]", None, satellite_rule)
        if rule is not None:
            yield Problem(path, None, rule)
