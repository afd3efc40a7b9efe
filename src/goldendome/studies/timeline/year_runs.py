"""The kill chain of each year of a timeline: one pipeline run per distinct architecture, all
against one raid flown once.

Every year fights the same raid (the timeline changes the architecture, never the seed, the
time window or the raid), so the raid is aimed and flown once, before the first year, and
handed to each year's run (:class:`goldendome.run.context.SharedRaid`); each run is bit for
bit what ``goldendome run`` gives on that year's scenario. A year whose architecture equals
an earlier one's reuses that run (``same_as``).

With ``jobs`` > 1 the distinct years run in a pool of worker processes (the standard
library's: each run is a whole pipeline, so processes, not threads), started with ``spawn``
(a fresh interpreter: forking a process that may hold threads, such as the command's
progress display, is not safe). Each worker receives the flown raid once, when it starts,
and keeps it (and its solved assignment problems) for every year it runs; its compiled
kernels use its share of the cores (two workers on two cores: one thread each instead of
two, as a sweep's cases do; the kernels' threads split independent objects, so the
results do not depend on their number). The years go to the workers longest first, by the
run package's own estimate of each run's work
(:func:`goldendome.run.work_estimate.estimate_work`), so the last to finish is a short one.

Each worker solves the weapon-target assignment problems it has not seen itself (the memo
of :mod:`goldendome.engagement.assign_memo` is one per process): a third of a year's Monte
Carlo, and what sharing solved problems between the workers would save.
"""

import json
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from goldendome.run.context import SharedRaid, raid_inputs
from goldendome.run.footprint import dimensions
from goldendome.run.work_estimate import estimate_work
from goldendome.scenario.loader import scenario_from_mapping
from goldendome.scenario.spec import ScenarioSpec
from goldendome.studies.changed_run import run_mapping

#: Called after each distinct year's run: ``progress(year, done, total)``.
YearProgress = Callable[[int, int, int], None]

#: The raids a worker process received when it started, by their inputs.
_RAIDS: dict[str, SharedRaid] = {}


def _receive(raids: list[SharedRaid], threads: int) -> None:
    """A worker's initializer: keep the raids (their arrays read-only again) and use
    ``threads`` threads in the compiled kernels."""
    import numba

    most = int(numba.config.NUMBA_NUM_THREADS)  # type: ignore[attr-defined]
    numba.set_num_threads(max(1, min(threads, most)))
    for shared in raids:
        shared.protect()
        _RAIDS[shared.inputs] = shared


def _kill_chain(summary: dict[str, Any], folder: str) -> dict[str, Any]:
    kc = summary["kill_chain"]
    return {
        "p_zero_leakers": kc["p_zero_leakers"],
        "p_zero_leakers_95": kc["p_zero_leakers_95"],
        "expected_leakers": kc["expected_leakers"]["mean"],
        "expected_leakers_stderr": kc["expected_leakers"]["stderr"],
        "warheads": kc["warheads"],
        "trials": kc["trials"],
        "run_folder": folder,
        "same_as": None,
    }


def run_year(
    name: str,
    year: int,
    mapping: dict[str, Any],
    runs_dir: Path,
    trials: int | None,
    workers: int | None,
    raid: SharedRaid | str | None = None,
) -> dict[str, Any]:
    """Run one year's architecture and keep its kill chain.

    Parameters
    ----------
    name : str
        The scenario's name.
    year : int
    mapping : dict
        The year's scenario (:func:`goldendome.studies.timeline.architecture.year_mapping`).
    runs_dir : Path
    trials, workers : int, optional
        As ``goldendome run`` takes them.
    raid : SharedRaid or str, optional
        The raid already flown, or (in a worker process) the inputs of one it received;
        None: the run flies its own.
    """
    shared = _RAIDS[raid] if isinstance(raid, str) else raid
    stored = run_mapping(
        mapping,
        f"{name} in {year}",
        runs_dir,
        trials,
        workers,
        comment=f"{name}: the architecture of {year}",
        raid=shared,
    )
    return _kill_chain(stored.summary, str(stored.folder.path))


def _specs(
    name: str, years: list[int], mappings: list[dict[str, Any]]
) -> tuple[dict[int, ScenarioSpec], dict[int, str]]:
    """Each year's validated scenario (only years with a raid) and a key of its architecture."""
    specs, keys = {}, {}
    for year, mapping in zip(years, mappings, strict=True):
        if mapping.get("threats", {}).get("raid"):
            specs[year] = scenario_from_mapping(mapping, f"{name} in {year}")
            keys[year] = json.dumps(mapping, sort_keys=True, default=str)
    return specs, keys


def run_years(
    name: str,
    years: list[int],
    mappings: list[dict[str, Any]],
    runs_dir: Path,
    trials: int | None,
    workers: int | None,
    jobs: int,
    progress: YearProgress | None,
) -> dict[int, dict[str, Any]]:
    """The kill chain of every year with a raid (see the module docstring).

    Parameters
    ----------
    name : str
        The scenario's name.
    years : list of int
    mappings : list of dict
        Each year's scenario, in the order of ``years``.
    runs_dir : Path
    trials, workers : int, optional
        Per run, as ``goldendome run`` takes them.
    jobs : int
        Years run at once in worker processes (1: one after the other, in this process).
    progress : callable, optional
        ``progress(year, done, total)`` after each distinct year's run.

    Returns
    -------
    dict of int to dict
        By year: ``p_zero_leakers``, its 95% interval, ``expected_leakers`` and its standard
        error, ``warheads``, ``trials``, ``run_folder`` and ``same_as``.
    """
    specs, keys = _specs(name, years, mappings)
    first: dict[str, int] = {}
    for year in specs:
        first.setdefault(keys[year], year)
    todo = [year for year in specs if first[keys[year]] == year]
    index = {year: i for i, year in enumerate(years)}
    inputs = {year: raid_inputs(specs[year]) for year in todo}
    raids: dict[str, SharedRaid] = {}
    for year in todo:  # one raid in a timeline; one per distinct raid in general
        if inputs[year] not in raids:
            raids[inputs[year]] = SharedRaid.fly(specs[year])
    done: dict[int, dict[str, Any]] = {}

    def finished(year: int, result: dict[str, Any]) -> None:
        done[year] = result
        if progress is not None:
            progress(year, len(done), len(todo))

    def run_here(year: int) -> dict[str, Any]:
        mapping = mappings[index[year]]
        return run_year(name, year, mapping, runs_dir, trials, workers, raids[inputs[year]])

    if jobs <= 1 or len(todo) <= 1:
        for year in todo:
            finished(year, run_here(year))
    else:
        # Longest first: the pool's last runs are the short ones.
        todo.sort(key=lambda y: -estimate_work(dimensions(specs[y], trials)).seconds)
        n_workers = min(jobs, len(todo))
        with ProcessPoolExecutor(
            max_workers=n_workers,
            mp_context=get_context("spawn"),
            initializer=_receive,
            initargs=(list(raids.values()), (os.cpu_count() or 1) // n_workers),
        ) as pool:
            futures = {
                pool.submit(
                    run_year,
                    name,
                    year,
                    mappings[index[year]],
                    runs_dir,
                    trials,
                    workers,
                    inputs[year],
                ): year
                for year in todo
            }
            for future in as_completed(futures):
                finished(futures[future], future.result())
    out = {}
    for year, key in keys.items():
        source = first[key]
        out[year] = done[source] if source == year else {**done[source], "same_as": source}
    return out
