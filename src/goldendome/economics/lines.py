"""A cost line: one element's cost inputs, and what it costs by year and category.

A :class:`CostLine` describes one element of an architecture (an SBI constellation, a radar,
a battery and its magazine, C2) in constant dollars of one base year. :func:`line_cost_usd`
lays it out over a horizon as ``(..., n_year, n_category)`` dollars, in the categories of
:data:`CATEGORIES`:

* ``development``: non-recurring cost, spread over its years;
* ``procurement``: the initial buy along the learning curve, plus any fixed acquisition
  (ground segment, facilities);
* ``launch``: putting the initial buy on orbit;
* ``o_and_s``: operations and support per fielded unit and per year;
* ``replenishment``: units bought *and launched* again when their service life ends
  (they continue the same learning curves as the initial buy).

Any numeric field can be replaced by an array of draws (``overrides``), which is how
:mod:`goldendome.economics.uncertainty` evaluates 10,000 draws in one pass.
"""

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from typing import Literal

import numpy as np

from goldendome.economics.errors import Problem, check, problem
from goldendome.economics.launch import launch_cost_by_year_usd
from goldendome.economics.learning import THEORIES, Theory, first_unit_from_average_usd
from goldendome.economics.procurement import build_schedule, procurement_by_year_usd
from goldendome.economics.schedule import development_by_year_usd, spread_by_year_usd
from goldendome.economics.sustainment import (
    fielded_by_year,
    o_and_s_by_year_usd,
    replenishment_by_year,
)
from goldendome.physics._types import ArrayLike, FloatArray

CATEGORIES: tuple[str, ...] = ("development", "procurement", "launch", "o_and_s", "replenishment")
N_CATEGORY = len(CATEGORIES)

#: Fields that hold amounts of money and must be >= 0 (unit_cost_usd must be > 0 with units).
_MONEY = (
    "unit_cost_usd",
    "launch_usd_per_kg",
    "launch_usd_per_launch",
    "o_and_s_usd_per_unit_year",
    "o_and_s_usd_per_year",
    "development_usd",
    "fixed_acquisition_usd",
)
_SLOPES = ("learning_slope", "launch_learning_slope")


