"""Radar types: what ``goldendome/data/radars.toml`` says of each kind of radar (reference
detection range, field of view, frame time, noise, cross sections by band and kind).

The file is validated by :class:`RadarCatalog` (file units, every problem with its key
path, value and rule) and then built into :class:`RadarType` objects in SI units.
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any

import numpy as np
from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from goldendome.data.loader import load_catalog, parse_catalog
from goldendome.data.quantities import Bounded
from goldendome.data.spec_model import SpecModel
from goldendome.physics._types import FloatArray, IntArray
from goldendome.sensors.radar_equation import scaled_snr, swerling1_pd, swerling1_snr
from goldendome.sensors.radar_platform import (
    GROUND_ALTITUDE_M,
    OPTIONAL_KEYS,
    PLATFORMS,
    PlatformSpec,
)
from goldendome.sensors.signatures import SIGNATURE_LABELS, SignatureValues

DATA_FILE = "radars.toml"
# Data file key -> (RadarType field, factor to SI).
_KEYS: dict[str, tuple[str, float]] = {
    "frequency_ghz": ("frequency_hz", 1e9),
    "reference_range_km": ("reference_range_m", 1e3),
    "reference_rcs_m2": ("reference_rcs_m2", 1.0),
    "reference_pd": ("reference_pd", 1.0),
    "reference_pfa": ("reference_pfa", 1.0),
    "fov_half_azimuth_deg": ("fov_half_azimuth_rad", math.pi / 180.0),
    "fov_half_elevation_deg": ("fov_half_elevation_rad", math.pi / 180.0),
    "boresight_elevation_deg": ("boresight_elevation_rad", math.pi / 180.0),
    "min_elevation_deg": ("min_elevation_rad", math.pi / 180.0),
    "face_spacing_deg": ("face_spacing_rad", math.pi / 180.0),
    "frame_time_s": ("frame_time_s", 1.0),
    "sigma_range_m": ("sigma_range_m", 1.0),
    "sigma_angle_mrad": ("sigma_angle_rad", 1e-3),
    "sigma_range_rate_m_s": ("sigma_range_rate_m_s", 1.0),
    "noise_floor_fraction": ("noise_floor_fraction", 1.0),
}
_TEXT_KEYS = ("name", "label", "band", "source", "platform")


def fail(key: str, value: float, rule: str, where: str = "") -> None:
    raise ValueError(f"{where}{key} = {value:g}: {rule}")


@dataclass(frozen=True)
class RadarType:
    """A kind of radar, in SI units (see ``radars.toml`` for each value's source).

    Attributes
    ----------
    name, label, band, source : str
    frequency_hz : float, Hz
    reference_range_m, reference_rcs_m2 : float, meters and square meters
        A target of this cross section at this range is detected with ``reference_pd``.
    reference_pd, reference_pfa : float
    fov_half_azimuth_rad, fov_half_elevation_rad : float, radians
        Field of view of one face about its boresight.
    boresight_elevation_rad : float, radians
        Usual face tilt (a default for sites).
    min_elevation_rad : float, radians
    face_spacing_rad : float, radians
        Azimuth between neighboring faces of a multi-face site (0: one face only).
    frame_time_s : float, seconds
    sigma_range_m, sigma_angle_rad, sigma_range_rate_m_s : float
        One-sigma noise at the reference SNR.
    noise_floor_fraction : float
        Noise never falls below this fraction of the reference values.
    rcs_m2 : tuple of (str, float)
        Radar cross section (m^2) of each signature class in this radar's band.
    platform : str
        One of :data:`PLATFORMS` (see ``radars.toml``, [PLATFORM]).
    min_platform_altitude_m, max_platform_altitude_m : float, meters
        Where a site of this type may stand or fly.
    min_ground_range_m, max_ground_range_m : float, meters
        A skywave radar's ground-range band.
    max_target_altitude_m : float, meters
        Objects above are not seen (inf: no limit).
    min_radial_speed_m_s : float, m/s
        Moving-target indication: slower objects (along the line of sight, relative to the
        ground) are not seen.
    report_latency_s : float, seconds
    """

    name: str
    label: str
    band: str
    source: str
    frequency_hz: float
    reference_range_m: float
    reference_rcs_m2: float
    reference_pd: float
    reference_pfa: float
    fov_half_azimuth_rad: float
    fov_half_elevation_rad: float
    boresight_elevation_rad: float
    min_elevation_rad: float
    face_spacing_rad: float
    frame_time_s: float
    sigma_range_m: float
    sigma_angle_rad: float
    sigma_range_rate_m_s: float
    noise_floor_fraction: float
    rcs_m2: tuple[tuple[str, float], ...]
    platform: str = "ground"
    min_platform_altitude_m: float = GROUND_ALTITUDE_M[0]
    max_platform_altitude_m: float = GROUND_ALTITUDE_M[1]
    min_ground_range_m: float = 0.0
    max_ground_range_m: float = math.inf
    max_target_altitude_m: float = math.inf
    min_radial_speed_m_s: float = 0.0
    report_latency_s: float = 0.0

    def __post_init__(self) -> None:
        where = f"radar type '{self.name}': "
        deg = math.degrees
        for key in ("frequency_ghz", "reference_range_km", "reference_rcs_m2", "frame_time_s"):
            value = getattr(self, _KEYS[key][0]) / _KEYS[key][1]
            if not value > 0.0:
                fail(key, value, "must be positive", where)
        for key in ("sigma_range_m", "sigma_angle_mrad", "sigma_range_rate_m_s"):
            value = getattr(self, _KEYS[key][0]) / _KEYS[key][1]
            if not value >= 0.0:
                fail(key, value, "a noise sigma cannot be negative", where)
        if not 0.0 < self.reference_pfa < self.reference_pd < 1.0:
            rule = f"needs 0 < reference_pfa ({self.reference_pfa:g}) < reference_pd < 1"
            fail("reference_pd", self.reference_pd, rule, where)
        for key in ("fov_half_azimuth_deg", "fov_half_elevation_deg"):
            value = deg(getattr(self, _KEYS[key][0]))
            if not 0.0 < value <= 180.0:
                fail(key, value, "the field of view must be wider than zero (0 to 180 deg)", where)
        for key, low, high in (
            ("boresight_elevation_deg", 0.0, 90.0),
            ("min_elevation_deg", -90.0, 90.0),
            ("face_spacing_deg", 0.0, 360.0),
        ):
            value = deg(getattr(self, _KEYS[key][0]))
            if not low <= value <= high:
                fail(key, value, f"must be between {low:g} and {high:g} deg", where)
        if not 0.0 <= self.noise_floor_fraction <= 1.0:
            fail("noise_floor_fraction", self.noise_floor_fraction, "must be in [0, 1]", where)
        for kind, rcs in self.rcs_m2:
            if not rcs > 0.0:
                fail(f"rcs_m2.{self.band}.{kind}", rcs, "must be positive", where)
        if self.platform not in PLATFORMS:
            raise ValueError(f"{where}platform = '{self.platform}': one of {', '.join(PLATFORMS)}")
        pairs = (
            ("min_platform_altitude_m", self.min_platform_altitude_m, self.max_platform_altitude_m),
            ("min_ground_range_km", self.min_ground_range_m / 1e3, self.max_ground_range_m / 1e3),
        )
        for key, low, high in pairs:
            if not low < high:
                fail(key, low, f"must be below the maximum ({high:g})", where)
        for key in ("max_target_altitude_km", "min_radial_speed_m_s", "report_latency_s"):
            field, scale = OPTIONAL_KEYS[key]
            if not getattr(self, field) >= 0.0:
                fail(key, getattr(self, field) / scale, "cannot be negative", where)

    @property
    def reference_snr(self) -> float:
        """Swerling 1 SNR (power ratio) giving ``reference_pd`` at ``reference_pfa``."""
        return float(swerling1_snr(self.reference_pd, self.reference_pfa))

    def snr(self, range_m: FloatArray, rcs_m2: FloatArray) -> FloatArray:
        """Mean SNR (power ratio) of targets ``(...)`` at ``range_m`` (m), ``rcs_m2`` (m^2)."""
        return scaled_snr(
            range_m, rcs_m2, self.reference_range_m, self.reference_rcs_m2, self.reference_snr
        )

    def detection_probability(self, range_m: FloatArray, rcs_m2: FloatArray) -> FloatArray:
        """Swerling 1 probability ``(...)`` of detecting targets in one frame."""
        return swerling1_pd(self.snr(range_m, rcs_m2), self.reference_pfa)

    def rcs_of(self, kind_names: tuple[str, ...]) -> FloatArray:
        """Cross sections (m^2) ``(len(kind_names),)`` of the named signature classes
        (object kinds, ``glider``, ``cruise``)."""
        table = dict(self.rcs_m2)
        for kind in kind_names:
            if kind not in table:
                raise ValueError(
                    f"object kind '{kind}' has no radar cross section in the {self.band} band "
                    f"of {DATA_FILE}; known kinds: {', '.join(table)}."
                )
        return np.array([table[k] for k in kind_names], dtype=np.float64)

    def rcs_by_code(self, codes: IntArray) -> FloatArray:
        """Cross sections (m^2) ``(n,)`` of signature codes ``(n,)`` (only those present
        must be in the band's table)."""
        present = np.unique(codes)
        lookup = np.zeros(len(SIGNATURE_LABELS))
        lookup[present] = self.rcs_of(tuple(SIGNATURE_LABELS[int(c)] for c in present))
        return np.asarray(lookup[codes], dtype=np.float64)


Positive = Annotated[float, Bounded("must be positive", gt=0, le=1e9)]
Sigma = Annotated[float, Bounded("a noise sigma cannot be negative", ge=0, le=1e6)]
OpenProbability = Annotated[float, Bounded("a probability lies strictly in (0, 1)", gt=0, lt=1)]
FieldOfView = Annotated[
    float, Bounded("the field of view must be wider than zero", "deg", gt=0, le=180)
]


class RadarTypeSpec(PlatformSpec):
    """One ``[[radar]]`` entry of ``radars.toml``, in the file's units."""

    name: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
    label: str
    band: str
    source: str
    frequency_ghz: Positive
    reference_range_km: Positive
    reference_rcs_m2: Positive
    reference_pd: OpenProbability
    reference_pfa: OpenProbability
    fov_half_azimuth_deg: FieldOfView
    fov_half_elevation_deg: FieldOfView
    boresight_elevation_deg: Annotated[
        float, Bounded("a face looks above the horizon", "deg", ge=0, le=90)
    ]
    min_elevation_deg: Annotated[float, Bounded("an elevation", "deg", ge=-90, le=90)]
    face_spacing_deg: Annotated[
        float, Bounded("faces are at most a turn apart (0: one face only)", "deg", ge=0, le=360)
    ]
    frame_time_s: Positive
    sigma_range_m: Sigma
    sigma_angle_mrad: Sigma
    sigma_range_rate_m_s: Sigma
    noise_floor_fraction: Annotated[float, Bounded("a fraction", ge=0, le=1)]

    @model_validator(mode="after")
    def _pd_above_pfa(self) -> "RadarTypeSpec":
        if not self.reference_pfa < self.reference_pd:
            raise PydanticCustomError(
                "reference_pd",
                "reference_pd = {pd} must exceed reference_pfa = {pfa}",
                {"pd": self.reference_pd, "pfa": self.reference_pfa},
            )
        return self

    def build(self, rcs_m2: SignatureValues) -> RadarType:
        """The radar type in SI units, with its band's cross sections."""
        values: dict[str, Any] = {key: str(getattr(self, key)) for key in _TEXT_KEYS}
        values |= {
            field: float(getattr(self, key)) * scale for key, (field, scale) in _KEYS.items()
        }
        values |= {
            field: float(getattr(self, key)) * scale
            for key, (field, scale) in OPTIONAL_KEYS.items()
            if getattr(self, key) is not None
        }
        values["rcs_m2"] = tuple((str(k), float(v)) for k, v in rcs_m2.model_dump().items())
        return RadarType(**values)


class RadarCatalog(SpecModel):
    """``radars.toml``: cross sections by band and object kind, and the radar types."""

    rcs_m2: dict[str, SignatureValues]
    radar: Annotated[list[RadarTypeSpec], Field(min_length=1)]

    @model_validator(mode="after")
    def _bands_known_and_names_unique(self) -> "RadarCatalog":
        unknown = [
            f'radar[{i}].band = "{r.band}"'
            for i, r in enumerate(self.radar)
            if r.band not in self.rcs_m2
        ]
        if unknown:
            raise PydanticCustomError(
                "radar_band",
                "{unknown}: no [rcs_m2.<band>] table gives its cross sections; bands with one: "
                "{bands}",
                {"unknown": ", ".join(unknown), "bands": ", ".join(self.rcs_m2)},
            )
        names = [r.name for r in self.radar]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise PydanticCustomError(
                "unique_names",
                "radar names must be unique; given twice: {twice}",
                {"twice": ", ".join(twice)},
            )
        return self

    def build(self) -> dict[str, RadarType]:
        """Radar types, by name, in file order."""
        return {r.name: r.build(self.rcs_m2[r.band]) for r in self.radar}


def parse_radar_types(data: Mapping[str, Any]) -> dict[str, RadarType]:
    """Radar types, by name, from the parsed contents of a ``radars.toml``-like file.

    Raises
    ------
    goldendome.data.errors.CatalogError
        Listing every problem with its key path, value and rule.
    """
    return parse_catalog(data, RadarCatalog, DATA_FILE).build()


@cache
def radar_types() -> dict[str, RadarType]:
    """Every radar type of the embedded ``radars.toml``, by name."""
    return load_catalog(DATA_FILE, RadarCatalog).build()
