"""The api's scenarios and runs: read and validate a scenario, check a run's memory, run it.

Re-exported by :mod:`goldendome.api`; import from there.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from goldendome.scenario import ScenarioSpec, default_scenario_text, load_scenario_text
from goldendome.scenario.loader import changed_scenario_text, read_scenario_file

if TYPE_CHECKING:
    from goldendome.run.budget import RunEstimate
    from goldendome.run.pipeline import StoredRun
    from goldendome.run.sink import ProgressFn


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
        A scenario TOML file, or the name of an embedded scenario ("default", "peer-raid",
        "liquid-raid").
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
