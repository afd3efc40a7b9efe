"""Where a pipeline stage puts what it produced: tables to store and progress to show."""

from collections.abc import Callable
from typing import Protocol

from goldendome.results.run_folder import Columns

#: Progress callback: ``(stage, done, total)``; ``done`` counts items finished in ``stage``.
ProgressFn = Callable[[str, int, int], None]


class Sink(Protocol):
    """What a stage writes to: the run folder's tables, and progress."""

    def table(self, name: str, columns: Columns) -> None:
        """Store declared table ``name`` (replacing an earlier version in this run)."""
        ...

    def part(self, name: str, first: int, last: int, columns: Columns) -> None:
        """Store the rows of trials ``first..last`` of parted table ``name``."""
        ...

    def progress(self, stage: str, done: int, total: int) -> None:
        """Report ``done`` of ``total`` items finished in ``stage``."""
        ...
