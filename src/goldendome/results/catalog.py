"""The DuckDB catalog of a runs directory: one row per run folder and every sweep's cases,
for SQL queries across runs and sweeps (``goldendome runs query``).

The catalog is ``<runs dir>/catalog.duckdb``. Writers keep it up to date: a run indexes its
folder when it ends (:func:`index_runs`), a sweep indexes its cases and tables when it ends or
stops (:func:`index_sweep`); :func:`reindex` rebuilds it from the folders alone (the folders
are the truth: a catalog deleted or left behind by a killed writer is rebuilt from them).
Queries (:func:`query`) open it read-only, with no access to files outside it, and take
SELECT statements only.

Tables:

- ``runs``: ``run_id`` (the folder's path under the runs directory), ``folder``,
  ``scenario``, ``study``, ``state``, ``stage``, ``error``, ``seed``, ``started_utc``,
  ``trials``, ``trials_done``, ``p_zero_leakers``, ``expected_leakers``, ``cost_usd``,
  ``elapsed_s``, ``scenario_sha256``, ``git_commit``, ``sweep`` and ``case_key`` (a sweep
  case's; NULL otherwise);
- ``sweeps``: ``sweep``, ``folder``, ``design``, ``seed``, ``cases``, ``complete``,
  ``failed``, ``status``;
- ``sweep_cases`` and ``sweep_inputs``: every sweep's tables of the same names
  (:mod:`goldendome.results.schemas.sweep_tables`) with a ``sweep`` column first.
"""

import json
import math
import os
import time
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path
from typing import Any

from goldendome.results.run_folder import MANIFEST, SUMMARY
from goldendome.results.run_state import run_state

#: The catalog's file name inside a runs directory.
CATALOG = "catalog.duckdb"
#: A sweep folder's own manifest.
SWEEP_MANIFEST = "sweep.json"
#: Seconds a writer waits for another writer's lock before leaving the update to reindex.
LOCK_WAIT_S = 10.0

_RUN_COLUMNS = {
    "run_id": "VARCHAR PRIMARY KEY",
    "folder": "VARCHAR",
    "scenario": "VARCHAR",
    "study": "VARCHAR",
    "state": "VARCHAR",
    "stage": "VARCHAR",
    "error": "VARCHAR",
    "seed": "BIGINT",
    "started_utc": "VARCHAR",
    "trials": "BIGINT",
    "trials_done": "BIGINT",
    "p_zero_leakers": "DOUBLE",
    "expected_leakers": "DOUBLE",
    "cost_usd": "DOUBLE",
    "elapsed_s": "DOUBLE",
    "scenario_sha256": "VARCHAR",
    "git_commit": "VARCHAR",
    "sweep": "VARCHAR",
    "case_key": "VARCHAR",
}
_SWEEP_COLUMNS = {
    "sweep": "VARCHAR PRIMARY KEY",
    "folder": "VARCHAR",
    "design": "VARCHAR",
    "seed": "BIGINT",
    "cases": "BIGINT",
    "complete": "BIGINT",
    "failed": "BIGINT",
    "status": "VARCHAR",
}


class CatalogError(ValueError):
    """A catalog query that cannot be answered (the message says why)."""


def catalog_path(runs_dir: str | Path) -> Path:
    """Where the catalog of ``runs_dir`` lives."""
    return Path(runs_dir) / CATALOG


def _json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _number(value: Any) -> float | None:
    try:
        out = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(out) else out


def run_row(runs_dir: Path, folder: Path) -> dict[str, Any]:
    """The ``runs`` row of one run folder (from its manifest, summary and state)."""
    state = run_state(folder)
    manifest, summary = _json(folder / MANIFEST), _json(folder / SUMMARY)
    kill = summary.get("kill_chain") or {}
    cost = summary.get("cost") or {}
    rel = folder.relative_to(runs_dir).as_posix()
    parts = rel.split("/")
    in_sweep = len(parts) == 4 and parts[0].startswith("sweep-") and parts[1] == "cases"
    timings = manifest.get("timings_s") or {}
    return {
        "run_id": rel,
        "folder": folder.name,
        "scenario": state.scenario,
        "study": state.study,
        "state": state.state,
        "stage": state.stage,
        "error": state.error,
        "seed": manifest.get("seed"),
        "started_utc": state.started_utc,
        "trials": state.trials,
        "trials_done": state.trials_done,
        "p_zero_leakers": _number(kill.get("p_zero_leakers")),
        "expected_leakers": _number((kill.get("expected_leakers") or {}).get("mean")),
        "cost_usd": _number(cost.get("total_usd")),
        "elapsed_s": float(sum(v for v in timings.values() if isinstance(v, int | float))),
        "scenario_sha256": manifest.get("scenario_sha256"),
        "git_commit": manifest.get("git_commit"),
        "sweep": parts[0].removeprefix("sweep-") if in_sweep else None,
        "case_key": parts[2] if in_sweep else None,
    }


