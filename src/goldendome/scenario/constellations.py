"""Specs of satellite constellations; the ``kind`` key selects one, each builds its model."""

import math
from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from goldendome.orbits.base import Constellation
from goldendome.orbits.sensor_orbits import Geostationary, Molniya
from goldendome.orbits.walker import Walker
from goldendome.scenario.base import KM_TO_M, SpecModel
from goldendome.scenario.element_sets import ElementListSpec, TleSetSpec
from goldendome.scenario.orbit_quantities import (
    Altitude,
    Inclination,
    Longitude,
    PlaneCount,
    Role,
    SatelliteCount,
)
from goldendome.scenario.quantities import Bounded


class _WalkerSpec(SpecModel):
    role: Role
    altitude_m: Altitude = Field(alias="altitude_km")
    inclination_rad: Inclination = Field(alias="inclination_deg")
    satellites: SatelliteCount
    planes: PlaneCount
    phasing: Annotated[int, Bounded("Walker phasing must not be negative", ge=0)] = 0
    raan_offset_rad: Longitude = Field(default=0.0, alias="raan_offset_deg")

    @model_validator(mode="after")
    def _pattern_is_consistent(self) -> "_WalkerSpec":
        if self.satellites % self.planes:
            raise PydanticCustomError(
                "walker_pattern",
                "satellites = {t} is not a multiple of planes = {p}: a Walker pattern puts "
                "the same number of satellites in every plane",
                {"t": self.satellites, "p": self.planes},
            )
        if self.phasing >= self.planes:
            raise PydanticCustomError(
                "walker_pattern",
                "phasing = {f} must be less than planes = {p} (Walker i:t/p/f has 0 <= f < p)",
                {"f": self.phasing, "p": self.planes},
            )
        return self

    def _build(self, name: str, raan_spread_rad: float) -> Constellation:
        return Walker(
            name=name,
            role=self.role,
            altitude_m=self.altitude_m,
            inclination_rad=self.inclination_rad,
            satellites=self.satellites,
            planes=self.planes,
            phasing=self.phasing,
            raan_spread_rad=raan_spread_rad,
            raan_offset_rad=self.raan_offset_rad,
        )


class WalkerDeltaSpec(_WalkerSpec):
    """Walker delta i:t/p/f: ascending nodes spread over 360 deg (Walker 1984)."""

    kind: Literal["walker_delta"]

    def build(self, name: str) -> Constellation:
        """The constellation model this spec describes."""
        return self._build(name, 2.0 * math.pi)


class WalkerStarSpec(_WalkerSpec):
    """Walker star (polar) pattern: ascending nodes spread over 180 deg."""

    kind: Literal["walker_star"]

    def build(self, name: str) -> Constellation:
        """The constellation model this spec describes."""
        return self._build(name, math.pi)


class GeostationarySpec(SpecModel):
    """Satellites parked over fixed longitudes on the geostationary ring."""

    kind: Literal["geostationary"]
    role: Role
    longitudes_rad: Annotated[list[Longitude], Field(min_length=1, alias="longitudes_deg")]

    def build(self, name: str) -> Constellation:
        """The constellation model this spec describes."""
        return Geostationary(name=name, role=self.role, longitudes_rad=tuple(self.longitudes_rad))


class MolniyaSpec(SpecModel):
    """Highly elliptical 12-hour (Molniya-type) orbits at the critical inclination 63.4 deg."""

    kind: Literal["molniya"]
    role: Role
    apogee_longitudes_rad: Annotated[
        list[Longitude], Field(min_length=1, alias="apogee_longitudes_deg")
    ]
    perigee_altitude_m: Annotated[
        float, Bounded("perigee must be above the atmosphere", "km", ge=200, le=20_000), KM_TO_M
    ] = Field(default=600_000.0, alias="perigee_altitude_km")

    def build(self, name: str) -> Constellation:
        """The constellation model this spec describes."""
        return Molniya(
            name=name,
            role=self.role,
            apogee_longitudes_rad=tuple(self.apogee_longitudes_rad),
            perigee_altitude_m=self.perigee_altitude_m,
        )


ConstellationSpec = Annotated[
    WalkerDeltaSpec
    | WalkerStarSpec
    | GeostationarySpec
    | MolniyaSpec
    | ElementListSpec
    | TleSetSpec,
    Field(discriminator="kind"),
]
