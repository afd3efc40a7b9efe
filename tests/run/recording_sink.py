"""A sink that keeps what the stages give it, each table checked against its declared schema."""

from typing import Any

import numpy as np

from goldendome.results.run_folder import Columns, table_of


class RecordingSink:
    """A :class:`goldendome.run.sink.Sink` that keeps everything in memory.

    Attributes
    ----------
    tables : dict of str to dict of str to ndarray
        The last version of each whole table, as NumPy columns of the declared types.
    writes : list of str
        Table names in the order they were written (a table may be written more than once).
    parts : list of (name, first, last, columns)
    progress_calls : list of (stage, done, total)
    """

    def __init__(self) -> None:
        self.tables: dict[str, dict[str, np.ndarray[Any, Any]]] = {}
        self.writes: list[str] = []
        self.parts: list[tuple[str, int, int, dict[str, np.ndarray[Any, Any]]]] = []
        self.progress_calls: list[tuple[str, int, int]] = []

    @staticmethod
    def _checked(name: str, columns: Columns) -> dict[str, np.ndarray[Any, Any]]:
        """The columns as the run folder would store them (ValueError if undeclared)."""
        table = table_of(name, columns)
        return {c: table.column(c).to_numpy(zero_copy_only=False) for c in table.column_names}

    def table(self, name: str, columns: Columns) -> None:
        self.tables[name] = self._checked(name, columns)
        self.writes.append(name)

    def part(self, name: str, first: int, last: int, columns: Columns) -> None:
        self.parts.append((name, first, last, self._checked(name, columns)))

    def progress(self, stage: str, done: int, total: int) -> None:
        self.progress_calls.append((stage, done, total))
