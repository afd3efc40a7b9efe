"""The curated public surface of goldendome, for notebooks and scripts.

Example
-------
>>> from goldendome import api
>>> spec = api.default_scenario()
>>> spec.name
'golden-dome-2029'
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from goldendome.scenario import (
    Problem,
    ScenarioError,
    ScenarioSpec,
    default_scenario_text,
    load_scenario,
    load_scenario_text,
    scenario_from_mapping,
)
from goldendome.scenario.loader import changed_scenario_text, parse_toml, read_scenario_file

if TYPE_CHECKING:
    from goldendome.engagement.leakage import Layer, Leakage
    from goldendome.results.reader import RunFolderError, RunReader, open_run
    from goldendome.results.run_state import RunState, run_state
    from goldendome.results.runs_dir import RunsDirError, check_runs_dir, list_runs
    from goldendome.results.summary import summarize_folder
    from goldendome.run.budget import (
        BudgetError,
        RunEstimate,
        check_budget,
        default_budget_bytes,
        format_bytes,
    )
    from goldendome.run.lifecycle import Terminated
    from goldendome.run.pipeline import StoredRun
    from goldendome.run.preflight import parse_size
    from goldendome.run.scheduler import SchedulerError
    from goldendome.run.sink import ProgressFn
    from goldendome.scenario.sizing import SizingSpec, sizing_spec
    from goldendome.studies.coverage.figures import CoverageResult
    from goldendome.studies.fly import catalog_listing, fly_threat, reconstruct_test
    from goldendome.studies.sizing.search import SizingAnswer

#: Names this module re-exports, by the module that defines them. They are imported when
#: first used, so ``goldendome validate`` and scripts that only read scenarios do not load
#: the run pipeline, the studies, SciPy, numba or Dask.
_LAZY = {
    "Layer": "goldendome.engagement.leakage",
    "Leakage": "goldendome.engagement.leakage",
    "RunFolderError": "goldendome.results.reader",
    "RunReader": "goldendome.results.reader",
    "open_run": "goldendome.results.reader",
    "RunState": "goldendome.results.run_state",
    "run_state": "goldendome.results.run_state",
    "RunsDirError": "goldendome.results.runs_dir",
    "check_runs_dir": "goldendome.results.runs_dir",
    "list_runs": "goldendome.results.runs_dir",
    "summarize_folder": "goldendome.results.summary",
    "BudgetError": "goldendome.run.budget",
    "RunEstimate": "goldendome.run.budget",
    "check_budget": "goldendome.run.budget",
    "default_budget_bytes": "goldendome.run.budget",
    "format_bytes": "goldendome.run.budget",
    "Terminated": "goldendome.run.lifecycle",
    "StoredRun": "goldendome.run.pipeline",
    "parse_size": "goldendome.run.preflight",
    "SchedulerError": "goldendome.run.scheduler",
    "ProgressFn": "goldendome.run.sink",
    "SizingSpec": "goldendome.scenario.sizing",
    "sizing_spec": "goldendome.scenario.sizing",
    "CoverageResult": "goldendome.studies.coverage.figures",
    "catalog_listing": "goldendome.studies.fly",
    "fly_threat": "goldendome.studies.fly",
    "reconstruct_test": "goldendome.studies.fly",
    "SizingAnswer": "goldendome.studies.sizing.search",
}


def __getattr__(name: str) -> Any:
    """Import a re-exported name from its module on first use (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'goldendome.api' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "BudgetError",
    "CoverageResult",
    "Layer",
    "Leakage",
    "Problem",
    "ProgressFn",
    "RunEstimate",
    "RunFolderError",
    "RunReader",
    "RunState",
    "RunsDirError",
    "ScenarioError",
    "ScenarioSpec",
    "SchedulerError",
    "SizingAnswer",
    "SizingSpec",
    "StoredRun",
    "Terminated",
    "catalog_listing",
    "check_budget",
    "check_runs_dir",
    "coverage",
    "coverage_report",
    "coverage_spec",
    "default_budget_bytes",
    "default_scenario",
    "default_scenario_text",
    "fly_threat",
    "format_bytes",
    "list_runs",
    "load_scenario",
    "load_scenario_text",
    "memory_check",
    "open_run",
    "parse_size",
    "parse_toml",
    "read_scenario",
    "read_scenario_file",
    "reconstruct_test",
    "run",
    "run_spec",
    "run_state",
    "scenario_from_mapping",
    "size_constellation",
    "size_constellation_report",
    "sizing_spec",
    "summarize_folder",
]


