"""``goldendome runs``: the run folders under a runs directory, and the state each is in."""

import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from goldendome.cli.main import EXIT_BAD_INPUT, app

if TYPE_CHECKING:
    from goldendome.api import RunState

runs_app = typer.Typer(
    help="Run folders and their states: complete, interrupted, failed, running or dead.",
    no_args_is_help=True,
)
app.add_typer(runs_app, name="runs")


def _what(state: "RunState") -> str:
    if state.study is not None:
        return f"{state.study}: {state.scenario}"
    return f"run: {state.scenario}" if state.scenario else "-"


def _started(state: "RunState") -> str:
    if state.started_utc is None:
        return "-"
    try:
        return datetime.fromisoformat(state.started_utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    except ValueError:
        return state.started_utc


@runs_app.command("list")
def list_runs(
    runs_dir: Annotated[Path, typer.Option(help="The runs directory.")] = Path("runs"),
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Each run folder, oldest first: what ran, the trials it stored, and its state
    (complete; interrupted; failed at stage X: error; running; dead)."""
    from goldendome import api

    try:
        states = api.list_runs(runs_dir)
    except api.RunsDirError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    if json_out:
        typer.echo(json.dumps([s.as_dict() for s in states], indent=2))
        return
    if not states and not any(runs_dir.glob("sweep-*/sweep.json")):
        typer.echo(f"{runs_dir}/: no run folders.")
        return
    for state in states:
        trials = state.trials_text()
        trials = "" if trials == "-" else f", {trials} trials"
        typer.echo(f"{state.path.name}  ({_what(state)}{trials})")
        typer.echo(f"    {state.sentence()}")
    _list_sweeps(runs_dir)


def _list_sweeps(runs_dir: Path) -> None:
    """One line per sweep folder: its design, cases, how many finished and failed."""
    for meta_path in sorted(runs_dir.glob("sweep-*/sweep.json")):
        try:
            meta = json.loads(meta_path.read_text("utf-8"))
        except (OSError, ValueError):
            continue
        results = list((meta_path.parent / "results").glob("*.json"))
        failed = 0
        for path in results:
            try:
                failed += json.loads(path.read_text("utf-8")).get("status") == "failed"
            except (OSError, ValueError):
                continue
        typer.echo(
            f"{meta_path.parent.name}  (sweep: {meta.get('design')} design, "
            f"{meta.get('unique_cases')} cases)"
        )
        typer.echo(
            f"    {meta.get('status')}: {len(results)} of {meta.get('unique_cases')} cases "
            f"finished, {failed} failed"
        )


@runs_app.command("show")
def show(
    folder: Annotated[Path, typer.Argument(help="A run folder, or a run's id in the catalog.")],
    runs_dir: Annotated[Path, typer.Option(help="The runs directory.")] = Path("runs"),
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """One run folder in detail: its state, what ran, its stages' timings and its tables."""
    from goldendome import api

    if not (folder / "manifest.json").is_file() and (runs_dir / folder).is_dir():
        folder = runs_dir / folder
    if not folder.is_dir():
        typer.echo(f"{folder}: no such folder; 'goldendome runs list' names them.", err=True)
        raise typer.Exit(EXIT_BAD_INPUT)
    state = api.run_state(folder)
    detail = state.as_dict() | {"tables": _tables(folder), "timings_s": _timings(folder)}
    if json_out:
        typer.echo(json.dumps(detail, indent=2))
        return
    lines = [
        ("folder", str(folder)),
        ("what", _what(state)),
        ("started", _started(state)),
        ("state", state.sentence()),
        ("trials", state.trials_text()),
        ("process", f"pid {state.pid} on {state.host}" if state.pid is not None else "-"),
        ("last heartbeat", state.heartbeat_utc or "-"),
        ("tables", ", ".join(detail["tables"]) or "none"),
        (
            "stages",
            ", ".join(f"{k} {v:.1f} s" for k, v in detail["timings_s"].items()) or "none",
        ),
    ]
    width = max(len(key) for key, _ in lines)
    for key, value in lines:
        typer.echo(f"{key:>{width}}: {value}")


def _tables(folder: Path) -> list[str]:
    """Tables stored in ``folder``: ``name`` or ``name (n parts)``."""
    names = [p.stem for p in sorted(folder.glob("*.parquet"))]
    for parted in sorted(p for p in folder.iterdir() if p.is_dir()):
        n = len(list(parted.glob("part-*.parquet")))
        if n:
            names.append(f"{parted.name} ({n} part{'s' if n > 1 else ''})")
    return names


def _timings(folder: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
        timings = manifest.get("timings_s", {})
    except (OSError, ValueError, AttributeError):
        return {}
    return timings if isinstance(timings, dict) else {}


@runs_app.command("reindex")
def reindex(
    runs_dir: Annotated[Path, typer.Option(help="The runs directory.")] = Path("runs"),
) -> None:
    """Rebuild the runs directory's DuckDB catalog (catalog.duckdb) from its folders."""
    from goldendome import api

    if not runs_dir.is_dir():
        typer.echo(f"{runs_dir}/: no such folder.", err=True)
        raise typer.Exit(EXIT_BAD_INPUT)
    counts = api.reindex_runs(runs_dir)
    typer.echo(
        f"{runs_dir}/catalog.duckdb: {counts['runs']} runs and {counts['sweeps']} sweeps indexed."
    )


@runs_app.command("query")
def query(
    sql: Annotated[
        str, typer.Argument(help="A SELECT statement over runs, sweeps, sweep_cases, sweep_inputs.")
    ],
    runs_dir: Annotated[Path, typer.Option(help="The runs directory.")] = Path("runs"),
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
) -> None:
    """Answer a read-only SQL query over the catalog (a statement that writes is refused)."""
    from goldendome import api

    if fmt not in ("table", "csv", "json"):
        typer.echo(f"--format {fmt}: choose table, csv or json.", err=True)
        raise typer.Exit(EXIT_BAD_INPUT)
    try:
        frame = api.query_runs(sql, runs_dir)
    except api.CatalogError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    if fmt == "csv":
        typer.echo(frame.to_csv(index=False), nl=False)
    elif fmt == "json":
        typer.echo(frame.to_json(orient="records", indent=2))
    else:
        typer.echo(frame.to_string(index=False) if len(frame) else "(no rows)")


@runs_app.command("export")
def export(
    run_id: Annotated[str, typer.Argument(help="A run folder, its id, or a sweep's name.")],
    fmt: Annotated[str, typer.Option("--format", help="csv, parquet or xlsx.")] = "csv",
    out: Annotated[
        Path | None, typer.Option(help="Folder (csv, parquet) or workbook (xlsx) to write.")
    ] = None,
    runs_dir: Annotated[Path, typer.Option(help="The runs directory.")] = Path("runs"),
) -> None:
    """Write a run's tables (or a sweep's cases and analysis) as CSV, Parquet or Excel."""
    from goldendome import api

    name = Path(run_id).name
    target = out or Path(f"{name}.xlsx" if fmt == "xlsx" else f"{name}-{fmt}")
    try:
        written = api.export_run(run_id, fmt, target, runs_dir)
    except (ValueError, FileNotFoundError) as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    typer.echo(
        f"wrote {len(written)} file{'s' if len(written) != 1 else ''}: "
        + ", ".join(str(p) for p in written)
    )
