"""A rich progress bar on standard error, driven by ``progress(stage, done, total)`` calls."""

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from goldendome.api import ProgressFn


def _ignore(stage: str, done: int, total: int) -> None:
    """A progress callback that draws nothing."""


@contextmanager
def rich_progress() -> Iterator[ProgressFn]:
    """Yield a progress callback that draws one bar per stage (on stderr, removed at the end);
    when stderr is not a terminal (a log file, a pipe) nothing is drawn, so the only lines
    written there are the command's own messages."""
    console = Console(stderr=True)
    if not console.is_terminal:
        yield _ignore
        return
    bars = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )
    tasks: dict[str, TaskID] = {}

    def update(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bars.add_task(stage, total=total)
        bars.update(tasks[stage], completed=done, total=total)

    with bars:
        yield update
