"""The top-level scenario spec: time window, seed, space layers, sites, defended assets."""

from datetime import UTC, datetime
from typing import Annotated

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from goldendome.scenario.base import SpecModel
from goldendome.scenario.constellations import ConstellationSpec
from goldendome.scenario.doctrine import DoctrineSpec, MonteCarloSpec
from goldendome.scenario.interceptors import SbiSpec
from goldendome.scenario.quantities import Bounded
from goldendome.scenario.sites import DefendedAssetSpec, SiteSpec
from goldendome.scenario.threats import ThreatsSpec

#: Most time samples one run may ask for (duration / step), to keep memory bounded.
MAX_TIME_SAMPLES = 200_000


class TimeSpec(SpecModel):
    """The simulated window: an epoch (UTC), a duration and an output step, in seconds."""

    epoch: datetime = Field(alias="epoch_utc", strict=False)
    duration_s: Annotated[
        float, Bounded("the run must last some time, at most 30 days", "s", gt=0, le=2_592_000)
    ]
    step_s: Annotated[float, Bounded("the output step must be positive", "s", gt=0, le=86_400)]

    @field_validator("epoch")
    @classmethod
    def _as_utc(cls, value: datetime) -> datetime:
        # A TOML local date-time has no offset: it is read as UTC, as the key name says.
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)

    @model_validator(mode="after")
    def _step_fits(self) -> "TimeSpec":
        if self.step_s > self.duration_s:
            raise PydanticCustomError(
                "time_grid",
                "step_s = {step} is longer than duration_s = {duration}",
                {"step": self.step_s, "duration": self.duration_s},
            )
        if self.duration_s / self.step_s > MAX_TIME_SAMPLES:
            raise PydanticCustomError(
                "time_grid",
                "duration_s / step_s gives more than {n} time samples; use a longer step",
                {"n": MAX_TIME_SAMPLES},
            )
        return self


class ScenarioSpec(SpecModel):
    """A whole scenario, validated and in SI units."""

    name: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    description: str = ""
    seed: Annotated[int, Bounded("the seed must be a non-negative integer", ge=0, lt=2**63)]
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

    @model_validator(mode="after")
    def _names_unique(self) -> "ScenarioSpec":
        for label, items in (("sites", self.sites), ("defended_assets", self.defended_assets)):
            names = [item.name for item in items]
            dupes = sorted({n for n in names if names.count(n) > 1})
            if dupes:
                raise PydanticCustomError(
                    "duplicate_name",
                    "{label} names must be unique; repeated: {dupes}",
                    {"label": label, "dupes": ", ".join(dupes)},
                )
        if self.sbi is not None:
            layer = self.space.get(self.sbi.layer)
            if layer is None or layer.role != "interceptor":
                names = [k for k, v in self.space.items() if v.role == "interceptor"]
                raise PydanticCustomError(
                    "sbi_layer",
                    "sbi.layer = '{name}' is not an interceptor layer of [space]; interceptor "
                    "layers: {known}",
                    {"name": self.sbi.layer, "known": ", ".join(names) or "none"},
                )
        return self