def _connect(path: Path, wait_s: float = LOCK_WAIT_S) -> Any:
    """A writable connection to the catalog at ``path``, waiting for another writer's lock."""
    import duckdb

    deadline = time.monotonic() + wait_s
    while True:
        try:
            con = duckdb.connect(str(path))
            break
        except duckdb.IOException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    _create(con)
    return con


def _create(con: Any) -> None:
    for name, columns in (("runs", _RUN_COLUMNS), ("sweeps", _SWEEP_COLUMNS)):
        body = ", ".join(f"{c} {t}" for c, t in columns.items())
        con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({body})")


def _upsert(
    con: Any, table: str, key: str, rows: list[dict[str, Any]], columns: Iterable[str]
) -> None:
    import pandas as pd

    if not rows:
        return
    frame = pd.DataFrame(rows, columns=list(columns))
    con.register("incoming", frame)
    try:
        con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT {key} FROM incoming)")
        con.execute(f"INSERT INTO {table} SELECT * FROM incoming")
    finally:
        con.unregister("incoming")


def index_runs(runs_dir: str | Path, folders: Iterable[str | Path]) -> None:
    """Add or refresh the ``runs`` rows of run folders under ``runs_dir``.

    Raises
    ------
    duckdb.Error
        If another writer holds the catalog for longer than :data:`LOCK_WAIT_S` (a run's
        writer then leaves the update to ``goldendome runs reindex``).
    """
    root = Path(runs_dir).resolve()
    rows = [run_row(root, Path(f).resolve()) for f in folders]
    con = _connect(catalog_path(root))
    try:
        _upsert(con, "runs", "run_id", rows, _RUN_COLUMNS)
    finally:
        con.close()


def index_if_catalogued(runs_dir: str | Path, folder: str | Path) -> None:
    """Index one finished (or stopped) run or study folder in the runs directory's catalog
    when it has one (a sweep, ``runs reindex`` or ``runs query`` makes it); a catalog another
    writer holds too long is left to ``goldendome runs reindex`` (the folder is what counts).
    Every writer of run folders calls this as its folder's state is settled."""
    if catalog_path(runs_dir).is_file():
        with suppress(Exception):
            index_runs(runs_dir, [folder])


def _sweep_tables(con: Any, sweep: str, folder: Path) -> None:
    """Replace sweep ``sweep``'s rows of the ``sweep_cases`` and ``sweep_inputs`` tables."""
    for table in ("sweep_cases", "sweep_inputs"):
        path = folder / f"{table}.parquet"
        if not path.is_file():
            continue
        source = "SELECT ? AS sweep, * FROM read_parquet(?)"
        con.execute(f"CREATE TABLE IF NOT EXISTS {table} AS {source} LIMIT 0", [sweep, str(path)])
        con.execute(f"DELETE FROM {table} WHERE sweep = ?", [sweep])
        con.execute(f"INSERT INTO {table} {source}", [sweep, str(path)])


def _sweep_row(runs_dir: Path, folder: Path) -> dict[str, Any]:
    meta = _json(folder / SWEEP_MANIFEST)
    results = [_json(p) for p in sorted((folder / "results").glob("*.json"))]
    return {
        "sweep": str(meta.get("name", folder.name.removeprefix("sweep-"))),
        "folder": folder.relative_to(runs_dir).as_posix(),
        "design": meta.get("design"),
        "seed": meta.get("seed"),
        "cases": meta.get("unique_cases"),
        "complete": sum(r.get("status") == "complete" for r in results),
        "failed": sum(r.get("status") == "failed" for r in results),
        "status": meta.get("status"),
    }


