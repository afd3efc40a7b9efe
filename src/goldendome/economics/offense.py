"""What the offense pays (``data/offense_costs.toml``: a unit cost per threat class and a
decoy's share of it) and published arsenal projections (``data/threat_growth.toml``), for
the offense-defense exchange (``goldendome exchange``)."""

import difflib
import functools
from typing import Annotated

import numpy as np
from pydantic import Field, RootModel

from goldendome.data.loader import load_catalog
from goldendome.data.spec_model import SpecModel
from goldendome.economics.errors import check, problem
from goldendome.physics._types import ArrayLike, FloatArray

OFFENSE_FILE = "offense_costs.toml"
GROWTH_FILE = "threat_growth.toml"

Musd = Annotated[float, Field(gt=0)]


class DecoyCost(SpecModel):
    """A decoy's cost as a share of its missile's."""

    share_of_missile: Annotated[float, Field(ge=0, le=1)]


class ClassCost(SpecModel):
    """One threat class's unit cost (M$) with its range and dollar year."""

    name: str
    unit_cost_musd: Musd
    low_musd: Musd
    high_musd: Musd
    dollar_year: int


class OffenseCatalog(SpecModel):
    """``data/offense_costs.toml``."""

    decoy: DecoyCost
    class_: list[ClassCost] = Field(alias="class")


class Growth(SpecModel):
    """A published projection: counts by year (linear between them) and its source."""

    description: str
    source: str
    counts: dict[Annotated[str, Field(pattern=r"^(19|20)\d\d$")], Annotated[float, Field(ge=0)]]

    def at(self, years: ArrayLike) -> FloatArray:
        """Counts in ``years`` (linear between the years given, flat outside), float64."""
        known = sorted((int(k), v) for k, v in self.counts.items())
        xs = np.array([k for k, _ in known], np.float64)
        ys = np.array([v for _, v in known], np.float64)
        return np.asarray(np.interp(np.asarray(years, np.float64), xs, ys), np.float64)

    @property
    def first_year(self) -> int:
        """The first year with a count."""
        return min(int(k) for k in self.counts)

    @property
    def last_year(self) -> int:
        """The last year with a count."""
        return max(int(k) for k in self.counts)


class GrowthCatalog(RootModel[dict[str, Growth]]):
    """``data/threat_growth.toml``: name -> projection."""


@functools.cache
def offense_catalog() -> OffenseCatalog:
    """The embedded offense costs."""
    return load_catalog(OFFENSE_FILE, OffenseCatalog)


def missile_cost_usd(threat_class: str, key: str = "threat class") -> float:
    """A missile's unit cost in dollars; a class without one is an error naming ``key``."""
    costs = {c.name: c for c in offense_catalog().class_}
    if threat_class not in costs:
        close = difflib.get_close_matches(threat_class, list(costs), n=3)
        rule = f"no offense cost in data/{OFFENSE_FILE}" + (
            f"; classes priced: {', '.join(close or sorted(costs))}"
        )
        check([problem(key, threat_class, rule)], "exchange")
    return costs[threat_class].unit_cost_musd * 1e6


def decoy_cost_usd(threat_class: str) -> float:
    """One decoy's cost on a missile of ``threat_class``, dollars."""
    return offense_catalog().decoy.share_of_missile * missile_cost_usd(threat_class)


@functools.cache
def growth_catalog() -> dict[str, Growth]:
    """The embedded arsenal projections, by name."""
    return load_catalog(GROWTH_FILE, GrowthCatalog).root


def growth(name: str, key: str = "growth") -> Growth:
    """A projection by name; an unknown name is an error listing the known ones."""
    known = growth_catalog()
    if name not in known:
        rule = f"unknown threat-growth preset; presets: {', '.join(sorted(known))}"
        check([problem(key, name, rule)], "exchange")
    return known[name]
