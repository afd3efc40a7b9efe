"""Presets: published cost estimates rebuilt from their stated inputs (``data/cost_presets.toml``).

:func:`run_preset` lays a preset's cost lines out over its horizon and sets the model's
total beside the published figure: the residual (model minus published, in % of the
published figure), the sentence on what drives it, and the values the preset had to assume
because the study's public accounts do not give them. Nothing is tuned to the published
figure. A ``budget`` preset (the White House figures) is read the other way: how much of
its ``scale_line`` (the SBIs) the budget buys after the other lines.

Where the study's figure can be split into parts from public statements (CBO 2026: the SBIs'
acquisition and O&S, the other layers' acquisition and O&S), ``[[preset.part]]`` gives each
published part with its source and tag, and :func:`run_preset` sets the model's same part
beside it (``PresetResult.parts``), so the residual is shown where it lies.
"""

import dataclasses
import functools
import math
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import Field

from goldendome.data.errors import CatalogError, Problem
from goldendome.data.loader import catalog_source, load_catalog
from goldendome.data.spec_model import SpecModel
from goldendome.economics.catalog import Year, cost_line, dollar_factor
from goldendome.economics.errors import check, problem
from goldendome.economics.lines import CostLine
from goldendome.economics.table import CostBreakdown, cost_table

PRESET_FILE = "cost_presets.toml"

#: Keys of ``[preset.line.values]``: file key -> (CostLine field, scale, is money).
VALUE_KEYS: dict[str, tuple[str, float, bool]] = {
    "unit_cost_musd": ("unit_cost_usd", 1e6, True),
    "learning_slope": ("learning_slope", 1.0, False),
    "service_life_years": ("service_life_years", 1.0, False),
    "mass_kg": ("mass_kg", 1.0, False),
    "usd_per_kg": ("launch_usd_per_kg", 1.0, True),
    "satellites_per_launch": ("satellites_per_launch", 1.0, False),
    "o_and_s_musd_per_unit_year": ("o_and_s_usd_per_unit_year", 1e6, True),
    "o_and_s_musd_per_year": ("o_and_s_usd_per_year", 1e6, True),
    "development_musd": ("development_usd", 1e6, True),
    "fixed_acquisition_musd": ("fixed_acquisition_usd", 1e6, True),
}
_NOT_SOURCED = {"item", "name", "values", "sources", "deploy_start_year", "development_start_year"}
ASSUMPTION = "goldendome assumption"
#: Cost categories a published part may add up (those of :mod:`goldendome.economics.table`).
Category = Literal["development", "procurement", "launch", "o_and_s", "replenishment"]


class PresetLine(SpecModel):
    """One cost line of a preset: a catalog item with the preset's quantities."""

    item: str
    name: str | None = None
    quantity: float = Field(ge=0)
    deploy_start_year: int = Field(default=0, ge=0)
    deploy_years: int = Field(default=1, ge=1)
    development_start_year: int = Field(default=0, ge=0)
    development_years: int = Field(default=1, ge=1)
    launch: str | None = None
    values: dict[str, float] = Field(default_factory=dict)
    sources: dict[str, str]


class PublishedPart(SpecModel):
    """A part of a published figure (``[[preset.part]]``): the study's figure for some of
    the preset's lines and cost categories, with how it was read.

    ``lines`` names the preset lines the part covers; ``other_lines = true`` covers every
    line that no other part's ``lines`` names.
    """

    name: str
    published_busd: float = Field(ge=0)
    lines: list[str] = Field(default_factory=list)
    other_lines: bool = False
    categories: list[Category] = Field(min_length=1)
    derivation: str
    source: str
    tag: Literal["READ-P", "READ-S", "DERIVED", "MEMORY"]


class Preset(SpecModel):
    """One published estimate (``[[preset]]``)."""

    name: str
    kind: Literal["estimate", "budget"]
    label: str
    published_busd: float = Field(gt=0)
    published_claim: str
    published_source: str
    dollar_year: Year
    first_year: Year
    years: int = Field(ge=1, le=100)
    drivers: str
    scale_line: str | None = None
    sbi_mass_note: str | None = None
    line: list[PresetLine]
    part: list[PublishedPart] = Field(default_factory=list)


class PresetCatalog(SpecModel):
    """``cost_presets.toml``."""

    preset: list[Preset]


