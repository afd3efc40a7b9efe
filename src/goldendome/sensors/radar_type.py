"""Radar types: what ``goldendome/data/radars.toml`` says of each kind of radar (reference
detection range, field of view, frame time, noise, cross sections by band and kind)."""

import math
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from goldendome.physics._types import FloatArray
from goldendome.sensors.radar_equation import scaled_snr, swerling1_pd, swerling1_snr

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
_TEXT_KEYS = ("name", "label", "band", "source")


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
        Radar cross section (m^2) of each object kind in this radar's band.
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
        """Cross sections (m^2) ``(len(kind_names),)`` of the named object kinds."""
        table = dict(self.rcs_m2)
        for kind in kind_names:
            if kind not in table:
                raise ValueError(
                    f"object kind '{kind}' has no radar cross section in the {self.band} band "
                    f"of {DATA_FILE}; known kinds: {', '.join(table)}."
                )
        return np.array([table[k] for k in kind_names], dtype=np.float64)


def parse_radar_types(data: Mapping[str, Any]) -> dict[str, RadarType]:
    """Radar types, by name, from the parsed contents of a ``radars.toml``-like file."""
    bands = data.get("rcs_m2", {})
    out: dict[str, RadarType] = {}
    for i, entry in enumerate(data.get("radar", [])):
        where = f"{DATA_FILE}: radar[{i}]"
        expected = set(_KEYS) | set(_TEXT_KEYS)
        unknown = sorted(set(entry) - expected)
        missing = sorted(expected - set(entry))
        if unknown or missing:
            raise ValueError(
                f"{where}: unknown keys {unknown} and missing keys {missing}; "
                f"expected exactly: {', '.join(sorted(expected))}."
            )
        if entry["band"] not in bands:
            raise ValueError(
                f"{where}: band = '{entry['band']}' has no [rcs_m2.{entry['band']}] table; "
                f"bands with one: {', '.join(bands)}."
            )
        values: dict[str, Any] = {key: str(entry[key]) for key in _TEXT_KEYS}
        values |= {field: float(entry[key]) * scale for key, (field, scale) in _KEYS.items()}
        values["rcs_m2"] = tuple((str(k), float(v)) for k, v in bands[entry["band"]].items())
        out[values["name"]] = RadarType(**values)
    return out


@cache
def radar_types() -> dict[str, RadarType]:
    """Every radar type of the embedded ``radars.toml``, by name."""
    text = resources.files("goldendome.data").joinpath(DATA_FILE).read_text("utf-8")
    return parse_radar_types(tomllib.loads(text))
