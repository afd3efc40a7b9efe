"""Run a sweep: its cases on Dask (a local cluster, a scheduler's address, or this process),
each case's result recorded as it arrives, the sweep's tables written when it ends or stops.

The sweep folder is ``<runs dir>/sweep-<name>/``: ``sweep.json`` (the sweep file, its design
and status), ``results/<case_key>.json`` (one per finished case, written atomically by this
process when the case's result arrives), ``cases/<case_key>/<time>-<scenario>/`` (each case's
run folder) and the tables ``sweep_cases.parquet`` and ``sweep_inputs.parquet``. A resumed
sweep (``resume=True``) runs only the cases without a result file: Ctrl-C, SIGTERM, SIGKILL or
a lost machine lose at most the cases in flight, and none is recorded twice (a result file is
named by its case). Dask reruns a case whose worker died on another worker; its result
arrives once.
"""

import hashlib
import json
import math
import os
import shutil
import socket
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from goldendome.results.catalog import SWEEP_MANIFEST, index_sweep
from goldendome.results.run_folder import RunFolder
from goldendome.run.budget import local_workers
from goldendome.run.executor import executor_for
from goldendome.run.lifecycle import watched
from goldendome.run.sweeps.case_run import SweepShared, run_case
from goldendome.run.sweeps.cases import Case, base_scenario, check_cases
from goldendome.run.sweeps.design import DesignCase, design_cases
from goldendome.run.sweeps.spec import OUTPUTS, SweepError, SweepSpec


@dataclass
class SweepProgress:
    """Where a sweep stands: unique cases in all, done before this start, done since, failed."""

    total: int
    already: int = 0
    done: int = 0
    failed: int = 0
    last: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SweepRun:
    """A sweep that ended: its folder, its cases table (pandas) and its progress."""

    folder: Path
    cases: Any
    progress: SweepProgress


def sweep_folder(runs_dir: str | Path, name: str) -> Path:
    """The folder of sweep ``name`` under ``runs_dir``."""
    return Path(runs_dir) / f"sweep-{name}"


def _write_json(path: Path, obj: Any) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(obj, indent=2, default=str) + "\n", "utf-8")
    os.replace(tmp, path)


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text("utf-8"))


@dataclass(frozen=True)
class PreparedSweep:
    """A sweep file with its design, its cases checked and its base scenario read."""

    spec: SweepSpec
    text: str
    rows: list[DesignCase]
    cases: list[Case]
    base_text: str
    source: str

    @property
    def unique(self) -> dict[str, Case]:
        """The cases to run, by id, in design order (a repeated row runs once)."""
        return {c.case_key: c for c in self.cases}


def prepare(spec: SweepSpec, text: str, path: str | Path | None = None) -> PreparedSweep:
    """Draw the design and check every case through the scenario schema.

    Raises
    ------
    SweepError
        If the base scenario cannot be read or any case is invalid (every one named).
    """
    source_name = str(path or "<sweep>")
    base_text, source = base_scenario(spec, path)
    rows = design_cases(spec)
    cases = check_cases(spec, rows, base_text, source, source_name)
    return PreparedSweep(spec, text, rows, cases, base_text, source)


def _manifest(prep: PreparedSweep, status: str, started: str) -> dict[str, Any]:
    spec = prep.spec
    return {
        "name": spec.name,
        "status": status,
        "design": spec.design.kind,
        "morris_levels": spec.design.levels,
        "seed": spec.seed,
        "trials": spec.trials,
        "outputs": spec.outputs,
        "parameters": [p.path for p in spec.parameters],
        "cases": len(prep.rows),
        "unique_cases": len(prep.unique),
        "case_keys": [c.case_key for c in prep.cases],
        "sweep_sha256": hashlib.sha256(prep.text.encode("utf-8")).hexdigest(),
        "base_scenario": prep.source,
        "started_utc": started,
        "written_utc": datetime.now(UTC).isoformat(),
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "sweep_text": prep.text,
    }


def _open_folder(prep: PreparedSweep, runs_dir: Path, resume: bool) -> tuple[Path, str]:
    folder = sweep_folder(runs_dir, prep.spec.name)
    meta_path = folder / SWEEP_MANIFEST
    if meta_path.is_file():
        if not resume:
            raise SweepError(
                str(folder),
                [
                    f"sweep '{prep.spec.name}' was already started here; pass --resume to run "
                    "the cases it has not finished, or give the sweep another name"
                ],
                "exists",
            )
        meta = _read_json(meta_path)
        if meta.get("case_keys") != [c.case_key for c in prep.cases]:
            raise SweepError(
                str(folder),
                [
                    "the sweep file's cases differ from those of the sweep stored here (changed "
                    "parameters, design or seed); give the changed sweep another name"
                ],
                "cannot resume",
            )
        return folder, str(meta.get("started_utc"))
    (folder / "results").mkdir(parents=True, exist_ok=True)
    return folder, datetime.now(UTC).isoformat()


