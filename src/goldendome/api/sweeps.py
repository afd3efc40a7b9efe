"""The api's trade studies and results warehouse: sweeps, their analysis, and SQL over the
runs directory's DuckDB catalog. Every table comes back as a pandas DataFrame.

Re-exported by :mod:`goldendome.api`; import from there.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from goldendome.run.sweeps.analysis import SweepAnalysis
    from goldendome.run.sweeps.runner import PreparedSweep, SweepProgress, SweepRun

#: Export formats of :func:`export_run`.
EXPORT_FORMATS = ("csv", "parquet", "xlsx")


def prepare_sweep(path: str | Path) -> PreparedSweep:
    """Read a sweep file, draw its design and check every case through the scenario schema.

    Raises
    ------
    SweepError
        Naming every problem of the file, or every invalid case with its problems.
    """
    from goldendome.run.sweeps.runner import prepare
    from goldendome.run.sweeps.spec import read_sweep

    spec, text = read_sweep(path)
    return prepare(spec, text, path)


def sweep(
    path: str | Path,
    *,
    runs_dir: str | Path = "runs",
    workers: int | None = None,
    scheduler: str | None = None,
    resume: bool = False,
    max_memory: int | str | None = None,
    progress: Callable[[SweepProgress], None] | None = None,
) -> SweepRun:
    """Run a sweep file: every case on Dask, a run folder per case, the sweep's tables.

    Parameters
    ----------
    path : str or Path
        The sweep file (TOML; see docs/sweeps.md).
    runs_dir : str or Path
        Where the sweep folder ``sweep-<name>/`` and the catalog are written.
    workers : int, optional
        Local Dask worker processes (0: in this process; default: one per core, at most 2).
    scheduler : str, optional
        Address of an existing Dask scheduler (``tcp://host:port``); checked first.
    resume : bool
        Run only the cases a stored sweep of the same file has not finished.
    max_memory : int or str, optional
        Memory budget of each case (``"2GiB"``); the sweep file's ``max_memory`` otherwise.
    progress : callable, optional
        Called with a :class:`SweepProgress` at the start and after each case.

    Returns
    -------
    SweepRun
        ``.folder``, ``.cases`` (DataFrame, one row per design case) and ``.progress``.

    Raises
    ------
    SweepError, SchedulerError
        Before any case runs.
    """
    from goldendome.run.executor import check_scheduler
    from goldendome.run.preflight import parse_size
    from goldendome.run.sweeps.runner import run_sweep

    prep = prepare_sweep(path)
    if scheduler is not None:
        scheduler = check_scheduler(scheduler)
    budget = None if max_memory is None else parse_size(max_memory)
    return run_sweep(
        prep,
        runs_dir,
        workers=workers,
        scheduler=scheduler,
        resume=resume,
        max_memory_bytes=budget,
        progress=progress,
    )


def sweep_folder(name: str | Path, runs_dir: str | Path = "runs") -> Path:
    """The folder of a sweep given by name (``sbi-trade``), folder name or path.

    Raises
    ------
    FileNotFoundError
        If no such sweep is stored.
    """
    from goldendome.results.catalog import SWEEP_MANIFEST

    for candidate in (Path(name), Path(runs_dir) / str(name), Path(runs_dir) / f"sweep-{name}"):
        if (candidate / SWEEP_MANIFEST).is_file():
            return candidate
    raise FileNotFoundError(
        f"{name}: no sweep of that name under {runs_dir}/ ('goldendome runs list' names them)."
    )


def sweep_cases(name: str | Path, runs_dir: str | Path = "runs") -> Any:
    """A stored sweep's cases, one row per design case, with one column per swept input
    (its value, or its TOML text where it is not a number) beside the outputs."""
    import pandas as pd

    folder = sweep_folder(name, runs_dir)
    cases = pd.read_parquet(folder / "sweep_cases.parquet")
    inputs = pd.read_parquet(folder / "sweep_inputs.parquet")
    values = inputs["value"].astype(object).where(inputs["value"].notna(), inputs["text"])
    wide = inputs.assign(shown=values).pivot(index="case", columns="path", values="shown")
    return cases.merge(wide, left_on="case", right_index=True, how="left")


def analyze_sweep(name: str | Path, runs_dir: str | Path = "runs") -> SweepAnalysis:
    """Sobol indices, Morris screening and the Pareto front of a stored sweep (written to
    its folder as ``sweep_sobol``, ``sweep_morris`` and ``sweep_pareto``)."""
    from goldendome.run.sweeps.analysis import analyze_folder

    return analyze_folder(sweep_folder(name, runs_dir))


def query_runs(sql: str, runs_dir: str | Path = "runs") -> Any:
    """A read-only SQL query over the catalog of ``runs_dir`` (tables ``runs``, ``sweeps``,
    ``sweep_cases``, ``sweep_inputs``); only SELECT statements are taken.

    Raises
    ------
    CatalogError
        If the statement would write, cannot be read, or fails.
    """
    from goldendome.results.catalog import query

    return query(runs_dir, sql)


def reindex_runs(runs_dir: str | Path = "runs") -> dict[str, int]:
    """Rebuild the catalog of ``runs_dir`` from its folders: ``{"runs": n, "sweeps": m}``."""
    from goldendome.results.catalog import reindex

    return reindex(runs_dir)


def run_tables(run_id: str | Path, runs_dir: str | Path = "runs") -> dict[str, Any]:
    """Every table of a run folder or sweep, by name, as DataFrames (a sweep gives its cases
    with their inputs, and its analysis tables when stored)."""
    import pandas as pd

    try:
        folder = sweep_folder(run_id, runs_dir)
    except FileNotFoundError:
        folder = None
    if folder is not None:
        out = {"cases": sweep_cases(folder)}
        for name in ("sweep_sobol", "sweep_morris", "sweep_pareto"):
            if (folder / f"{name}.parquet").is_file():
                out[name] = pd.read_parquet(folder / f"{name}.parquet")
        return out
    path = Path(run_id)
    if not (path / "manifest.json").is_file():
        path = Path(runs_dir) / str(run_id)
    if not (path / "manifest.json").is_file():
        raise FileNotFoundError(
            f"{run_id}: no run folder or sweep of that name under {runs_dir}/ "
            "('goldendome runs list' names them)."
        )
    tables = {p.stem: pd.read_parquet(p) for p in sorted(path.glob("*.parquet"))}
    for parted in sorted(p for p in path.iterdir() if p.is_dir()):
        if any(parted.glob("part-*.parquet")):
            tables[parted.name] = pd.read_parquet(parted)
    return tables


def export_run(
    run_id: str | Path, fmt: str, out: str | Path, runs_dir: str | Path = "runs"
) -> list[Path]:
    """Write a run's (or a sweep's) tables as CSV files or Parquet files in folder ``out``,
    or as one Excel workbook ``out`` with a sheet per table; the paths written.

    Raises
    ------
    ValueError
        If ``fmt`` is not one of :data:`EXPORT_FORMATS`.
    FileNotFoundError
        If there is no such run or sweep.
    """
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"--format {fmt}: choose one of {', '.join(EXPORT_FORMATS)}.")
    tables = run_tables(run_id, runs_dir)
    target = Path(out)
    if fmt == "xlsx":
        import pandas as pd

        target.parent.mkdir(parents=True, exist_ok=True)
        with pd.ExcelWriter(target, engine="openpyxl") as book:
            for name, frame in tables.items():
                frame.to_excel(book, sheet_name=name[:31], index=False)
        return [target]
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in tables.items():
        path = target / f"{name}.{fmt}"
        if fmt == "csv":
            frame.to_csv(path, index=False)
        else:
            frame.to_parquet(path, index=False)
        written.append(path)
    return written
