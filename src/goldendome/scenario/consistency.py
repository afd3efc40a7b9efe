"""Every rule that spans several keys, run on the parsed file alongside the field checks.

pydantic checks a model's cross-field rules only once all of the model's fields are
valid, and the scenario's own rules only once the whole scenario is: a file would show its
problems in rounds. :func:`consistency_problems` runs each rule straight on the parsed
file instead, whenever the keys that rule needs are valid (read one by one with
:func:`~goldendome.scenario.fields.field_value`), so one report lists them all: the time
grid, the orbits (:mod:`~goldendome.scenario.orbit_consistency`), the raid
(:mod:`~goldendome.scenario.raid_consistency`), names given twice, interceptors at a site
that is not an interceptor site, more looks than shots, an ``[sbi]`` layer that
carries no interceptors, and ``[economics]`` overrides of elements the scenario lacks.
"""

from collections.abc import Iterator, Mapping
from typing import Any

from goldendome.data.errors import Problem
from goldendome.data.shown_values import show_value
from goldendome.scenario.doctrine import LayerDoctrine, looks_rule
from goldendome.scenario.economics_consistency import economics_problems
from goldendome.scenario.fields import UnusableKeyError, entries, field_value, tables, written
from goldendome.scenario.interceptors import SbiSpec
from goldendome.scenario.orbit_consistency import layer_kind, orbit_problems
from goldendome.scenario.raid_consistency import raid_problems
from goldendome.scenario.sites import (
    DefendedAssetSpec,
    SiteSpec,
    battery_site_rule,
    site_altitude_rule,
)
from goldendome.scenario.spec import TimeSpec, repeated_name_rule, sbi_layer_rule, time_grid_rule

_KINDS = ("walker_delta", "walker_star", "geostationary", "molniya", "elements", "tle")
_ROLES = ("interceptor", "tracking", "early_warning", "air_moving_target")


def _time_grid(data: Mapping[str, Any]) -> Iterator[Problem]:
    time = data.get("time")
    try:
        duration_s = field_value(TimeSpec, "duration_s", time)
        step_s = field_value(TimeSpec, "step_s", time)
    except UnusableKeyError:
        return
    shown = (show_value(written(TimeSpec, name, time)) or "" for name in ("duration_s", "step_s"))
    rule = time_grid_rule(duration_s, step_s, *shown)
    if rule is not None:
        yield Problem("time", None, rule)


def _repeated_names(data: Mapping[str, Any]) -> Iterator[Problem]:
    for label, model in (("sites", SiteSpec), ("defended_assets", DefendedAssetSpec)):
        first: dict[str, int] = {}
        for index, item in entries(data, label):
            try:
                name = field_value(model, "name", item)
            except UnusableKeyError:
                continue
            if name in first:
                rule = repeated_name_rule(label, first[name])
                yield Problem(f"{label}[{index}].name", show_value(name), rule)
            else:
                first[name] = index


def _batteries(data: Mapping[str, Any]) -> Iterator[Problem]:
    for index, site in entries(data, "sites"):
        try:
            role = field_value(SiteSpec, "role", site)
        except UnusableKeyError:
            continue
        batteries = site.get("interceptors")
        rule = battery_site_rule(role, isinstance(batteries, list) and bool(batteries))
        if rule is not None:
            yield Problem(f"sites[{index}]", None, rule)


def _site_altitudes(data: Mapping[str, Any]) -> Iterator[Problem]:
    for index, site in entries(data, "sites"):
        try:
            altitude = field_value(SiteSpec, "altitude_m", site)
        except UnusableKeyError:
            continue
        radar = site.get("radar")
        kind = radar.get("type") if isinstance(radar, Mapping) else None
        rule = site_altitude_rule(altitude, kind if isinstance(kind, str) else None)
        if rule is not None:
            yield Problem(f"sites[{index}].altitude_m", show_value(altitude), rule)


def _looks(data: Mapping[str, Any]) -> Iterator[Problem]:
    for layer, table in tables(data, "doctrine"):
        if layer not in ("boost", "midcourse", "terminal"):
            continue
        try:
            shots = field_value(LayerDoctrine, "shots", table)
            looks = field_value(LayerDoctrine, "looks", table)
        except UnusableKeyError:
            continue
        rule = looks_rule(shots, looks)
        if rule is not None:
            yield Problem(f"doctrine.{layer}", None, rule)


def _sbi_layer(data: Mapping[str, Any]) -> Iterator[Problem]:
    if "sbi" not in data:
        return
    try:
        layer = field_value(SbiSpec, "layer", data["sbi"])
    except UnusableKeyError:
        return
    roles: dict[str, str] = {}
    for name, table in tables(data, "space"):
        role = table.get("role")
        if layer_kind(table) not in _KINDS or not isinstance(role, str) or role not in _ROLES:
            if name == layer:  # the layer it names is broken: its role is unknown
                return
            continue
        roles[name] = role
    rule = sbi_layer_rule(layer, roles)
    if rule is not None:
        yield Problem("sbi", None, rule)


def consistency_problems(data: Mapping[str, Any]) -> list[Problem]:
    """The problems of every cross-field rule whose keys are valid in ``data``.

    Parameters
    ----------
    data : mapping
        A parsed scenario file (anything may be anywhere in it).

    Returns
    -------
    list of Problem
        In the order of the file's tables: time, space, sites, names, doctrine, sbi, raid,
        economics.
    """
    problems: list[Problem] = []
    for rule in (
        _time_grid,
        orbit_problems,
        _batteries,
        _site_altitudes,
        _repeated_names,
        _looks,
        _sbi_layer,
        raid_problems,
        economics_problems,
    ):
        problems.extend(rule(data))
    return problems
