"""Specs of satellite constellations; the ``kind`` key selects one, each builds its model."""

import math
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field, model_validator

from goldendome.scenario.base import KM_TO_M, SpecModel, cross_field_error
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

if TYPE_CHECKING:  # the orbit models (NumPy, numba) load when a spec is built, not validated
    from goldendome.orbits.base import Constellation


def walker_pattern_rule(satellites: int, planes: int, phasing: int) -> str | None:
    """The rule a Walker pattern i:t/p/f breaks, or None (Walker 1984: t = s p, 0 <= f < p)."""
    if satellites % planes:
        return (
            f"satellites = {satellites} is not a multiple of planes = {planes}: a Walker "
            f"pattern puts the same number of satellites in every plane"
        )
    if phasing >= planes:
        return (
            f"phasing = {phasing} must be less than planes = {planes} (Walker i:t/p/f has "
            f"0 <= f < p)"
        )
    return None


class _WalkerSpec(SpecModel):
    role: Role
    altitude_m: Altitude = Field(alias="altitude_km")
    inclination_rad: Inclination = Field(alias="inclination_deg")
    satellites: SatelliteCount
    planes: PlaneCount
    phasing: Annotated[int, Bounded("Walker phasing must not be negative", ge=0, le=100_000)] = 0
    raan_offset_rad: Longitude = Field(default=0.0, alias="raan_offset_deg")

    @model_validator(mode="after")
    def _pattern_is_consistent(self) -> "_WalkerSpec":
        rule = walker_pattern_rule(self.satellites, self.planes, self.phasing)
        if rule is not None:
            raise cross_field_error(rule)
        return self

    def _build(self, name: str, raan_spread_rad: float) -> "Constellation":
        from goldendome.orbits.walker import Walker

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

    def build(self, name: str) -> "Constellation":
        """The constellation model this spec describes."""
        return self._build(name, 2.0 * math.pi)


class WalkerStarSpec(_WalkerSpec):
    """Walker star (polar) pattern: ascending nodes spread over 180 deg."""

    kind: Literal["walker_star"]

    def build(self, name: str) -> "Constellation":
        """The constellation model this spec describes."""
        return self._build(name, math.pi)


class GeostationarySpec(SpecModel):
    """Satellites parked over fixed longitudes on the geostationary ring."""

    kind: Literal["geostationary"]
    role: Role
    longitudes_rad: Annotated[list[Longitude], Field(min_length=1, alias="longitudes_deg")]

    def build(self, name: str) -> "Constellation":
        """The constellation model this spec describes."""
        from goldendome.orbits.sensor_orbits import Geostationary

        return Geostationary(name=name, role=self.role, longitudes_rad=tuple(self.longitudes_rad))


class MolniyaSpec(SpecModel):
    """Highly elliptical 12-hour (Molniya-type) orbits at the critical inclination 63.4 deg."""

    kind: Literal["molniya"]
    role: Role
    apogee_longitudes_rad: Annotated[
        list[Longitude], Field(min_length=1, alias="apogee_longitudes_deg")
    ]
    perigee_altitude_m: Annotated[
        float,
        Bounded(
            "perigee must be above the atmosphere",
            "km",
            ge=200,
            le=20_000,
            upper="a Molniya orbit's perigee is at most {bound}",
        ),
        KM_TO_M,
    ] = Field(default=600_000.0, alias="perigee_altitude_km")

    def build(self, name: str) -> "Constellation":
        """The constellation model this spec describes."""
        from goldendome.orbits.sensor_orbits import Molniya

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
