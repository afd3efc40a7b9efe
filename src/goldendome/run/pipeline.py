"""The run pipeline: a scenario in, a complete run folder out.

The context is built once (:class:`goldendome.run.context.RunContext`); the stages run in
order, each reading the context and writing its tables to the run folder as soon as it
has them (:mod:`goldendome.run.stages`); the summary is then computed from the stored
tables alone (:func:`goldendome.results.summary.summarize_folder`), so the folder holds
everything a report or viewer needs.

Before the folder is made, :func:`goldendome.run.preflight.preflight` checks what can be
checked at once: the estimated peak memory against the budget, the scheduler's address and
the runs directory. Every run then ends in a
known state: Ctrl-C or SIGTERM marks the manifest ``interrupted`` (with the signal) and
keeps what finished (finished Monte Carlo chunks included); any other error marks it
``failed`` with the stage and the error; a heartbeat (:mod:`goldendome.run.lifecycle`) lets
a reader tell a run killed outright.
"""

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from goldendome.engagement.picture import KillChainSetup
from goldendome.physics.clock import Clock
from goldendome.results.catalog import index_if_catalogued
from goldendome.results.heartbeat import Heartbeat
from goldendome.results.manifest import build_manifest
from goldendome.results.run_folder import SUMMARY, Columns, RunFolder
from goldendome.results.summary import summarize_folder
from goldendome.run.boost_ahead import give_samples, start_samples
from goldendome.run.budget import local_workers
from goldendome.run.context import RunContext, SharedRaid
from goldendome.run.executor import Executor, executor_for
from goldendome.run.lifecycle import signal_name, watched
from goldendome.run.monte_carlo import run_monte_carlo, trial_parameters
from goldendome.run.preflight import preflight
from goldendome.run.shortfall_ground import annotate_chunk
from goldendome.run.sink import ProgressFn
from goldendome.run.stages.architecture import run_architecture
from goldendome.run.stages.boost import boost_sampler, run_boost
from goldendome.run.stages.economics import run_economics
from goldendome.run.stages.kill_chain import SensedObjects, build_setup, setup_tables
from goldendome.run.stages.raid import run_raid
from goldendome.run.stages.sensing import run_sensing
from goldendome.scenario.spec import ScenarioSpec

T = TypeVar("T")


@dataclass(frozen=True)
class TrialOptions:
    """How a run draws its Monte Carlo trials (None: the scenario's ``[monte_carlo]``), and
    the memory it may plan to use (bytes; None: :func:`goldendome.run.budget.
    default_budget_bytes`)."""

    trials: int | None = None
    workers: int | None = None
    scheduler: str | None = None
    max_memory_bytes: int | None = None


@dataclass(frozen=True)
class StoredRun:
    """A finished run: its folder and its summary (JSON-ready)."""

    folder: RunFolder
    summary: dict[str, Any]


class _FolderSink:
    """A :class:`goldendome.run.sink.Sink` writing into a run folder."""

    def __init__(self, folder: RunFolder, progress: ProgressFn | None) -> None:
        self.folder = folder
        self._progress = progress
        self.heartbeat: Heartbeat | None = None

    def table(self, name: str, columns: Columns) -> None:
        self.folder.write_table(name, columns)

    def part(self, name: str, first: int, last: int, columns: Columns) -> None:
        self.folder.write_part(name, first, last, columns)

    def progress(self, stage: str, done: int, total: int) -> None:
        if self.heartbeat is not None:
            self.heartbeat.note(stage, done, total)
        if self._progress is not None:
            self._progress(stage, done, total)


