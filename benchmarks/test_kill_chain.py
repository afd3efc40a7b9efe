"""The kill chain at 1,000 trials, on the default scenario and on the peer raid.

The issue's goals are for what ``goldendome run --trials 1000`` does, start to finish on this
2-core machine: at most 30 s for the default scenario and at most 120 s for the peer raid.
Per scenario there are two groups.

- Whole run: ``api.run`` (coverage, raid, SBI reach, sensing and tracking, intercept windows
  and SBI phasings, the Monte Carlo, every Parquet table) with the trials on a local Dask
  cluster of two worker processes, against the same run with every trial in this process
  (the reference).
- Monte Carlo alone, on a setup built once: 1,000 trials serially (the reference) and 250
  trials serially. The summary's ratio is per trial (``work``), so a ratio near 1 shows the
  cost grows linearly with the number of trials.

With ``--benchmark-disable`` (``make test``) every test runs once, untimed, at 40 trials (the
Monte Carlo alone at 40 and 10), and the peer raid is scaled to ten missiles
(:func:`benchmarks.test_tracker_scaling.scaled_peer_raid`; every line of its raid still flies),
as in :mod:`benchmarks.test_peer_raid`.
"""

import time
from pathlib import Path

import pytest

from benchmarks.test_tracker_scaling import scaled_peer_raid
from goldendome import api
from goldendome.engagement.picture import KillChainSetup
from goldendome.run.context import RunContext
from goldendome.run.monte_carlo import run_monte_carlo
from goldendome.run.stages.architecture import run_architecture
from goldendome.run.stages.boost import run_boost
from goldendome.run.stages.kill_chain import build_setup
from goldendome.run.stages.raid import run_raid
from goldendome.run.stages.sensing import run_sensing
from goldendome.scenario.spec import ScenarioSpec

TRIALS = 1000
#: Trials when the benchmarks run once untimed (``make test``): enough to exercise every path.
UNTIMED_TRIALS = 40
#: The peer raid's missiles when the benchmarks run once untimed (100 timed).
UNTIMED_PEER_MISSILES = 10


class _Discard:
    """A sink that keeps nothing (the deterministic passes, timed without storage)."""

    def table(self, name: str, columns: object) -> None:
        return None

    def part(self, name: str, first: int, last: int, columns: object) -> None:
        return None

    def progress(self, stage: str, done: int, total: int) -> None:
        return None


SCENARIOS = ["default", "peer-raid"]


def _changes(scenario: str, untimed: bool) -> dict[str, int]:
    """The changes the scenario runs with: the peer raid scaled down when untimed."""
    if untimed and scenario == "peer-raid":
        return scaled_peer_raid(UNTIMED_PEER_MISSILES)
    return {}


def _whole_run(
    scenario: str, runs: Path, workers: int, trials: int, changes: dict[str, int]
) -> dict:
    stored = api.run(scenario, runs_dir=runs, trials=trials, workers=workers, changes=changes)
    summary = stored.summary
    assert summary["kill_chain"]["trials"] == trials
    return summary


@pytest.fixture(scope="module", params=SCENARIOS)
def setup(request: pytest.FixtureRequest) -> tuple[str, ScenarioSpec, KillChainSetup]:
    """The scenario's deterministic passes (timed and printed) and a compiled Monte Carlo."""
    untimed = request.config.getoption("benchmark_disable")
    spec, _ = api.read_scenario(request.param, changes=_changes(request.param, untimed))
    t0 = time.perf_counter()
    ctx, sink = RunContext(spec), _Discard()
    run_architecture(ctx, sink)
    run_raid(ctx, sink)
    run_boost(ctx, sink)
    built = build_setup(ctx, run_sensing(ctx, sink))
    print(f"\ndeterministic passes of {request.param}: {time.perf_counter() - t0:.1f} s")
    run_monte_carlo(built, spec.seed, 2)  # compile the numba kernels first
    return request.param, spec, built


@pytest.mark.parametrize(("role", "workers"), [("dask, 2 workers", 2), ("reference", 0)])
def test_whole_run(benchmark, tmp_path, setup, role: str, workers: int):
    scenario = setup[0]  # the fixture has compiled every kernel the run needs
    benchmark.group = f"kill chain, whole run of {TRIALS} trials: {scenario}"
    n = UNTIMED_TRIALS if benchmark.disabled else TRIALS
    benchmark.extra_info.update(role=role, work=n, scenario=scenario)
    args = (scenario, tmp_path / "runs", workers, n, _changes(scenario, benchmark.disabled))
    summary = benchmark.pedantic(_whole_run, args, rounds=1)
    assert 0.0 <= summary["kill_chain"]["p_zero_leakers"] <= 1.0


@pytest.mark.parametrize(("role", "trials"), [("reference", TRIALS), ("250 trials", TRIALS // 4)])
def test_monte_carlo_serial(benchmark, setup, role: str, trials: int):
    scenario, spec, built = setup
    benchmark.group = f"kill chain, Monte Carlo per trial, serial: {scenario}"
    benchmark.extra_info.update(role=role, work=trials, scenario=scenario)
    if benchmark.disabled:
        trials = max(trials * UNTIMED_TRIALS // TRIALS, 1)
    records, _, _ = benchmark.pedantic(run_monte_carlo, (built, spec.seed, trials), rounds=1)
    assert records["trial"].size == trials
