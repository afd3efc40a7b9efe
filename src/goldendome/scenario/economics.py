"""Spec of a scenario's ``[economics]`` table: the cost horizon, per-element overrides of the
cost catalog, and uncertain inputs as distributions.

Every element of a scenario (a space layer, a radar site, an interceptor site's platform and
each of its magazines, the C2 system) carries a cost line from ``data/cost_catalog.toml``
(:mod:`goldendome.scenario.cost_elements` maps them). The table changes that mapping:

```toml
[economics]
first_year = 2027                      # the horizon's first calendar year
years = 20                             # its length
base_year = 2026                       # dollar year of every amount (in the deflator table)

[economics.elements.sbi_layer]         # an element by name: a space layer's key, a site's
unit_cost_musd = 18.0                  # name, "SITE/TYPE" for a magazine, "c2"
service_life_years = 7.0

[economics.uncertain.sbi_layer]        # distributions: low, mode, high (triangular default)
unit_cost_musd = { low = 13.0, mode = 22.0, high = 40.0 }
```

Overrides are in file units (millions of dollars of ``base_year``, kg, years, $/kg).
"""

import difflib
import math
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from goldendome.economics.catalog import (
    Amount,
    Money,
    NonNegative,
    Positive,
    Slope,
    cost_catalog,
    deflator_table,
)
from goldendome.scenario.base import SpecModel
from goldendome.scenario.quantities import Bounded

#: The error type of an economics rule (kept by the loader, unlike cross-field errors).
ECONOMICS_RULE = "economics_rule"

#: Override keys (file units) -> (CostLine field, scale to dollars or SI).
VALUE_FIELDS: dict[str, tuple[str, float]] = {
    "quantity": ("quantity", 1.0),
    "unit_cost_musd": ("unit_cost_usd", 1e6),
    "learning_slope": ("learning_slope", 1.0),
    "service_life_years": ("service_life_years", 1.0),
    "mass_kg": ("mass_kg", 1.0),
    "usd_per_kg": ("launch_usd_per_kg", 1.0),
    "musd_per_launch": ("launch_usd_per_launch", 1e6),
    "satellites_per_launch": ("satellites_per_launch", 1.0),
    "launch_learning_slope": ("launch_learning_slope", 1.0),
    "o_and_s_musd_per_unit_year": ("o_and_s_usd_per_unit_year", 1e6),
    "o_and_s_musd_per_year": ("o_and_s_usd_per_year", 1e6),
    "development_musd": ("development_usd", 1e6),
    "fixed_acquisition_musd": ("fixed_acquisition_usd", 1e6),
}
#: Schedule keys (whole years from the horizon's first year).
YEAR_FIELDS = ("deploy_start_year", "deploy_years", "development_start_year", "development_years")

#: Bounds a distribution's low and high must keep, per key: (lowest, low inclusive, highest).
_DRAW_BOUNDS: dict[str, tuple[float, bool, float]] = {
    "quantity": (0.0, True, math.inf),
    "unit_cost_musd": (0.0, False, math.inf),
    "learning_slope": (0.0, False, 1.0),
    "service_life_years": (0.0, False, math.inf),
    "satellites_per_launch": (0.0, False, math.inf),
    "launch_learning_slope": (0.0, False, 1.0),
}

Quantity = Annotated[float, Bounded("a quantity must not be negative", ge=0, le=1e7)]
Offset = Annotated[int, Bounded("a start year counts from 0 (the first year)", ge=0, le=100)]
Span = Annotated[int, Bounded("a schedule lasts at least 1 year", ge=1, le=100)]
LaunchPrice = Annotated[float, Bounded("a launch price must be positive", "$/kg", gt=0)]


def _rule(message: str) -> PydanticCustomError:
    return PydanticCustomError(ECONOMICS_RULE, "{rule}", {"rule": message})


def _known_item(value: str | None) -> str | None:
    """``value`` if it names an item of the cost catalog (None passes)."""
    names = [item.name for item in cost_catalog().item]
    if value is not None and value not in names:
        close = difflib.get_close_matches(value, names, n=3, cutoff=0.5)
        hint = "closest: " + ", ".join(close) if close else "known: " + ", ".join(names)
        raise _rule(f"unknown cost line (data/cost_catalog.toml); {hint}")
    return value


def _known_launch(value: str | None) -> str | None:
    """``value`` if it names a launch price of the cost catalog (None passes)."""
    names = [entry.name for entry in cost_catalog().launch]
    if value is not None and value not in names:
        raise _rule("unknown launch price (data/cost_catalog.toml); known: " + ", ".join(names))
    return value


