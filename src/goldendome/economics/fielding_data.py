"""The timeline's catalogs: production and launch limits per cost-catalog item
(``data/production_rates.toml``) and budget profiles (``data/budget_profiles.toml``).

Both files give values by calendar year as step profiles: a value holds from the year given
until the next year given (``{2026 = 96, 2033 = 400}``: 96 a year 2026-2032, 400 from
2033). Every value names its public source in the file, or is marked a goldendome
assumption.
"""

import difflib
import functools
from typing import Annotated

import numpy as np
from pydantic import Field, RootModel

from goldendome.data.loader import load_catalog
from goldendome.data.spec_model import SpecModel
from goldendome.economics.errors import check, problem
from goldendome.physics._types import ArrayLike, FloatArray

PRODUCTION_FILE = "production_rates.toml"
BUDGET_FILE = "budget_profiles.toml"

YearKey = Annotated[str, Field(pattern=r"^(19|20)\d\d$")]
Rate = Annotated[float, Field(ge=0)]


class ProductionItem(SpecModel):
    """One catalog item's limits: first year, whether it is fielded today, units a year."""

    first_year: int
    in_service: bool
    rate_per_year: dict[YearKey, Rate]
    launches_per_year: dict[YearKey, Rate] | None = None
    satellites_per_launch: Annotated[float, Field(gt=0)] = 1.0


class ProductionCatalog(RootModel[dict[str, ProductionItem]]):
    """``data/production_rates.toml``: item name -> limits."""


class BudgetProfile(SpecModel):
    """A published (or assumed) budget: then-year M$ per calendar year, with its source."""

    description: str
    source: str
    musd: dict[YearKey, Annotated[float, Field(ge=0)]]


class BudgetCatalog(RootModel[dict[str, BudgetProfile]]):
    """``data/budget_profiles.toml``: profile name -> profile."""


def step_profile(values: dict[str, float], years: ArrayLike) -> FloatArray:
    """A step profile by year: each value holds from its year until the next one given.

    Parameters
    ----------
    values : dict of str (a year) to float
    years : (n_year,) int, calendar years

    Returns
    -------
    (n_year,) float64; 0 before the first year given
    """
    y = np.asarray(years, np.int64)
    out = np.zeros(y.shape, np.float64)
    for start, value in sorted((int(k), v) for k, v in values.items()):
        out[y >= start] = value
    return out


@functools.cache
def production_catalog() -> dict[str, ProductionItem]:
    """The embedded production and launch limits, by cost-catalog item."""
    return load_catalog(PRODUCTION_FILE, ProductionCatalog).root


@functools.cache
def budget_catalog() -> dict[str, BudgetProfile]:
    """The embedded budget profiles, by name."""
    return load_catalog(BUDGET_FILE, BudgetCatalog).root


def production_item(item: str, key: str) -> ProductionItem:
    """An item's limits; an item the file lacks is an error naming ``key``."""
    items = production_catalog()
    if item not in items:
        close = difflib.get_close_matches(item, list(items), n=3)
        rule = f"no production limits for catalog item '{item}' in data/{PRODUCTION_FILE}" + (
            f"; closest: {', '.join(close)}" if close else ""
        )
        check([problem(key, None, rule)], "timeline")
    return items[item]


def budget_profile(name: str, key: str = "timeline.budget") -> BudgetProfile:
    """A budget profile by name; an unknown name is an error listing the known ones."""
    profiles = budget_catalog()
    if name not in profiles:
        rule = f"unknown budget profile; profiles: {', '.join(sorted(profiles))}"
        check([problem(key, name, rule)], "timeline")
    return profiles[name]


def capacity_by_year(item: ProductionItem, years: ArrayLike) -> FloatArray:
    """Units of ``item`` that can be fielded each year: production, and launches for space.

    Parameters
    ----------
    item : ProductionItem
    years : (n_year,) int, calendar years

    Returns
    -------
    (n_year,) float64, units a year (0 before the item's first year)
    """
    y = np.asarray(years, np.int64)
    cap = step_profile(item.rate_per_year, y)
    if item.launches_per_year is not None:
        launches = step_profile(item.launches_per_year, y)
        cap = np.minimum(cap, launches * item.satellites_per_launch)
    return np.where(y >= item.first_year, cap, 0.0)
