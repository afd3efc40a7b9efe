"""Rules of the raid that span tables, run on the parsed file.

Every launch of a raid entry (``launch_time_s + (count - 1) * spacing_s``) must fall inside
the run (before ``time.duration_s``), or the run would end before the missile flies; its
target must lie within the published range of its class from its launch area (classes
that publish no range are not checked); it names one origin (``from`` or
``sea_launch_point``) whose platform launches its class; and its shape's keys go together, a
depressed arc below the minimum-energy arc of its range, a fractional orbit on a class that
can orbit and with an approach it can fly (:mod:`goldendome.scenario.raid_shapes`). Each rule
runs whenever the keys it needs are valid, whatever else is wrong in the file.
"""

from collections.abc import Iterator, Mapping
from typing import Any

from goldendome.data.errors import Problem
from goldendome.data.shown_values import show_value
from goldendome.scenario.catalog import (
    BallisticClassSpec,
    CruiseClassSpec,
    HgvClassSpec,
    PlaceSpec,
    launch_areas,
    targets,
    threat_classes,
)
from goldendome.scenario.fields import UnusableKeyError, entries, field_value, written
from goldendome.scenario.raid_shapes import (
    approach_rule,
    depressed_rule,
    fobs_class_rule,
    great_circle_m,
    origin_platform,
    origin_rule,
    platform_rule,
    route_rule,
    shape_rule,
)
from goldendome.scenario.spec import TimeSpec
from goldendome.scenario.threats import (
    LAUNCH_PLATFORM_WITH_AREA,
    RaidEntrySpec,
    glide_rule,
    waypoint_rule,
)


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


