"""``goldendome``: run, validate, schema, init, version (and, registered by :func:`main`,
cost, frontier, coverage, fly, leak, size, runs).

Heavy modules (NumPy, pydantic, the simulation) are imported inside the commands so that
``goldendome --help`` starts quickly.
"""

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from goldendome.cli.checks import worker_count

if TYPE_CHECKING:
    from goldendome.api import ScenarioSpec

app = typer.Typer(
    name="goldendome",
    help="Open physics-level simulator and trade-study tool for layered missile defense.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

#: Help of ``--max-memory`` (run, validate).
#: ``--workers`` of run and validate (validate estimates the memory of the workers a run starts).
Workers = Annotated[
    int | None,
    typer.Option(
        help="Local Dask worker processes (default 2; 0: in this process).",
        min=0,
        callback=worker_count,
    ),
]
MAX_MEMORY_HELP = (
    "Memory the run may plan to use: 4GiB, 500MB or bytes (default: 3/4 of what is free); "
    "a run estimated above it is refused before any work."
)
#: Exit code for bad input (a scenario problem, a file that cannot be used).
EXIT_BAD_INPUT = 2
#: Exit code after Ctrl-C (128 + SIGINT), as shells report it.
EXIT_INTERRUPTED = 130
#: Exit code after SIGTERM (128 + SIGTERM), as shells report it.
EXIT_TERMINATED = 143


def _fail(message: str, code: int = EXIT_BAD_INPUT) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(code)


def _load(path: Path | None, seed: int | None = None) -> "tuple[ScenarioSpec, str]":
    """(spec, text) for a file or the embedded default; a bad scenario exits with code 2."""
    from goldendome.api import ScenarioError, read_scenario

    try:
        return read_scenario(path, seed=seed)
    except ScenarioError as exc:
        _fail(exc.report())


def _budget(text: str | None) -> int | None:
    """``--max-memory`` in bytes (None when not given); a bad size exits with code 2."""
    if text is None:
        return None
    from goldendome.api import parse_size

    try:
        return parse_size(text)
    except ValueError as exc:
        _fail(f"--max-memory {exc}")


def interrupted_exit(exc: KeyboardInterrupt, what: str) -> NoReturn:
    """Say what an interruption kept and exit 130 (Ctrl-C) or 143 (SIGTERM)."""
    from goldendome.api import Terminated

    if isinstance(exc, Terminated):
        _fail(f"Terminated (SIGTERM): {what}", EXIT_TERMINATED)
    _fail(f"Interrupted: {what}", EXIT_INTERRUPTED)


@app.command()
def run(
    scenario: Annotated[
        Path | None, typer.Argument(help="Scenario TOML file; the embedded default if omitted.")
    ] = None,
    runs_dir: Annotated[Path, typer.Option(help="Where run folders are written.")] = Path("runs"),
    seed: Annotated[int | None, typer.Option(help="Override the scenario's seed.", min=0)] = None,
    trials: Annotated[
        int | None, typer.Option(help="Monte Carlo trials (default: the scenario's).", min=1)
    ] = None,
    workers: Workers = None,
    scheduler: Annotated[
        str | None, typer.Option(help="Address of an existing Dask scheduler (tcp://host:8786).")
    ] = None,
    max_memory: Annotated[str | None, typer.Option(help=MAX_MEMORY_HELP)] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Run a scenario, write its run folder and print a summary."""
    import json

    from goldendome import api
    from goldendome.cli.progress import rich_progress
    from goldendome.cli.summary import print_summary

    budget = _budget(max_memory)
    spec, text = _load(scenario, seed)
    try:
        with rich_progress() as progress:
            stored = api.run_spec(
                spec,
                text,
                runs_dir=runs_dir,
                trials=trials,
                workers=workers,
                scheduler=scheduler,
                max_memory=budget,
                progress=progress,
            )
    except KeyboardInterrupt as exc:
        interrupted_exit(
            exc,
            "the finished part of the run, finished Monte Carlo trials included, is kept in "
            f"its run folder under {runs_dir}/ (manifest status 'interrupted'; "
            f"'goldendome runs list --runs-dir {runs_dir}' shows it).",
        )
    except (api.BudgetError, api.SchedulerError, api.RunsDirError) as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"Could not write the run folder under {runs_dir}/: {exc.strerror or exc}.", 1)
    except Exception as exc:  # a stage that raised: the run folder says which, and keeps the rest
        if os.environ.get("GOLDENDOME_DEBUG") == "1":
            raise
        _fail(
            f"The run failed: {type(exc).__name__}: {exc}. Its run folder under {runs_dir}/ "
            "keeps the stages that finished and names the one that failed (manifest status "
            f"'failed'; 'goldendome runs list --runs-dir {runs_dir}' shows it). This is a "
            "defect or a case the model does not cover: please report it with the folder "
            "(GOLDENDOME_DEBUG=1 prints the traceback).",
            1,
        )
    if json_out:
        typer.echo(json.dumps(stored.summary, indent=2))
    else:
        print_summary(stored.summary)


@app.command()
def validate(
    scenario: Annotated[Path, typer.Argument(help="Scenario TOML file to check.")],
    max_memory: Annotated[str | None, typer.Option(help=MAX_MEMORY_HELP)] = None,
    workers: Workers = None,
) -> None:
    """Check a scenario file and report every problem at once (exit code 2 if any), and
    whether a run of it fits in memory."""
    from goldendome import api

    budget = _budget(max_memory)
    spec, _ = _load(scenario)
    n_sat = sum(layer.build(name).n_satellites for name, layer in spec.space.items())
    try:
        estimate, limit = api.memory_check(spec, max_memory=budget, workers=workers)
    except api.BudgetError as exc:
        _fail(f"{scenario}: valid, but {str(exc)[0].lower()}{str(exc)[1:]}")
    work = "" if estimate.work is None else f", and {estimate.work.phrase()} on 2 cores"
    typer.echo(
        f"{scenario}: OK: scenario '{spec.name}', {len(spec.space)} space layers "
        f"({n_sat} satellites), {len(spec.sites)} sites, "
        f"{len(spec.defended_assets)} defended assets, "
        f"{sum(e.count for e in spec.threats.raid)} missiles in the raid; a run "
        f"{estimate.sentence()}, within its memory budget of {api.format_bytes(limit)}{work}."
    )


@app.command()
def schema() -> None:
    """Print the JSON Schema of scenario files (for editors that check TOML)."""
    import json

    from goldendome.api import ScenarioSpec

    typer.echo(json.dumps(ScenarioSpec.model_json_schema(by_alias=True), indent=2))


@app.command()
def init(
    path: Annotated[Path, typer.Argument(help="Where to write the scenario file.")],
    force: Annotated[bool, typer.Option(help="Overwrite an existing file.")] = False,
) -> None:
    """Write the default scenario (commented, units in the keys) to a file to edit."""
    from goldendome.api import default_scenario_text

    if path.exists() and not force:
        _fail(f"{path}: already exists; choose another name or pass --force to overwrite.")
    try:
        path.write_text(default_scenario_text(), encoding="utf-8")
    except OSError as exc:
        _fail(f"{path}: cannot be written: {exc.strerror or exc}.")
    typer.echo(
        f"Wrote {path}. Edit it, check it with 'goldendome validate {path}', "
        f"run it with 'goldendome run {path}'."
    )


@app.command()
def version() -> None:
    """Print the goldendome version."""
    from goldendome import __version__

    typer.echo(f"goldendome {__version__}")


def main() -> None:
    """Console-script entry point."""
    from goldendome.cli import (  # noqa: F401  (registers them)
        cost,
        coverage,
        exchange,
        fly,
        leak,
        partners,
        report,
        runs,
        size,
        sweep,
        timeline,
        web,
    )

    sys.exit(app())
