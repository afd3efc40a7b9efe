"""Specs of places on the Earth: sensor and interceptor sites, and defended assets."""

from typing import Annotated, Literal

from pydantic import Field

from goldendome.scenario.base import DEG_TO_RAD, SpecModel
from goldendome.scenario.quantities import Bounded

Latitude = Annotated[
    float, Bounded("latitude must lie between the poles", "deg", ge=-90, le=90), DEG_TO_RAD
]
Longitude = Annotated[
    float, Bounded("longitude must lie in [-180, 360) deg", "deg", ge=-180, lt=360), DEG_TO_RAD
]
SiteAltitude = Annotated[
    float, Bounded("site altitude must be between the Dead Sea and Everest", "m", ge=-500, le=9_000)
]
Name = Annotated[str, Field(min_length=1, max_length=120)]


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


class DefendedAssetSpec(SpecModel):
    """A place the defense protects: a city (weighted by population) or a military site."""

    name: Name
    kind: Literal["city", "military"]
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] = "US"
    latitude_rad: Latitude = Field(alias="latitude_deg")
    longitude_rad: Longitude = Field(alias="longitude_deg")
    population: Annotated[int, Bounded("population must not be negative", ge=0, le=100_000_000)] = 0