def preset_problems(catalog: PresetCatalog) -> list[Problem]:
    """Cross rules: known value keys, a source for every key a line gives, a scale line."""
    found: list[Problem] = []
    for i, preset in enumerate(catalog.preset):
        names = [line.name or line.item for line in preset.line]
        for j, line in enumerate(preset.line):
            at = f"preset[{i}].line[{j}]"
            for key in line.values:
                if key not in VALUE_KEYS:
                    rule = "unknown value key; known: " + ", ".join(VALUE_KEYS)
                    found.append(Problem(f"{at}.values.{key}", None, rule))
            given = (line.model_fields_set - _NOT_SOURCED) | set(line.values)
            for key in sorted(given - set(line.sources)):
                found.append(
                    Problem(f"{at}.{key}", None, "every value needs a source in [sources]")
                )
        if preset.kind == "budget" and preset.scale_line not in names:
            rule = "a budget preset names one of its lines as scale_line"
            found.append(Problem(f"preset[{i}].scale_line", None, rule))
        for k, part in enumerate(preset.part):
            at = f"preset[{i}].part[{k}]"
            for name in sorted(set(part.lines) - set(names)):
                found.append(Problem(f"{at}.lines", name, "names no line of this preset"))
            if bool(part.lines) == part.other_lines:
                rule = "a part gives either lines = [...] or other_lines = true"
                found.append(Problem(at, None, rule))
        if any(line.item == "sbi" for line in preset.line) and not preset.sbi_mass_note:
            rule = "a preset with SBIs says where its SBI mass comes from (sbi_mass_note)"
            found.append(Problem(f"preset[{i}].sbi_mass_note", None, rule))
    return found


@functools.cache
def cost_presets() -> dict[str, Preset]:
    """The embedded presets by name (validated, cached)."""
    catalog = load_catalog(PRESET_FILE, PresetCatalog)
    found = preset_problems(catalog)
    if found:
        raise CatalogError(catalog_source(PRESET_FILE), found)
    return {preset.name: preset for preset in catalog.preset}


def preset(name: str) -> Preset:
    """A preset by name; an unknown name is an error listing the presets."""
    presets = cost_presets()
    if name not in presets:
        check([problem("preset", name, "unknown preset; presets: " + ", ".join(presets))])
    return presets[name]


def preset_lines(p: Preset) -> list[CostLine]:
    """The preset's cost lines, dollars of the preset's dollar year."""
    lines = []
    for entry in p.line:
        fields: dict[str, Any] = {
            "deploy_start_year": entry.deploy_start_year,
            "deploy_years": entry.deploy_years,
            "development_start_year": entry.development_start_year,
            "development_years": entry.development_years,
        }
        for key, value in entry.values.items():
            target, scale, _ = VALUE_KEYS[key]
            fields[target] = value * scale
        line = cost_line(
            entry.item,
            entry.quantity,
            p.dollar_year,
            name=entry.name,
            launch=entry.launch,
            **fields,
        )
        lines.append(line)
    return lines


def assumptions(p: Preset) -> list[str]:
    """``line.key: source`` for every preset value its source marks as an assumption."""
    return [
        f"{entry.name or entry.item}.{key}: {source}"
        for entry in p.line
        for key, source in entry.sources.items()
        if source.startswith(ASSUMPTION)
    ]


@dataclass(frozen=True)
class PartResult:
    """A published part beside the model's same part.

    Attributes
    ----------
    name : str
    published_usd, model_usd : float
        Dollars of the preset's dollar year.
    lines : list of str
        The preset lines the part covers.
    categories : list of str
    derivation, source, tag : str
        How the published part was read (``tag``: READ-P, READ-S, DERIVED or MEMORY).
    """

    name: str
    published_usd: float
    model_usd: float
    lines: list[str]
    categories: list[str]
    derivation: str
    source: str
    tag: str

    @property
    def residual_usd(self) -> float:
        """Model minus published, dollars."""
        return self.model_usd - self.published_usd

    @property
    def residual_pct(self) -> float:
        """``100 (model - published) / published`` (NaN for a published zero)."""
        return 100.0 * self.residual_usd / self.published_usd if self.published_usd else math.nan


