"""The cost catalogs: default cost lines (``data/cost_catalog.toml``) and the deflator
(``data/cost_deflators.toml``), validated like every goldendome catalog.

Files write money in millions of dollars (``unit_cost_musd``) of each entry's
``dollar_year``; :func:`cost_line` turns a catalog entry into a
:class:`~goldendome.economics.lines.CostLine` in dollars of the analysis's base year.
Every value an entry gives needs a source under the same key in its ``[sources]`` table
(:func:`catalog_problems` checks this, and that each ``launch`` names a launch entry).
"""

import dataclasses
import difflib
import functools
import math
from typing import Annotated, Any, Literal

import numpy as np
from pydantic import Field

from goldendome.data.errors import CatalogError, Problem
from goldendome.data.loader import catalog_source, load_catalog
from goldendome.data.quantities import Bounded
from goldendome.data.spec_model import SpecModel
from goldendome.economics.dollars import DeflatorTable
from goldendome.economics.errors import check, problem
from goldendome.economics.lines import CostLine
from goldendome.economics.uncertainty import Distribution

CATALOG_FILE = "cost_catalog.toml"
DEFLATOR_FILE = "cost_deflators.toml"

Money = Annotated[float, Bounded("a cost must be positive", "M$", gt=0)]
Amount = Annotated[float, Bounded("a cost must not be negative", "M$", ge=0)]
_SLOPE_RULE = "learning slope must be in (0, 1]"
Slope = Annotated[float, Bounded(_SLOPE_RULE, gt=0, le=1, upper=_SLOPE_RULE)]
Positive = Annotated[float, Bounded("must be positive", gt=0)]
NonNegative = Annotated[float, Bounded("must not be negative", ge=0)]
Year = Annotated[int, Bounded("a calendar year", ge=1900, le=2200)]
#: [low, high] in the key's file unit.
Range = Annotated[list[float], Field(min_length=2, max_length=2)]


class LaunchEntry(SpecModel):
    """A launch price: per kilogram or per launch."""

    name: str
    usd_per_kg: (
        Annotated[float, Bounded("a launch price must be positive", "$/kg", gt=0)] | None
    ) = None
    musd_per_launch: Money | None = None
    learning_slope: Slope = 1.0
    dollar_year: Year
    sources: dict[str, str]
    ranges: dict[str, Range] = Field(default_factory=dict)


class CostItem(SpecModel):
    """One element's default cost inputs (file units: M$, kg, years)."""

    name: str
    layer: str
    label: str
    dollar_year: Year
    unit_cost_musd: Money
    unit_cost_basis: Literal["average", "first"] = "average"
    learning_slope: Slope = 1.0
    learning_theory: Literal["crawford", "wright"] = "crawford"
    service_life_years: Positive | None = None
    mass_kg: NonNegative = 0.0
    launch: str | None = None
    satellites_per_launch: Positive = 1.0
    o_and_s_musd_per_unit_year: Amount = 0.0
    o_and_s_musd_per_year: Amount = 0.0
    development_musd: Amount = 0.0
    fixed_acquisition_musd: Amount = 0.0
    #: Units bought (and operated) for each element fielded: the aircraft that keep one
    #: continuous airborne orbit, 1 for most items.
    units_per_element: Positive = 1.0
    sources: dict[str, str]
    ranges: dict[str, Range] = Field(default_factory=dict)


class CostCatalog(SpecModel):
    """``cost_catalog.toml``."""

    launch: list[LaunchEntry]
    item: list[CostItem]


class DeflatorEntry(SpecModel):
    """The ``[deflator]`` table of ``cost_deflators.toml``."""

    name: str
    reference_year: Year
    first_year: Year
    source: str
    read: bool
    index: list[Annotated[float, Bounded("a price index must be positive", gt=0)]]
    projection_rate: Annotated[float, Bounded("a yearly rate", gt=-0.5, lt=0.5)]
    projection_source: str
    last_year: Year


class DeflatorCatalog(SpecModel):
    """``cost_deflators.toml``."""

    deflator: DeflatorEntry


