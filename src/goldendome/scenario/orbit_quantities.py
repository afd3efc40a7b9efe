"""Quantities shared by the constellation specs: role, altitude, inclination, counts."""

from typing import Annotated, Literal

from goldendome.scenario.base import DEG_TO_RAD, KM_TO_M
from goldendome.scenario.quantities import Bounded

Role = Literal["interceptor", "tracking", "early_warning"]

Altitude = Annotated[
    float,
    Bounded("altitude must be above the surface and below the Moon", "km", gt=0, lt=384_400),
    KM_TO_M,
]
Inclination = Annotated[
    float, Bounded("inclination must lie between 0 and 180 deg", "deg", ge=0, le=180), DEG_TO_RAD
]
Longitude = Annotated[
    float, Bounded("longitude must lie in [-180, 360) deg", "deg", ge=-180, lt=360), DEG_TO_RAD
]
SatelliteCount = Annotated[
    int, Bounded("a constellation needs at least one satellite", ge=1, le=1_000_000)
]
PlaneCount = Annotated[int, Bounded("a constellation needs at least one plane", ge=1, le=100_000)]
