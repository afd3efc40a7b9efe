"""``goldendome coverage``: how well each space layer watches named regions (STK-style FOMs)."""

import json
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from goldendome.cli.checks import number
from goldendome.cli.main import EXIT_BAD_INPUT, app, interrupted_exit


def _names(text: str | None) -> list[str] | None:
    if text is None:
        return None
    names = [part.strip() for part in text.split(",") if part.strip()]
    return names or None


def _fail(message: str, code: int = EXIT_BAD_INPUT) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(code)


def _duration(seconds: float) -> str:
    if seconds >= 3_600.0:
        return f"{seconds / 3_600.0:.1f}h"
    if seconds >= 60.0:
        return f"{seconds / 60.0:.1f}m"
    return f"{seconds:.0f}s"


def _masks(report: dict[str, Any]) -> str:
    """``mask 10 deg: a, b; 0 deg: c`` over the layers of a report."""
    by_mask: dict[float, list[str]] = {}
    for row in report["coverage"]:
        for layer, mask in row["min_elevation_deg"].items():
            if layer not in by_mask.setdefault(mask, []):
                by_mask[mask].append(layer)
    return "; ".join(f"{m:g} deg: {', '.join(names)}" for m, names in by_mask.items())


def _row_cells(row: dict[str, Any]) -> list[str]:
    edge = "*" if row["edge_gap_share"] > 0.0 else ""
    layer = f"all {row['role']}" if len(row["layers"]) > 1 else row["layer"]
    mean = row["assets_mean"]
    return [
        layer,
        str(row["satellites"]),
        f"{100 * row['coverage_fraction_mean']:.1f}",
        f"{100 * row['coverage_fraction_min']:.1f}",
        *(f"{100 * v:.1f}" for v in row["fold_fraction_mean"][1:]),
        f"{mean:.{1 if mean < 10 else 0}f} ({row['assets_min']}-{row['assets_max']})",
        _duration(row["gap_max_s"]) + edge,
        _duration(row["age_of_data_mean_s"]) + edge,
    ]


def _print_tables(report: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(
        f"{report['scenario']}: window of {_duration(report['duration_s'])} from "
        f"{report['epoch_utc']}, {report['step_s']:g} s step. Region figures weight points "
        "by cos(latitude); "
        "min %: the least covered point; in view: mean (min-max) satellites; elevation "
        f"masks {_masks(report)}."
    )
    headings = ["layer", "sats", "cov %", "min %"]
    headings += [f">={n} %" for n in range(2, report["n_fold"] + 1)]
    headings += ["in view", "max gap", "mean age"]
    flagged = False
    for region in report["regions"]:
        table = Table(
            title=f"{region['label']}: {region['name']}, {region['points']} points, "
            f"{region['spacing_deg']:g} deg grid",
            box=None,
            header_style="bold underline",
            collapse_padding=True,
            pad_edge=False,
        )
        for i, heading in enumerate(headings):
            table.add_column(heading, justify="left" if i == 0 else "right", no_wrap=True)
        for row in (r for r in report["coverage"] if r["region"] == region["name"]):
            flagged = flagged or row["edge_gap_share"] > 0.0
            table.add_row(*_row_cells(row))
        console.print()
        console.print(table)
    if flagged:
        console.print(
            "* some gaps are open at the window's start or end: measured to the window's "
            "edge, so those durations are lower bounds (lengthen the window to see them whole)."
        )


@app.command()
def coverage(
    scenario: Annotated[
        Path | None, typer.Argument(help="Scenario TOML file; the embedded default if omitted.")
    ] = None,
    regions: Annotated[
        str | None,
        typer.Option(help="Comma-separated regions (NK, CONUS, Alaska, Hawaii, Japan); all."),
    ] = None,
    layers: Annotated[
        str | None, typer.Option(help="Comma-separated space layers; all if omitted.")
    ] = None,
    min_elevation_deg: Annotated[
        float | None,
        typer.Option(
            help="Elevation mask for every layer; default 0 (GEO/HEO), 10 (LEO).",
            callback=number(0, 90, high_open=True, unit="deg"),
        ),
    ] = None,
    min_assets: Annotated[
        int,
        typer.Option(help="Satellites needed for a point to count as covered.", min=1, max=100_000),
    ] = 1,
    fold: Annotated[
        int, typer.Option(help="Report time with >= N satellites up to N.", min=1, max=12)
    ] = 3,
    duration_s: Annotated[
        float | None,
        typer.Option(
            help="Window length, s (the scenario's if omitted; at most 30 days).",
            callback=number(0, 2_592_000, low_open=True, unit="s"),
        ),
    ] = None,
    step_s: Annotated[
        float | None,
        typer.Option(
            help="Sampling step, s (the scenario's if omitted; at most a day).",
            callback=number(0, 86_400, low_open=True, unit="s"),
        ),
    ] = None,
    runs_dir: Annotated[Path, typer.Option(help="Where run folders are written.")] = Path("runs"),
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Coverage of named regions by each space layer: time covered, N-fold, gaps, age of data."""
    from goldendome import api
    from goldendome.cli.progress import rich_progress

    try:
        api.check_runs_dir(runs_dir)
        with rich_progress() as progress:
            result = api.coverage(
                scenario,
                regions=_names(regions),
                layers=_names(layers),
                min_elevation_deg=min_elevation_deg,
                min_assets=min_assets,
                n_fold=fold,
                duration_s=duration_s,
                step_s=step_s,
                runs_dir=runs_dir,
                progress=progress,
            )
    except api.ScenarioError as exc:
        _fail(exc.report())
    except ValueError as exc:  # RunsDirError included
        _fail(str(exc))
    except KeyboardInterrupt as exc:
        interrupted_exit(
            exc,
            f"the run folder under {runs_dir}/ is marked 'interrupted' (coverage writes its "
            "tables at the end, so it holds none).",
        )
    except OSError as exc:
        _fail(f"Could not write the run folder under {runs_dir}/: {exc.strerror or exc}.", 1)
    report = api.coverage_report(result)
    if json_out:
        typer.echo(json.dumps(report, indent=2))
    else:
        _print_tables(report)
        typer.echo(f"Run folder: {report['run_folder']}", err=True)
