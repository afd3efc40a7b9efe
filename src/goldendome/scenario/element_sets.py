"""Specs of constellations given satellite by satellite: explicit elements, or TLE text.

The role, altitude and inclination rules are shared with the other constellation specs
through :mod:`goldendome.scenario.orbit_quantities`.
"""

import math
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field, PrivateAttr, field_validator, model_validator
from pydantic_core import PydanticCustomError

from goldendome.data.files import UnusableFileError, read_text_file
from goldendome.orbits.tle import TleFormatError, parse_tle_lines
from goldendome.physics.constants import MU_EARTH_M3_S2, SECONDS_PER_DAY, WGS84_A_M
from goldendome.scenario.base import DEG_TO_RAD, KM_TO_M, SpecModel, cross_field_error
from goldendome.scenario.orbit_quantities import (
    DECAYS,
    MIN_ORBIT_ALTITUDE_KM,
    Altitude,
    Inclination,
    Role,
)
from goldendome.scenario.quantities import Bounded

if TYPE_CHECKING:  # the orbit models (NumPy, numba, SGP4) load when a spec is built
    from goldendome.orbits.base import Constellation

_WGS84_A_KM = WGS84_A_M / 1_000.0
#: Largest TLE file read (the whole public catalog is a few megabytes).
MAX_TLE_FILE_BYTES = 50_000_000

SemiMajorAxis = Annotated[
    float,
    Bounded(
        "semi-major axis must exceed the Earth's equatorial radius and stay below the Moon",
        "km",
        gt=_WGS84_A_KM,
        lt=384_400,
    ),
    KM_TO_M,
]
Angle = Annotated[
    float, Bounded("angle must lie between -360 and 360 deg", "deg", ge=-360, le=360), DEG_TO_RAD
]
Eccentricity = Annotated[
    float, Bounded("eccentricity of a closed orbit must lie in [0, 1)", ge=0, lt=1)
]


def orbit_size_rule(altitude_m: float | None, semi_major_axis_m: float | None) -> str | None:
    """The rule a satellite breaks unless exactly one of its sizes is given."""
    if (altitude_m is None) == (semi_major_axis_m is None):
        return (
            "give the orbit's size as exactly one of altitude_km (above the equatorial "
            "radius) or semi_major_axis_km"
        )
    return None


def perigee_rule(a_m: float, eccentricity: float) -> str | None:
    """The rule an orbit of axis ``a_m`` and ``eccentricity`` breaks when its perigee is
    less than :data:`MIN_ORBIT_ALTITUDE_KM` above the equatorial radius."""
    perigee_km = (a_m * (1.0 - eccentricity) - WGS84_A_M) / 1_000.0
    if perigee_km >= MIN_ORBIT_ALTITUDE_KM:
        return None
    where = "inside the Earth" if perigee_km <= 0 else f"below {MIN_ORBIT_ALTITUDE_KM:,.0f} km"
    return (
        f"perigee altitude a (1 - e) - {_WGS84_A_KM:,.3f} km = {perigee_km:,.1f} km is {where}: "
        f"{DECAYS}; lower the eccentricity or raise the orbit"
    )


class SatelliteElementsSpec(SpecModel):
    """One satellite's mean elements at the scenario epoch; its size as altitude or axis."""

    altitude_m: Altitude | None = Field(default=None, alias="altitude_km")
    semi_major_axis_m: SemiMajorAxis | None = Field(default=None, alias="semi_major_axis_km")
    eccentricity: Eccentricity = 0.0
    inclination_rad: Inclination = Field(alias="inclination_deg")
    raan_rad: Angle = Field(alias="raan_deg")
    arg_perigee_rad: Angle = Field(default=0.0, alias="arg_perigee_deg")
    mean_anomaly_rad: Angle = Field(alias="mean_anomaly_deg")

    @model_validator(mode="after")
    def _size_and_perigee(self) -> "SatelliteElementsSpec":
        rule = orbit_size_rule(self.altitude_m, self.semi_major_axis_m) or perigee_rule(
            self.a_m, self.eccentricity
        )
        if rule is not None:
            raise cross_field_error(rule)
        return self

    @property
    def a_m(self) -> float:
        """Semi-major axis, meters (altitude measured from the equatorial radius)."""
        if self.semi_major_axis_m is not None:
            return self.semi_major_axis_m
        return WGS84_A_M + (self.altitude_m or 0.0)