def default_scenario() -> ScenarioSpec:
    """The embedded "Golden Dome 2029" reference scenario, validated."""
    return load_scenario_text(default_scenario_text(), "default scenario")


def read_scenario(
    scenario: str | Path | None = None,
    *,
    seed: int | None = None,
    changes: Mapping[str, Any] | None = None,
) -> tuple[ScenarioSpec, str]:
    """Read and validate a scenario file, or the embedded default when ``scenario`` is None.

    Parameters
    ----------
    scenario : str or Path, optional
        A scenario TOML file, or the name of an embedded scenario ("default", "peer-raid").
    seed : int, optional
        Overrides the scenario's seed (validated like the file's own).
    changes : mapping of str to value, optional
        Changes by key path in file units, applied before validation:
        ``{"space.sbi_layer.altitude_km": 300.0, "time.duration_s": 600.0,
        "threats.raid[0].count": 2, "space.tracking_layer": None}`` (``None`` deletes).
        Every table on the way must exist and list indices must be in range
        (:mod:`goldendome.scenario.changes`).

    Returns
    -------
    spec : ScenarioSpec
    text : str
        The scenario text that was validated (what the manifest stores): the file as read,
        or, with ``changes``, the changed scenario written back as TOML (the file's comments
        dropped, a header listing the changes), so a run of it can be repeated.

    Raises
    ------
    ScenarioError
        If the scenario cannot be read, a change names a path that does not exist, or the
        result is invalid (problems named by their file paths).
    """
    if scenario is None:
        text, source = default_scenario_text(), "default scenario"
    else:
        text, source = read_scenario_file(scenario), str(scenario)
    overrides = dict(changes or {})
    if seed is not None:
        overrides["seed"] = seed
    spec = load_scenario_text(text, source, overrides)
    if changes:
        text = changed_scenario_text(text, source, overrides)
    return spec, text


def run(
    scenario: str | Path | None = None,
    *,
    runs_dir: str | Path = "runs",
    seed: int | None = None,
    changes: Mapping[str, Any] | None = None,
    trials: int | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    max_memory: int | str | None = None,
    progress: ProgressFn | None = None,
) -> StoredRun:
    """Run a scenario file (or the default scenario) and write its run folder.

    Parameters
    ----------
    scenario : str or Path, optional
        A scenario TOML file, or the name of an embedded scenario ("default",
        "peer-raid"); the embedded default when omitted.
    runs_dir : str or Path
        Parent folder of the run folder.
    seed : int, optional
        Overrides the scenario's seed.
    changes : mapping of str to value, optional
        Changes by key path before validation (see :func:`read_scenario`); the manifest
        stores the changed scenario.
    trials : int, optional
        Monte Carlo trials of the kill chain (default: the scenario's ``[monte_carlo]``).
    workers : int, optional
        Local Dask worker processes (0: every trial in this process; default: one per core,
        at most 2); the results do not depend on it.
    scheduler : str, optional
        Address of an existing Dask scheduler to run the trials on instead
        (``tcp://host:port``); checked for an answer before any work.
    max_memory : int or str, optional
        The memory the run may plan to use: bytes, or a size such as ``"4GiB"`` or
        ``"500MB"`` (:func:`parse_size`); three quarters of the memory available when
        omitted. A run estimated above it is refused before any work.
    progress : callable, optional
        ``progress(stage, done, total)``.

    Returns
    -------
    StoredRun
        The run folder and the summary dict (the same as ``goldendome run --json``).

    Raises
    ------
    ScenarioError
        If the scenario cannot be read or is invalid.
    BudgetError, SchedulerError, RunsDirError, ValueError
        If the run cannot start: above the memory budget, no scheduler at the address, a
        runs directory that cannot be written, a bad ``max_memory`` or ``trials``. Nothing
        is written then.
    KeyboardInterrupt
        On Ctrl-C (:class:`Terminated` on SIGTERM), after the manifest is marked
        ``interrupted``; finished work is kept.
    """
    spec, text = read_scenario(scenario, seed=seed, changes=changes)
    return run_spec(
        spec,
        text,
        runs_dir=runs_dir,
        trials=trials,
        workers=workers,
        scheduler=scheduler,
        max_memory=max_memory,
        progress=progress,
    )


