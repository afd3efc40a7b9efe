"""The exchange search's cost: ``goldendome exchange`` on the default scenario (a calibration
run, the analytic search of salvo, decoys and the defense's answers, a Monte Carlo
confirmation of the salvo, the North Korean step curve), against one default run at the
same trials in the same process.

The issue's speed goal: "an exchange search that confirms its answer by Monte Carlo in under
2 minutes". The exchange is two or more pipeline runs (the confirmation raid is larger than
the default's); the ratio says how many default runs it costs (below 1: slower than one).
"""

from pathlib import Path

import pytest

from goldendome import api

TRIALS = 200
#: Trials when the benchmarks run once untimed (``make test``).
UNTIMED_TRIALS = 10


def _exchange(runs: Path, trials: int) -> dict:
    confirm = trials >= TRIALS  # run once untimed (make test): the calibration run only
    return api.exchange_report(api.exchange(trials=trials, runs_dir=runs, confirm=confirm))


def _reference(runs: Path, trials: int) -> dict:
    return api.run(runs_dir=runs, trials=trials, workers=0).summary


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The kernels compiled before timing (a default run of two trials)."""
    api.run(runs_dir=tmp_path_factory.mktemp("warm"), trials=2, workers=0)


@pytest.mark.parametrize(("role", "run"), [("exchange", _exchange), ("reference", _reference)])
def test_exchange_search_confirmed_by_monte_carlo(benchmark, tmp_path, compiled, role, run):
    benchmark.group = f"exchange search of the default scenario, {TRIALS} trials a run"
    n = UNTIMED_TRIALS if benchmark.disabled else TRIALS
    benchmark.extra_info.update(role=role, work=1)
    out = benchmark.pedantic(run, (tmp_path / "runs", n), rounds=1)
    assert out  # a report or a summary came back
