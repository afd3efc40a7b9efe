"""The api's strategic questions: the deployment timeline (what is fielded each year, what
it costs, what it can do) and the offense-defense exchange (what restores an adversary's
penetration, and who pays more).

Re-exported by :mod:`goldendome.api`; import from there.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from goldendome.api.runs import read_scenario
from goldendome.scenario import ScenarioSpec

if TYPE_CHECKING:
    from goldendome.studies.exchange import ExchangeResult
    from goldendome.studies.partners import PartnersResult
    from goldendome.studies.timeline import TimelineResult, YearProgress

__all__ = [
    "exchange",
    "exchange_report",
    "partners",
    "partners_report",
    "timeline",
    "timeline_report",
]


def timeline(
    scenario: str | Path | None = None,
    *,
    changes: Mapping[str, Any] | None = None,
    first_year: int | None = None,
    last_year: int | None = None,
    budget: str | None = None,
    trials: int | None = 200,
    workers: int | None = 0,
    runs_dir: str | Path = "runs",
    kill_chain: bool = True,
    jobs: int = 1,
    progress: YearProgress | None = None,
) -> TimelineResult:
    """What is fielded each year within production, launch and budget limits, what it costs,
    and what the kill chain does with that year's architecture (``goldendome timeline``).

    Parameters
    ----------
    scenario : str or Path, optional
        A scenario file or embedded name; the default when omitted. Its ``[timeline]`` table
        (defaults when absent) sets the years, the budget and per-element rules.
    changes : mapping, optional
        Changes by key path before validation (see :func:`read_scenario`).
    first_year, last_year : int, optional
        Override ``timeline.first_year`` and ``timeline.last_year``.
    budget : str, optional
        A profile of ``data/budget_profiles.toml`` (overrides ``timeline.budget``).
    trials : int, optional
        Monte Carlo trials per year (None: the scenario's ``[monte_carlo]``).
    workers : int, optional
        Local Dask workers per run (0: in this process, the default).
    runs_dir : str or Path
        Where each year's run folder is written.
    kill_chain : bool
        False: only the schedule and the money, no runs (fast).
    jobs : int
        Years run at once in worker processes (1: one after the other in this process).
    progress : callable, optional
        ``progress(year, done, total)`` after each distinct year's run.

    Raises
    ------
    ScenarioError
        Bad input (the scenario, or the timeline: a first year before an element can exist, a
        schedule above a production limit), each problem naming its key.
    """
    from goldendome.studies.timeline import run_timeline

    spec, text = read_scenario(scenario, changes=changes)
    given = {"first_year": first_year, "last_year": last_year, "budget": budget}
    given = {key: value for key, value in given.items() if value is not None}
    if given:
        spec = _with_timeline(spec, given)
    return run_timeline(
        spec,
        text,
        Path(runs_dir),
        trials=trials,
        workers=workers,
        kill_chain=kill_chain,
        jobs=jobs,
        progress=progress,
    )


def _with_timeline(spec: ScenarioSpec, given: dict[str, Any]) -> ScenarioSpec:
    """``spec`` with some ``[timeline]`` keys replaced, validated (problems named by key)."""
    from pydantic import ValidationError

    from goldendome.data.errors import Problem, ScenarioError
    from goldendome.scenario.timeline import TimelineSpec

    data = spec.timeline.model_dump(exclude_none=True) | given
    try:
        timeline = TimelineSpec.model_validate(data)
    except ValidationError as exc:
        found = [
            Problem(
                path="timeline." + ".".join(str(p) for p in e["loc"]) if e["loc"] else "timeline",
                value=None,
                rule=e["msg"],
            )
            for e in exc.errors()
        ]
        raise ScenarioError("timeline", found) from None
    return spec.model_copy(update={"timeline": timeline})


def timeline_report(result: TimelineResult) -> dict[str, Any]:
    """A timeline as plain data (what ``goldendome timeline --json`` prints)."""
    return {
        "scenario": result.scenario,
        "base_year": result.base_year,
        "budget": result.budget,
        "elements": [
            {
                "element": el.name,
                "kind": el.kind,
                "item": el.item,
                "target": el.target,
                "in_service": el.in_service,
                "first_year": el.first_year,
            }
            for el in result.elements
        ],
        "years": [
            {
                "year": y.year,
                "fielded": y.fielded,
                "built": y.built,
                "limited_by": y.limited_by,
                "spend_usd": y.spend_usd,
                "spend_then_year_usd": y.spend_then_year_usd,
                "spend_total_usd": sum(y.spend_usd.values()),
                "spend_total_then_year_usd": sum(y.spend_then_year_usd.values()),
                "budget_usd": y.budget_usd,
                "budget_then_year_usd": y.budget_then_year_usd,
                "existing_o_and_s_usd": y.existing_o_and_s_usd,
                "layers": y.layers,
                "kill_chain": y.kill_chain,
            }
            for y in result.years
        ],
    }


def exchange(
    scenario: str | Path | None = None,
    *,
    changes: Mapping[str, Any] | None = None,
    p_any_through: float = 0.5,
    expected_through: float = 1.0,
    growth: str | None = "north-korea-icbm-dia",
    trials: int = 200,
    confirm: bool = True,
    runs_dir: str | Path = "runs",
) -> ExchangeResult:
    """What salvo, or (separately) what decoys per warhead, restore the offense's penetration
    against the scenario's architecture, what each side pays, and the step curve of a
    published arsenal projection (``goldendome exchange``).

    Parameters
    ----------
    scenario : str or Path, optional
        A scenario file or embedded name; the default when omitted.
    changes : mapping, optional
        Changes by key path before validation (see :func:`read_scenario`).
    p_any_through, expected_through : float
        The offense's goal: P(at least one warhead through) in (0, 1), and warheads through
        on average (> 0).
    growth : str, optional
        A preset of ``data/threat_growth.toml`` for the step curve (None: no curve).
    trials : int
        Monte Carlo trials of the calibration and confirmation runs.
    confirm : bool
        False: no confirmation runs (the analytic answers only, beside the calibration run).
    runs_dir : str or Path
        Where the runs are written.

    Raises
    ------
    ScenarioError
        Bad input: the scenario, a goal outside (0, 1), an unknown growth preset, a raid class
        without an offense cost (each naming its key).
    """
    from goldendome.studies.exchange import Goal, run_exchange

    spec, text = read_scenario(scenario, changes=changes)
    return run_exchange(
        spec,
        text,
        Path(runs_dir),
        goal=Goal(p_any_through, expected_through),
        trials=trials,
        growth_name=growth,
        confirm=confirm,
    )


def exchange_report(result: ExchangeResult) -> dict[str, Any]:
    """An exchange as plain data (what ``goldendome exchange --json`` prints)."""
    from dataclasses import asdict

    m = result.model
    return {
        "scenario": result.scenario,
        "goal": asdict(result.goal),
        "model": {
            "missiles": m.missiles,
            "warheads_per_missile": m.warheads_per_missile,
            "decoys_per_warhead": m.decoys_per_warhead,
            "p_boost": m.p_boost,
            "sbi_count": m.sbi_count,
            "midcourse_sspk": m.midcourse.sspk,
            "midcourse_shots": list(m.midcourse.shots),
            "midcourse_rounds": m.rounds,
            "decoys_engaged": m.decoys_engaged,
            "residual": m.residual,
            "shot_overhead": m.shot_overhead,
        },
        "baseline": result.baseline,
        "salvo": result.salvo,
        "decoys": result.decoys,
        "growth": result.growth,
        "curve": result.curve,
    }


def partners(
    scenario: str | Path | None = None,
    *,
    changes: Mapping[str, Any] | None = None,
    trials: int = 200,
    kill_chain: bool = True,
    runs_dir: str | Path = "runs",
) -> PartnersResult:
    """What each partner pays for, hosts and fields (valued with the life-cycle model), the
    kill chain over the US with and without its elements, and a raid on its own territory
    (``goldendome partners``); a scenario without ``[[partners]]`` gets the presets of
    ``data/partners.toml`` (Japan).

    Raises
    ------
    ScenarioError
        Bad input, each problem naming its key: a share above 1 or naming no element, shares
        of one element summing past 1 over all partners.
    """
    from goldendome.studies.partners import run_partners

    spec, text = read_scenario(scenario, changes=changes)
    return run_partners(spec, text, Path(runs_dir), trials=trials, kill_chain=kill_chain)


def partners_report(result: PartnersResult) -> dict[str, Any]:
    """Partners as plain data (what ``goldendome partners --json`` prints)."""
    return {
        "scenario": result.scenario,
        "base_year": result.base_year,
        "preset": result.preset,
        "partners": [
            {
                "name": p.name,
                "country": p.country,
                "contribution_usd": p.contribution_usd,
                "architecture_usd": p.architecture_usd,
                "share_of_architecture": p.contribution_usd / p.architecture_usd
                if p.architecture_usd
                else None,
                "hosted_value_usd": p.hosted_value_usd,
                "contributions": p.contributions,
                "us_with": p.us_with,
                "us_without": p.us_without,
                "own_raid": p.own_raid,
            }
            for p in result.partners
        ],
    }
