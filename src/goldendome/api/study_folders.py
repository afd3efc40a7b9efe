"""The strategic studies stored: :func:`stored_timeline`, :func:`stored_exchange` and
:func:`stored_partners` run ``timeline``, ``exchange`` and ``partners`` (:mod:`goldendome.api.
strategy`) inside a study folder of their own under the runs directory, holding the study's
answer as declared tables and a manifest (``running``, then ``complete``, ``interrupted`` or
``failed``), as ``goldendome size``, ``fly`` and ``coverage`` do. ``goldendome report`` draws
the timeline by year, the exchange curve and the partner table from those folders.

Bad input is found before the folder is made (the cheap part of each study runs first: the
timeline's schedule, the exchange's goal, growth preset and offense costs, the partners'
shares and values), so a refused command leaves no folder.

Re-exported by :mod:`goldendome.api`; import from there.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from goldendome.api.runs import read_scenario
from goldendome.api.strategy import exchange, partners, timeline

if TYPE_CHECKING:
    from goldendome.studies.exchange import ExchangeResult
    from goldendome.studies.partners import PartnersResult
    from goldendome.studies.strategy_folder import StoredStudy
    from goldendome.studies.timeline import TimelineResult, YearProgress

__all__ = ["stored_exchange", "stored_partners", "stored_timeline"]


def stored_timeline(
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
) -> StoredStudy[TimelineResult]:
    """:func:`goldendome.api.timeline`, stored in a folder ``<time>-timeline-<scenario>``
    under ``runs_dir`` (tables ``timeline_years``, ``timeline_fielding``,
    ``timeline_spending``); each year's run is in its own folder as before.

    Returns
    -------
    StoredStudy
        ``.result`` (the :class:`TimelineResult`) and ``.folder``.

    Raises
    ------
    ScenarioError
        Bad input (no folder is written).
    """
    from goldendome.studies.strategy_folder import run_in_folder
    from goldendome.studies.timeline_folder import timeline_facts, timeline_tables

    options: dict[str, Any] = {
        "changes": changes,
        "first_year": first_year,
        "last_year": last_year,
        "budget": budget,
    }
    spec, text = read_scenario(scenario, changes=changes)
    # The schedule and the money alone (no runs, about a second): its bad input is refused
    # before a folder exists.
    plan = timeline(scenario, **options, runs_dir=runs_dir, kill_chain=False)
    facts = {**timeline_facts(plan), "trials": trials, "kill_chain": kill_chain, "jobs": jobs}
    return run_in_folder(
        runs_dir,
        "timeline",
        scenario_name=spec.name,
        scenario_text=text,
        seed=spec.seed,
        facts=facts,
        work=lambda: (
            plan
            if not kill_chain
            else timeline(
                scenario,
                **options,
                trials=trials,
                workers=workers,
                runs_dir=runs_dir,
                jobs=jobs,
                progress=progress,
            )
        ),
        tables=timeline_tables,
        result_facts=timeline_facts,
    )


def stored_exchange(
    scenario: str | Path | None = None,
    *,
    changes: Mapping[str, Any] | None = None,
    p_any_through: float = 0.5,
    expected_through: float = 1.0,
    growth: str | None = "north-korea-icbm-dia",
    trials: int = 200,
    confirm: bool = True,
    runs_dir: str | Path = "runs",
) -> StoredStudy[ExchangeResult]:
    """:func:`goldendome.api.exchange`, stored in a folder ``<time>-exchange-<scenario>``
    under ``runs_dir`` (tables ``exchange_curve``, ``exchange_answers``, ``exchange_runs``;
    the goal and the calibrated model in the manifest).

    Raises
    ------
    ScenarioError
        Bad input: the scenario, the goal, the growth preset, a raid class without an offense
        cost (no folder is written).
    """
    from goldendome.economics.offense import growth as growth_preset
    from goldendome.studies.exchange import Goal
    from goldendome.studies.exchange.search import raid_cost_usd
    from goldendome.studies.exchange.study import check_goal
    from goldendome.studies.exchange_folder import exchange_facts, exchange_tables
    from goldendome.studies.strategy_folder import run_in_folder

    spec, text = read_scenario(scenario, changes=changes)
    check_goal(Goal(p_any_through, expected_through))
    if growth is not None:
        growth_preset(growth)
    raid_cost_usd(spec)
    facts = {
        "p_any_through": p_any_through,
        "expected_through": expected_through,
        "trials": trials,
        "confirm": confirm,
    }
    return run_in_folder(
        runs_dir,
        "exchange",
        scenario_name=spec.name,
        scenario_text=text,
        seed=spec.seed,
        facts=facts,
        work=lambda: exchange(
            scenario,
            changes=changes,
            p_any_through=p_any_through,
            expected_through=expected_through,
            growth=growth,
            trials=trials,
            confirm=confirm,
            runs_dir=runs_dir,
        ),
        tables=exchange_tables,
        result_facts=exchange_facts,
    )


def stored_partners(
    scenario: str | Path | None = None,
    *,
    changes: Mapping[str, Any] | None = None,
    trials: int = 200,
    kill_chain: bool = True,
    runs_dir: str | Path = "runs",
) -> StoredStudy[PartnersResult]:
    """:func:`goldendome.api.partners`, stored in a folder ``<time>-partners-<scenario>``
    under ``runs_dir`` (tables ``partner_totals``, ``partner_contributions``,
    ``partner_outcomes``).

    Raises
    ------
    ScenarioError
        Bad input: a share naming no element or summing past 1 (no folder is written).
    """
    from goldendome.studies.partners_folder import partners_facts, partners_tables
    from goldendome.studies.strategy_folder import run_in_folder

    spec, text = read_scenario(scenario, changes=changes)
    # The money alone (no runs): its bad input is refused before a folder exists.
    money = partners(scenario, changes=changes, kill_chain=False, runs_dir=runs_dir)
    return run_in_folder(
        runs_dir,
        "partners",
        scenario_name=spec.name,
        scenario_text=text,
        seed=spec.seed,
        facts={**partners_facts(money), "trials": trials, "kill_chain": kill_chain},
        work=lambda: (
            money
            if not kill_chain
            else partners(
                scenario, changes=changes, trials=trials, kill_chain=True, runs_dir=runs_dir
            )
        ),
        tables=partners_tables,
        result_facts=partners_facts,
    )
