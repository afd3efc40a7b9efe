"""Spec of a scenario's space-based interceptors: kill vehicle and engagement rule.

Defaults come from ``data/sbi_assumptions.toml``, where each value's source is named.
"""

from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field

from goldendome.data.loader import load_catalog
from goldendome.physics.constants import G0_M_S2
from goldendome.scenario.base import KM_TO_M, MILLIONS, SpecModel
from goldendome.scenario.quantities import Bounded
from goldendome.scenario.ranges import RangedProbability

if TYPE_CHECKING:  # the interceptor models (NumPy) load when a spec is built, not validated
    from goldendome.interceptors.availability import Availability
    from goldendome.interceptors.space_based import EngagementRule, KillVehicle


class _KillVehicleDefaults(SpecModel):
    """``[kill_vehicle]`` of ``sbi_assumptions.toml``, in file units."""

    delta_v_km_s: Annotated[float, Bounded("delta-v must be positive", "km/s", gt=0, le=20)]
    acceleration_g: Annotated[float, Bounded("acceleration must be positive", "g", gt=0, le=100)]
    divert_delta_v_km_s: Annotated[
        float, Bounded("divert delta-v must lie in [0, 10] km/s", "km/s", ge=0, le=10)
    ]
    sspk: Annotated[float, Bounded("a kill probability lies in [0, 1]", ge=0, le=1)]
    correlation: Annotated[
        float, Bounded("a correlation of shot outcomes lies in [0, 1]", ge=0, le=1)
    ]
    unit_cost_musd: Annotated[float, Bounded("unit cost must not be negative", "M$", ge=0)]


Share = Annotated[float, Bounded("a share lies in [0, 1]", ge=0, le=1)]
RaisingDays = Annotated[
    float, Bounded("orbit raising takes between 0 and 365 days", "days", ge=0, le=365)
]
LifeYears = Annotated[
    float, Bounded("a service life lies between 1 and 30 years", "years", ge=1, le=30)
]
AsatShots = Annotated[int, Bounded("ASAT shots lie between 0 and 100,000", ge=0, le=100_000)]
Probability = Annotated[float, Bounded("a kill probability lies in [0, 1]", ge=0, le=1)]


class _AvailabilityDefaults(SpecModel):
    """``[availability]`` of ``sbi_assumptions.toml``."""

    failed_fraction: Share
    orbit_raising_days: RaisingDays
    service_life_years: LifeYears
    asat_shots: AsatShots
    asat_kill_probability: Probability


class _EngagementDefaults(SpecModel):
    """``[engagement]`` of ``sbi_assumptions.toml``, in file units."""

    detection_delay_s: Annotated[float, Bounded("a delay lies in [0, 600] s", "s", ge=0, le=600)]
    decision_delay_s: Annotated[float, Bounded("a delay lies in [0, 600] s", "s", ge=0, le=600)]
    intercept_before: Literal["burnout", "altitude", "time"]
    min_intercept_altitude_km: Annotated[
        float, Bounded("the lowest intercept altitude lies in [0, 1,000] km", "km", ge=0, le=1000)
    ]


class SbiAssumptions(SpecModel):
    """``sbi_assumptions.toml``: the kill vehicle, the engagement rule and the sizing
    question's defaults (the question is validated as a sizing spec when it is asked)."""

    kill_vehicle: _KillVehicleDefaults
    availability: _AvailabilityDefaults
    engagement: _EngagementDefaults
    question: dict[str, Any]


@cache
def sbi_assumptions() -> dict[str, Any]:
    """The validated ``sbi_assumptions.toml`` (kill vehicle, engagement, sizing question) as
    plain data in file units."""
    return load_catalog("sbi_assumptions.toml", SbiAssumptions).model_dump()


_KV = sbi_assumptions()["kill_vehicle"]
_RULE = sbi_assumptions()["engagement"]
_READY = sbi_assumptions()["availability"]

DeltaV = Annotated[
    float, Bounded("delta-v must be positive and below 20 km/s", "km/s", gt=0, le=20), KM_TO_M
]
Delay = Annotated[float, Bounded("a delay must lie between 0 and 600 s", "s", ge=0, le=600)]