_NOT_SOURCED = {"name", "layer", "label", "dollar_year", "sources", "ranges"}


def catalog_problems(catalog: CostCatalog) -> list[Problem]:
    """Cross-entry rules: known launch names, unique names, a source for every value given."""
    found: list[Problem] = []
    launches = {entry.name for entry in catalog.launch}
    groups: tuple[tuple[str, list[LaunchEntry | CostItem]], ...] = (
        ("launch", [*catalog.launch]),
        ("item", [*catalog.item]),
    )
    for kind, entries in groups:
        names: set[str] = set()
        for i, entry in enumerate(entries):
            at = f"{kind}[{i}]"
            if entry.name in names:
                found.append(
                    Problem(f"{at}.name", f'"{entry.name}"', "two entries share this name")
                )
            names.add(entry.name)
            for key in entry.model_fields_set - _NOT_SOURCED:
                if key not in entry.sources:
                    found.append(
                        Problem(f"{at}.{key}", None, "every value needs a source in [sources]")
                    )
            for key in entry.ranges:
                if key not in type(entry).model_fields or key in _NOT_SOURCED:
                    found.append(
                        Problem(f"{at}.ranges.{key}", None, "not a numeric key of the entry")
                    )
    for i, item in enumerate(catalog.item):
        if item.launch is not None and item.launch not in launches:
            found.append(
                Problem(
                    f"item[{i}].launch",
                    f'"{item.launch}"',
                    _closest(item.launch, launches, "launch"),
                )
            )
    for i, entry in enumerate(catalog.launch):
        if (entry.usd_per_kg is None) == (entry.musd_per_launch is None):
            found.append(
                Problem(f"launch[{i}]", None, "give exactly one of usd_per_kg, musd_per_launch")
            )
    return found


def _closest(name: str, known: Any, what: str) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=3, cutoff=0.5)
    hint = "closest: " + ", ".join(close) if close else "known: " + ", ".join(sorted(known))
    return f"unknown {what}; {hint}"


@functools.cache
def cost_catalog() -> CostCatalog:
    """The embedded cost catalog, validated (cached)."""
    catalog = load_catalog(CATALOG_FILE, CostCatalog)
    found = catalog_problems(catalog)
    if found:
        raise CatalogError(catalog_source(CATALOG_FILE), found)
    return catalog


@functools.cache
def deflator_table() -> DeflatorTable:
    """The embedded deflator, the given years followed by the projected ones."""
    entry = load_catalog(DEFLATOR_FILE, DeflatorCatalog).deflator
    given = np.asarray(entry.index, np.float64)
    n_more = entry.last_year - (entry.first_year + given.size - 1)
    more = given[-1] * (1.0 + entry.projection_rate) ** np.arange(1, max(n_more, 0) + 1)
    source = f"{entry.source}; after {entry.first_year + given.size - 1}: {entry.projection_source}"
    return DeflatorTable(entry.first_year, np.concatenate([given, more]), source)


def cost_item(name: str) -> CostItem:
    """A catalog entry by name; an unknown name is an error naming the closest ones."""
    items = {item.name: item for item in cost_catalog().item}
    if name not in items:
        check([problem("item", name, _closest(name, items, "cost line"))])
    return items[name]


def launch_entry(name: str) -> LaunchEntry:
    """A launch price by name (an unknown name is an error naming the closest ones)."""
    entries = {entry.name: entry for entry in cost_catalog().launch}
    if name not in entries:
        check([problem("launch", name, _closest(name, entries, "launch"))])
    return entries[name]


def dollar_factor(dollar_year: int, base_year: int, table: DeflatorTable | None = None) -> float:
    """Dollars of ``base_year`` per dollar of ``dollar_year``."""
    table = table or deflator_table()
    return float(table.at(base_year, "base_year") / table.at(dollar_year, "dollar_year"))