@dataclass(frozen=True)
class CostLine:
    """One element's cost inputs, constant dollars of the base year.

    Attributes
    ----------
    name, layer : str
        The element (``"sbi"``) and the layer it belongs to (``"space"``).
    quantity : float
        Units fielded (satellites, interceptors, radars; 1 for a one-off system).
    unit_cost_usd : float
        Recurring cost per unit, dollars: the average over ``quantity`` units
        (``unit_cost_basis = "average"``, as studies state it) or the first unit's.
    unit_cost_basis : {"average", "first"}
    learning_slope : float
        Production learning slope, (0, 1]; 1 is no learning.
    learning_theory : {"crawford", "wright"}
    deploy_start_year, deploy_years : int
        The initial buy: first year (from the horizon's first year, 0) and length.
    service_life_years : float
        Years a unit lasts before it is replaced (``inf``: not replaced in the horizon).
    mass_kg : float
        On-orbit mass per unit (0 for a ground element: no launch cost).
    launch_usd_per_kg, launch_usd_per_launch : float
        Launch price per kilogram (used if > 0), else per launch.
    satellites_per_launch : float
    launch_learning_slope : float
        Learning slope over the cumulative launch count, (0, 1].
    o_and_s_usd_per_unit_year, o_and_s_usd_per_year : float
        O&S per fielded unit per year, and fixed O&S per year once fielded.
    development_usd : float
        Non-recurring development cost.
    development_start_year, development_years : int
    fixed_acquisition_usd : float
        One-time acquisition not per unit (ground segment, facilities, C2 hardware), spread
        over the deployment years.
    """

    name: str
    layer: str
    quantity: float = 0.0
    unit_cost_usd: float = 0.0
    unit_cost_basis: Literal["average", "first"] = "average"
    learning_slope: float = 1.0
    learning_theory: Theory = "crawford"
    deploy_start_year: int = 0
    deploy_years: int = 1
    service_life_years: float = math.inf
    mass_kg: float = 0.0
    launch_usd_per_kg: float = 0.0
    launch_usd_per_launch: float = 0.0
    satellites_per_launch: float = 1.0
    launch_learning_slope: float = 1.0
    o_and_s_usd_per_unit_year: float = 0.0
    o_and_s_usd_per_year: float = 0.0
    development_usd: float = 0.0
    development_start_year: int = 0
    development_years: int = 1
    fixed_acquisition_usd: float = 0.0

    def __post_init__(self) -> None:
        check(self.problems())

    def problems(self) -> Iterator[Problem]:
        """What is wrong with this line, each problem naming ``lines[name].key``."""
        at = f"lines[{self.name}]"
        for key in _MONEY:
            value = getattr(self, key)
            if not (math.isfinite(value) and value >= 0):
                yield problem(f"{at}.{key}", value, "a cost must be a finite number >= 0")
        if self.quantity > 0 and self.unit_cost_usd == 0:
            yield problem(f"{at}.unit_cost_usd", self.unit_cost_usd, "a unit cost must be > 0")
        if not (math.isfinite(self.quantity) and self.quantity >= 0):
            yield problem(f"{at}.quantity", self.quantity, "a quantity must be >= 0")
        for key in _SLOPES:
            value = getattr(self, key)
            if not 0 < value <= 1:
                yield problem(f"{at}.{key}", value, "learning slope must be in (0, 1]")
        if self.learning_theory not in THEORIES:
            yield problem(
                f"{at}.learning_theory", self.learning_theory, "must be one of: crawford, wright"
            )
        if self.unit_cost_basis not in ("average", "first"):
            yield problem(
                f"{at}.unit_cost_basis", self.unit_cost_basis, "must be one of: average, first"
            )
        if not self.service_life_years > 0:
            yield problem(
                f"{at}.service_life_years",
                self.service_life_years,
                "a service life must be > 0 years",
            )
        if not self.satellites_per_launch > 0:
            yield problem(f"{at}.satellites_per_launch", self.satellites_per_launch, "must be > 0")
        for key in ("deploy_years", "development_years"):
            if getattr(self, key) < 1:
                yield problem(f"{at}.{key}", getattr(self, key), "must be at least 1 year")
        for key in ("mass_kg", "deploy_start_year", "development_start_year"):
            if getattr(self, key) < 0:
                yield problem(f"{at}.{key}", getattr(self, key), "must be >= 0")

    def with_values(self, **values: float) -> "CostLine":
        """A copy with some fields changed (checked again)."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data.update(values)
        return CostLine(**data)


#: Fields a distribution may replace (numbers that enter the formulas as arrays).
UNCERTAIN_FIELDS: tuple[str, ...] = (
    "quantity",
    "unit_cost_usd",
    "learning_slope",
    "service_life_years",
    "mass_kg",
    "launch_usd_per_kg",
    "launch_usd_per_launch",
    "satellites_per_launch",
    "launch_learning_slope",
    "o_and_s_usd_per_unit_year",
    "o_and_s_usd_per_year",
    "development_usd",
    "fixed_acquisition_usd",
)


def line_cost_usd(
    line: CostLine, n_year: int, overrides: Mapping[str, ArrayLike] | None = None
) -> FloatArray:
    """One line's cost by year and category.

    Parameters
    ----------
    line : CostLine
    n_year : int
        Length of the horizon in years.
    overrides : mapping of field name to (...) float64, optional
        Values (arrays of draws) replacing the line's fields of :data:`UNCERTAIN_FIELDS`;
        they must broadcast together.

    Returns
    -------
    (..., n_year, n_category) float64, constant dollars
        Categories in the order of :data:`CATEGORIES`.
    """
    given = dict(overrides or {})
    unknown = sorted(set(given) - set(UNCERTAIN_FIELDS))
    check(
        problem(f"lines[{line.name}].{key}", None, "cannot be drawn from a distribution")
        for key in unknown
    )

    def v(key: str) -> FloatArray:
        return np.asarray(given.get(key, getattr(line, key)), np.float64)

    quantity = v("quantity")
    theory = line.learning_theory
    initial = build_schedule(quantity, line.deploy_start_year, line.deploy_years, n_year)
    repl = replenishment_by_year(initial, v("service_life_years"))
    bought = initial + repl
    share_initial = np.where(bought > 0, initial / np.where(bought > 0, bought, 1.0), 1.0)
    slope = v("learning_slope")
    if line.unit_cost_basis == "average":
        first = first_unit_from_average_usd(
            v("unit_cost_usd"), np.maximum(quantity, 1.0), slope, theory
        )
    else:
        first = v("unit_cost_usd")
    buy = procurement_by_year_usd(bought, first, slope, theory)
    fly = launch_cost_by_year_usd(
        bought,
        v("mass_kg"),
        v("satellites_per_launch"),
        v("launch_usd_per_kg"),
        v("launch_usd_per_launch"),
        v("launch_learning_slope"),
        theory,
    )
    fly = np.where(np.asarray(v("mass_kg"))[..., None] > 0, fly, 0.0)
    fixed_buy = spread_by_year_usd(
        v("fixed_acquisition_usd"), line.deploy_start_year, line.deploy_years, n_year
    )
    dev = development_by_year_usd(
        v("development_usd"), line.development_start_year, line.development_years, n_year
    )
    fielded = fielded_by_year(initial)
    ops = o_and_s_by_year_usd(
        np.where(quantity[..., None] > 0, fielded, 1.0 * (fixed_buy.cumsum(axis=-1) > 0)),
        v("o_and_s_usd_per_unit_year"),
        v("o_and_s_usd_per_year"),
    )
    parts = np.broadcast_arrays(
        dev,
        buy * share_initial + fixed_buy,
        fly * share_initial,
        ops,
        (buy + fly) * (1.0 - share_initial),
    )
    return np.stack(parts, axis=-1)