class SbiSpec(SpecModel):
    """Which space layer carries interceptors, and how they fly and engage."""

    layer: str = "sbi_layer"
    delta_v_m_s: DeltaV = Field(default=_KV["delta_v_km_s"] * 1e3, alias="delta_v_km_s")
    acceleration_g: Annotated[
        float, Bounded("acceleration must be positive, at most 100 g", "g", gt=0, le=100)
    ] = _KV["acceleration_g"]
    divert_delta_v_m_s: Annotated[
        float, Bounded("divert delta-v must lie in [0, 10] km/s", "km/s", ge=0, le=10), KM_TO_M
    ] = Field(default=_KV["divert_delta_v_km_s"] * 1e3, alias="divert_delta_v_km_s")
    #: Single-shot kill probability, or its range (drawn once per trial).
    sspk: RangedProbability = _KV["sspk"]
    #: Correlation of two SBI shots' outcomes in one trial (0: independent): one kill
    #: probability per trial for every SBI, drawn from a beta with ``sspk`` as its mean.
    correlation: Annotated[
        float, Bounded("a correlation of shot outcomes lies in [0, 1]", ge=0, le=1)
    ] = _KV["correlation"]
    unit_cost_usd: Annotated[
        float, Bounded("unit cost must not be negative", "M$", ge=0, le=10_000), MILLIONS
    ] = Field(default=_KV["unit_cost_musd"] * 1e6, alias="unit_cost_musd")
    #: Availability (:mod:`goldendome.interceptors.availability`): the share failed and not
    #: replaced, the days a replacement spends raising its orbit, the service life after
    #: which each satellite is replaced, and an anti-satellite attack before the raid (shots
    #: at the SBIs that would be in reach, each destroying its target with the probability).
    failed_fraction: Share = _READY["failed_fraction"]
    orbit_raising_days: RaisingDays = _READY["orbit_raising_days"]
    service_life_years: LifeYears = _READY["service_life_years"]
    asat_shots: AsatShots = _READY["asat_shots"]
    asat_kill_probability: Probability = _READY["asat_kill_probability"]
    detection_delay_s: Delay = _RULE["detection_delay_s"]
    decision_delay_s: Delay = _RULE["decision_delay_s"]
    intercept_before: Literal["burnout", "altitude", "time"] = _RULE["intercept_before"]
    deadline_altitude_m: Annotated[
        float, Bounded("deadline altitude must be positive", "km", gt=0, le=5_000), KM_TO_M
    ] = Field(default=float("inf"), alias="deadline_altitude_km")
    deadline_time_s: Annotated[float, Bounded("deadline must be positive", "s", gt=0, le=3_600)] = (
        float("inf")
    )
    min_intercept_altitude_m: Annotated[
        float,
        Bounded("minimum intercept altitude must lie in [0, 1,000] km", "km", ge=0, le=1_000),
        KM_TO_M,
    ] = Field(default=_RULE["min_intercept_altitude_km"] * 1e3, alias="min_intercept_altitude_km")
    #: What a warhead does whose booster was killed but whose payload still lands: counted
    #: and reported apart ("reported", the default), or, landing on populated land, counted
    #: as a leaker too ("detonates"). goldendome assumption: the default does not presume
    #: the fuzing of a warhead that falls short.
    shortfall: Literal["reported", "detonates"] = "reported"

    def build_availability(self) -> "Availability":
        """The layer's ready share and the attack on it this spec describes."""
        from goldendome.interceptors.availability import Availability, ready_share

        return Availability(
            ready_share(self.failed_fraction, self.orbit_raising_days, self.service_life_years),
            self.asat_shots,
            self.asat_kill_probability,
        )

    def build_vehicle(self) -> "KillVehicle":
        """The kill vehicle this spec describes."""
        from goldendome.interceptors.space_based import KillVehicle

        return KillVehicle(
            delta_v_m_s=self.delta_v_m_s,
            acceleration_m_s2=self.acceleration_g * G0_M_S2,
            divert_delta_v_m_s=self.divert_delta_v_m_s,
        )

    def build_rule(self) -> "EngagementRule":
        """The engagement rule this spec describes."""
        from goldendome.interceptors.space_based import EngagementRule

        return EngagementRule(
            detection_delay_s=self.detection_delay_s,
            decision_delay_s=self.decision_delay_s,
            intercept_before=self.intercept_before,
            deadline_altitude_m=self.deadline_altitude_m,
            deadline_time_s=self.deadline_time_s,
            min_intercept_altitude_m=self.min_intercept_altitude_m,
        )
