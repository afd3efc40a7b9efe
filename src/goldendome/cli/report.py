"""``goldendome report``: an offline HTML report (or a PDF of it) from a stored run folder
(or a sweep's folder)."""

import time
from pathlib import Path
from typing import Annotated

import typer

from goldendome.cli.main import EXIT_BAD_INPUT, app


@app.command()
def report(
    run: Annotated[
        str,
        typer.Argument(
            help="A run folder (or a sweep's or a study's), or its id (folder name) under "
            "--runs-dir."
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option(help="File to write (default: report.html or report.pdf in the run folder)."),
    ] = None,
    format: Annotated[
        str, typer.Option("--format", help="html (one self-contained file) or pdf.")
    ] = "html",
    runs_dir: Annotated[Path, typer.Option(help="Where run ids are looked for.")] = Path("runs"),
) -> None:
    """Write a self-contained report of a stored run: scenario, P(zero leakers) with its
    parameter band, kills by layer and class, interceptors and cost, the timeline and a map;
    of a sweep folder: Sobol indices, Morris screening and the Pareto front; of a timeline,
    exchange or partners folder: the timeline by year, the exchange curve, the partner table.
    Opens offline; reruns nothing."""
    from goldendome import api

    started = time.perf_counter()
    try:
        path = api.write_report(run, out, runs_dir=runs_dir, format=format)
    except api.ReportError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    size = path.stat().st_size / 2**20
    typer.echo(f"Wrote {path} ({size:.1f} MiB) in {time.perf_counter() - started:.1f} s.")
