"""The api's strategic questions: the deployment timeline (what is fielded each year, what
it costs, what it can do).

Re-exported by :mod:`goldendome.api`; import from there.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from goldendome.api.runs import read_scenario
from goldendome.scenario import ScenarioSpec

if TYPE_CHECKING:
    from goldendome.studies.timeline import TimelineResult, YearProgress

__all__ = ["timeline", "timeline_report"]


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
