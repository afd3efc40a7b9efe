"""The whole peer raid run against the baseline commit's, in one process (issue 13).

``api.run`` of the peer raid (100 missiles, 300 RVs, 100 decoys) at 1,000 trials, every
trial in this process, against the same call on the baseline commit
(:mod:`benchmarks.baseline`), one round each after a short run of each has compiled their
kernels. Goal: under 60 s on this machine (today's stage timings are kept in
``extra_info``). Both runs must give the same kill-chain figures.

With ``--benchmark-disable`` (``make test``), each runs once, untimed, on the peer raid
scaled to ten missiles (:func:`benchmarks.test_tracker_scaling.scaled_peer_raid`) at 40
trials.
"""

import json
from pathlib import Path
from typing import Any

import pytest

from benchmarks.baseline import baseline_api
from benchmarks.test_tracker_scaling import scaled_peer_raid
from goldendome import api

TRIALS, UNTIMED_TRIALS = 1000, 40
UNTIMED_MISSILES = 10
FIGURES = ("p_zero_leakers", "expected_leakers", "interceptors_fired_total", "cost_usd")
PEER_RAID = Path(api.__file__).parent / "data" / "peer_raid_scenario.toml"


@pytest.fixture(scope="module")
def scenario(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The peer raid's file (timed), or the peer raid scaled down written to one (untimed)."""
    if not request.config.getoption("benchmark_disable"):
        return PEER_RAID
    _, text = api.read_scenario("peer-raid", changes=scaled_peer_raid(UNTIMED_MISSILES))
    path = tmp_path_factory.mktemp("scenario") / "peer_raid_small.toml"
    path.write_text(text)
    return path


@pytest.fixture(scope="module")
def baseline(request: pytest.FixtureRequest, scenario: Path) -> Any:
    """The baseline's api; timed, both have run the scenario briefly to compile kernels."""
    old = baseline_api()
    if not request.config.getoption("benchmark_disable"):
        runs = Path(".benchmarks") / "runs"
        old.run(scenario, runs_dir=runs, trials=2, workers=0)
        api.run(scenario, runs_dir=runs, trials=2, workers=0)
    return old


_SUMMARIES: dict[str, dict[str, Any]] = {}


@pytest.mark.parametrize("role", ["today", "reference"])
def test_peer_raid_whole_run(benchmark, baseline, scenario, tmp_path, role: str):
    trials = UNTIMED_TRIALS if benchmark.disabled else TRIALS
    benchmark.group = f"peer raid, whole run of {trials} trials in-process"
    benchmark.extra_info.update(role=role, work=1)
    run = api.run if role == "today" else baseline.run
    kwargs = {"runs_dir": tmp_path, "trials": trials, "workers": 0}
    stored = benchmark.pedantic(run, (scenario,), kwargs, rounds=1)
    _SUMMARIES[role] = stored.summary
    if role == "today":
        manifest = json.loads((stored.folder.path / "manifest.json").read_text())
        benchmark.extra_info["timings_s"] = manifest["timings_s"]


def test_same_figures_as_the_baseline():
    if set(_SUMMARIES) != {"today", "reference"}:
        pytest.skip("needs both runs")
    today, old = (_SUMMARIES[k]["kill_chain"] for k in ("today", "reference"))
    for key in FIGURES:
        assert today[key] == old[key], key
