"""Specs of constellations given satellite by satellite: explicit elements, or TLE text.

The role, altitude and inclination rules are shared with the other constellation specs
through :mod:`goldendome.scenario.orbit_quantities`.
"""

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, PrivateAttr, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from goldendome.orbits.base import Constellation, SatelliteRole
from goldendome.orbits.element_list import ElementList
from goldendome.orbits.tle import TleFormatError, parse_tle_lines
from goldendome.orbits.tle_set import TleSet
from goldendome.physics.constants import WGS84_A_M
from goldendome.scenario.base import DEG_TO_RAD, KM_TO_M, SpecModel
from goldendome.scenario.orbit_quantities import Altitude, Inclination
from goldendome.scenario.quantities import Bounded

_WGS84_A_KM = WGS84_A_M / 1_000.0

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


class SatelliteElementsSpec(SpecModel):
    """One satellite's mean elements at the scenario epoch; its size as altitude or axis."""

    altitude_m: Altitude | None = Field(default=None, alias="altitude_km")
    semi_major_axis_m: SemiMajorAxis | None = Field(default=None, alias="semi_major_axis_km")
    eccentricity: Eccentricity = 0.0
    inclination_rad: Inclination = Field(alias="inclination_deg")
    raan_rad: Angle = Field(alias="raan_deg")
    arg_perigee_rad: Angle = Field(default=0.0, alias="arg_perigee_deg")
    mean_anomaly_rad: Angle = Field(alias="mean_anomaly_deg")

    @field_validator("eccentricity")
    @classmethod
    def _perigee_above_surface(cls, e: float, info: ValidationInfo) -> float:
        a = info.data.get("semi_major_axis_m")
        if a is None and info.data.get("altitude_m") is not None:
            a = WGS84_A_M + info.data["altitude_m"]
        if a is not None and a * (1.0 - e) <= WGS84_A_M:
            raise PydanticCustomError(
                "perigee_below_surface",
                "perigee must be above the surface: a (1 - e) = {perigee} km is not more "
                "than the Earth's equatorial radius {radius} km; lower the eccentricity or "
                "raise the orbit",
                {"perigee": f"{a * (1.0 - e) / 1_000.0:,.1f}", "radius": f"{_WGS84_A_KM:,.3f}"},
            )
        return e

    @model_validator(mode="after")
    def _one_size(self) -> "SatelliteElementsSpec":
        if (self.altitude_m is None) == (self.semi_major_axis_m is None):
            raise PydanticCustomError(
                "orbit_size",
                "give the orbit's size as exactly one of altitude_km (above the equatorial "
                "radius) or semi_major_axis_km",
            )
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
    role: SatelliteRole
    satellites: list[SatelliteElementsSpec]

    @field_validator("satellites")
    @classmethod
    def _not_empty(cls, satellites: list[SatelliteElementsSpec]) -> list[SatelliteElementsSpec]:
        if not satellites:
            raise PydanticCustomError(
                "no_satellites", "a constellation needs at least one satellite"
            )
        return satellites

    def build(self, name: str) -> Constellation:
        """The constellation model this spec describes."""
        sats = self.satellites
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


def _parsed(text: str) -> tuple[tuple[str, str], ...]:
    try:
        return tuple((line1, line2) for _, line1, line2 in parse_tle_lines(text))
    except TleFormatError as exc:
        raise PydanticCustomError("tle_format", "{message}", {"message": str(exc)}) from None


def _read(path: str) -> str:
    p = Path(path)
    if not p.is_file():
        what = "is a directory" if p.is_dir() else "does not exist"
        raise PydanticCustomError(
            "tle_file",
            "{path} {what}: give the path of a TLE text file (relative paths start from the "
            "directory goldendome runs in), or paste the lines under tle = '''...'''",
            {"path": str(p.resolve()), "what": what},
        )
    try:
        return p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "it is not UTF-8 text"
        raise PydanticCustomError(
            "tle_file", "the TLE file cannot be read: {reason}", {"reason": str(reason or exc)}
        ) from None


class TleSetSpec(SpecModel):
    """Satellites given by two-line element sets, pasted (``tle``) or in a file (``tle_file``)."""

    kind: Literal["tle"]
    role: SatelliteRole
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
        if (self.tle is None) == (self.tle_file is None):
            raise PydanticCustomError(
                "tle_source",
                "give the element sets either as tle = '''...''' (the lines themselves) or "
                'as tle_file = "path", not both and not neither',
            )
        self._lines = _parsed(self.tle if self.tle is not None else _read(str(self.tle_file)))
        return self

    def build(self, name: str) -> Constellation:
        """The constellation model this spec describes."""
        return TleSet(name=name, role=self.role, lines=self._lines)
