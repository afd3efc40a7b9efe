"""Rules of the raid that span tables, run on the parsed file.

Every launch of a raid entry (``launch_time_s + (count - 1) * spacing_s``) must fall inside
the run (before ``time.duration_s``), or the run would end before the missile flies; and
its target must lie within the published range of its class from its launch area (classes
that publish no range are not checked). Each rule runs whenever the keys it needs are
valid, whatever else is wrong in the file.
"""

import math
from collections.abc import Iterator, Mapping
from typing import Any

from goldendome.data.errors import Problem
from goldendome.data.shown_values import show_value
from goldendome.physics.constants import R_EARTH_MEAN_M
from goldendome.scenario.catalog import launch_areas, targets, threat_classes
from goldendome.scenario.fields import UnusableKeyError, entries, field_value, written
from goldendome.scenario.spec import TimeSpec
from goldendome.scenario.threats import RaidEntrySpec


def _great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance along the mean sphere (as :func:`goldendome.physics.geodesy.great_circle_distance_m`
    computes it, without loading NumPy and pyproj for one pair of points)."""
    dlon = lon2 - lon1
    num = math.hypot(
        math.cos(lat2) * math.sin(dlon),
        math.cos(lat1) * math.sin(lat2) - math.sin(lat1) * math.cos(lat2) * math.cos(dlon),
    )
    den = math.sin(lat1) * math.sin(lat2) + math.cos(lat1) * math.cos(lat2) * math.cos(dlon)
    return R_EARTH_MEAN_M * math.atan2(num, den) / 1_000.0


def launch_window_rule(
    launch_time_s: float, count: int, spacing_s: float, duration_s: float, duration: str
) -> str | None:
    """The rule an entry breaks when its last launch is not before the end of the run
    (``duration`` is ``time.duration_s`` as the file wrote it)."""
    last_s = launch_time_s + (count - 1) * spacing_s
    if last_s < duration_s:
        return None
    when = (
        f"the last of its {count} launches, at launch_time_s + (count - 1) x spacing_s = "
        f"{last_s:,.0f} s,"
        if count > 1
        else f"its launch, at launch_time_s = {last_s:,.0f} s,"
    )
    return (
        f"{when} is not before the end of the run (time.duration_s = {duration}); launch "
        f"earlier, space the launches closer or lengthen time.duration_s"
    )


def reach_rule(class_name: str, area: str, target: str) -> str | None:
    """The rule an entry breaks when its target lies beyond its class's published range."""
    range_km = getattr(threat_classes()[class_name], "range_km", None)
    if range_km is None:
        return None
    start, end = launch_areas()[area], targets()[target]
    distance_km = _great_circle_km(
        start.latitude_rad, start.longitude_rad, end.latitude_rad, end.longitude_rad
    )
    if distance_km <= range_km:
        return None
    return (
        f"target {target} lies {distance_km:,.0f} km from launch area {area}, beyond the "
        f"{range_km:,.0f} km published range of {class_name} (threat_classes.toml); choose a "
        f"nearer target, another launch area or a class of longer range"
    )


def _window(entry: Mapping[str, Any], duration_s: float, duration: str) -> str | None:
    try:
        launch_time_s, count, spacing_s = (
            field_value(RaidEntrySpec, name, entry)
            for name in ("launch_time_s", "count", "spacing_s")
        )
    except UnusableKeyError:
        return None
    return launch_window_rule(launch_time_s, count, spacing_s, duration_s, duration)


def _reach(entry: Mapping[str, Any]) -> str | None:
    try:
        class_name, area, target = (
            field_value(RaidEntrySpec, name, entry) for name in ("class_", "from_", "to")
        )
    except UnusableKeyError:
        return None
    return reach_rule(class_name, area, target)


def raid_problems(data: Mapping[str, Any]) -> Iterator[Problem]:
    """The problems of every ``[[threats.raid]]`` entry whose rule's keys are valid."""
    time = data.get("time")
    try:
        duration_s: float | None = field_value(TimeSpec, "duration_s", time)
        duration = show_value(written(TimeSpec, "duration_s", time)) or ""
    except UnusableKeyError:
        duration_s, duration = None, ""
    for index, entry in entries(data.get("threats"), "raid"):
        path = f"threats.raid[{index}]"
        window = None if duration_s is None else _window(entry, duration_s, duration)
        for rule in (window, _reach(entry)):
            if rule is not None:
                yield Problem(path, None, rule)
