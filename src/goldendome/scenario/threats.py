"""Specs of the threat raid: which classes fly from where to which targets, and when, on
which trajectory shape (minimum-energy, lofted, depressed to an apogee or a burnout angle, or a
fractional orbit from the south or the north), from a catalog launch area or a point at sea
(a submarine, a ship or a bomber over the sea)."""

import difflib
import math
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from goldendome.scenario.base import DEG_TO_RAD, KM_TO_M, SpecModel, cross_field_error
from goldendome.scenario.catalog import (
    BallisticClassSpec,
    CruiseClassSpec,
    HgvClassSpec,
    launch_areas,
    targets,
    threat_classes,
)
from goldendome.scenario.quantities import Bounded
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
from goldendome.scenario.sites import Latitude, Longitude
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


def raid_class_name(value: str) -> str:
    """A known class a raid can fly (ballistic, boost-glide or cruise), or an error naming
    the closest known ones."""
    name = known_name("threat class", value, list(threat_classes()))
    if not isinstance(threat_classes()[name], (BallisticClassSpec, HgvClassSpec, CruiseClassSpec)):
        raise PydanticCustomError(
            "unsupported", "{name} is not a class a raid can fly", {"name": name}
        )
    return name


BallisticClassName = Annotated[str, AfterValidator(ballistic_class_name)]
RaidClassName = Annotated[str, AfterValidator(raid_class_name)]
LaunchAreaName = Annotated[str, AfterValidator(launch_area_name)]
TargetName = Annotated[str, AfterValidator(target_name)]


def land_rule(latitude_rad: float, longitude_rad: float) -> str | None:
    """The rule a sea launch point breaks when it lies on land (Natural Earth 1:10m countries,
    :func:`goldendome.geography.borders.territory`; loaded on first use, about 1 s)."""
    from goldendome.geography.borders import territory

    ground = territory([latitude_rad], [longitude_rad])
    if not bool(ground.on_land[0]):
        return None
    return (
        f"this point lies on land, in {ground.country[0]} (Natural Earth 1:10m borders); a "
        f"submarine launch point must be at sea: move it offshore"
    )


class SeaPointSpec(SpecModel):
    """A launch point at sea: a submarine's position in its patrol area."""

    latitude_rad: Latitude = Field(alias="latitude_deg")
    longitude_rad: Longitude = Field(alias="longitude_deg")

    @model_validator(mode="after")
    def _at_sea(self) -> "SeaPointSpec":
        rule = land_rule(self.latitude_rad, self.longitude_rad)
        if rule is not None:
            raise PydanticCustomError("on_land", "{rule}", {"rule": rule})
        return self

    @property
    def label(self) -> str:
        """The point as ``"sea 33.00N 60.00W"`` (the raid tables' ``launch_area``)."""
        lat, lon = math.degrees(self.latitude_rad), math.degrees(self.longitude_rad)
        lon = (lon + 180.0) % 360.0 - 180.0
        return (
            f"sea {abs(lat):.2f}{'N' if lat >= 0 else 'S'} {abs(lon):.2f}{'E' if lon >= 0 else 'W'}"
        )


class WaypointSpec(SpecModel):
    """A point a cruise missile's route passes over (geodetic)."""

    latitude_rad: Latitude = Field(alias="latitude_deg")
    longitude_rad: Longitude = Field(alias="longitude_deg")