class _Run:
    """One run in progress: its folder, manifest and timings."""

    def __init__(
        self, spec: ScenarioSpec, text: str, runs_dir: Path, progress: ProgressFn | None
    ) -> None:
        self.spec, self.text = spec, text
        self.started = datetime.now(UTC)
        self.folder = RunFolder.create(runs_dir, spec.name, self.started)
        self.sink = _FolderSink(self.folder, progress)
        self.timings: dict[str, float] = {}
        self.n_times = Clock.uniform(
            spec.time.epoch, spec.time.duration_s, spec.time.step_s
        ).n_times
        self.counts: dict[str, Any] = {}
        self.current: str | None = None

    def manifest(self, status: str, **extra: Any) -> None:
        spec = self.spec
        self.folder.write_json(
            "manifest.json",
            build_manifest(
                scenario_name=spec.name,
                scenario_text=self.text,
                seed=spec.seed,
                status=status,
                timings_s=self.timings,
                started_utc=self.started,
                run={
                    "epoch_utc": spec.time.epoch.isoformat(),
                    "duration_s": spec.time.duration_s,
                    "step_s": spec.time.step_s,
                    "n_times": self.n_times,
                    "sbi_layer": None if spec.sbi is None else spec.sbi.layer,
                    "kill_vehicle": None if spec.sbi is None else _kill_vehicle(spec),
                    "boost_shots": spec.doctrine.boost.shots,
                    "shortfall": None if spec.sbi is None else spec.sbi.shortfall,
                    "pid": os.getpid(),
                    **self.counts,
                },
                **extra,
            ),
        )

    def stage(self, key: str, label: str | None, work: Callable[[], T]) -> T:
        """Run one stage, timed (and shown as ``label`` unless None); an interruption or
        error inside it is recorded against ``key`` (by :func:`run_scenario`). The manifest
        is rewritten (still ``running``) with the timings so far, so a run killed outright
        keeps them."""
        self.current = key
        if self.sink.heartbeat is not None:
            self.sink.heartbeat.stage(key)
        t0 = time.perf_counter()
        try:
            if label is not None:
                self.sink.progress(label, 0, 1)
            out = work()
            if label is not None:
                self.sink.progress(label, 1, 1)
        finally:
            self.timings[key] = time.perf_counter() - t0
        self.current = None
        self.manifest("running")
        return out


def _kill_vehicle(spec: ScenarioSpec) -> dict[str, float]:
    assert spec.sbi is not None
    vehicle, rule = spec.sbi.build_vehicle(), spec.sbi.build_rule()
    return {
        "delta_v_m_s": vehicle.delta_v_m_s,
        "acceleration_m_s2": vehicle.acceleration_m_s2,
        "burn_time_s": vehicle.burn_time_s,
        "divert_delta_v_m_s": vehicle.divert_delta_v_m_s,
        "decision_delay_s": rule.decision_delay_s,
    }


def run_scenario(
    spec: ScenarioSpec,
    scenario_text: str,
    runs_dir: Path,
    progress: ProgressFn | None = None,
    options: TrialOptions = TrialOptions(),
    executor: Executor | None = None,
    catalog: bool = True,
    raid: SharedRaid | None = None,
) -> StoredRun:
    """Run ``spec`` and write its run folder; an interrupted run keeps what it finished.

    Parameters
    ----------
    spec : ScenarioSpec
    scenario_text : str
        The scenario as the user wrote it (stored in the manifest with its hash).
    runs_dir : Path
        Parent of the run folder.
    progress : callable, optional
        ``progress(stage, done, total)``.
    options : TrialOptions
        Trials, local workers or a Dask scheduler for the kill chain's Monte Carlo, and the
        memory budget.
    executor : Executor, optional
        Where the Monte Carlo's chunks run; overrides ``options.workers`` and
        ``options.scheduler`` (a sweep passes an in-process executor to each case).
    catalog : bool
        Index the folder in the runs directory's DuckDB catalog, when it has one, as the run
        ends (a sweep passes False and indexes its cases itself).
    raid : SharedRaid, optional
        The raid already flown for a scenario with the same seed, time window and raid (a
        study running several architectures against one raid); flown here if omitted. The
        run is the same either way.

    Raises
    ------
    BudgetError, SchedulerError, RunsDirError, ValueError
        From :func:`goldendome.run.preflight.preflight`, before anything is written.
    KeyboardInterrupt
        Re-raised after the manifest is marked ``interrupted`` (:class:`goldendome.run.
        lifecycle.Terminated` on SIGTERM).
    """
    scheduler = options.scheduler if executor is None and spec.threats.raid else None
    local = executor is None and scheduler is None and bool(spec.threats.raid)
    estimate, budget = preflight(
        spec,
        runs_dir,
        trials=options.trials,
        scheduler=scheduler,
        max_memory_bytes=options.max_memory_bytes,
        workers=local_workers(options.workers) if local else 0,
    )
    run = _Run(spec, scenario_text, runs_dir, progress)
    if spec.threats.raid:
        run.counts["trials"] = options.trials or spec.monte_carlo.trials
    run.counts["memory"] = {
        "estimated_peak_bytes": estimate.peak_bytes,
        "budget_bytes": budget,
        "driver": estimate.driver,
        "estimated_work_s": None if estimate.work is None else round(estimate.work.seconds, 1),
    }
    run.manifest("running")
    with watched(run.folder.path) as heartbeat:
        run.sink.heartbeat = heartbeat
        try:
            summary = _stages(run, options, executor, raid)
        except KeyboardInterrupt as exc:
            run.manifest("interrupted", stage=run.current, signal=signal_name(exc))
            _catalog(catalog, runs_dir, run.folder)
            raise
        except Exception as exc:
            run.manifest("failed", stage=run.current, error=f"{type(exc).__name__}: {exc}")
            _catalog(catalog, runs_dir, run.folder)
            raise
        run.manifest("complete")
    _catalog(catalog, runs_dir, run.folder)
    return StoredRun(folder=run.folder, summary=summary)