def load_results(folder: Path) -> dict[str, dict[str, Any]]:
    """The recorded result of every finished case of a sweep folder, by case id."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted((folder / "results").glob("*.json")):
        with suppress(OSError, ValueError):
            out[path.stem] = _read_json(path)
    return out


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value)
    return repr(value)


def write_tables(prep: PreparedSweep, folder: Path, results: dict[str, dict[str, Any]]) -> Any:
    """Write ``sweep_cases`` and ``sweep_inputs`` (pending cases included, as ``pending``);
    the cases table as a pandas DataFrame."""
    import pandas as pd

    store = RunFolder(folder)
    cases: dict[str, list[Any]] = {
        c: [] for c in ("case", "case_key", "seed", "status", "error", "trials", *OUTPUTS)
    }
    inputs: dict[str, list[Any]] = {c: [] for c in ("case", "path", "value", "text", "unit_x")}
    for row, case in zip(prep.rows, prep.cases, strict=True):
        got = results.get(case.case_key, {})
        cases["case"].append(row.index)
        cases["case_key"].append(case.case_key)
        cases["seed"].append(case.seed)
        cases["status"].append(got.get("status", "pending"))
        cases["error"].append(got.get("error", ""))
        cases["trials"].append(int(got.get("trials", 0) or 0))
        for name in OUTPUTS:
            value = got.get(name)
            cases[name].append(math.nan if value is None else float(value))
        for p, u in zip(prep.spec.parameters, row.unit, strict=True):
            if p.path not in row.values:
                continue
            value = row.values[p.path]
            number = (
                float(value)
                if isinstance(value, int | float) and not isinstance(value, bool)
                else math.nan
            )
            inputs["case"].append(row.index)
            inputs["path"].append(p.path)
            inputs["value"].append(number)
            inputs["text"].append(_toml_value(value))
            inputs["unit_x"].append(u)
    store.write_table("sweep_cases", cases)
    store.write_table("sweep_inputs", inputs)
    return pd.DataFrame(cases)


def _clean_attempts(folder: Path, results: dict[str, dict[str, Any]]) -> None:
    """Remove the run folders of attempts whose result was not recorded (cut short)."""
    for case_dir in sorted((folder / "cases").glob("*")):
        kept = results.get(case_dir.name, {}).get("run_folder", "")
        for attempt in sorted(case_dir.iterdir()):
            if attempt.relative_to(folder).as_posix() != kept:
                shutil.rmtree(attempt, ignore_errors=True)


def _threads(workers: int | None, scheduler: str | None) -> int | None:
    """numba threads per case: in this process, numba's default; on a remote cluster one
    (its workers are the parallelism); on ``n`` local workers, the cores shared out."""
    if scheduler is not None:
        return 1
    if workers == 0:
        return None
    return max(1, (os.cpu_count() or 1) // local_workers(workers))


def _collect(
    finished: Iterable[tuple[Case, dict[str, Any]]],
    folder: Path,
    results: dict[str, dict[str, Any]],
    state: SweepProgress,
    progress: Callable[[SweepProgress], None] | None,
) -> None:
    """Record each case's result as it arrives (atomically, named by its case)."""
    for _, record in finished:
        _write_json(folder / "results" / f"{record['case_key']}.json", record)
        results[record["case_key"]] = record
        state.done += 1
        state.failed += record["status"] == "failed"
        state.last = record
        if progress is not None:
            progress(state)


def run_sweep(
    prep: PreparedSweep,
    runs_dir: str | Path,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    resume: bool = False,
    max_memory_bytes: int | None = None,
    progress: Callable[[SweepProgress], None] | None = None,
) -> SweepRun:
    """Run a prepared sweep's unfinished cases and write its tables.

    Parameters
    ----------
    prep : PreparedSweep
    runs_dir : str or Path
        Parent of the sweep folder (and home of the catalog).
    workers : int, optional
        Local Dask worker processes (0: every case in this process; default: one per core,
        at most 2). Ignored with ``scheduler``.
    scheduler : str, optional
        Address of an existing Dask scheduler; its workers must see ``runs_dir``.
    resume : bool
        Continue a sweep stored under ``runs_dir`` (only cases without a result run).
    max_memory_bytes : int, optional
        Memory budget of each case's run (the sweep file's ``max_memory`` otherwise).
    progress : callable, optional
        Called with the :class:`SweepProgress` at the start and after every case.

    Raises
    ------
    SweepError
        If the sweep folder exists without ``resume``, or holds another sweep.
    KeyboardInterrupt
        After the tables of the finished cases are written and ``sweep.json`` says
        ``interrupted``.
    """
    root = Path(runs_dir)
    folder, started = _open_folder(prep, root, resume)
    results = load_results(folder)
    todo = [c for cid, c in prep.unique.items() if cid not in results]
    state = SweepProgress(total=len(prep.unique), already=len(prep.unique) - len(todo))
    state.failed = sum(r.get("status") == "failed" for r in results.values())
    _write_json(folder / SWEEP_MANIFEST, _manifest(prep, "running", started))
    budget = max_memory_bytes
    if budget is None and prep.spec.max_memory is not None:
        from goldendome.run.preflight import parse_size

        budget = parse_size(prep.spec.max_memory)
    shared = SweepShared(
        prep.base_text,
        prep.source,
        str(folder.resolve()),
        prep.spec.trials,
        budget,
        _threads(workers, scheduler),
    )
    if progress is not None:
        progress(state)
    status = "interrupted"
    try:
        if todo:
            work = executor_for(workers, scheduler)
            with watched(folder):
                _collect(work.map_chunks(run_case, shared, todo), folder, results, state, progress)
        status = "complete"
    finally:
        table = write_tables(prep, folder, results)
        if status == "complete":
            _clean_attempts(folder, results)
        _write_json(folder / SWEEP_MANIFEST, _manifest(prep, status, started))
        with suppress(Exception):  # the folder is the truth; 'runs reindex' rebuilds
            index_sweep(root, folder)
    return SweepRun(folder, table, state)
