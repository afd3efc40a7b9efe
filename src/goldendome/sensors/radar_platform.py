"""Where a radar type is carried: the optional ``[PLATFORM]`` keys of ``radars.toml``.

A type is a ground radar unless it says otherwise: ``airborne`` (an aircraft on an orbit
station, a site at altitude between its platform altitudes), ``skywave`` (an HF
over-the-horizon radar with a ground-range band) or ``space`` (carried by the satellites of
a layer with role ``air_moving_target``). Any type may limit the altitude of what it sees
and carry a clutter notch and a report latency. See ``radars.toml`` for each key.
"""

from typing import Annotated, Literal

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from goldendome.data.quantities import Bounded
from goldendome.data.spec_model import SpecModel

#: Optional keys ([PLATFORM] in radars.toml) -> (RadarType field, factor to SI); absent: the
#: field's default.
OPTIONAL_KEYS: dict[str, tuple[str, float]] = {
    "min_platform_altitude_m": ("min_platform_altitude_m", 1.0),
    "max_platform_altitude_m": ("max_platform_altitude_m", 1.0),
    "min_ground_range_km": ("min_ground_range_m", 1e3),
    "max_ground_range_km": ("max_ground_range_m", 1e3),
    "max_target_altitude_km": ("max_target_altitude_m", 1e3),
    "min_radial_speed_m_s": ("min_radial_speed_m_s", 1.0),
    "report_latency_s": ("report_latency_s", 1.0),
}
#: Where a radar type is carried (``platform`` in ``radars.toml``).
PLATFORMS = ("ground", "airborne", "skywave", "space")
#: Site altitudes allowed for a ground radar, meters (the scenario's site bounds).
GROUND_ALTITUDE_M = (-500.0, 9_000.0)

PlatformAltitude = Annotated[
    float, Bounded("a platform flies between the Dead Sea and 30 km", "m", ge=-500, le=30_000)
]
GroundRange = Annotated[float, Bounded("a ground range", "km", ge=0, le=20_000)]
Positive = Annotated[float, Bounded("must be positive", gt=0, le=1e9)]


class PlatformSpec(SpecModel):
    """The ``[PLATFORM]`` keys of a ``[[radar]]`` entry, in the file's units."""

    platform: Literal["ground", "airborne", "skywave", "space"] = "ground"
    min_platform_altitude_m: PlatformAltitude | None = None
    max_platform_altitude_m: PlatformAltitude | None = None
    min_ground_range_km: GroundRange | None = None
    max_ground_range_km: GroundRange | None = None
    max_target_altitude_km: Positive | None = None
    min_radial_speed_m_s: Annotated[float, Bounded("a speed", "m/s", ge=0, le=10_000)] = 0.0
    report_latency_s: Annotated[float, Bounded("a latency", "s", ge=0, le=3_600)] = 0.0

    @model_validator(mode="after")
    def _platform_keys(self) -> "PlatformSpec":
        needs = {
            "airborne": ("min_platform_altitude_m", "max_platform_altitude_m"),
            "skywave": ("min_ground_range_km", "max_ground_range_km"),
        }.get(self.platform, ())
        missing = [key for key in needs if getattr(self, key) is None]
        if missing:
            raise PydanticCustomError(
                "platform_keys",
                "platform = '{platform}' needs {missing}",
                {"platform": self.platform, "missing": " and ".join(missing)},
            )
        for low, high in (needs,) if needs else ():
            if not getattr(self, low) < getattr(self, high):
                raise PydanticCustomError(
                    "platform_keys",
                    "{low} = {a} must be below {high} = {b}",
                    {"low": low, "high": high, "a": getattr(self, low), "b": getattr(self, high)},
                )
        return self
