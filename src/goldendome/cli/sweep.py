"""``goldendome sweep FILE``: a trade study's cases on Dask with a progress display, and
``goldendome sweep analyze SWEEP``: Sobol indices, Morris screening and the Pareto front."""

import math
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from goldendome.cli.main import EXIT_BAD_INPUT, app, interrupted_exit

if TYPE_CHECKING:
    from goldendome.api import SweepProgress


class _RunByDefault(TyperGroup):
    """``goldendome sweep FILE`` means ``goldendome sweep run FILE``."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["run", *args]
        return super().parse_args(ctx, args)


sweep_app = typer.Typer(
    cls=_RunByDefault,
    help="Trade studies: run a sweep file's cases on Dask (goldendome sweep FILE), analyse "
    "a stored sweep (goldendome sweep analyze NAME).",
    no_args_is_help=True,
)
app.add_typer(sweep_app, name="sweep")


#: Cases of the Pareto front printed (the table holds them all).
SHOWN = 12


def _fail(message: str, code: int = EXIT_BAD_INPUT) -> None:
    typer.echo(message, err=True)
    raise typer.Exit(code)


class _Display:
    """A rich progress bar of cases (done, rate, time left, failures) on standard error."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.console = Console(stderr=True)
        self.bar = Progress(
            TextColumn("cases"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("left"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[failed]}"),
            console=self.console,
        )
        self.task: Any = None
        self.t0 = time.monotonic()
        self.plain_at = 0.0

    def __call__(self, state: "SweepProgress") -> None:
        done = state.already + state.done
        elapsed = time.monotonic() - self.t0
        rate = f"{60 * state.done / elapsed:.1f} cases/min" if state.done and elapsed > 0 else ""
        failed = f"{state.failed} failed" if state.failed else ""
        if self.task is None:
            self.bar.start()
            self.task = self.bar.add_task("cases", total=state.total, rate=rate, failed=failed)
        self.bar.update(self.task, completed=done, rate=rate, failed=failed)
        if state.last.get("status") == "failed":
            self.bar.console.print(f"case {state.last['case_key']} failed: {state.last['error']}")
        if not self.console.is_terminal and (
            time.monotonic() - self.plain_at > 5 or done == state.total
        ):
            self.plain_at = time.monotonic()
            self.console.print(f"cases: {done}/{state.total} {rate} {failed}".rstrip())

    def stop(self) -> None:
        if self.task is not None:
            self.bar.stop()


def _shown(value: float, name: str) -> str:
    if not math.isfinite(value):
        return "-"
    if name.endswith("usd"):
        return f"${value / 1e9:,.1f}B"
    return f"{value:.3f}"


@sweep_app.command("run")
def run(
    file: Annotated[Path, typer.Argument(help="The sweep file (TOML).")],
    runs_dir: Annotated[Path, typer.Option(help="Where the sweep folder is written.")] = Path(
        "runs"
    ),
    workers: Annotated[
        int | None,
        typer.Option(help="Local Dask worker processes (default 2; 0: in this process).", min=0),
    ] = None,
    scheduler: Annotated[
        str | None, typer.Option(help="Address of an existing Dask scheduler (tcp://host:8786).")
    ] = None,
    resume: Annotated[
        bool, typer.Option(help="Run only the cases a stored sweep has not finished.")
    ] = False,
    check: Annotated[
        bool, typer.Option(help="Check the sweep file and every case, run nothing.")
    ] = False,
) -> None:
    """Run every case of a sweep file (each checked first), writing a run folder per case,
    the sweep's table of cases and the catalog."""
    from goldendome import api

    try:
        prep = api.prepare_sweep(file)
    except api.SweepError as exc:
        _fail(str(exc))
    n, unique = len(prep.rows), len(prep.unique)
    what = f"{n} cases" + (f" ({unique} distinct)" if unique != n else "")
    if check:
        typer.echo(f"{file}: OK: sweep '{prep.spec.name}', {prep.spec.design.kind} design, {what}.")
        return
    display = _Display()
    t0 = time.monotonic()
    try:
        done = api.sweep(
            file,
            runs_dir=runs_dir,
            workers=workers,
            scheduler=scheduler,
            resume=resume,
            progress=display,
        )
    except KeyboardInterrupt as exc:
        display.stop()
        interrupted_exit(
            exc,
            f"finished cases are kept in {runs_dir}/sweep-{prep.spec.name}/; "
            f"'goldendome sweep {file} --resume' runs the others.",
        )
    except (api.SweepError, api.SchedulerError, ValueError) as exc:
        display.stop()
        _fail(str(exc))
    display.stop()
    _report(done, time.monotonic() - t0, what)


def _report(done: Any, elapsed_s: float, what: str) -> None:
    state, cases = done.progress, done.cases
    complete = int((cases["status"] == "complete").sum())
    failed = int((cases["status"] == "failed").sum())
    ran = f"{state.done} run now" + (f", {state.already} before" if state.already else "")
    typer.echo(
        f"sweep {done.folder.name.removeprefix('sweep-')}: {what}, {complete} complete, "
        f"{failed} failed ({ran}, {elapsed_s:.0f} s); tables in {done.folder}/"
    )
    for name in ("p_zero_leakers", "expected_leakers", "cost_usd"):
        y = cases[name][cases["status"] == "complete"]
        if len(y) and y.notna().any():
            typer.echo(
                f"  {name:17s} min {_shown(y.min(), name):>9s}  median "
                f"{_shown(y.median(), name):>9s}  max {_shown(y.max(), name):>9s}"
            )
    for _, row in cases[cases["status"] == "failed"].head(5).iterrows():
        typer.echo(f"  case {row['case']} failed: {row['error']}")


@sweep_app.command("analyze")
def analyze(
    sweep: Annotated[str, typer.Argument(help="A stored sweep: its name or folder.")],
    runs_dir: Annotated[Path, typer.Option(help="The runs directory.")] = Path("runs"),
) -> None:
    """Sobol indices (95% intervals) and Morris screening of P(zero leakers), expected
    leakers and 20-year cost to each swept input, and the Pareto front of cost against
    P(zero leakers); printed and written to the sweep folder as tables."""
    from goldendome import api

    try:
        result = api.analyze_sweep(sweep, runs_dir)
    except FileNotFoundError as exc:
        _fail(str(exc))
    if result.sobol is not None:
        typer.echo("Sobol indices (first order S1 and total ST, 95% confidence half-widths):")
        for _, r in result.sobol.iterrows():
            typer.echo(
                f"  {r['output']:17s} {r['path']:32s} S1 {r['s1']:6.3f} ± {r['s1_conf']:.3f}"
                f"   ST {r['st']:6.3f} ± {r['st_conf']:.3f}"
            )
    if result.morris is not None:
        typer.echo("Morris screening (elementary effects over each input's range):")
        for _, r in result.morris.iterrows():
            typer.echo(
                f"  {r['output']:17s} {r['path']:32s} mu* {r['mu_star']:10.4g} ± "
                f"{r['mu_star_conf']:.3g}   mu {r['mu']:10.4g}   sigma {r['sigma']:.4g}"
            )
    front = result.pareto[result.pareto["on_front"]]
    typer.echo(
        f"Pareto front of 20-year cost against P(zero leakers): {len(front)} of "
        f"{len(result.pareto)} complete cases"
    )
    for _, r in front.head(SHOWN).iterrows():
        typer.echo(
            f"  case {r['case_key']}  cost {_shown(r['cost_usd'], 'cost_usd'):>9s}  "
            f"P(zero leakers) {r['p_zero_leakers']:.3f}  expected leakers "
            f"{r['expected_leakers']:.3f}"
        )
    if len(front) > SHOWN:
        typer.echo(f"  ... and {len(front) - SHOWN} more (table sweep_pareto)")
    for note in result.notes:
        typer.echo(f"note: {note}")
    typer.echo(
        "tables: "
        + ", ".join(
            n
            for n, t in (
                ("sweep_sobol", result.sobol),
                ("sweep_morris", result.morris),
                ("sweep_pareto", result.pareto),
            )
            if t is not None
        )
    )
