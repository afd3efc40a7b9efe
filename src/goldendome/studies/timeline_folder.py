"""The timeline study's folder: each year's money and kill chain, and each element's
fielding, as declared tables (``timeline_years``, ``timeline_fielding``,
``timeline_spending``).

Each year's Monte Carlo run stays in its own run folder (``timeline_years.run_folder``); the
study's folder holds what ``goldendome timeline`` prints, so ``goldendome report`` can draw
the timeline by year from it alone.
"""

from typing import Any

from goldendome.results.run_folder import Columns
from goldendome.studies.strategy_folder import interval
from goldendome.studies.timeline import TimelineResult


def timeline_facts(result: TimelineResult) -> dict[str, Any]:
    """The manifest facts of a timeline: its years, budget profile and base year."""
    years = [y.year for y in result.years]
    return {
        "base_year": result.base_year,
        "budget": result.budget,
        "first_year": min(years) if years else None,
        "last_year": max(years) if years else None,
        "elements": len(result.elements),
    }


def timeline_tables(result: TimelineResult) -> dict[str, Columns]:
    """The ``timeline_years``, ``timeline_fielding`` and ``timeline_spending`` columns."""
    years: dict[str, list[Any]] = {}
    fielding: dict[str, list[Any]] = {}
    spending: dict[str, list[Any]] = {}
    for y in result.years:
        kc = y.kill_chain
        p, low, high = interval(kc)
        row = {
            "year": y.year,
            "layers": "+".join(y.layers),
            "spend_usd": sum(y.spend_usd.values()),
            "spend_then_year_usd": sum(y.spend_then_year_usd.values()),
            "budget_usd": y.budget_usd,
            "budget_then_year_usd": y.budget_then_year_usd,
            "existing_o_and_s_usd": y.existing_o_and_s_usd,
            "p_zero_leakers": p,
            "p_zero_leakers_low": low,
            "p_zero_leakers_high": high,
            "expected_leakers": float("nan") if kc is None else kc["expected_leakers"],
            "expected_leakers_stderr": float("nan")
            if kc is None
            else kc["expected_leakers_stderr"],
            "warheads": -1 if kc is None else kc["warheads"],
            "trials": -1 if kc is None else kc["trials"],
            "run_folder": "" if kc is None else str(kc["run_folder"]),
            "same_as_year": -1 if kc is None or kc.get("same_as") is None else kc["same_as"],
        }
        for key, value in row.items():
            years.setdefault(key, []).append(value)
        for el in result.elements:
            for key, value in (
                ("year", y.year),
                ("element", el.name),
                ("kind", el.kind),
                ("item", el.item),
                ("target", float(el.target)),
                ("fielded", y.fielded[el.name]),
                ("built", y.built[el.name]),
                ("limited_by", y.limited_by[el.name]),
            ):
                fielding.setdefault(key, []).append(value)
        for category, usd in y.spend_usd.items():
            for key, value in (
                ("year", y.year),
                ("category", category),
                ("spend_usd", usd),
                ("spend_then_year_usd", y.spend_then_year_usd[category]),
            ):
                spending.setdefault(key, []).append(value)
    return {
        "timeline_years": years,
        "timeline_fielding": fielding,
        "timeline_spending": spending,
    }
