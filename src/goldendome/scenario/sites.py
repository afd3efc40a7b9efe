"""Specs of places on the Earth: sensor and interceptor sites, and defended assets."""

import math
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from goldendome.scenario.base import DEG_TO_RAD, KM_TO_M, SpecModel, cross_field_error
from goldendome.scenario.quantities import Bounded
from goldendome.scenario.ranges import RangedProbability

Latitude = Annotated[
    float,
    Bounded(
        "latitude must lie between the poles",
        "deg",
        ge=-90,
        le=90,
        upper="latitude must lie between the poles, at most {bound}",
    ),
    DEG_TO_RAD,
]
Longitude = Annotated[
    float, Bounded("longitude must lie in [-180, 360) deg", "deg", ge=-180, lt=360), DEG_TO_RAD
]
SiteAltitude = Annotated[
    float,
    Bounded(
        "site altitude must be between the Dead Sea and 15 km (an aircraft on station)",
        "m",
        ge=-500,
        le=15_000,
        upper="a site is at most {bound} up (an airborne radar's orbit station)",
    ),
]
Name = Annotated[str, Field(min_length=1, max_length=120)]
#: goldendome assumption: a city is defended out to 25 km from its center (about the radius
#: of the larger US city proper areas); set ``radius_km`` per asset.
DEFENDED_RADIUS_KM = 25.0


def _radar_type(value: str) -> str:
    from goldendome.sensors.radar_type import radar_types

    if value not in radar_types():
        raise PydanticCustomError(
            "unknown_name",
            "unknown radar type; known: {known}",
            {"known": ", ".join(radar_types())},
        )
    return value


class RadarSiteSpec(SpecModel):
    """The radar at a site: its type (``data/radars.toml``) and where its faces point."""

    type: Annotated[str, AfterValidator(_radar_type)]
    boresight_azimuth_rad: Annotated[
        float,
        Bounded("azimuth must lie in [0, 360) deg", "deg", ge=0, lt=360),
        DEG_TO_RAD,
    ] = Field(alias="boresight_azimuth_deg")
    boresight_elevation_rad: Annotated[
        float | None,
        Bounded("a radar must look above the horizon (0 to 90 deg)", "deg", ge=0, le=90),
        AfterValidator(lambda v: None if v is None else math.radians(v)),
    ] = Field(default=None, alias="boresight_elevation_deg")
    faces: Annotated[int, Bounded("a radar has 1 to 4 faces", ge=1, le=4)] = 1


def site_altitude_rule(altitude_m: float, radar_type: str | None) -> str | None:
    """The rule a site's ``altitude_m`` breaks for its radar type (or without one), or None.

    A ground site stands between the Dead Sea and Everest (-500 to 9,000 m); an airborne
    radar's site is its orbit station, flown between the type's platform altitudes
    (``radars.toml``; the racetrack itself, a few tens of km, is small against the radar's
    range and is not flown).
    """
    from goldendome.sensors.radar_platform import GROUND_ALTITUDE_M
    from goldendome.sensors.radar_type import radar_types

    kind = radar_types().get(radar_type) if radar_type is not None else None
    if kind is not None and kind.platform == "airborne":
        low, high = kind.min_platform_altitude_m, kind.max_platform_altitude_m
        if not low <= altitude_m <= high:
            return (
                f"an airborne radar of type '{kind.name}' flies on station between {low:g} "
                f"and {high:g} m"
            )
        return None
    if kind is not None and kind.platform == "space":
        return (
            f"radar type '{kind.name}' is carried by satellites (a [space] layer with role = "
            "'air_moving_target'), not by a site"
        )
    low, high = GROUND_ALTITUDE_M
    if not low <= altitude_m <= high:
        return (
            f"a site on the ground stands between the Dead Sea and Everest ({low:g} to "
            f"{high:g} m); only an airborne radar flies higher"
        )
    return None


def _interceptor_type(value: str) -> str:
    from goldendome.interceptors.ground_based import interceptor_types

    if value not in interceptor_types():
        raise PydanticCustomError(
            "unknown_name",
            "unknown interceptor type; known: {known}",
            {"known": ", ".join(interceptor_types())},
        )
    return value


KillProbability = RangedProbability | None
#: A kill probability against a glide vehicle or a cruise missile: a number only (the
#: trials scale it with the draw of the RV figure, as they scale the catalog's).
RegimeKillProbability = (
    Annotated[float, Bounded("a kill probability lies in [0, 1]", ge=0, le=1)] | None
)