def run_spec(
    spec: ScenarioSpec,
    text: str,
    *,
    runs_dir: str | Path = "runs",
    trials: int | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    max_memory: int | str | None = None,
    progress: ProgressFn | None = None,
) -> StoredRun:
    """Run a validated scenario (as :func:`read_scenario` returns it) and write its folder.

    ``text`` is stored in the manifest beside its hash, so the run can be repeated; the other
    parameters are those of :func:`run`.
    """
    from goldendome.run.pipeline import TrialOptions, run_scenario
    from goldendome.run.preflight import parse_size

    budget = None if max_memory is None else parse_size(max_memory)
    options = TrialOptions(
        trials=trials, workers=workers, scheduler=scheduler, max_memory_bytes=budget
    )
    return run_scenario(spec, text, Path(runs_dir), progress=progress, options=options)


def memory_check(
    spec: ScenarioSpec,
    *,
    trials: int | None = None,
    max_memory: int | str | None = None,
    workers: int | None = None,
) -> tuple[RunEstimate, int]:
    """A run's estimated peak memory, checked against the budget (``goldendome validate``).

    Parameters
    ----------
    spec : ScenarioSpec
    trials : int, optional
        Monte Carlo trials (the scenario's when omitted).
    max_memory : int or str, optional
        The budget as for :func:`run`; three quarters of the memory available when omitted.
    workers : int, optional
        Local Dask workers, as for :func:`run` (one per core, at most 2, when omitted; 0 runs
        the trials in-process); their memory counts in the estimate.

    Returns
    -------
    estimate : RunEstimate
        ``estimate.sentence()`` reads "needs about 1.2 GiB at peak (architecture: ...)".
    budget_bytes : int

    Raises
    ------
    BudgetError
        If the estimate is above the budget (the message says what to reduce).
    ValueError
        If ``max_memory`` is not a size.
    """
    from goldendome.run.budget import check_budget, default_budget_bytes, local_workers
    from goldendome.run.preflight import parse_size

    budget = default_budget_bytes() if max_memory is None else parse_size(max_memory)
    n = local_workers(workers) if spec.threats.raid else 0
    return check_budget(spec, trials, budget, n), budget


def coverage(
    scenario: str | Path | None = None,
    *,
    changes: Mapping[str, Any] | None = None,
    regions: Sequence[str] | None = None,
    layers: Sequence[str] | None = None,
    min_elevation_deg: float | None = None,
    min_assets: int = 1,
    n_fold: int = 3,
    duration_s: float | None = None,
    step_s: float | None = None,
    runs_dir: str | Path | None = None,
    progress: ProgressFn | None = None,
) -> CoverageResult:
    """Coverage of named regions by each space layer of a scenario (``goldendome coverage``).

    Parameters
    ----------
    scenario : str or Path, optional
        A scenario file or embedded name, as for :func:`run`; the default when omitted.
    changes : mapping, optional
        Changes by key path before validation (see :func:`read_scenario`).
    regions : sequence of str, optional
        Regions of ``data/regions.toml`` (NK, CONUS, Alaska, Hawaii, Japan; any case); all.
    layers : sequence of str, optional
        Space layers of the scenario; all when omitted.
    min_elevation_deg : float, optional
        One elevation mask for every layer; by default 0 deg above 2,000 km, 10 deg in LEO.
    min_assets : int
        Satellites needed for a point to count as covered.
    n_fold : int
        Report the share of time with at least N satellites, N = 1..n_fold.
    duration_s, step_s : float, optional
        The window and its sampling (the scenario's when omitted).
    runs_dir : str or Path, optional
        Write a run folder under it (tables ``coverage_regions``, ``coverage_folds``,
        ``coverage_points``; its path in the result's ``run_folder``); nothing is written
        when omitted.
    progress : callable, optional
        ``progress(stage, done, total)``.

    Returns
    -------
    CoverageResult
        One row per region and layer (then per role for roles with several layers); see
        :func:`coverage_report` for plain data.

    Raises
    ------
    ScenarioError
        If the scenario cannot be read or is invalid.
    ValueError
        For an unknown region or layer, or a bad window or mask (no folder is written).
    """
    spec, text = read_scenario(scenario, changes=changes)
    return coverage_spec(
        spec,
        text,
        regions=regions,
        layers=layers,
        min_elevation_deg=min_elevation_deg,
        min_assets=min_assets,
        n_fold=n_fold,
        duration_s=duration_s,
        step_s=step_s,
        runs_dir=runs_dir,
        progress=progress,
    )


