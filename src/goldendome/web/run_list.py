"""The runs the server lists: from the runs directory's DuckDB catalog when it has one, else
by reading every run folder.

The catalog (:mod:`goldendome.results.catalog`, ``<runs dir>/catalog.duckdb``) holds a row per
run folder, so a directory of thousands of runs is listed without opening thousands of
manifests. It is opened read-only, with no access to other files, and never written or
rebuilt here (the server writes nothing). Writers index a run when it ends, so the catalog can
lag the folders; the list keeps to the folders as they are:

- a catalogued run whose folder is gone is left out;
- a folder the catalog does not know yet (a run still going, or one whose writer could not
  take the catalog's lock) is read from its folder;
- a run the catalog saw as ``running`` is read again from its folder (it may have ended).

Without a catalog, or one that cannot be read (another process writing it, a damaged file),
every folder is read (:func:`goldendome.results.runs_dir.list_runs`). Sweep folders and the
cases inside them are not runs of this directory and are not listed.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from goldendome.results.catalog import SWEEP_MANIFEST, catalog_path
from goldendome.results.run_state import RunState, run_state
from goldendome.results.runs_dir import list_runs

#: The catalog's columns read into a :class:`RunState`.
_COLUMNS = (
    "run_id",
    "state",
    "scenario",
    "study",
    "started_utc",
    "stage",
    "error",
    "trials",
    "trials_done",
)


@dataclass(frozen=True)
class RunList:
    """The runs to list, oldest first, and where the list came from (``catalog`` or
    ``folders``), with the reason a catalog was not used (empty when it was, or when there
    is none)."""

    states: list[RunState]
    source: str
    note: str = ""


def _catalog_rows(path: Path) -> list[tuple[Any, ...]]:
    """The top-level runs of the catalog at ``path`` (read-only; raises on any failure)."""
    import duckdb

    con = duckdb.connect(str(path), read_only=True, config={"enable_external_access": False})
    try:
        rows: list[tuple[Any, ...]] = con.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM runs "
            "WHERE sweep IS NULL AND run_id NOT LIKE '%/%' ORDER BY run_id"
        ).fetchall()
    finally:
        con.close()
    return rows


def _state(folder: Path, row: tuple[Any, ...]) -> RunState:
    values = dict(zip(_COLUMNS, row, strict=True))
    return RunState(
        path=folder,
        state=str(values["state"]),
        scenario=values["scenario"],
        study=values["study"],
        started_utc=values["started_utc"],
        stage=values["stage"],
        error=values["error"],
        trials_done=int(values["trials_done"] or 0),
        trials=None if values["trials"] is None else int(values["trials"]),
    )


def _run_folders(runs_dir: Path) -> list[Path]:
    return sorted(
        p
        for p in runs_dir.iterdir()
        if p.is_dir() and not p.name.startswith(".") and not (p / SWEEP_MANIFEST).is_file()
    )


def served_runs(runs_dir: Path) -> RunList:
    """The runs under ``runs_dir`` for the server's list (see the module's description)."""
    if not runs_dir.is_dir():
        return RunList([], "folders")
    path = catalog_path(runs_dir)
    if not path.is_file():
        return RunList(list_runs(runs_dir), "folders")
    try:
        rows = _catalog_rows(path)
    except Exception as exc:  # duckdb.Error, or a file that is no DuckDB database
        note = f"{path.name} could not be read ({type(exc).__name__}), so the folders were"
        return RunList(list_runs(runs_dir), "folders", note)
    known = {str(r[0]): r for r in rows}
    states = []
    for folder in _run_folders(runs_dir):
        row = known.get(folder.name)
        stale = row is None or row[1] == "running"
        states.append(run_state(folder) if row is None or stale else _state(folder, row))
    return RunList(states, "catalog")