def index_sweep(runs_dir: str | Path, folder: str | Path) -> None:
    """Add or refresh a sweep folder in the catalog: the sweep, its cases' run folders and
    its ``sweep_cases`` and ``sweep_inputs`` tables."""
    root = Path(runs_dir).resolve()
    index_sweep_into(catalog_path(root), root, Path(folder).resolve())


def reindex(runs_dir: str | Path) -> dict[str, int]:
    """Rebuild the catalog of ``runs_dir`` from its folders alone (built beside it, then
    put in its place, so a reader never sees half a catalog).

    Returns
    -------
    dict
        ``{"runs": n, "sweeps": m}``, the folders indexed.
    """
    root = Path(runs_dir).resolve()
    target = catalog_path(root)
    tmp = target.with_name(target.name + f".{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    sweeps = sorted(p.parent for p in root.glob(f"*/{SWEEP_MANIFEST}"))
    plain = sorted(p.parent for p in root.glob(f"*/{MANIFEST}"))
    con = _connect(tmp)
    try:
        _upsert(con, "runs", "run_id", [run_row(root, f) for f in plain], _RUN_COLUMNS)
    finally:
        con.close()
    for sweep in sweeps:
        index_sweep_into(tmp, root, sweep)
    os.replace(tmp, target)
    Path(str(tmp) + ".wal").unlink(missing_ok=True)
    n_case_runs = sum(len(list(s.glob(f"cases/*/*/{MANIFEST}"))) for s in sweeps)
    return {"runs": len(plain) + n_case_runs, "sweeps": len(sweeps)}


def index_sweep_into(catalog: Path, root: Path, folder: Path) -> None:
    """:func:`index_sweep` into the catalog file ``catalog`` (reindex builds a new one)."""
    runs = [run_row(root, m.parent) for m in sorted(folder.glob(f"cases/*/*/{MANIFEST}"))]
    con = _connect(catalog)
    try:
        con.execute("BEGIN")
        prefix = folder.relative_to(root).as_posix() + "/%"
        con.execute("DELETE FROM runs WHERE run_id LIKE ?", [prefix])
        _upsert(con, "runs", "run_id", runs, _RUN_COLUMNS)
        row = _sweep_row(root, folder)
        _upsert(con, "sweeps", "sweep", [row], _SWEEP_COLUMNS)
        _sweep_tables(con, row["sweep"], folder)
        con.execute("COMMIT")
    finally:
        con.close()


def _check_read_only(sql: str) -> None:
    import duckdb

    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise CatalogError(f"The query cannot be read: {exc}") from None
    if not statements:
        raise CatalogError("The query is empty; write a SELECT statement.")
    for statement in statements:
        if statement.type != duckdb.StatementType.SELECT:
            kind = statement.type.name
            raise CatalogError(
                f"Only SELECT queries are allowed (the catalog is read-only); this query "
                f"has a {kind} statement: {statement.query.strip()[:80]!r}."
            )


def query(runs_dir: str | Path, sql: str) -> Any:
    """Answer a read-only SQL query over the catalog of ``runs_dir``.

    The catalog is built first when there is none (:func:`reindex`). It is opened read-only,
    with no access to outside files, and only SELECT statements are taken.

    Returns
    -------
    pandas.DataFrame
        The last statement's result.

    Raises
    ------
    CatalogError
        If the query is not a SELECT, cannot be read, or fails (with DuckDB's message).
    """
    import duckdb

    _check_read_only(sql)
    path = catalog_path(runs_dir)
    if not path.is_file():
        if not Path(runs_dir).is_dir():
            raise CatalogError(f"{runs_dir}/: no such folder, so no catalog to query.")
        reindex(runs_dir)
    try:
        con = duckdb.connect(str(path), read_only=True, config={"enable_external_access": False})
    except duckdb.Error as exc:
        raise CatalogError(f"{path}: the catalog cannot be opened: {exc}") from None
    try:
        return con.execute(sql).df()
    except duckdb.Error as exc:
        raise CatalogError(f"The query failed: {exc}") from None
    finally:
        con.close()
