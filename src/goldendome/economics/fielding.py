"""The fielding schedule that fits production, launch and budget limits, year by year.

Each element (a constellation, a magazine, a battery, a radar) has a number of units to
reach, units already fielded, a most it can field each year (production and launch rates)
and a cost per unit (acquisition plus launch, constant dollars: the cost line's average
unit cost, so learning is not modelled year by year), O&S per unit-year and per year, and
one-time costs (development, fixed acquisition) paid evenly in the years before its first
units. Each year the money left after one-time costs, O&S of new units and fixed schedules
goes to the free elements: every one gets what its limits allow if the money covers it,
otherwise the same share of what it could take (pro rata by cost, so no element is
favoured); money not spent one year is not carried over. Units can be fractional (a
battery a quarter built); a unit counts as fielded once whole. Units past their service
life retire and are bought again.

Written by hand: the rule is a few lines of arithmetic per year; a linear program would
choose an order of elements the user did not ask for.
"""

import math
from dataclasses import dataclass

import numpy as np

from goldendome.physics._types import FloatArray

#: Spending categories of a timeline, in the order of the last axis of ``spend_usd``.
SPEND_CATEGORIES: tuple[str, ...] = ("development", "procurement", "launch", "o_and_s")


@dataclass(frozen=True)
class FieldingInputs:
    """Every element's limits and costs over the years (arrays over ``n_el`` elements).

    Attributes
    ----------
    target : (n_el,) float64, units to reach
    in_service : (n_el,) float64, units fielded before the first year
    capacity : (n_el, n_year) float64, most units fielded each year
    fixed : (n_el, n_year) float64, units fielded each year by a fixed schedule (NaN: free)
    unit_usd, launch_usd : (n_el,) float64, constant dollars per unit (acquisition, launch)
    o_and_s_unit_usd, o_and_s_fixed_usd : (n_el,) float64, dollars per unit-year and per year
    one_time_usd : (n_el,) float64, development and fixed acquisition, dollars
    first_index : (n_el,) int, index of the first year units may be fielded
    life_years : (n_el,) float64, service life (inf: not replaced)
    budget_usd : (n_year,) float64, constant dollars a year for the new elements
    """

    target: FloatArray
    in_service: FloatArray
    capacity: FloatArray
    fixed: FloatArray
    unit_usd: FloatArray
    launch_usd: FloatArray
    o_and_s_unit_usd: FloatArray
    o_and_s_fixed_usd: FloatArray
    one_time_usd: FloatArray
    first_index: np.ndarray
    life_years: FloatArray
    budget_usd: FloatArray


@dataclass(frozen=True)
class Fielding:
    """A fitted schedule.

    Attributes
    ----------
    built : (n_el, n_year) float64, units fielded in each year
    fielded : (n_el, n_year) float64, units in service at the end of each year
    spend_usd : (n_el, n_year, n_category) float64, constant dollars by
        :data:`SPEND_CATEGORIES`
    limited_by : (n_el, n_year) str array: "done", "production", "budget", "schedule",
        "not yet" or "" (nothing to build)
    """

    built: FloatArray
    fielded: FloatArray
    spend_usd: FloatArray
    limited_by: np.ndarray

    def whole(self) -> FloatArray:
        """Units in service counted whole (``floor``, with a tolerance of 1e-6)."""
        return np.floor(self.fielded + 1e-6)


def _one_time_by_year(x: FieldingInputs, n_year: int) -> FloatArray:
    """One-time costs spread evenly over the years before the first fielding (at least one)."""
    out = np.zeros((x.target.size, n_year))
    for e in range(x.target.size):
        if x.one_time_usd[e] <= 0:
            continue
        last = int(np.clip(x.first_index[e], 1, n_year))
        out[e, :last] = x.one_time_usd[e] / last
    return out


def _serving(
    in_service: FloatArray, built: FloatArray, life: FloatArray, y: int, *, include_now: bool
) -> FloatArray:
    """Units in service in year ``y``: those before the timeline and those built within
    their service life (a unit built in year b serves years b to b + life - 1)."""
    end = y + 1 if include_now else y
    out = in_service.astype(np.float64).copy()
    for e in range(built.shape[0]):
        start = 0 if not np.isfinite(life[e]) else max(y - int(life[e]) + 1, 0)
        out[e] += built[e, start:end].sum()
    return out


def fit_schedule(x: FieldingInputs) -> Fielding:
    """Field every element year by year within its limits and the budget (module docstring).

    Returns
    -------
    Fielding
    """
    n_el, n_year = x.capacity.shape
    built = np.zeros((n_el, n_year))
    limited = np.full((n_el, n_year), "", dtype=object)
    one_time = _one_time_by_year(x, n_year)
    per_unit = x.unit_usd + x.launch_usd
    life = np.where(np.isfinite(x.life_years), np.ceil(x.life_years), math.inf)
    fielded = np.zeros_like(built)
    for y in range(n_year):
        prior = fielded[:, y - 1] - x.in_service if y > 0 else np.zeros(n_el)
        ops = prior * x.o_and_s_unit_usd + (prior > 1e-9) * x.o_and_s_fixed_usd
        fixed = np.isfinite(x.fixed[:, y])
        built[fixed, y] = x.fixed[fixed, y]
        limited[fixed, y] = "schedule"
        have = _serving(x.in_service, built, life, y, include_now=False)
        want = np.clip(x.target - have, 0.0, None)
        free = ~fixed & (want > 1e-9)
        room = np.where(free, np.minimum(want, x.capacity[:, y]), 0.0)
        committed = one_time[:, y].sum() + ops.sum() + (built[fixed, y] * per_unit[fixed]).sum()
        money = max(x.budget_usd[y] - committed, 0.0)
        cost = float((room * per_unit).sum())
        share = 1.0 if cost <= money else money / cost
        built[free, y] = room[free] * share
        for e in np.flatnonzero(free):
            if y < x.first_index[e] or x.capacity[e, y] == 0:
                limited[e, y] = "not yet"
            elif share < 1.0:
                limited[e, y] = "budget"
            elif room[e] < want[e] - 1e-9:
                limited[e, y] = "production"
            else:
                limited[e, y] = "done"
        limited[~fixed & (want <= 1e-9), y] = "done"
        fielded[:, y] = _serving(x.in_service, built, life, y, include_now=True)
    prior_all = np.concatenate([np.zeros((n_el, 1)), fielded[:, :-1] - x.in_service[:, None]], 1)
    ops_all = prior_all * x.o_and_s_unit_usd[:, None]
    ops_all = ops_all + (prior_all > 1e-9) * x.o_and_s_fixed_usd[:, None]
    spend = np.stack(
        [one_time, built * x.unit_usd[:, None], built * x.launch_usd[:, None], ops_all], axis=-1
    )
    return Fielding(built, fielded, spend, limited)