def coverage_spec(
    spec: ScenarioSpec,
    text: str,
    *,
    regions: Sequence[str] | None = None,
    layers: Sequence[str] | None = None,
    min_elevation_deg: float | None = None,
    min_assets: int = 1,
    n_fold: int = 3,
    duration_s: float | None = None,
    step_s: float | None = None,
    runs_dir: str | Path | None = None,
    progress: ProgressFn | None = None,
) -> CoverageResult:
    """:func:`coverage` of a validated scenario (as :func:`read_scenario` returns it);
    ``text`` is stored in the manifest when ``runs_dir`` is given."""
    options: dict[str, Any] = {
        "layers": layers,
        "min_elevation_deg": min_elevation_deg,
        "min_assets": min_assets,
        "n_fold": n_fold,
        "duration_s": duration_s,
        "step_s": step_s,
    }
    if progress is not None:
        options["progress"] = progress
    from goldendome.studies.coverage.figures import simulate_coverage
    from goldendome.studies.coverage.store import stored_coverage

    if runs_dir is None:
        return simulate_coverage(spec, regions, **options)
    return stored_coverage(spec, text, runs_dir, regions, **options)


def coverage_report(result: CoverageResult) -> dict[str, Any]:
    """A coverage result as plain data (what ``goldendome coverage --json`` prints), with a
    ``run_folder`` key when it was stored."""
    from goldendome.studies.coverage.figures import coverage_report as report

    return report(result)


def size_constellation(
    values: dict[str, Any] | None = None,
    progress: ProgressFn | None = None,
    *,
    runs_dir: str | Path | None = None,
) -> tuple[SizingAnswer, dict[str, Any]]:
    """How many space-based interceptors a salvo takes (``goldendome size``).

    Parameters
    ----------
    values : dict, optional
        Changes to the default question (``data/sbi_assumptions.toml``), in file units:
        ``salvo``, ``shots``, ``confidence``, ``threat``, ``from``, ``to``,
        ``altitudes_km``, ``inclinations_deg``, ``planes``, ``launch_times``, ``phasing``,
        and an ``sbi`` table (``delta_v_km_s``, ``acceleration_g``, delays, rule).
    progress : callable, optional
        ``progress(stage, done, total)`` after each shell searched.
    runs_dir : str or Path, optional
        Write a run folder under it, shell by shell (tables ``sizing_shells``,
        ``sizing_candidates``, ``sizing_launch_times``, ``sizing_latitudes``; the question
        and assumptions in the manifest); its path is the answer's ``run_folder``. Ctrl-C
        leaves the manifest ``interrupted`` with the shells finished. Nothing is written
        when omitted.

    Returns
    -------
    answer : SizingAnswer
    assumptions : dict
        Every assumption the answer rests on.

    Raises
    ------
    ScenarioError
        If a value is invalid (each problem names its key, value and rule); no folder is
        written then.
    """
    from goldendome.scenario.sizing import sizing_spec
    from goldendome.studies.sizing.question import size
    from goldendome.studies.sizing.store import stored_size

    spec = sizing_spec(values)
    if runs_dir is None:
        return size(spec, progress)
    return stored_size(spec, values, runs_dir, progress)


def size_constellation_report(
    values: dict[str, Any] | None = None,
    progress: ProgressFn | None = None,
    *,
    runs_dir: str | Path | None = None,
) -> dict[str, Any]:
    """:func:`size_constellation` as plain data (what ``goldendome size --json`` prints), with
    a ``run_folder`` key when a folder was written."""
    from goldendome.studies.sizing.question import size_report

    return size_report(*size_constellation(values, progress, runs_dir=runs_dir))