def _catalog(wanted: bool, runs_dir: Path, folder: RunFolder) -> None:
    """Index the run in the runs directory's catalog when it has one (a sweep, ``runs
    reindex`` or ``runs query`` makes it); a catalog another writer holds too long is left
    to ``goldendome runs reindex`` (the folder is what counts)."""
    if wanted:
        index_if_catalogued(runs_dir, folder.path)


def _stages(
    run: _Run, options: TrialOptions, executor: Executor | None, raid: SharedRaid | None
) -> dict[str, Any]:
    """Every stage in order, then the summary (written to the folder and returned)."""
    spec, sink = run.spec, run.sink
    ctx = run.stage("context", None, lambda: RunContext(spec, raid))
    run.stage("architecture", None, lambda: run_architecture(ctx, sink))
    run.stage("economics", None, lambda: run_economics(spec, sink))
    if spec.threats.raid:
        run.stage("raid", "aiming and flying the raid", lambda: run_raid(ctx, sink))
        if spec.sbi is not None:
            label = "space-based interceptors in reach"
            run.stage("space_based_interceptors", label, lambda: run_boost(ctx, sink))
        work = executor or executor_for(options.workers, options.scheduler)
        n = options.trials if options.trials is not None else spec.monte_carlo.trials
        # One cluster from here to the end: its workers compute the boost samples while this
        # process senses and tracks (the samples do not depend on the tracks).
        with work.held():
            sampler = boost_sampler(ctx)
            pending = None if sampler is None else start_samples(sampler, n, work)
            sensed = run.stage("sensors_and_tracking", None, lambda: run_sensing(ctx, sink))
            label = "interceptor windows and SBI phases"
            if sampler is not None and pending is not None:
                run.stage("boost_samples", "SBI phasings", lambda: give_samples(sampler, pending))
            setup = run.stage("kill_chain_setup", label, lambda: _setup(ctx, sensed, sink))
            run.stage("monte_carlo", None, lambda: _trials(ctx, setup, sink, n, work))
    run.counts["propagations"] = ctx.propagations()
    summary = run.stage("summary", None, lambda: summarize_folder(run.folder.path))
    run.folder.write_json(SUMMARY, summary)
    return summary


def _setup(ctx: RunContext, sensed: SensedObjects | None, sink: _FolderSink) -> KillChainSetup:
    setup = build_setup(ctx, sensed)
    setup_tables(ctx, setup, sink)
    return setup


def _trials(
    ctx: RunContext, setup: KillChainSetup, sink: _FolderSink, n: int, executor: Executor
) -> None:
    """Run ``n`` trials of the Monte Carlo, writing each finished chunk as it arrives."""
    spec = ctx.spec

    detonate = spec.sbi is not None and spec.sbi.shortfall == "detonates"

    def keep(first: int, last: int, result: tuple[Columns, Columns, Columns]) -> None:
        trials, shots = annotate_chunk(result[0], result[1], setup, detonate)
        sink.part("trials", first, last, trials)
        if shots:
            sink.part("engagements", first, last, shots)
        if result[2]:
            sink.part("boost_windows", first, last, result[2])
        if setup.ranges:
            sink.part(
                "trial_parameters", first, last, trial_parameters(setup, spec.seed, first, last)
            )

    def tick(done: int, total: int) -> None:
        sink.progress("Monte Carlo trials", done, total)

    tick(0, n)
    run_monte_carlo(
        setup,
        spec.seed,
        n,
        chunk=spec.monte_carlo.chunk,
        executor=executor,
        on_chunk=keep,
        progress=tick,
    )
