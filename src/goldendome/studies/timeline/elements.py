"""A scenario's elements as timeline inputs: the cost line, the production limits and the
user's ``[timeline.elements]`` rules of each, checked against each other.

Bad input is a :class:`~goldendome.economics.CostError` (a ScenarioError) naming the key:
a first year before the item can exist, a fixed schedule above a production limit or before
the element's first year, an element the scenario lacks.
"""

from dataclasses import dataclass, replace

import numpy as np

from goldendome.data.errors import Problem
from goldendome.economics import CostLine, deflator_table, to_constant_usd
from goldendome.economics.errors import check, problem
from goldendome.economics.fielding import FieldingInputs
from goldendome.economics.fielding_data import (
    budget_profile,
    capacity_by_year,
    production_item,
)
from goldendome.physics._types import FloatArray
from goldendome.scenario.cost_elements import scenario_cost_inputs, scenario_elements
from goldendome.scenario.spec import ScenarioSpec


@dataclass(frozen=True)
class TimelineElement:
    """One element on the timeline.

    Attributes
    ----------
    name, kind, item : str
        Element name (as in ``[economics.elements]``), its kind (space, radar, platform,
        magazine, c2) and its cost-catalog item.
    target, in_service : float
        Units the scenario names, units fielded when the timeline starts.
    first_year : int
    line : CostLine
    """

    name: str
    kind: str
    item: str
    target: float
    in_service: float
    first_year: int
    line: CostLine


def _launch_per_unit_usd(line: CostLine) -> float:
    if line.mass_kg <= 0:
        return 0.0
    if line.launch_usd_per_kg > 0:
        return line.mass_kg * line.launch_usd_per_kg
    return line.launch_usd_per_launch / line.satellites_per_launch


def budget_by_year_usd(spec: ScenarioSpec, years: np.ndarray) -> tuple[FloatArray, FloatArray]:
    """The budget each year: then-year dollars and constant dollars of the economics base year."""
    tl = spec.timeline
    if tl.budget_musd is not None:
        given = {int(k): v for k, v in tl.budget_musd.items()}
    else:
        given = {int(k): v for k, v in budget_profile(tl.budget).musd.items()}
    then = np.array([given.get(int(y), 0.0) * 1e6 for y in years])
    const = to_constant_usd(then, years, spec.economics.base_year, deflator_table())
    return then, const


def timeline_elements(spec: ScenarioSpec) -> list[TimelineElement]:
    """Every priced element of ``spec`` with its limits (problems named by key, all at once)."""
    tl = spec.timeline
    inputs = scenario_cost_inputs(spec)
    lines = {line.name: line for line in inputs.lines}
    kinds = {e.name: e.kind for e in scenario_elements(spec)}
    bad: list[Problem] = []
    for name in tl.elements:
        if name not in kinds:
            rule = "not an element of this scenario; elements: " + ", ".join(sorted(kinds))
            bad.append(problem(f"timeline.elements.{name}", None, rule))
    out = []
    for name, line in lines.items():
        key = f"timeline.elements.{name}"
        item = production_item(inputs.items[name], key)
        rules = tl.elements.get(name)
        first = max(item.first_year, tl.first_year)
        if rules is not None and rules.first_year is not None:
            if rules.first_year < item.first_year:
                rule = (
                    f"before a {inputs.items[name]} can be fielded (from {item.first_year}, "
                    f"data/production_rates.toml)"
                )
                bad.append(problem(f"{key}.first_year", rules.first_year, rule))
            first = max(rules.first_year, tl.first_year)
        in_service = line.quantity if item.in_service else 0.0
        if rules is not None and rules.in_service is not None:
            in_service = min(rules.in_service, line.quantity)
        out.append(
            TimelineElement(
                name, kinds[name], inputs.items[name], line.quantity, in_service, first, line
            )
        )
    check(bad, "timeline")
    return _magazines_after_platforms(out)


def _magazines_after_platforms(elements: list[TimelineElement]) -> list[TimelineElement]:
    """A magazine is fielded no earlier than its site's platform (rounds need a launcher)."""
    first = {el.name: el.first_year for el in elements if el.kind == "platform"}
    return [
        replace(el, first_year=max(el.first_year, first.get(el.name.rsplit("/", 1)[0], 0)))
        if el.kind == "magazine"
        else el
        for el in elements
    ]


def fielding_inputs(spec: ScenarioSpec, elements: list[TimelineElement]) -> FieldingInputs:
    """The arrays :func:`~goldendome.economics.fielding.fit_schedule` takes; a fixed schedule
    above a limit or outside the element's years is an error naming its key."""
    tl = spec.timeline
    years = np.arange(tl.first_year, tl.last_year + 1)
    n_el, n_year = len(elements), years.size
    capacity = np.zeros((n_el, n_year))
    fixed = np.full((n_el, n_year), np.nan)
    bad: list[Problem] = []
    for e, el in enumerate(elements):
        cap = capacity_by_year(production_item(el.item, el.name), years)
        cap = np.where(years >= el.first_year, cap, 0.0)
        rules = tl.elements.get(el.name)
        if rules is not None and rules.max_per_year is not None:
            cap = np.minimum(cap, rules.max_per_year)
        capacity[e] = cap
        if rules is None or rules.schedule is None:
            continue
        for year_text, units in sorted(rules.schedule.items()):
            year, key = int(year_text), f"timeline.elements.{el.name}.schedule.{year_text}"
            if not tl.first_year <= year <= tl.last_year:
                rule = f"outside the timeline ({tl.first_year} to {tl.last_year})"
                bad.append(problem(key, units, rule))
            elif year < el.first_year and units > 0:
                rule = f"before the element can be fielded (from {el.first_year})"
                bad.append(problem(key, units, rule))
            elif units > cap[year - tl.first_year] + 1e-9:
                limit = cap[year - tl.first_year]
                rule = (
                    f"more than the production and launch limit allows in {year} "
                    f"({limit:g} a year for {el.item}, data/production_rates.toml)"
                )
                bad.append(problem(key, units, rule))
            else:
                fixed[e, year - tl.first_year] = units
        if np.isfinite(fixed[e]).any():
            fixed[e] = np.where(np.isfinite(fixed[e]), fixed[e], 0.0)
        total = float(np.nansum(fixed[e]))
        if total > el.target - el.in_service + 1e-9:
            rule = (
                f"fields {total:g} units, more than the {el.target - el.in_service:g} the "
                f"scenario still needs"
            )
            bad.append(problem(f"timeline.elements.{el.name}.schedule", None, rule))
    check(bad, "timeline")
    _, budget = budget_by_year_usd(spec, years)
    lines = [el.line for el in elements]
    return FieldingInputs(
        target=np.array([el.target for el in elements]),
        in_service=np.array([el.in_service for el in elements]),
        capacity=capacity,
        fixed=fixed,
        unit_usd=np.array([ln.unit_cost_usd for ln in lines]),
        launch_usd=np.array([_launch_per_unit_usd(ln) for ln in lines]),
        o_and_s_unit_usd=np.array([ln.o_and_s_usd_per_unit_year for ln in lines]),
        o_and_s_fixed_usd=np.array([ln.o_and_s_usd_per_year for ln in lines]),
        one_time_usd=np.array(
            [
                0.0
                if el.in_service >= el.target
                else el.line.development_usd + el.line.fixed_acquisition_usd
                for el in elements
            ]
        ),
        first_index=np.array([max(el.first_year - tl.first_year, 0) for el in elements]),
        life_years=np.array([ln.service_life_years for ln in lines]),
        budget_usd=budget,
    )