class ElementListSpec(SpecModel):
    """Satellites listed one by one with their mean elements at the scenario epoch."""

    kind: Literal["elements"]
    role: Role
    satellites: list[SatelliteElementsSpec]

    @field_validator("satellites")
    @classmethod
    def _not_empty(cls, satellites: list[SatelliteElementsSpec]) -> list[SatelliteElementsSpec]:
        if not satellites:
            raise PydanticCustomError(
                "no_satellites", "a constellation needs at least one satellite"
            )
        return satellites

    def build(self, name: str) -> "Constellation":
        """The constellation model this spec describes."""
        sats = self.satellites
        from goldendome.orbits.element_list import ElementList

        return ElementList(
            name=name,
            role=self.role,
            semi_major_axis_m=tuple(s.a_m for s in sats),
            eccentricity=tuple(s.eccentricity for s in sats),
            inclination_rad=tuple(s.inclination_rad for s in sats),
            raan_rad=tuple(s.raan_rad for s in sats),
            arg_perigee_rad=tuple(s.arg_perigee_rad for s in sats),
            mean_anomaly_rad=tuple(s.mean_anomaly_rad for s in sats),
        )


def _tle_perigee(number: int, line2: str) -> None:
    """Refuse an element set whose perigee is below the lowest orbit a constellation uses."""
    eccentricity = float("0." + line2[26:33])
    mean_motion_rad_s = float(line2[52:63]) * 2.0 * math.pi / SECONDS_PER_DAY
    a_m = (MU_EARTH_M3_S2 / mean_motion_rad_s**2) ** (1.0 / 3.0)
    rule = perigee_rule(a_m, eccentricity)
    if rule is not None:
        raise PydanticCustomError(
            "tle_perigee", "satellite #{n}: {rule}", {"n": number, "rule": rule}
        )


def _parsed(text: str) -> tuple[tuple[str, str], ...]:
    try:
        lines = tuple((line1, line2) for _, line1, line2 in parse_tle_lines(text))
    except TleFormatError as exc:
        raise PydanticCustomError("tle_format", "{message}", {"message": str(exc)}) from None
    for number, (_, line2) in enumerate(lines, start=1):
        _tle_perigee(number, line2)
    return lines


def _read(path: str) -> str:
    try:
        return read_text_file(
            path, limit_bytes=MAX_TLE_FILE_BYTES, what="TLE file", text="two-line element text"
        )
    except UnusableFileError as exc:
        what = "does not exist" if exc.missing else exc.rule
        raise PydanticCustomError(
            "tle_file",
            "{path} {what}: give the path of a TLE text file (relative paths start from the "
            "directory goldendome runs in), or paste the lines under tle = '''...'''",
            {"path": str(Path(path).resolve()), "what": what},
        ) from None


def tle_source_rule(tle: str | None, tle_file: str | None) -> str | None:
    """The rule a TLE layer breaks unless exactly one of ``tle`` and ``tle_file`` is given."""
    if (tle is None) == (tle_file is None):
        return (
            "give the element sets either as tle = '''...''' (the lines themselves) "
            'or as tle_file = "path", not both and not neither'
        )
    return None


class TleSetSpec(SpecModel):
    """Satellites given by two-line element sets, pasted (``tle``) or in a file (``tle_file``)."""

    kind: Literal["tle"]
    role: Role
    tle: str | None = None
    tle_file: str | None = None
    _lines: tuple[tuple[str, str], ...] = PrivateAttr(default=())

    @field_validator("tle")
    @classmethod
    def _tle_parses(cls, text: str | None) -> str | None:
        if text is not None:
            _parsed(text)
        return text

    @field_validator("tle_file")
    @classmethod
    def _tle_file_parses(cls, path: str | None) -> str | None:
        if path is not None:
            _parsed(_read(path))
        return path

    @model_validator(mode="after")
    def _one_source(self) -> "TleSetSpec":
        rule = tle_source_rule(self.tle, self.tle_file)
        if rule is not None:
            raise cross_field_error(rule)
        self._lines = _parsed(self.tle if self.tle is not None else _read(str(self.tle_file)))
        return self

    def build(self, name: str) -> "Constellation":
        """The constellation model this spec describes."""
        from goldendome.orbits.tle_set import TleSet

        return TleSet(name=name, role=self.role, lines=self._lines)
