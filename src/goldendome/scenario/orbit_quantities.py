"""Quantities shared by the constellation specs: role, altitude, inclination, counts."""

from typing import Annotated, Literal

from goldendome.scenario.base import DEG_TO_RAD, KM_TO_M
from goldendome.scenario.quantities import Bounded

Role = Literal["interceptor", "tracking", "early_warning", "air_moving_target"]

#: Lowest orbit (or perigee) altitude a constellation may use, km.
MIN_ORBIT_ALTITUDE_KM = 100.0
#: Why: the reason given with every orbit below :data:`MIN_ORBIT_ALTITUDE_KM`.
DECAYS = "an orbit below 100 km decays within hours"

# Two bounds, checked outer first: a negative altitude is below the surface, a positive one
# under 100 km is an orbit that cannot last.
Altitude = Annotated[
    float,
    Bounded(
        f"altitude must be at least {MIN_ORBIT_ALTITUDE_KM:,.0f} km: {DECAYS}",
        "km",
        ge=MIN_ORBIT_ALTITUDE_KM,
    ),
    Bounded(
        "altitude must be above the surface and below the Moon",
        "km",
        gt=0,
        lt=384_400,
        upper="altitude must be below the Moon's distance ({bound})",
    ),
    KM_TO_M,
]
Inclination = Annotated[
    float,
    Bounded(
        "inclination must lie between 0 and 180 deg",
        "deg",
        ge=0,
        le=180,
        upper="inclination must lie between 0 and 180 deg, at most {bound}",
    ),
    DEG_TO_RAD,
]
Longitude = Annotated[
    float, Bounded("longitude must lie in [-180, 360) deg", "deg", ge=-180, lt=360), DEG_TO_RAD
]
SatelliteCount = Annotated[
    int,
    Bounded(
        "a constellation needs at least one satellite",
        ge=1,
        le=1_000_000,
        upper="a constellation holds at most {bound} satellites",
    ),
]
PlaneCount = Annotated[
    int,
    Bounded(
        "a constellation needs at least one plane",
        ge=1,
        le=100_000,
        upper="a constellation has at most {bound} planes",
    ),
]