class InterceptorTypeSettings(SpecModel):
    """``[interceptor_types.<type>]``: a type's single-shot kill probabilities in this
    scenario, against an RV and a decoy (numbers or ranges; unset: the catalog's), and
    against a glide vehicle and a cruise missile (numbers; a type the catalog gives 0 for a
    regime does not engage that regime until one is given here). A battery's own
    (``sspk_rv`` in its ``interceptors`` entry) takes precedence."""

    sspk_rv: KillProbability = None
    sspk_decoy: KillProbability = None
    sspk_glide: RegimeKillProbability = None
    sspk_cruise: RegimeKillProbability = None


#: ``[interceptor_types]``: settings by type name (``data/interceptors.toml``).
InterceptorTypes = dict[Annotated[str, AfterValidator(_interceptor_type)], InterceptorTypeSettings]


class BatterySpec(SpecModel):
    """Interceptors of one type at a site (``data/interceptors.toml``) and how many, with
    the battery's own single-shot kill probabilities against an RV, a decoy, a glide vehicle
    and a cruise missile where the scenario believes them different from the type's (None:
    the type's)."""

    type: Annotated[str, AfterValidator(_interceptor_type)]
    count: Annotated[int, Bounded("a magazine holds 0 to 10,000 interceptors", ge=0, le=10_000)]
    sspk_rv: KillProbability = None
    sspk_decoy: KillProbability = None
    sspk_glide: RegimeKillProbability = None
    sspk_cruise: RegimeKillProbability = None


def battery_site_rule(role: str, has_interceptors: bool) -> str | None:
    """The rule a site breaks when it holds interceptors but is not an interceptor site."""
    if has_interceptors and role != "interceptor":
        return f"only a site with role = 'interceptor' holds interceptors (this one is '{role}')"
    return None


class SiteSpec(SpecModel):
    """A fixed (or station-keeping) site: a radar, an interceptor base or a command center."""

    name: Name
    role: Literal["radar", "interceptor", "command"]
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] = "US"
    latitude_rad: Latitude = Field(alias="latitude_deg")
    longitude_rad: Longitude = Field(alias="longitude_deg")
    altitude_m: SiteAltitude = 0.0
    min_elevation_rad: Annotated[
        float,
        Bounded("the elevation mask must lie in [0, 90) deg", "deg", ge=0, lt=90),
        DEG_TO_RAD,
    ] = Field(default=0.0, alias="min_elevation_deg")
    radar: RadarSiteSpec | None = None
    interceptors: list[BatterySpec] = Field(default_factory=list)

    @model_validator(mode="after")
    def _batteries_at_interceptor_sites(self) -> "SiteSpec":
        rule = battery_site_rule(self.role, bool(self.interceptors))
        if rule is not None:
            raise cross_field_error(rule)
        return self

    @model_validator(mode="after")
    def _altitude_fits_the_platform(self) -> "SiteSpec":
        rule = site_altitude_rule(self.altitude_m, None if self.radar is None else self.radar.type)
        if rule is not None:
            raise cross_field_error(rule)
        return self


class DefendedAssetSpec(SpecModel):
    """A place the defense protects: a city (weighted by population) or a military site."""

    name: Name
    kind: Literal["city", "military"]
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] = "US"
    latitude_rad: Latitude = Field(alias="latitude_deg")
    longitude_rad: Longitude = Field(alias="longitude_deg")
    population: Annotated[
        int,
        Bounded(
            "population must not be negative",
            ge=0,
            le=100_000_000,
            upper="population must be at most {bound} (the largest cities hold about 40 million)",
        ),
    ] = 0
    radius_m: Annotated[
        float,
        Bounded("a defended area's radius must lie in (0, 500] km", "km", gt=0, le=500),
        KM_TO_M,
    ] = Field(default=DEFENDED_RADIUS_KM * 1e3, alias="radius_km")
    value: (
        Annotated[
            float,
            Bounded("value must not be negative", ge=0, le=1e12, upper="value is at most {bound}"),
        ]
        | None
    ) = None

    def worth(self) -> float:
        """What the asset is worth to the battle manager: ``value`` if given, else population."""
        return float(self.population) if self.value is None else self.value
