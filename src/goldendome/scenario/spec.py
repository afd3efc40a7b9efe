"""The top-level scenario spec: time window, seed, space layers, sites, defended assets."""

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Annotated, Any

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from goldendome.data.shown_values import show_value
from goldendome.scenario.base import SpecModel, cross_field_error
from goldendome.scenario.constellations import ConstellationSpec
from goldendome.scenario.discrimination import DiscriminationSpec
from goldendome.scenario.doctrine import DoctrineSpec, MonteCarloSpec
from goldendome.scenario.economics import EconomicsSpec
from goldendome.scenario.interceptors import SbiSpec
from goldendome.scenario.partners import PartnerSpec
from goldendome.scenario.quantities import Bounded
from goldendome.scenario.sites import DefendedAssetSpec, InterceptorTypes, SiteSpec
from goldendome.scenario.threats import ThreatsSpec
from goldendome.scenario.timeline import TimelineSpec
from goldendome.scenario.tracking import TrackingSpec

#: Most time samples one run may ask for (duration / step), to keep memory bounded.
MAX_TIME_SAMPLES = 200_000
_EPOCH_EXAMPLE = "2029-06-01T00:00:00Z"


def time_grid_rule(duration_s: float, step_s: float, duration: str, step: str) -> str | None:
    """The rule a time window breaks: a step longer than the run, or too many samples.

    ``duration`` and ``step`` are the values as the file wrote them.
    """
    if step_s > duration_s:
        return (
            f"step_s = {step} is longer than duration_s = {duration}; shorten step_s or "
            f"lengthen duration_s"
        )
    if duration_s / step_s > MAX_TIME_SAMPLES:
        return (
            f"duration_s / step_s = {duration} / {step} gives {duration_s / step_s:,.0f} time "
            f"samples, more than the {MAX_TIME_SAMPLES:,} a run may hold; lengthen step_s or "
            f"shorten duration_s"
        )
    return None


def _epoch(value: Any) -> datetime:
    """A TOML date-time (or date, or ISO 8601 string) as a datetime; numbers are refused."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            pass
        raise PydanticCustomError(
            "epoch_text", f"expected an ISO 8601 date-time such as {_EPOCH_EXAMPLE}"
        )
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise PydanticCustomError(
            "epoch_number",
            f"expected a TOML date-time such as {_EPOCH_EXAMPLE}; a number is not read as "
            f"a Unix time",
        )
    raise PydanticCustomError("epoch_type", f"expected a TOML date-time such as {_EPOCH_EXAMPLE}")


class TimeSpec(SpecModel):
    """The simulated window: an epoch (UTC), a duration and an output step, in seconds."""

    epoch: datetime = Field(alias="epoch_utc")
    duration_s: Annotated[
        float,
        Bounded(
            "the run must last some time, at most 30 days",
            "s",
            gt=0,
            le=2_592_000,
            upper="the run lasts at most 30 days ({bound})",
        ),
    ]
    step_s: Annotated[
        float,
        Bounded(
            "the output step must be positive",
            "s",
            gt=0,
            le=86_400,
            upper="the output step is at most one day ({bound})",
        ),
    ]

    @field_validator("epoch", mode="before")
    @classmethod
    def _a_date_time(cls, value: Any) -> datetime:
        return _epoch(value)

    @field_validator("epoch")
    @classmethod
    def _as_utc(cls, value: datetime) -> datetime:
        # A TOML local date-time has no offset: it is read as UTC, as the key name says.
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)

    @model_validator(mode="after")
    def _step_fits(self) -> "TimeSpec":
        shown = (show_value(self.duration_s) or "", show_value(self.step_s) or "")
        rule = time_grid_rule(self.duration_s, self.step_s, *shown)
        if rule is not None:
            raise cross_field_error(rule)
        return self


def repeated_name_rule(label: str, first: int) -> str:
    """The rule a name given twice in ``label`` (``sites``) breaks."""
    return f"names must be unique; {label}[{first}] has the same name"


def sbi_layer_rule(layer: str, roles: Mapping[str, str]) -> str | None:
    """The rule ``sbi.layer`` breaks when it names no interceptor layer of ``[space]``."""
    if roles.get(layer) == "interceptor":
        return None
    known = [name for name, role in roles.items() if role == "interceptor"]
    shown = f"'{layer}'" if layer.isprintable() else show_value(layer)
    return (
        f"sbi.layer = {shown} is not an interceptor layer of [space]; interceptor layers: "
        f"{', '.join(known) or 'none'}"
    )


class ScenarioSpec(SpecModel):
    """A whole scenario, validated and in SI units.

    Validate files with :func:`goldendome.scenario.loader.scenario_from_mapping`, which also
    reports the rules that span several tables (raid launches inside the time window,
    targets within reach) together with every other problem.
    """

    name: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    description: str = ""
    seed: Annotated[
        int,
        Bounded(
            "the seed must be a non-negative integer",
            ge=0,
            lt=2**63,
            upper="the seed must be less than 2**63 = {bound}",
        ),
    ]
    time: TimeSpec
    space: dict[Annotated[str, Field(pattern=r"^[A-Za-z0-9_]{1,64}$")], ConstellationSpec] = Field(
        default_factory=dict
    )
    sites: list[SiteSpec] = Field(default_factory=list)
    defended_assets: list[DefendedAssetSpec] = Field(default_factory=list)
    threats: ThreatsSpec = Field(default_factory=ThreatsSpec)
    sbi: SbiSpec | None = None
    doctrine: DoctrineSpec = Field(default_factory=DoctrineSpec)
    monte_carlo: MonteCarloSpec = Field(default_factory=MonteCarloSpec)
    economics: EconomicsSpec = Field(default_factory=EconomicsSpec)
    timeline: TimelineSpec = Field(default_factory=TimelineSpec)
    partners: list[PartnerSpec] = Field(default_factory=list)
    discrimination: DiscriminationSpec = Field(default_factory=DiscriminationSpec)
    interceptor_types: InterceptorTypes = Field(default_factory=dict)
    tracking: TrackingSpec = Field(default_factory=TrackingSpec)

    @model_validator(mode="after")
    def _names_unique(self) -> "ScenarioSpec":
        named = {
            "sites": [site.name for site in self.sites],
            "defended_assets": [asset.name for asset in self.defended_assets],
        }
        for label, names in named.items():
            first: dict[str, int] = {}
            for index, name in enumerate(names):
                if name in first:
                    raise cross_field_error(repeated_name_rule(label, first[name]))
                first[name] = index
        if self.sbi is not None:
            roles = {name: layer.role for name, layer in self.space.items()}
            rule = sbi_layer_rule(self.sbi.layer, roles)
            if rule is not None:
                raise cross_field_error(rule)
        return self