class RaidEntrySpec(SpecModel):
    """``count`` missiles of one class from one launch area (or a point at sea) at one
    target, on one trajectory shape."""

    class_: RaidClassName = Field(alias="class")
    from_: LaunchAreaName | None = Field(default=None, alias="from")
    #: A launch point at sea instead of a catalog launch area (``from``).
    sea_launch_point: SeaPointSpec | None = None
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
    shape: Literal["minimum_energy", "lofted", "depressed", "fobs"] = "minimum_energy"
    #: The side a fractional orbit (``shape = "fobs"``) comes at its target from.
    approach: Literal["south", "north"] | None = None
    #: What launches from a sea point (``sea_launch_point``): a submarine (the default for
    #: ballistic classes), a ship, or a bomber over the sea.
    launch_platform: Literal["submarine", "ship", "bomber"] | None = None
    #: A depressed arc's apogee altitude (``shape = "depressed"``), meters.
    apogee_m: Annotated[
        float | None,
        Bounded(
            "a depressed apogee must be at least 50 km (lower, the warhead would fly its whole "
            "course in the dense atmosphere)",
            "km",
            ge=50,
            le=40_000,
            upper="an apogee lies below {bound}",
        ),
        KM_TO_M,
    ] = Field(default=None, alias="apogee_km")
    #: A depressed arc's burnout flight-path angle (``shape = "depressed"``), radians.
    burnout_fpa_rad: Annotated[
        float | None,
        Bounded(
            "a depressed burnout flight-path angle lies above the horizontal",
            "deg",
            gt=0,
            lt=90,
            upper="a depressed burnout flight-path angle lies below the vertical, less than "
            "{bound}",
        ),
        DEG_TO_RAD,
    ] = Field(default=None, alias="burnout_fpa_deg")
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
    #: A cruise missile's route from its launch to its target: the points it turns over.
    waypoints: Annotated[list[WaypointSpec], Field(min_length=1)] | None = None

    def origin_lat_lon_rad(self) -> tuple[float, float]:
        """Latitude and longitude of the launch (area or sea point), radians."""
        if self.sea_launch_point is not None:
            return self.sea_launch_point.latitude_rad, self.sea_launch_point.longitude_rad
        area = launch_areas()[str(self.from_)]
        return area.latitude_rad, area.longitude_rad

    @property
    def origin_label(self) -> str:
        """The launch area's name, or the sea point as ``"sea 33.00N 60.00W"``."""
        return self.sea_launch_point.label if self.sea_launch_point is not None else str(self.from_)

    def range_m(self) -> float:
        """Great-circle distance from the launch to the target on the mean sphere, meters."""
        goal = targets()[self.to]
        return great_circle_m(*self.origin_lat_lon_rad(), goal.latitude_rad, goal.longitude_rad)

    @property
    def cruises(self) -> bool:
        """The entry flies a cruise-missile class (``type = "cruise"`` in the catalog)."""
        return isinstance(threat_classes()[self.class_], CruiseClassSpec)

    @property
    def orbits(self) -> bool:
        """The entry flies a fractional orbit (``shape = "fobs"``)."""
        return self.shape == "fobs"

    @property
    def fobs_approach(self) -> str:
        """The side a fractional orbit comes at its target from (``"south"`` by default)."""
        return self.approach or "south"

    @property
    def platform(self) -> str:
        """What launches the entry's missiles: ``ground``, ``bomber``, ``submarine`` or
        ``ship`` (:func:`goldendome.scenario.raid_shapes.origin_platform`)."""
        area = None if self.from_ is None else launch_areas()[self.from_].launch_platform
        cls = threat_classes()[self.class_]
        platforms = list(cls.launch_platforms) if isinstance(cls, CruiseClassSpec) else None
        return origin_platform(area, self.launch_platform, platforms)

    @property
    def glides(self) -> bool:
        """The entry flies a boost-glide class (``type = "hgv"`` in the catalog)."""
        return isinstance(threat_classes()[self.class_], HgvClassSpec)

    @model_validator(mode="after")
    def _origin_and_shape(self) -> "RaidEntrySpec":
        rule = origin_rule(self.from_ is not None, self.sea_launch_point is not None)
        if rule is not None:
            raise cross_field_error(rule)
        if self.glides or self.cruises:
            given = [k for k in GLIDE_REFUSED_KEYS if k in self.model_fields_set]
            glide = glide_rule(self.class_, given, cruise=self.cruises)
            if glide is not None:
                raise cross_field_error(f"{glide[0]}: {glide[1]}")
        route = waypoint_rule(self.class_, self.cruises, self.waypoints is not None)
        if route is not None:
            raise cross_field_error(f"waypoints: {route}")
        cls = threat_classes()[self.class_]
        if isinstance(cls, CruiseClassSpec) and self.waypoints:
            goal = targets()[self.to]
            (lat0, lon0), points = self.origin_lat_lon_rad(), self.waypoints
            route = route_rule(
                self.class_,
                cls.max_range_km,
                [lat0, *(w.latitude_rad for w in points), goal.latitude_rad],
                [lon0, *(w.longitude_rad for w in points), goal.longitude_rad],
            )
            if route is not None:
                raise cross_field_error(f"waypoints: {route}")
        if self.from_ is not None and self.launch_platform is not None:
            raise cross_field_error(f"launch_platform: {LAUNCH_PLATFORM_WITH_AREA}")
        platforms = list(cls.launch_platforms) if isinstance(cls, CruiseClassSpec) else None
        where = f"launch area {self.from_}" if self.from_ is not None else "this sea point"
        wrong = platform_rule(self.class_, cls.type, platforms, self.platform, where)
        if wrong is not None:
            key = "from" if self.from_ is not None else "launch_platform"
            raise cross_field_error(f"{key}: {wrong}")
        broken = shape_rule(
            self.shape,
            self.apogee_m is not None,
            self.burnout_fpa_rad is not None,
            self.approach is not None,
        )
        if broken is None and self.shape == "depressed":
            broken = depressed_rule(self.range_m(), self.apogee_m, self.burnout_fpa_rad)
        if broken is None and self.shape == "fobs":
            broken = self._fobs_rule()
        if broken is not None:
            raise cross_field_error(f"{broken[0]}: {broken[1]}")
        return self

    def _fobs_rule(self) -> tuple[str, str] | None:
        cls = threat_classes()[self.class_]
        rule = fobs_class_rule(self.class_, isinstance(cls, BallisticClassSpec) and cls.orbits)
        if rule is not None:
            return "shape", rule
        goal = targets()[self.to]
        rule = approach_rule(
            self.fobs_approach, *self.origin_lat_lon_rad(), goal.latitude_rad, goal.longitude_rad
        )
        return None if rule is None else ("approach", rule)


