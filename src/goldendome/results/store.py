"""Run a scenario and store it: the one path both the CLI and the Python API take."""

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from goldendome.results.manifest import build_manifest
from goldendome.results.run_folder import SUMMARY, RunFolder
from goldendome.run.architecture import (
    ArchitectureResult,
    LayerResult,
    ProgressFn,
    SiteCoverage,
    simulate_architecture,
)
from goldendome.run.kill_chain_setup import KillChainSetup, build_kill_chain
from goldendome.run.kill_chain_summary import aggregate
from goldendome.run.monte_carlo import run_monte_carlo
from goldendome.run.raid import RaidResult, fly_raid
from goldendome.run.sbi_engagement import SbiEngagement, engage_boost_phase
from goldendome.run.sensing import Sensing, sense_raid
from goldendome.scenario.spec import ScenarioSpec

T = TypeVar("T")


@dataclass(frozen=True)
class TrialOptions:
    """How a run draws its Monte Carlo trials (None: the scenario's ``[monte_carlo]``)."""

    trials: int | None = None
    workers: int | None = None
    scheduler: str | None = None


@dataclass(frozen=True)
class StoredRun:
    """A finished run: its folder and its summary (JSON-ready)."""

    folder: RunFolder
    summary: dict[str, Any]


def _sbi_summary(sbi: SbiEngagement | None) -> dict[str, Any] | None:
    if sbi is None:
        return None
    return {
        "layer": sbi.layer,
        "satellites": sbi.n_satellites,
        "kill_vehicle": sbi.kill_vehicle,
        "opportunities": len(sbi.opportunities),
        "distinct_sbis_in_reach": sbi.distinct_sbis_in_reach,
        "shots_every_missile_gets": sbi.shots_every_missile_gets,
        "threats": [asdict(t) for t in sbi.threats],
    }


def _json_safe(value: Any) -> Any:
    """``value`` with every NaN float replaced by None (JSON has no NaN)."""
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_safe(v) for v in value]
    return value


