"""The exchange study's folder: the step curve (``exchange_curve``), the salvo and decoy
answers (``exchange_answers``) and the Monte Carlo runs behind them (``exchange_runs``),
with the goal and the calibrated model in the manifest.

The curve's spending is cumulative from today's raid: the offense's on the missiles added,
the defense's on its cheapest answer restoring today's protection (acquisition).
"""

from dataclasses import asdict
from typing import Any

from goldendome.results.run_folder import Columns
from goldendome.studies.exchange import ExchangeResult
from goldendome.studies.strategy_folder import nan_if_none

#: What each search question counts, and the key of its value in the result's blocks.
QUESTIONS = (
    ("salvo", "missiles", "missiles"),
    ("decoys", "decoys per warhead", "decoys_per_warhead"),
)


def exchange_facts(result: ExchangeResult) -> dict[str, Any]:
    """The manifest facts of an exchange: the goal, the calibrated model, today's baseline."""
    m = result.model
    base = result.baseline
    return {
        "goal": asdict(result.goal),
        "growth": result.growth,
        "model": {
            "missiles": m.missiles,
            "warheads_per_missile": m.warheads_per_missile,
            "decoys_per_warhead": m.decoys_per_warhead,
            "p_boost": m.p_boost,
            "sbi_count": m.sbi_count,
            "midcourse_rounds": m.rounds,
            "residual": m.residual,
            "shot_overhead": m.shot_overhead,
        },
        "baseline": {
            "missiles": base["missiles"],
            "meets_goal": base["meets_goal"],
            "defense_restores": base["defense_restores"],
            "missile_usd": base["missile_usd"],
            "decoy_usd": base["decoy_usd"],
            "analytic": base["analytic"],
        },
    }


def _defense(d: dict[str, Any]) -> dict[str, Any]:
    spl = d.get("shots_per_look")
    return {
        "defense_option": d.get("option") or "",
        "defense_added": float(d.get("added", 0.0)),
        "defense_shots_per_look": -1 if spl is None else int(spl),
        "defense_acquisition_usd": float(d["acquisition_usd"]),
        "defense_life_cycle_usd": float(d["life_cycle_usd"]),
        "defense_p_zero_leakers": float(d["p_zero_leakers"]),
        "defense_note": str(d.get("note", "")),
    }


def _append(table: dict[str, list[Any]], row: dict[str, Any]) -> None:
    for key, value in row.items():
        table.setdefault(key, []).append(value)


def _run_row(
    question: str, attempt: int, value: float, mc: dict[str, Any], met: bool
) -> dict[str, Any]:
    return {
        "question": question,
        "attempt": attempt,
        "value": float(value),
        "p_zero_leakers": mc["p_zero_leakers"],
        "p_any_through": mc["p_any_through"],
        "expected_through": mc["expected_through"],
        "expected_through_stderr": mc["expected_through_stderr"],
        "trials": mc["trials"],
        "met": met,
        "run_folder": str(mc["run_folder"]),
    }


def exchange_tables(result: ExchangeResult) -> dict[str, Columns]:
    """The ``exchange_curve``, ``exchange_answers`` and ``exchange_runs`` columns."""
    curve: dict[str, list[Any]] = {}
    for row in result.curve:
        _append(
            curve,
            {
                "year": row["year"],
                "missiles": row["missiles"],
                "offense_usd": row["offense_usd"],
                "p_zero_leakers": row["p_zero_leakers"],
                "expected_through": row["expected_through"],
                **_defense(row["defense"]),
                "ratio": nan_if_none(row["ratio"]),
            },
        )
    answers: dict[str, list[Any]] = {}
    runs: dict[str, list[Any]] = {}
    base = result.baseline
    _append(
        runs, _run_row("baseline", 0, base["missiles"], base["monte_carlo"], base["meets_goal"])
    )
    for question, unit, key in QUESTIONS:
        block = getattr(result, question)
        confirmed_key = "missiles_confirmed" if key == "missiles" else "decoys_confirmed"
        _append(
            answers,
            {
                "question": question,
                "unit": unit,
                "value": float(block[key]),
                "bound": float(block["bound"]),
                "reached": bool(block["reached"]),
                "confirmed": nan_if_none(block.get(confirmed_key)),
                "analytic_p_any_through": block["analytic"]["p_any_through"],
                "analytic_expected_through": block["analytic"]["expected_through"],
                "offense_usd": block["offense_usd"],
                **_defense(block["defense"]),
                "ratio": nan_if_none(block["ratio"]),
                "ratio_life_cycle": nan_if_none(block["ratio_life_cycle"]),
            },
        )
        for attempt, c in enumerate(block.get("confirmations", [])):
            _append(runs, _run_row(question, attempt, c[key], c["monte_carlo"], c["met"]))
    return {"exchange_curve": curve, "exchange_answers": answers, "exchange_runs": runs}