#: The rule of ``launch_platform`` given with a launch area.
LAUNCH_PLATFORM_WITH_AREA = (
    "launch_platform says what launches from a sea_launch_point; a launch area has its own "
    'platform (data/launch_areas.toml: bomber release areas say platform = "bomber", other '
    "sea areas launch from submarines): remove launch_platform or give sea_launch_point"
)


#: Fields a boost-glide entry refuses: its booster's arc is set by the glide (a pull-up into
#: equilibrium glide), and it carries one glide vehicle, no decoys.
GLIDE_REFUSED_KEYS = ("shape", "apogee_m", "burnout_fpa_rad", "approach", "decoys", "decoy_type")
_FILE_KEYS = {"apogee_m": "apogee_km", "burnout_fpa_rad": "burnout_fpa_deg"}


def glide_rule(
    class_name: str, given: list[str], *, cruise: bool = False
) -> tuple[str, str] | None:
    """``(key, rule)`` for the first key a boost-glide (or cruise) entry may not take, else
    None."""
    if not given:
        return None
    key = _FILE_KEYS.get(given[0], given[0])
    if cruise:
        return key, (
            f"{class_name} is a cruise-missile class: it flies its waypoints at low altitude "
            f"and carries no decoys, so {key} does not apply; remove {key}"
        )
    return key, (
        f"{class_name} is a boost-glide class: its booster flies the arc that brings the "
        f"glider to its pull-up, and it carries one glide vehicle and no decoys, so {key} "
        f"does not apply; remove {key}"
    )


def waypoint_rule(class_name: str, cruise: bool, has_waypoints: bool) -> str | None:
    """The rule an entry breaks when a cruise class has no route or another class has one."""
    if cruise and not has_waypoints:
        return (
            f"{class_name} is a cruise-missile class and needs its route: waypoints = "
            f"[{{ latitude_deg = ..., longitude_deg = ... }}, ...], at least one point between "
            f"its launch and its target"
        )
    if has_waypoints and not cruise:
        return (
            f"waypoints are a cruise missile's route; {class_name} is not a cruise-missile "
            f"class: remove waypoints"
        )
    return None


class ThreatsSpec(SpecModel):
    """The raid: a list of entries (``[[threats.raid]]``)."""

    raid: list[RaidEntrySpec] = Field(default_factory=list)
