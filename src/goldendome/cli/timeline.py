"""``goldendome timeline``: what is fielded each year, what it costs and what it can do."""

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from goldendome.cli.main import EXIT_BAD_INPUT, app, interrupted_exit


def _billions(usd: float) -> str:
    return f"{usd / 1e9:,.1f}"


def _new(report: dict[str, Any], index: int) -> list[str]:
    """Elements other than space layers that gained whole units this year."""
    years = report["years"]
    now = years[index]["fielded"]
    before = years[index - 1]["fielded"] if index else None
    out = []
    for el in report["elements"]:
        name = el["element"]
        was = before[name] if before is not None else el["in_service"]
        if el["kind"] != "space" and now[name] > was:
            out.append(
                name
                if el["kind"] in ("platform", "radar", "c2")
                else f"{name} +{now[name] - was:g}"
            )
    return out


def print_timeline(report: dict[str, Any]) -> None:
    """Print a :func:`goldendome.api.timeline_report` as a table, one row a year."""
    from rich.table import Table

    from goldendome.cli.cost_tables import console

    out = console()
    base = report["base_year"]
    years = report["years"]
    space = [
        e["element"]
        for e in report["elements"]
        if e["kind"] == "space" and len({y["fielded"][e["element"]] for y in years}) > 1
    ]
    table = Table(
        title=f"{report['scenario']}: fielding, spending and the kill chain by year "
        f"(budget: {report['budget']})",
        caption=f"Spending on new elements, $B: then-year (TY) and constant {base} dollars; "
        f"P(0) = P(zero leakers) against the scenario's raid",
    )
    for col in ("year", "spent TY", f"{base} $", "budget TY"):
        table.add_column(col, justify="right")
    for name in space:
        table.add_column(name, justify="right")
    table.add_column("layers")
    table.add_column("P(0)", justify="right")
    table.add_column("leakers", justify="right")
    for y in years:
        kc = y["kill_chain"]
        table.add_row(
            str(y["year"]),
            _billions(y["spend_total_then_year_usd"]),
            _billions(y["spend_total_usd"]),
            _billions(y["budget_then_year_usd"]),
            *(f"{y['fielded'][n]:,.0f}" for n in space),
            "+".join(layer[0].upper() for layer in y["layers"]) or "-",
            "-" if kc is None else f"{kc['p_zero_leakers']:.3f}",
            "-" if kc is None else f"{kc['expected_leakers']:.2f}",
        )
    out.print(table)
    for i, y in enumerate(years):
        added = _new(report, i)
        if added:
            out.print(f"{y['year']}: new in service: {', '.join(added)}")
    out.print("Layers: B boost (SBIs), M midcourse, T terminal.")


@app.command()
def timeline(
    scenario: Annotated[
        Path | None, typer.Argument(help="Scenario TOML file; the embedded default if omitted.")
    ] = None,
    from_year: Annotated[
        int | None, typer.Option("--from", help="First year (default: [timeline] first_year).")
    ] = None,
    to_year: Annotated[
        int | None, typer.Option("--to", help="Last year (default: [timeline] last_year).")
    ] = None,
    budget: Annotated[
        str | None, typer.Option(help="A budget profile of data/budget_profiles.toml.")
    ] = None,
    trials: Annotated[int, typer.Option(help="Monte Carlo trials per year.", min=1)] = 200,
    no_runs: Annotated[
        bool, typer.Option("--no-runs", help="Only the schedule and the money (no kill chain).")
    ] = False,
    jobs: Annotated[
        int, typer.Option(help="Years run at once in worker processes (1: one by one).", min=1)
    ] = 1,
    runs_dir: Annotated[
        Path, typer.Option(help="Where the timeline's folder and each year's run are written.")
    ] = Path("runs"),
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """What is fielded each year within production, launch and budget limits, what it
    costs (then-year and constant dollars) and what the kill chain does with it."""
    import sys

    from goldendome import api

    def progress(year: int, done: int, total: int) -> None:
        print(f"timeline: {year} run ({done}/{total})", file=sys.stderr, flush=True)

    try:
        api.check_runs_dir(runs_dir)
        stored = api.stored_timeline(
            scenario,
            first_year=from_year,
            last_year=to_year,
            budget=budget,
            trials=trials,
            runs_dir=runs_dir,
            kill_chain=not no_runs,
            jobs=jobs,
            progress=progress,
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
            "the years finished so far are in their run folders, and the timeline's folder "
            f"under {runs_dir}/ is marked 'interrupted'.",
        )
    except OSError as exc:
        typer.echo(
            f"Could not write the run folder under {runs_dir}/: {exc.strerror or exc}.", err=True
        )
        raise typer.Exit(1) from None
    report = {**api.timeline_report(stored.result), "study_folder": str(stored.folder)}
    if json_out:
        typer.echo(json.dumps(report, indent=2))
    else:
        print_timeline(report)
        typer.echo(f"Run folder: {stored.folder}", err=True)
