"""``goldendome exchange``: what the offense needs to restore its penetration, and who pays
more for each step."""

import json
import math
from pathlib import Path
from typing import Annotated, Any

import typer

from goldendome.cli.main import EXIT_BAD_INPUT, app, interrupted_exit


def _usd(usd: float | None) -> str:
    if usd is None or not math.isfinite(usd):
        return "-"
    return f"${usd / 1e9:,.2f}B" if abs(usd) >= 1e9 else f"${usd / 1e6:,.0f}M"


def _defense(d: dict[str, Any]) -> str:
    if d["option"] == "sbis":
        return f"{d['added']:,.0f} more SBIs"
    if d["option"] == "midcourse" and d["added"] == 0:
        return f"{d['shots_per_look']} shots a look, no new rounds"
    if d["option"] == "midcourse":
        return f"{d['added']:,.0f} more NGIs, {d['shots_per_look']} shots a look"
    return str(d["note"])


def _answer(
    out: Any, title: str, block: dict[str, Any], what: str, unit: str, restores: str
) -> None:
    a = block["analytic"]
    value = block[what]
    if block["offense_usd"] == 0 and block.get("confirmations") and block["reached"]:
        mc = block["confirmations"][0]["monte_carlo"]
        out.print(
            f"[bold]{title}[/bold]: the scenario's raid already meets the goal ({value:g} "
            f"{unit}; Monte Carlo P(any through) {mc['p_any_through']:.3f}, "
            f"{mc['expected_through']:.2f} through)"
        )
        return
    if not block["reached"]:
        out.print(
            f"[bold]{title}[/bold]: not reachable within the search bounds (up to "
            f"{block['bound']:g} {unit}); best found "
            f"{value:g} {unit}: P(any through) {a['p_any_through']:.3f}, "
            f"{a['expected_through']:.2f} through (analytic)"
        )
        return
    out.print(
        f"[bold]{title}[/bold]: {value:g} {unit} (analytic: P(any through) "
        f"{a['p_any_through']:.3f}, {a['expected_through']:.2f} through)"
    )
    for c in block.get("confirmations", []):
        mc = c["monte_carlo"]
        verdict = "meets the goal" if c["met"] else "misses the goal"
        out.print(
            f"  Monte Carlo at {c[what]:g} {unit} ({mc['trials']} trials): P(any through) "
            f"{mc['p_any_through']:.3f}, {mc['expected_through']:.2f} ± "
            f"{mc['expected_through_stderr']:.2f} through: {verdict}"
        )
    d = block["defense"]
    out.print(
        f"  offense pays {_usd(block['offense_usd'])}; the defense restores {restores} "
        f"with {_defense(d)}: {_usd(d['acquisition_usd'])} to buy, "
        f"{_usd(d['life_cycle_usd'])} over the life cycle"
    )
    if block["ratio"] is not None:
        out.print(
            f"  cost-exchange ratio at the margin: {block['ratio']:.1f} defense dollars per "
            f"offense dollar to buy ({block['ratio_life_cycle']:.1f} over the life cycle)"
        )


def print_exchange(report: dict[str, Any]) -> None:
    """Print a :func:`goldendome.api.exchange_report`."""
    from rich.table import Table

    from goldendome.cli.cost_tables import console

    out = console()
    g, m, b = report["goal"], report["model"], report["baseline"]
    out.print(
        f"[bold]{report['scenario']}[/bold]: offense goal P(at least one warhead through) >= "
        f"{g['p_any_through']:g} and >= {g['expected_through']:g} through on average"
    )
    mc, an = b["monte_carlo"], b["analytic"]
    out.print(
        f"Today: {b['missiles']} missiles, {m['warheads_per_missile'] * b['missiles']:g} "
        f"warheads: Monte Carlo P(zero leakers) {mc['p_zero_leakers']:.3f}, "
        f"{mc['expected_through']:.2f} through; analytic tier {an['p_zero_leakers']:.3f}, "
        f"{an['expected_through']:.2f} (calibrated: boost kills {m['p_boost']:.0%} of missiles, "
        f"{m['midcourse_rounds']:g} midcourse rounds, residual leak {m['residual']:.3f})"
    )
    restores = b["defense_restores"]
    _answer(out, "Salvo", report["salvo"], "missiles", "missiles", restores)
    _answer(out, "Decoys", report["decoys"], "decoys_per_warhead", "decoys per warhead", restores)
    if report["curve"]:
        table = Table(
            title=f"Step curve: the raid grows as {report['growth']}; the defense answers "
            f"each step, restoring today's {restores} (cumulative, acquisition)"
        )
        for col in (
            "year",
            "missiles",
            "offense",
            "P(0) unanswered",
            "defense answer",
            "defense",
            "ratio",
        ):
            table.add_column(col, justify="left" if col == "defense answer" else "right")
        for row in report["curve"]:
            d = row["defense"]
            table.add_row(
                str(row["year"]),
                str(row["missiles"]),
                _usd(row["offense_usd"]),
                f"{row['p_zero_leakers']:.3f}",
                _defense(d),
                _usd(d["acquisition_usd"]),
                "-" if row["ratio"] is None else f"{row['ratio']:,.1f}",
            )
        out.print(table)


@app.command()
def exchange(
    scenario: Annotated[
        Path | None, typer.Argument(help="Scenario TOML file; the embedded default if omitted.")
    ] = None,
    p_through: Annotated[
        float, typer.Option(help="Offense goal: P(at least one warhead through), in (0, 1).")
    ] = 0.5,
    expected_through: Annotated[
        float, typer.Option(help="Offense goal: warheads through on average (> 0).")
    ] = 1.0,
    growth: Annotated[
        str, typer.Option(help="Arsenal projection for the step curve (data/threat_growth.toml).")
    ] = "north-korea-icbm-dia",
    no_curve: Annotated[bool, typer.Option("--no-curve", help="No step curve.")] = False,
    trials: Annotated[int, typer.Option(help="Monte Carlo trials of each run.", min=1)] = 200,
    no_confirm: Annotated[
        bool, typer.Option("--no-confirm", help="Analytic answers only (no confirmation runs).")
    ] = False,
    runs_dir: Annotated[
        Path, typer.Option(help="Where the exchange's folder and its runs are written.")
    ] = Path("runs"),
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The salvo and the decoys an adversary needs to restore its penetration, what each
    side pays, the marginal cost-exchange ratio, and a step curve of arsenal growth."""
    from goldendome import api

    try:
        api.check_runs_dir(runs_dir)
        stored = api.stored_exchange(
            scenario,
            p_any_through=p_through,
            expected_through=expected_through,
            growth=None if no_curve else growth,
            trials=trials,
            confirm=not no_confirm,
            runs_dir=runs_dir,
        )
    except api.ScenarioError as exc:
        typer.echo(exc.report(), err=True)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    except ValueError as exc:  # RunsDirError
        typer.echo(str(exc), err=True)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    except KeyboardInterrupt as exc:
        interrupted_exit(
            exc,
            "the finished runs are in their folders, and the exchange's folder under "
            f"{runs_dir}/ is marked 'interrupted'.",
        )
    except OSError as exc:
        typer.echo(
            f"Could not write the run folder under {runs_dir}/: {exc.strerror or exc}.", err=True
        )
        raise typer.Exit(1) from None
    report = {**api.exchange_report(stored.result), "study_folder": str(stored.folder)}
    if json_out:
        typer.echo(json.dumps(report, indent=2))
    else:
        print_exchange(report)
        typer.echo(f"Run folder: {stored.folder}", err=True)
