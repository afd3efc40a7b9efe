"""The run folder a report is made from: found by path or id, opened, and its state read.

A report reads the stored folder only. A folder that ended early (interrupted, failed, dead,
still running) is still reported, from what it stored, and the page says so.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from goldendome.results.reader import ColumnData, RunFolderError, RunReader, open_run
from goldendome.results.run_state import RunState, run_state


class ReportError(ValueError):
    """A report that cannot be made (the message says why and what to do)."""


@dataclass(frozen=True)
class CachedReader(RunReader):
    """A :class:`RunReader` that reads each table once: a report asks for some of them (the
    shots of every trial) several times, and reading the parts is most of its work."""

    _arrow: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    _columns: dict[str, ColumnData] = field(default_factory=dict, compare=False, repr=False)

    def arrow(self, name: str) -> Any:
        """Table ``name`` as a ``pyarrow.Table`` (read on first use)."""
        if name not in self._arrow:
            self._arrow[name] = super().arrow(name)
        return self._arrow[name]

    def columns(self, name: str) -> ColumnData:
        """Table ``name`` as NumPy columns (converted on first use; a new dict each call,
        sharing the arrays, which callers must not change)."""
        if name not in self._columns:
            self._columns[name] = super().columns(name)
        return dict(self._columns[name])


@dataclass(frozen=True)
class ReportSource:
    """A run folder opened for a report.

    ``kind`` is ``run`` for ``goldendome run`` folders, else the study that wrote the folder
    (``size``, ``coverage``, ``fly``, ...); ``state`` is its :class:`RunState`.
    """

    run: RunReader
    state: RunState
    kind: str

    @property
    def complete(self) -> bool:
        """Whether the run ended normally (``complete``)."""
        return self.state.state == "complete"


def resolve_folder(run: str | Path, runs_dir: str | Path = "runs") -> Path:
    """The run folder named by ``run``: a folder path, or a folder name (or the unique start
    of one) under ``runs_dir``.

    Raises
    ------
    ReportError
        If no folder, or more than one, answers to ``run``.
    """
    given = Path(run)
    if given.is_dir():
        return given
    parent = Path(runs_dir)
    if given.exists():
        raise ReportError(f"{run}: is a file, not a run folder; give a run folder or its id.")
    if len(given.parts) == 1 and parent.is_dir():
        named = parent / given
        if named.is_dir():
            return named
        matches = sorted(p for p in parent.iterdir() if p.is_dir() and p.name.startswith(str(run)))
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            names = ", ".join(p.name for p in matches[:4])
            raise ReportError(
                f"{run}: {len(matches)} run folders under {parent}/ start so ({names}"
                f"{', ...' if len(matches) > 4 else ''}); give more of the name."
            )
    where = f"no run folder '{run}' under {parent}/" if parent.is_dir() else f"no {parent}/"
    raise ReportError(
        f"{run}: no such run folder, and {where}; 'goldendome runs list --runs-dir "
        f"{parent}' names the runs there."
    )


def open_source(run: str | Path, runs_dir: str | Path = "runs") -> ReportSource:
    """Find, open and check the run folder named by ``run`` (see :func:`resolve_folder`).

    Raises
    ------
    ReportError
        If the folder cannot be found or is not a run folder this goldendome reads.
    """
    folder = resolve_folder(run, runs_dir)
    try:
        reader = open_run(folder)
    except RunFolderError as exc:
        raise ReportError(str(exc)) from None
    state = run_state(folder)
    study = reader.manifest.get("run", {}).get("study")
    cached = CachedReader(reader.path, reader.manifest)
    return ReportSource(cached, state, str(study) if study else "run")