def cost_line(
    item_name: str,
    quantity: float,
    base_year: int,
    *,
    name: str | None = None,
    launch: str | None = None,
    **fields: Any,
) -> CostLine:
    """A :class:`CostLine` from a catalog entry, in dollars of ``base_year``.

    Parameters
    ----------
    item_name : str
        Entry of ``cost_catalog.toml`` (``"sbi"``).
    quantity : float
        Elements fielded; each is the item's ``units_per_element`` units (the aircraft of one
        continuous airborne orbit), so the line's quantity is their product (units).
    base_year : int
        Dollar year of the analysis (must be in the deflator table).
    name : str, optional
        The line's name (default ``item_name``).
    launch : str, optional
        Launch entry replacing the item's.
    **fields
        :class:`CostLine` fields replacing the catalog's (already in base-year dollars).
    """
    item = cost_item(item_name)
    known = {f.name for f in dataclasses.fields(CostLine)} - {"name", "layer", "quantity"}
    check(
        problem(f"lines[{name or item_name}].{key}", None, _closest(key, known, "cost line key"))
        for key in sorted(set(fields) - known)
    )
    k = dollar_factor(item.dollar_year, base_year) * 1e6
    values: dict[str, Any] = {
        "unit_cost_usd": item.unit_cost_musd * k,
        "unit_cost_basis": item.unit_cost_basis,
        "learning_slope": item.learning_slope,
        "learning_theory": item.learning_theory,
        "service_life_years": item.service_life_years or math.inf,
        "mass_kg": item.mass_kg,
        "satellites_per_launch": item.satellites_per_launch,
        "o_and_s_usd_per_unit_year": item.o_and_s_musd_per_unit_year * k,
        "o_and_s_usd_per_year": item.o_and_s_musd_per_year * k,
        "development_usd": item.development_musd * k,
        "fixed_acquisition_usd": item.fixed_acquisition_musd * k,
    }
    launch_name = launch or item.launch
    if launch_name is not None and item.mass_kg > 0:
        entry = launch_entry(launch_name)
        kl = dollar_factor(entry.dollar_year, base_year)
        values["launch_usd_per_kg"] = (entry.usd_per_kg or 0.0) * kl
        values["launch_usd_per_launch"] = (entry.musd_per_launch or 0.0) * kl * 1e6
        values["launch_learning_slope"] = entry.learning_slope
    values.update(fields)
    units = quantity * item.units_per_element
    return CostLine(name=name or item_name, layer=item.layer, quantity=units, **values)


#: Catalog range keys and the CostLine field each one sets (with its unit scale).
_RANGE_FIELDS = {
    "unit_cost_musd": ("unit_cost_usd", 1e6),
    "mass_kg": ("mass_kg", 1.0),
    "service_life_years": ("service_life_years", 1.0),
    "o_and_s_musd_per_unit_year": ("o_and_s_usd_per_unit_year", 1e6),
    "development_musd": ("development_usd", 1e6),
    "usd_per_kg": ("launch_usd_per_kg", 1.0),
}


def default_uncertainty(
    line: CostLine, item_name: str, base_year: int, launch: str | None = None
) -> dict[tuple[str, str], Distribution]:
    """Triangular distributions from the catalog's ``ranges`` for one line.

    The line's own value is the mode; a range that does not bracket it (a preset changed
    the value) is widened to include it.
    """
    item = cost_item(item_name)
    out: dict[tuple[str, str], Distribution] = {}
    sources: list[tuple[dict[str, list[float]], int]] = [(item.ranges, item.dollar_year)]
    launch_name = launch or item.launch
    if launch_name is not None and line.mass_kg > 0:
        entry = launch_entry(launch_name)
        sources.append((entry.ranges, entry.dollar_year))
    for ranges, dollar_year in sources:
        for key, (low, high) in ranges.items():
            if key not in _RANGE_FIELDS:
                continue
            target, scale = _RANGE_FIELDS[key]
            money = key.endswith(("musd", "musd_per_unit_year", "usd_per_kg"))
            k = scale * (dollar_factor(dollar_year, base_year) if money else 1.0)
            mode = float(getattr(line, target))
            lo, hi = min(low * k, mode), max(high * k, mode)
            if lo < hi:
                out[(line.name, target)] = Distribution("triangular", lo, mode, hi)
    return out