def part_results(p: Preset, breakdown: CostBreakdown) -> list[PartResult]:
    """Each ``[[preset.part]]`` of ``p`` beside the model's same lines and categories."""
    named = {name for part in p.part for name in part.lines}
    out = []
    for part in p.part:
        lines = [e for e in breakdown.elements if (e in named) != part.other_lines]
        rows = [breakdown.elements.index(e) for e in lines]
        cols = [breakdown.categories.index(c) for c in part.categories]
        model = float(breakdown.cost_usd[rows][:, :, cols].sum())
        out.append(
            PartResult(
                part.name,
                part.published_busd * 1e9,
                model,
                lines,
                list(part.categories),
                part.derivation,
                part.source,
                part.tag,
            )
        )
    return out


@dataclass(frozen=True)
class PresetResult:
    """A preset computed, beside its published figure.

    Attributes
    ----------
    name, label, kind : str
    breakdown : CostBreakdown
        Constant dollars of the preset's dollar year.
    model_usd, published_usd : float
        The model's total and the published figure, dollars.
    residual_pct : float
        ``100 (model - published) / published`` (for a budget preset, what the bought force
        costs against the budget, close to 0 by construction).
    drivers : str
        What drives the residual.
    assumptions : list of str
        Values the preset assumed, with why.
    buys_quantity : float
        For a budget preset, the ``scale_line`` quantity the budget buys; NaN otherwise.
    parts : list of PartResult
        The published parts beside the model's (empty when the study gives none).
    sbi_mass_kg : float
        Launch mass per SBI the preset used (NaN without SBIs).
    sbi_mass_note : str or None
        Where that mass comes from.
    """

    name: str
    label: str
    kind: str
    breakdown: CostBreakdown
    model_usd: float
    published_usd: float
    residual_pct: float
    drivers: str
    assumptions: list[str]
    buys_quantity: float = math.nan
    parts: list[PartResult] = dataclasses.field(default_factory=list)
    sbi_mass_kg: float = math.nan
    sbi_mass_note: str | None = None


def _affordable(lines: list[CostLine], scale: str, budget_usd: float, p: Preset) -> float:
    """The scale line's quantity whose architecture costs the budget (bisection; 0 if none)."""

    def total(q: float) -> float:
        trial = [ln.with_values(quantity=q) if ln.name == scale else ln for ln in lines]
        return cost_table(trial, p.first_year, p.years, p.dollar_year).total_usd

    if total(0.0) >= budget_usd:
        return 0.0
    hi = 1.0
    while total(hi) < budget_usd and hi < 1e9:
        hi *= 2.0
    lo = hi / 2.0 if hi > 1.0 else 0.0
    for _ in range(60):
        mid = 0.5 * (lo + hi)
        lo, hi = (mid, hi) if total(mid) < budget_usd else (lo, mid)
    return math.floor(lo)


def run_preset(name: str) -> PresetResult:
    """Compute a preset and set it beside its published figure."""
    p = preset(name)
    lines = preset_lines(p)
    published = p.published_busd * 1e9
    bought = math.nan
    if p.kind == "budget" and p.scale_line is not None:
        bought = _affordable(lines, p.scale_line, published, p)
        lines = [ln.with_values(quantity=bought) if ln.name == p.scale_line else ln for ln in lines]
    breakdown = cost_table(lines, p.first_year, p.years, p.dollar_year)
    model = breakdown.total_usd
    sbi = [ln for ln, entry in zip(lines, p.line, strict=True) if entry.item == "sbi"]
    return PresetResult(
        name=p.name,
        label=p.label,
        kind=p.kind,
        breakdown=breakdown,
        model_usd=model,
        published_usd=published,
        residual_pct=100.0 * (model - published) / published,
        drivers=p.drivers,
        assumptions=assumptions(p),
        buys_quantity=bought,
        parts=part_results(p, breakdown),
        sbi_mass_kg=sbi[0].mass_kg if sbi else math.nan,
        sbi_mass_note=p.sbi_mass_note,
    )


def preset_names() -> list[str]:
    """Every preset's name, in file order."""
    return list(cost_presets())


def published_in(p: Preset, base_year: int) -> float:
    """The published figure in dollars of ``base_year`` (for comparing presets)."""
    return p.published_busd * 1e9 * dollar_factor(p.dollar_year, base_year)