def reach_rule(
    class_name: str, area: str, target: str, origin_lat_lon_rad: tuple[float, float] | None = None
) -> str | None:
    """The rule an entry breaks when its target lies beyond its class's published range
    (``area`` names the launch area, or labels a sea point given as ``origin_lat_lon_rad``)."""
    range_km = getattr(threat_classes()[class_name], "range_km", None)
    if range_km is None:
        return None
    end = targets()[target]
    where, origin = area, origin_lat_lon_rad
    if origin is None:
        start = launch_areas()[area]
        where, origin = f"launch area {area}", (start.latitude_rad, start.longitude_rad)
    distance_km = great_circle_m(*origin, end.latitude_rad, end.longitude_rad) / 1e3
    if distance_km <= range_km:
        return None
    return (
        f"target {target} lies {distance_km:,.0f} km from {where}, beyond the "
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


def _origin(entry: Mapping[str, Any]) -> tuple[str, tuple[float, float] | None]:
    """The entry's origin label and, for a sea point, its position (UnusableKeyError when
    the entry names no usable origin)."""
    area = field_value(RaidEntrySpec, "from_", entry)
    point = field_value(RaidEntrySpec, "sea_launch_point", entry)
    if (area is None) == (point is None):
        raise UnusableKeyError("from")
    if point is not None:
        return point.label, (point.latitude_rad, point.longitude_rad)
    return str(area), None


def _reach(entry: Mapping[str, Any]) -> str | None:
    try:
        class_name, target = (field_value(RaidEntrySpec, name, entry) for name in ("class_", "to"))
        label, origin = _origin(entry)
    except UnusableKeyError:
        return None
    return reach_rule(class_name, label, target, origin)


def _origin_problems(entry: Mapping[str, Any], path: str) -> Iterator[Problem]:
    try:
        area = field_value(RaidEntrySpec, "from_", entry)
        point = field_value(RaidEntrySpec, "sea_launch_point", entry)
    except UnusableKeyError:
        return
    rule = origin_rule(area is not None, point is not None)
    if rule is not None:
        yield Problem(f"{path}.from", None, rule)


def _origin_and_target(entry: Mapping[str, Any]) -> tuple[tuple[float, float], PlaceSpec]:
    """The entry's launch point (radians) and its target (UnusableKeyError when unusable)."""
    target = field_value(RaidEntrySpec, "to", entry)
    _, origin = _origin(entry)
    if origin is None:
        area = launch_areas()[field_value(RaidEntrySpec, "from_", entry)]
        origin = (area.latitude_rad, area.longitude_rad)
    return origin, targets()[target]


def _fobs_rule(entry: Mapping[str, Any], approach: str) -> tuple[str, str] | None:
    cls = threat_classes()[field_value(RaidEntrySpec, "class_", entry)]
    rule = fobs_class_rule(cls.name, isinstance(cls, BallisticClassSpec) and cls.orbits)
    if rule is not None:
        return "shape", rule
    origin, goal = _origin_and_target(entry)
    rule = approach_rule(approach, *origin, goal.latitude_rad, goal.longitude_rad)
    return None if rule is None else ("approach", rule)


def _shape_problems(entry: Mapping[str, Any], path: str) -> Iterator[Problem]:
    try:
        shape, apogee_m, fpa_rad, approach = (
            field_value(RaidEntrySpec, name, entry)
            for name in ("shape", "apogee_m", "burnout_fpa_rad", "approach")
        )
    except UnusableKeyError:
        return
    broken = shape_rule(shape, apogee_m is not None, fpa_rad is not None, approach is not None)
    try:
        if broken is None and shape == "depressed":
            origin, goal = _origin_and_target(entry)
            range_m = great_circle_m(*origin, goal.latitude_rad, goal.longitude_rad)
            broken = depressed_rule(range_m, apogee_m, fpa_rad)
        if broken is None and shape == "fobs":
            broken = _fobs_rule(entry, approach or "south")
    except UnusableKeyError:
        return
    if broken is not None:
        key, rule = broken
        yield Problem(f"{path}.{key}", show_value(entry[key]) if key in entry else None, rule)


def _platform_problems(entry: Mapping[str, Any], path: str) -> Iterator[Problem]:
    """A ``launch_platform`` beside a launch area; an origin whose platform does not launch
    the entry's class (a bomber release area for a ballistic class, a submarine for an
    air-launched cruise missile)."""
    try:
        class_name, area, point, given = (
            field_value(RaidEntrySpec, name, entry)
            for name in ("class_", "from_", "sea_launch_point", "launch_platform")
        )
    except UnusableKeyError:
        return
    if (area is None) == (point is None):
        return
    if area is not None and given is not None:
        yield Problem(f"{path}.launch_platform", show_value(entry.get("launch_platform")),
                      LAUNCH_PLATFORM_WITH_AREA)  # fmt: skip
        return
    cls = threat_classes()[class_name]
    platforms = list(cls.launch_platforms) if isinstance(cls, CruiseClassSpec) else None
    area_platform = None if area is None else launch_areas()[area].launch_platform
    platform = origin_platform(area_platform, given, platforms)
    where = f"launch area {area}" if area is not None else "this sea point"
    rule = platform_rule(class_name, cls.type, platforms, platform, where)
    if rule is not None:
        key = "from" if area is not None else "launch_platform"
        yield Problem(f"{path}.{key}", show_value(entry.get(key)), rule)


def _glide_problems(entry: Mapping[str, Any], path: str) -> Iterator[Problem]:
    """A boost-glide or cruise entry that names a shape, a depressed arc's keys or decoys; a
    cruise entry without waypoints, or another with them."""
    try:
        class_name = field_value(RaidEntrySpec, "class_", entry)
    except UnusableKeyError:
        return
    cruise = isinstance(threat_classes()[class_name], CruiseClassSpec)
    route = waypoint_rule(class_name, cruise, "waypoints" in entry)
    if route is not None:
        yield Problem(f"{path}.waypoints", None, route)
    if cruise and route is None:
        yield from _route_problems(entry, path)
    if not cruise and not isinstance(threat_classes()[class_name], HgvClassSpec):
        return
    file_keys = ("shape", "apogee_km", "burnout_fpa_deg", "approach", "decoys", "decoy_type")
    broken = glide_rule(class_name, [k for k in file_keys if k in entry], cruise=cruise)
    if broken is not None:
        key, rule = broken
        yield Problem(f"{path}.{key}", show_value(entry.get(key)), rule)


def _route_problems(entry: Mapping[str, Any], path: str) -> Iterator[Problem]:
    """A cruise route that cannot be flown (:func:`goldendome.scenario.raid_shapes.route_rule`)."""
    try:
        class_name, points = (field_value(RaidEntrySpec, k, entry) for k in ("class_", "waypoints"))
        origin, goal = _origin_and_target(entry)
    except UnusableKeyError:
        return
    cls = threat_classes()[class_name]
    if not isinstance(cls, CruiseClassSpec) or not points:
        return
    rule = route_rule(
        class_name,
        cls.max_range_km,
        [origin[0], *(w.latitude_rad for w in points), goal.latitude_rad],
        [origin[1], *(w.longitude_rad for w in points), goal.longitude_rad],
    )
    if rule is not None:
        yield Problem(f"{path}.waypoints", None, rule)


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
        yield from _origin_problems(entry, path)
        window = None if duration_s is None else _window(entry, duration_s, duration)
        for rule in (window, _reach(entry)):
            if rule is not None:
                yield Problem(path, None, rule)
        yield from _platform_problems(entry, path)
        yield from _shape_problems(entry, path)
        yield from _glide_problems(entry, path)
