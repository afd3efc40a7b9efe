"""Spec of a sizing question: which salvo, how many shots, how sure, over which geometries;
and the presets that pose a published study's question.

Defaults come from the ``[question]`` table of ``data/sbi_assumptions.toml`` (the APS 2003
case: one solid ICBM from North Korea), the kill vehicle and rule from its other tables;
:func:`sizing_spec` merges a user's values over them and validates the whole. Presets
(``data/sizing_presets.toml``, :func:`sizing_presets`) hold a study's stated inputs, each with
its source, and the figure it published; :func:`preset_values` puts a user's values over one.
"""

from functools import cache
from typing import Annotated, Any

from pydantic import Field, ValidationError, model_validator

from goldendome.data.loader import load_catalog
from goldendome.scenario.base import SpecModel, cross_field_error
from goldendome.scenario.catalog import lookup
from goldendome.scenario.errors import ScenarioError
from goldendome.scenario.interceptors import SbiSpec, sbi_assumptions
from goldendome.scenario.orbit_quantities import Altitude, Inclination
from goldendome.scenario.problems import problems_from_errors
from goldendome.scenario.quantities import Bounded
from goldendome.scenario.threats import BallisticClassName, LaunchAreaName, TargetName

PlaneCount = Annotated[int, Bounded("a constellation needs 1 to 1,000 planes", ge=1, le=1_000)]


class SizingSpec(SpecModel):
    """A question for ``goldendome size``, validated and in SI units."""

    threat: BallisticClassName
    from_: LaunchAreaName = Field(alias="from")
    to: TargetName
    salvo: Annotated[int, Bounded("the salvo must hold 1 to 1,000 missiles", ge=1, le=1_000)]
    shots: Annotated[int, Bounded("shots per missile must be 1 to 20", ge=1, le=20)]
    confidence: Annotated[float, Bounded("confidence must lie in (0, 1]", gt=0, le=1)]
    launch_times: Annotated[
        int, Bounded("launch times must number 10 to 100,000", ge=10, le=100_000)
    ]
    phasing: Annotated[int, Bounded("Walker phasing must not be negative", ge=0)]
    altitudes_m: Annotated[list[Altitude], Field(min_length=1, alias="altitudes_km")]
    inclinations_rad: Annotated[list[Inclination], Field(min_length=1, alias="inclinations_deg")]
    planes: Annotated[list[PlaneCount], Field(min_length=1)]
    sbi: SbiSpec = Field(default_factory=SbiSpec)

    @model_validator(mode="after")
    def _chance_needs_a_confidence_below_1(self) -> "SizingSpec":
        sbi = self.sbi
        unready = sbi.failed_fraction > 0 or sbi.orbit_raising_days > 0
        chancy_attack = sbi.asat_shots > 0 and 0 < sbi.asat_kill_probability < 1
        if self.confidence >= 1.0 and (unready or chancy_attack):
            raise cross_field_error(
                f"confidence = {self.confidence:g}: with SBIs failed, raising orbit or "
                "attacked by chance, no constellation is sure to have a shot at every launch "
                "time; set confidence below 1 (for example 0.95)"
            )
        return self


def sizing_spec(values: dict[str, Any] | None = None, source: str = "size") -> SizingSpec:
    """The default question with ``values`` (file units: km, deg) put over it, validated.

    ``values`` may hold an ``sbi`` table (kill vehicle and rule, as in a scenario's
    ``[sbi]``).

    Raises
    ------
    ScenarioError
        Naming each bad value's path, the value and the rule.
    """
    merged: dict[str, Any] = dict(sbi_assumptions()["question"])
    merged.update(values or {})
    try:
        return SizingSpec.model_validate(merged)
    except ValidationError as exc:
        raise ScenarioError(source, problems_from_errors(SizingSpec, exc.errors())) from None


class SizingPreset(SpecModel):
    """One published study's sizing question (``[[preset]]`` of ``sizing_presets.toml``).

    ``drivers`` says what the residual against the published figure depends on, as far as the
    study's inputs are unknown. ``question`` holds values over the default question, in file
    units (an ``sbi`` table for the kill vehicle and rule); ``sources`` names the source of
    each, by the same key (``sbi.delta_v_km_s`` for the kill vehicle's), ``goldendome
    assumption`` where the study's public accounts do not give it.
    """

    name: str
    label: str
    published_satellites: Annotated[
        int, Bounded("a published constellation holds at least one SBI", ge=1)
    ]
    published_claim: str
    published_source: str
    drivers: str
    question: dict[str, Any]
    sources: dict[str, str]

    @property
    def inputs(self) -> dict[str, Any]:
        """The question's values by flat key (``sbi.delta_v_km_s``)."""
        flat = {k: v for k, v in self.question.items() if k != "sbi"}
        flat |= {f"sbi.{k}": v for k, v in self.question.get("sbi", {}).items()}
        return flat

    @property
    def assumed(self) -> list[str]:
        """The inputs the study's public accounts do not give, chosen by goldendome."""
        return [k for k, src in self.sources.items() if src.startswith("goldendome assumption")]

    @model_validator(mode="after")
    def _every_input_has_a_source(self) -> "SizingPreset":
        keys, named = set(self.inputs), set(self.sources)
        if keys != named:
            missing, extra = sorted(keys - named), sorted(named - keys)
            raise cross_field_error(
                f"preset {self.name!r}: every question value needs its source in sources "
                f"(no source for: {', '.join(missing) or 'none'}; sources of no value: "
                f"{', '.join(extra) or 'none'})"
            )
        return self


class SizingPresetCatalog(SpecModel):
    """``sizing_presets.toml``."""

    preset: list[SizingPreset]


@cache
def sizing_presets() -> dict[str, SizingPreset]:
    """The embedded presets by name, each question validated as a sizing question."""
    presets = {p.name: p for p in load_catalog("sizing_presets.toml", SizingPresetCatalog).preset}
    for preset in presets.values():
        sizing_spec(preset.question, f"goldendome/data/sizing_presets.toml, {preset.name}")
    return presets


def preset_values(name: str, values: dict[str, Any] | None = None) -> dict[str, Any]:
    """Preset ``name``'s question with ``values`` (a user's, file units) put over it; a
    value of the ``sbi`` table replaces only that value.

    Raises
    ------
    ScenarioError
        If there is no such preset (the known names listed, closest first).
    """
    preset = lookup("sizing preset", name, sizing_presets())
    merged = dict(preset.question)
    given = dict(values or {})
    merged["sbi"] = dict(merged.get("sbi", {})) | dict(given.pop("sbi", {}))
    return merged | given


def overridden(preset: SizingPreset, values: dict[str, Any] | None) -> list[str]:
    """The inputs (flat keys, ``sbi.delta_v_km_s``) whose values in ``values`` differ from
    the preset's, or that the preset leaves at their defaults."""
    given = {k: v for k, v in (values or {}).items() if k != "sbi"}
    given |= {f"sbi.{k}": v for k, v in (values or {}).get("sbi", {}).items()}
    inputs = preset.inputs
    return [k for k, v in given.items() if k not in inputs or inputs[k] != v]
