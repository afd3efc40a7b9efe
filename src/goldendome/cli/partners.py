"""``goldendome partners``: what each partner pays for, hosts and fields, what its elements
add to the US shield, and the protection it gets for its own territory."""

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from goldendome.cli.main import EXIT_BAD_INPUT, app, interrupted_exit


def _b(usd: float | None) -> str:
    return "-" if usd is None else f"${usd / 1e9:,.2f}B"


def _outcome(kc: dict[str, Any] | None) -> tuple[str, str, str]:
    if kc is None:
        return "-", "-", "-"
    return (
        f"{kc['p_zero_leakers']:.3f}",
        f"{kc['expected_leakers']:.2f} of {kc['warheads']}",
        f"{kc['expected_damage'] / 1e6:,.2f}M",
    )


def print_partners(report: dict[str, Any]) -> None:
    """Print a :func:`goldendome.api.partners_report`."""
    from rich.table import Table

    from goldendome.cli.cost_tables import console

    out = console()
    base = report["base_year"]
    for p in report["partners"]:
        origin = " (preset of data/partners.toml)" if report["preset"] else ""
        out.print(
            f"[bold]{p['name']}[/bold]{origin}: {_b(p['contribution_usd'])} of the "
            f"{_b(p['architecture_usd'])} architecture ({p['share_of_architecture']:.1%}), "
            f"constant {base} dollars over the life cycle; it hosts elements worth "
            f"{_b(p['hosted_value_usd'])}"
        )
        table = Table(title=f"{p['name']}: contributions")
        for col in ("kind", "element or programme", "share", "paid", "value hosted"):
            table.add_column(
                col, justify="left" if col in ("kind", "element or programme") else "right"
            )
        for c in p["contributions"]:
            table.add_row(
                c["kind"],
                c["what"],
                "-" if c["share"] is None else f"{c['share']:.0%}",
                _b(c["usd"]),
                _b(c.get("value_usd")) if c["kind"] == "hosted" else "-",
            )
        out.print(table)
        kc = Table(title=f"What {p['name']}'s elements do (Monte Carlo)")
        for col in (
            "raid",
            "architecture",
            "P(zero leakers)",
            "expected leakers",
            "expected damage (people)",
        ):
            kc.add_column(col, justify="left" if col in ("raid", "architecture") else "right")
        kc.add_row("the scenario's, on the US", f"with {p['name']}", *_outcome(p["us_with"]))
        kc.add_row("the scenario's, on the US", f"without {p['name']}", *_outcome(p["us_without"]))
        kc.add_row(f"on {p['name']}", f"with {p['name']}", *_outcome(p["own_raid"]))
        out.print(kc)
        if p["own_raid"] is not None:
            out.print(
                f"Defended in the raid on {p['name']}: {', '.join(p['own_raid']['defended'])}"
            )


@app.command()
def partners(
    scenario: Annotated[
        Path | None, typer.Argument(help="Scenario TOML file; the embedded default if omitted.")
    ] = None,
    trials: Annotated[int, typer.Option(help="Monte Carlo trials of each run.", min=1)] = 200,
    no_runs: Annotated[
        bool, typer.Option("--no-runs", help="Only the money (no kill chain).")
    ] = False,
    runs_dir: Annotated[
        Path, typer.Option(help="Where the partners' folder and its runs are written.")
    ] = Path("runs"),
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Each partner's contribution in dollars and as a share, the kill chain with and without
    its elements, and a raid on its own territory."""
    from goldendome import api

    try:
        api.check_runs_dir(runs_dir)
        stored = api.stored_partners(
            scenario, trials=trials, kill_chain=not no_runs, runs_dir=runs_dir
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
            "the finished runs are in their folders, and the partners' folder under "
            f"{runs_dir}/ is marked 'interrupted'.",
        )
    except OSError as exc:
        typer.echo(
            f"Could not write the run folder under {runs_dir}/: {exc.strerror or exc}.", err=True
        )
        raise typer.Exit(1) from None
    report = {**api.partners_report(stored.result), "study_folder": str(stored.folder)}
    if json_out:
        typer.echo(json.dumps(report, indent=2))
    else:
        print_partners(report)
        typer.echo(f"Run folder: {stored.folder}", err=True)