class ElementCostSpec(SpecModel):
    """Overrides of one element's cost line (file units, dollars of the base year)."""

    item: str | None = None
    include: bool = True
    launch: str | None = None
    quantity: Quantity | None = None
    unit_cost_musd: Money | None = None
    learning_slope: Slope | None = None
    service_life_years: Positive | None = None
    mass_kg: NonNegative | None = None
    usd_per_kg: LaunchPrice | None = None
    musd_per_launch: Money | None = None
    satellites_per_launch: Positive | None = None
    launch_learning_slope: Slope | None = None
    o_and_s_musd_per_unit_year: Amount | None = None
    o_and_s_musd_per_year: Amount | None = None
    development_musd: Amount | None = None
    fixed_acquisition_musd: Amount | None = None
    deploy_start_year: Offset | None = None
    deploy_years: Span | None = None
    development_start_year: Offset | None = None
    development_years: Span | None = None

    @field_validator("item")
    @classmethod
    def _item_known(cls, value: str | None) -> str | None:
        return _known_item(value)

    @field_validator("launch")
    @classmethod
    def _launch_known(cls, value: str | None) -> str | None:
        return _known_launch(value)

    def fields(self) -> dict[str, Any]:
        """The given overrides as :class:`~goldendome.economics.lines.CostLine` fields."""
        out: dict[str, Any] = {}
        for key, (target, scale) in VALUE_FIELDS.items():
            value = getattr(self, key)
            if value is not None and key != "quantity":
                out[target] = value * scale
        for key in YEAR_FIELDS:
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out


class DistributionSpec(SpecModel):
    """An uncertain input by low, mode and high (see :mod:`goldendome.economics.uncertainty`)."""

    kind: Literal["triangular", "uniform", "lognormal"] = "triangular"
    low: float
    mode: float
    high: float

    @model_validator(mode="after")
    def _ordered(self) -> "DistributionSpec":
        if not (self.low <= self.mode <= self.high and self.low < self.high):
            raise _rule("a distribution needs low <= mode <= high and low < high")
        if self.kind == "lognormal" and self.low <= 0:
            raise _rule("a lognormal distribution needs low > 0")
        return self


Draw = DistributionSpec | None


class UncertainSpec(SpecModel):
    """Distributions of one element's inputs, by override key (file units)."""

    quantity: Draw = None
    unit_cost_musd: Draw = None
    learning_slope: Draw = None
    service_life_years: Draw = None
    mass_kg: Draw = None
    usd_per_kg: Draw = None
    musd_per_launch: Draw = None
    satellites_per_launch: Draw = None
    launch_learning_slope: Draw = None
    o_and_s_musd_per_unit_year: Draw = None
    o_and_s_musd_per_year: Draw = None
    development_musd: Draw = None
    fixed_acquisition_musd: Draw = None

    @field_validator("*")
    @classmethod
    def _in_bounds(cls, value: Draw, info: ValidationInfo) -> Draw:
        if value is None or info.field_name is None:
            return value
        lowest, inclusive, highest = _DRAW_BOUNDS.get(info.field_name, (0.0, True, math.inf))
        too_low = value.low < lowest if inclusive else value.low <= lowest
        if too_low:
            sign = ">=" if inclusive else ">"
            raise _rule(f"low = {value.low:g} must be {sign} {lowest:g} for this input")
        if value.high > highest:
            raise _rule(f"high = {value.high:g} must be at most {highest:g} (a learning slope)")
        return value

    def draws(self) -> dict[str, DistributionSpec]:
        """The given distributions by override key."""
        return {k: getattr(self, k) for k in VALUE_FIELDS if getattr(self, k) is not None}


def _in_deflator(value: int) -> int:
    table = deflator_table()
    if not table.first_year <= value <= table.last_year:
        raise _rule(
            f"base year outside the deflator table ({table.first_year} to {table.last_year}, "
            "data/cost_deflators.toml); choose a year it covers"
        )
    return value


Year = Annotated[int, Bounded("a calendar year", ge=1900, le=2200)]
ElementName = Annotated[str, Field(min_length=1, max_length=200)]


class EconomicsSpec(SpecModel):
    """The ``[economics]`` table: horizon, dollar year, overrides and distributions.

    Defaults follow CBO's 2026 estimate (a 20-year horizon from 2027 in 2026 dollars) and
    field every element over four years (goldendome assumption, as the CBO 2026 preset).
    """

    first_year: Year = 2027
    years: Annotated[int, Bounded("the horizon lasts 1 to 100 years", ge=1, le=100)] = 20
    base_year: Year = 2026
    deploy_years: Span = 4
    development_years: Span = 4
    draws: Annotated[int, Bounded("draws lie in [100, 1,000,000]", ge=100, le=1_000_000)] = 10_000
    catalog_ranges: bool = False
    elements: dict[ElementName, ElementCostSpec] = Field(default_factory=dict)
    uncertain: dict[ElementName, UncertainSpec] = Field(default_factory=dict)

    @field_validator("base_year")
    @classmethod
    def _base_year_in_table(cls, value: int) -> int:
        return _in_deflator(value)
