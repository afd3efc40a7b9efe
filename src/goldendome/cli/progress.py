"""Progress on standard error, driven by ``progress(stage, done, total)`` calls: rich bars on
a terminal, plain lines in a log file or a pipe."""

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

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

#: Seconds between two plain lines of the same stage (its first and last always print).
LINE_EVERY_S = 5.0


class PlainProgress:
    """A progress callback writing one plain line per stage start, at most one every
    :data:`LINE_EVERY_S` seconds while it runs, and one when it finishes:
    ``sensing: 3/10 (12 s)``. Lines go to ``stream`` (standard error by default), so a log
    or a pipe shows a long stage advancing without a bar's control codes.

    Parameters
    ----------
    stream : text stream, optional
    clock : callable, optional
        Seconds, monotonic (``time.monotonic``; tests pass their own).
    """

    def __init__(
        self, stream: TextIO | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._stream = stream
        self._clock = clock
        self._started: dict[str, float] = {}
        self._last: dict[str, float] = {}
        self._done: set[str] = set()

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = self._clock()
        finished = total > 0 and done >= total
        if stage in self._done:
            if finished:
                return  # its finished line is written once
            self._done.discard(stage)  # the stage runs again (a sweep's next point)
            self._last.pop(stage, None)
        last = self._last.get(stage)
        if last is None:
            self._started[stage] = now
        elif not finished and now - last < LINE_EVERY_S:
            return
        self._last[stage] = now
        if finished:
            self._done.add(stage)
        stream = self._stream if self._stream is not None else sys.stderr
        elapsed_s = now - self._started[stage]
        print(f"{stage}: {done:,}/{total:,} ({elapsed_s:.0f} s)", file=stream, flush=True)


@contextmanager
def rich_progress() -> Iterator[ProgressFn]:
    """Yield a progress callback that draws one bar per stage (on stderr, removed at the end);
    when stderr is not a terminal (a log file, a pipe) it writes plain lines instead
    (:class:`PlainProgress`)."""
    console = Console(stderr=True)
    if not console.is_terminal:
        yield PlainProgress()
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
