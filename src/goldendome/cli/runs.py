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
    if not states:
        typer.echo(f"{runs_dir}/: no run folders.")
        return
    for state in states:
        trials = state.trials_text()
        trials = "" if trials == "-" else f", {trials} trials"
        typer.echo(f"{state.path.name}  ({_what(state)}{trials})")
        typer.echo(f"    {state.sentence()}")


@runs_app.command("show")
def show(
    folder: Annotated[Path, typer.Argument(help="A run folder.")],
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """One run folder in detail: its state, what ran, its stages' timings and its tables."""
    from goldendome import api

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
