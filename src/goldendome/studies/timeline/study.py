"""The timeline study: fit the fielding schedule, then run the kill chain on each year's
architecture against the scenario's raid (the run pipeline, modest trials, the raid flown
once for every year; a year whose architecture equals an earlier year's reuses that run:
:mod:`goldendome.studies.timeline.year_runs`)."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from goldendome.economics import deflator_table, to_then_year_usd
from goldendome.economics.fielding import SPEND_CATEGORIES, Fielding, fit_schedule
from goldendome.interceptors.ground_based import interceptor_types
from goldendome.physics._types import FloatArray
from goldendome.scenario.loader import parse_toml
from goldendome.scenario.spec import ScenarioSpec
from goldendome.studies.timeline.architecture import year_mapping
from goldendome.studies.timeline.elements import (
    TimelineElement,
    budget_by_year_usd,
    fielding_inputs,
    timeline_elements,
)
from goldendome.studies.timeline.year_runs import YearProgress, run_years


@dataclass(frozen=True)
class YearResult:
    """One year: what is in service, what it cost, what the kill chain did with it.

    Attributes
    ----------
    year : int
    fielded : dict of str to float
        Units in service at the year's end, by element (whole units).
    built : dict of str to float
        Units fielded in the year (fractions: part of a battery or site paid for).
    limited_by : dict of str to str
        What held each element back that year ("production", "budget", "not yet", ...).
    spend_usd, spend_then_year_usd : dict of str to float
        Spending on the new elements by category, constant and then-year dollars.
    budget_usd, budget_then_year_usd : float
    existing_o_and_s_usd : float
        O&S of what was in service before the timeline (outside the budget), constant $.
    layers : list of str
        Engagement layers that exist: boost, midcourse, terminal.
    kill_chain : dict
        ``p_zero_leakers``, ``p_zero_leakers_95``, ``expected_leakers``,
        ``expected_leakers_stderr``, ``trials``, ``run_folder``, ``same_as`` (a year whose
        run is reused) or None when the raid is empty.
    """

    year: int
    fielded: dict[str, float]
    built: dict[str, float]
    limited_by: dict[str, str]
    spend_usd: dict[str, float]
    spend_then_year_usd: dict[str, float]
    budget_usd: float
    budget_then_year_usd: float
    existing_o_and_s_usd: float
    layers: list[str]
    kill_chain: dict[str, Any] | None


@dataclass(frozen=True)
class TimelineResult:
    """The whole timeline: its elements, the fitted schedule and every year's result."""

    scenario: str
    base_year: int
    budget: str
    elements: list[TimelineElement]
    fielding: Fielding
    years: list[YearResult] = field(default_factory=list)


def _layers(mapping: dict[str, Any]) -> list[str]:
    phases = {name: t.phase for name, t in interceptor_types().items()}
    out = {"boost"} if "sbi" in mapping else set()
    for site in mapping.get("sites", []):
        for battery in site.get("interceptors", []):
            if battery.get("count", 0) > 0:
                out.add(phases.get(battery["type"], "midcourse"))
    order = ["boost", "midcourse", "terminal"]
    return [name for name in order if name in out] + sorted(out - set(order))


def _by_category(values: FloatArray) -> dict[str, float]:
    return {c: float(v) for c, v in zip(SPEND_CATEGORIES, values, strict=True)}


def run_timeline(
    spec: ScenarioSpec,
    text: str,
    runs_dir: Path,
    *,
    trials: int | None = 200,
    workers: int | None = 0,
    kill_chain: bool = True,
    jobs: int = 1,
    progress: YearProgress | None = None,
) -> TimelineResult:
    """Fit the schedule of ``spec``'s ``[timeline]`` and run each year's architecture.

    Parameters
    ----------
    spec : ScenarioSpec
    text : str
        The scenario text ``spec`` was read from (each year's scenario is written from it).
    runs_dir : Path
        Where each year's run folder is written.
    trials : int, optional
        Monte Carlo trials per year (None: the scenario's).
    workers : int, optional
        Local Dask workers per run (0: in this process).
    kill_chain : bool
        False: the schedule and the money only, no runs.
    jobs : int
        Years run at once in worker processes (1: one after the other, in this process).
    progress : callable, optional
        ``progress(year, done, total)`` after each distinct architecture's run.

    Raises
    ------
    goldendome.economics.CostError
        Bad timeline input, each problem naming its key.
    """
    tl = spec.timeline
    elements = timeline_elements(spec)
    fitted = fit_schedule(fielding_inputs(spec, elements))
    years = np.arange(tl.first_year, tl.last_year + 1)
    base = spec.economics.base_year
    budget_then, budget_const = budget_by_year_usd(spec, years)
    whole = fitted.whole()
    data = parse_toml(text, spec.name)
    existing = sum(
        el.in_service * el.line.o_and_s_usd_per_unit_year
        + (el.in_service > 0) * el.line.o_and_s_usd_per_year
        for el in elements
    )
    mappings = [
        year_mapping(data, elements, {el.name: float(whole[e, y]) for e, el in enumerate(elements)})
        for y in range(years.size)
    ]
    runs = (
        run_years(spec.name, years.tolist(), mappings, runs_dir, trials, workers, jobs, progress)
        if kill_chain
        else {}
    )
    out: list[YearResult] = []
    for y, year in enumerate(years.tolist()):
        spend = fitted.spend_usd[:, y, :].sum(axis=0)
        then = to_then_year_usd(spend, year, base, deflator_table())
        out.append(
            YearResult(
                year=year,
                fielded={el.name: float(whole[e, y]) for e, el in enumerate(elements)},
                built={el.name: float(fitted.built[e, y]) for e, el in enumerate(elements)},
                limited_by={el.name: str(fitted.limited_by[e, y]) for e, el in enumerate(elements)},
                spend_usd=_by_category(spend),
                spend_then_year_usd=_by_category(then),
                budget_usd=float(budget_const[y]),
                budget_then_year_usd=float(budget_then[y]),
                existing_o_and_s_usd=float(existing),
                layers=_layers(mappings[y]),
                kill_chain=runs.get(year),
            )
        )
    return TimelineResult(
        spec.name, base, tl.budget if tl.budget_musd is None else "user", elements, fitted, out
    )
