"""The exchange study's page: the exchange curve (both sides' cumulative spending as the
raid grows), the salvo and decoy answers, and the Monte Carlo runs behind them."""

import math

from goldendome.report import strategy_figures as sf
from goldendome.report.html_table import facts, table, usd
from goldendome.report.section import Section
from goldendome.report.source import ReportSource
from goldendome.report.strategy_common import (
    defense_at,
    folder_name,
    head_section,
    ratio_text,
)


def exchange_sections(src: ReportSource) -> list[Section]:
    """The exchange curve (figure and table), the salvo and decoy answers, the runs."""
    run = src.run
    f = run.manifest.get("run", {})
    goal = f.get("goal") or {
        "p_any_through": f.get("p_any_through"),
        "expected_through": f.get("expected_through"),
    }
    head = head_section(
        src,
        f"What the offense needs to restore its penetration (P(at least one warhead through) "
        f">= {goal['p_any_through']} and >= {goal['expected_through']} through on average), "
        "what each side pays for each step, and the step curve of an arsenal projection.",
    )
    model, base = f.get("model"), f.get("baseline")
    if model and base:
        head.html(
            facts(
                [
                    ("today's raid", f"{base['missiles']} missiles"),
                    ("defense restores", str(base["defense_restores"])),
                    ("boost kills (calibrated)", f"{model['p_boost']:.0%} of missiles"),
                    ("midcourse rounds", float(model["midcourse_rounds"])),
                    ("residual leak", f"{model['residual']:.3f}"),
                    ("a missile costs", usd(float(base["missile_usd"]))),
                    ("a decoy costs", usd(float(base["decoy_usd"]))),
                ]
            )
        )
    out = [head]
    curve = Section("Exchange curve")
    if not run.has("exchange_curve"):
        curve.missing("the step curve (the study stopped first)")
    elif not run.columns("exchange_curve")["year"].size:
        curve.text("This exchange was run without a step curve (--no-curve).")
    else:
        c = run.columns("exchange_curve")
        curve.figure(sf.exchange_figure(c, str(f.get("growth") or "")))
        curve.html(
            table(
                [
                    "year",
                    "missiles",
                    "offense",
                    "P(0) unanswered",
                    "defense answer",
                    "defense, to buy",
                    "defense, life cycle",
                    "ratio",
                ],
                [
                    [
                        str(c["year"][i]),
                        int(c["missiles"][i]),
                        usd(float(c["offense_usd"][i])),
                        float(c["p_zero_leakers"][i]),
                        defense_at(c, i),
                        usd(float(c["defense_acquisition_usd"][i])),
                        usd(float(c["defense_life_cycle_usd"][i])),
                        ratio_text(float(c["ratio"][i])),
                    ]
                    for i in range(c["year"].size)
                ],
                "Cumulative from today's raid; ratio: defense dollars to buy per offense dollar",
            )
        )
    out.append(curve)
    answers = Section("Restoring the offense's penetration")
    if not run.has("exchange_answers"):
        answers.missing("the answers (the study stopped first)")
    else:
        a = run.columns("exchange_answers")
        answers.html(
            table(
                [
                    "question",
                    "answer",
                    "reached",
                    "confirmed",
                    "P(any through)",
                    "offense pays",
                    "defense answer",
                    "to buy",
                    "ratio",
                    "ratio, life cycle",
                ],
                [
                    [
                        str(a["question"][i]),
                        f"{a['value'][i]:g} {a['unit'][i]}",
                        bool(a["reached"][i]),
                        "-" if not math.isfinite(a["confirmed"][i]) else f"{a['confirmed'][i]:g}",
                        float(a["analytic_p_any_through"][i]),
                        usd(float(a["offense_usd"][i])),
                        defense_at(a, i),
                        usd(float(a["defense_acquisition_usd"][i])),
                        ratio_text(float(a["ratio"][i])),
                        ratio_text(float(a["ratio_life_cycle"][i])),
                    ]
                    for i in range(a["question"].size)
                ],
                "The salvo, and separately the decoys per warhead, that meet the goal "
                "(analytic tier; 'confirmed': by Monte Carlo)",
            )
        )
    if run.has("exchange_runs"):
        r = run.columns("exchange_runs")
        answers.html(
            table(
                [
                    "question",
                    "run",
                    "value",
                    "P(zero leakers)",
                    "P(any through)",
                    "through",
                    "trials",
                    "goal met",
                    "folder",
                ],
                [
                    [
                        str(r["question"][i]),
                        int(r["attempt"][i]),
                        float(r["value"][i]),
                        float(r["p_zero_leakers"][i]),
                        float(r["p_any_through"][i]),
                        f"{r['expected_through'][i]:.2f} ± {r['expected_through_stderr'][i]:.2f}",
                        int(r["trials"][i]),
                        bool(r["met"][i]),
                        folder_name(str(r["run_folder"][i])),
                    ]
                    for i in range(r["question"].size)
                ],
                "Monte Carlo runs: the calibration (baseline) and the confirmations",
            )
        )
    out.append(answers)
    return out
