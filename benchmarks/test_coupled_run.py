"""The coupled kill chain's cost: the whole run of the mixed liquid raid at 1,000 trials,
today against the code before the coupling (issue 14), in the same process.

The issue's speed goal: "coupling must not make the run slow: the default scenario at 1,000
trials stays under 30 s on this machine, the peer raid under 120 s". The work is comparable
on the mixed liquid raid, the default scenario when the goal was set (commit
``UNCOUPLED_COMMIT``; today's embedded ``liquid-raid``, the same architecture and raid):
today's run adds the boost samples' reports, commits and payload landings (100 samples where
the old code drew 8 phasings), the JPDA tracker and the shortfall's ground. The reference is
the old code's whole run; the ratio says how much faster (below 1: slower) today's is. Both
keep their trials in this process (``workers=0``), so Dask's start does not blur the ratio.

With ``--benchmark-disable`` (``make test``) each runs once, untimed, at 20 trials and without
the two-trial warm-up runs (which only compile kernels for the timing).
"""

from pathlib import Path

import pytest

from benchmarks.baseline import UNCOUPLED_COMMIT, baseline_api
from goldendome import api

TRIALS = 1000
#: Trials when the benchmarks run once untimed (``make test``).
UNTIMED_TRIALS = 20


def _today(runs: Path, trials: int) -> dict:
    return api.run("liquid-raid", runs_dir=runs, trials=trials, workers=0).summary


def _before(runs: Path, trials: int) -> dict:
    old = baseline_api(UNCOUPLED_COMMIT)
    return old.run(None, runs_dir=runs, trials=trials, workers=0).summary


@pytest.fixture(scope="module")
def compiled(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Timed: both codes' numba kernels compiled before timing (two trials each). Untimed
    (``--benchmark-disable``), nothing: each run compiles what it needs as it goes, and a
    warm-up would only run both codes' deterministic stages once more."""
    if request.config.getoption("benchmark_disable"):
        return
    runs = tmp_path_factory.mktemp("warm")
    _today(runs, 2)
    _before(runs, 2)


@pytest.mark.parametrize(("role", "run"), [("coupled", _today), ("reference", _before)])
def test_whole_run_of_the_liquid_raid(benchmark, tmp_path, compiled, role, run):
    benchmark.group = f"coupled kill chain, whole liquid-raid run of {TRIALS} trials"
    n = UNTIMED_TRIALS if benchmark.disabled else TRIALS
    benchmark.extra_info.update(role=role, work=n)
    summary = benchmark.pedantic(run, (tmp_path / "runs", n), rounds=1)
    assert summary["kill_chain"]["trials"] == n
    assert summary["objects"]["reentry_vehicles"] == 10