def summarize(
    spec: ScenarioSpec,
    result: ArchitectureResult,
    raid: RaidResult,
    folder: RunFolder,
    sbi: SbiEngagement | None = None,
    sensing: Sensing | None = None,
    kill_chain: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The run's summary as a JSON-ready dict (what ``goldendome run --json`` prints).

    Quantities that do not exist (a threat never tracked) are None.
    """
    summary: dict[str, Any] = _json_safe(
        {
            "scenario": spec.name,
            "seed": spec.seed,
            "epoch_utc": spec.time.epoch.isoformat(),
            "duration_s": spec.time.duration_s,
            "step_s": spec.time.step_s,
            "n_times": int(result.t_s.shape[0]),
            "layers": [asdict(layer) for layer in result.layers],
            "site_coverage": [asdict(c) for c in result.coverage],
            "threats": [asdict(t) for t in raid.threats],
            "objects": {
                "reentry_vehicles": sum(o.kind == "rv" for o in raid.objects),
                "decoys": sum(o.kind == "decoy" for o in raid.objects),
            },
            "space_based_interceptors": _sbi_summary(sbi),
            "sensing": None
            if sensing is None
            else {
                "measurements": sensing.measurements,
                "tracks": sensing.tracks,
                "track_purity": sensing.track_purity,
                "sensors": [asdict(r) for r in sensing.sensors],
                "timelines": [asdict(t) for t in sensing.timelines],
                "discrimination": {
                    kind: {
                        "objects": sum(o.kind == kind for o in sensing.objects),
                        "told": sum(o.kind == kind and o.told for o in sensing.objects),
                    }
                    for kind in ("rv", "decoy")
                },
            },
            "kill_chain": kill_chain,
            "defended_assets": len(spec.defended_assets),
            "defended_population": sum(a.population for a in spec.defended_assets),
            "run_folder": str(folder.path),
        }
    )
    return summary


def run_and_store(
    spec: ScenarioSpec,
    scenario_text: str,
    runs_dir: Path,
    progress: ProgressFn | None = None,
    options: TrialOptions = TrialOptions(),
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
        Trials, local workers or a Dask scheduler for the kill chain's Monte Carlo.

    Raises
    ------
    KeyboardInterrupt
        Re-raised after the manifest is marked ``interrupted``.
    """
    started = datetime.now(UTC)
    folder = RunFolder.create(runs_dir, spec.name, started)
    timings: dict[str, float] = {}

    def manifest(status: str) -> None:
        folder.write_json(
            "manifest.json",
            build_manifest(
                scenario_name=spec.name,
                scenario_text=scenario_text,
                seed=spec.seed,
                status=status,
                timings_s=timings,
                started_utc=started,
            ),
        )

    def keep_layer(layer: LayerResult, coverage: list[SiteCoverage]) -> None:
        folder.append_table("layers", [layer])
        folder.append_table("site_coverage", coverage)

    manifest("running")
    t0 = time.perf_counter()
    try:
        kwargs = {} if progress is None else {"progress": progress}
        result = simulate_architecture(spec, on_layer=keep_layer, **kwargs)
    except KeyboardInterrupt:
        timings["architecture"] = time.perf_counter() - t0
        manifest("interrupted")
        raise
    timings["architecture"] = time.perf_counter() - t0

    def stage(key: str, label: str | None, work: Callable[[], T]) -> T:
        """Run one step of the run, timed and reported (unless ``label`` is None); Ctrl-C
        marks the manifest interrupted."""
        t0 = time.perf_counter()
        try:
            if progress is not None and label is not None:
                progress(label, 0, 1)
            out = work()
            if progress is not None and label is not None:
                progress(label, 1, 1)
        except KeyboardInterrupt:
            manifest("interrupted")
            raise
        timings[key] = time.perf_counter() - t0
        return out

    label = "aiming and flying the raid" if spec.threats.raid else None
    raid = stage("raid", label, lambda: fly_raid(spec, result.t_s))
    if raid.threats:
        folder.write_table("threats", raid.threats)
        folder.write_table("threat_events", raid.events)
        folder.write_table("objects", raid.objects)
    sbi = None
    if spec.sbi is not None and raid.launches is not None:
        launches = raid.launches
        sbi = stage(
            "space_based_interceptors",
            "space-based interceptors in reach",
            lambda: engage_boost_phase(spec, launches),
        )
        if sbi is not None and sbi.opportunities:
            folder.write_table("sbi_opportunities", sbi.opportunities)
        if sbi is not None:
            folder.write_table("sbi_threats", sbi.threats)
    sensing = None
    if raid.flight is not None:
        sensing = stage(
            "sensors_and_tracking", "sensors and tracking", lambda: sense_raid(spec, raid)
        )
        if sensing is not None:
            folder.write_table("sensors", sensing.sensors)
            folder.write_table("threat_timelines", sensing.timelines)
            if sensing.objects:
                folder.write_table("discrimination", sensing.objects)
            if sensing.track_states:
                folder.write_table("track_states", sensing.track_states)
    kill_chain = None
    if raid.deployment is not None:
        deployment_raid = raid
        setup = stage(
            "kill_chain_setup",
            "interceptor windows and SBI phases",
            lambda: build_kill_chain(spec, deployment_raid, sensing),
        )
        kill_chain = stage(
            "monte_carlo", None, lambda: _trials(spec, setup, folder, options, progress)
        )
    summary = summarize(spec, result, raid, folder, sbi, sensing, kill_chain)
    folder.write_json(SUMMARY, summary)
    manifest("complete")
    return StoredRun(folder=folder, summary=summary)


def _trials(
    spec: ScenarioSpec,
    setup: KillChainSetup,
    folder: RunFolder,
    options: TrialOptions,
    progress: ProgressFn | None,
) -> dict[str, Any]:
    """Run the Monte Carlo, writing each finished chunk as it arrives; its aggregate."""
    n = options.trials if options.trials is not None else spec.monte_carlo.trials
    parts = [0]

    def keep(records: list[dict[str, Any]], events: list[Any]) -> None:
        folder.write_part("trials", parts[0], records)
        if events:
            folder.write_part("engagements", parts[0], events)
        parts[0] += 1

    def tick(done: int, total: int) -> None:
        if progress is not None:
            progress("Monte Carlo trials", done, total)

    tick(0, n)
    records, _ = run_monte_carlo(
        setup,
        spec.seed,
        n,
        chunk=spec.monte_carlo.chunk,
        workers=options.workers,
        scheduler=options.scheduler,
        on_chunk=keep,
        progress=tick,
    )
    return aggregate(records, setup)
