"""Ranges are affordable: issue 15 asks that a run with parameter ranges at 1,000 trials take
at most 1.5x the same run with point values.

Group ``kill chain with ranges, 1,000 trials``: the default scenario (which gives five inputs
as ranges: the SBI's and GBI's kill probabilities, two false-call rates and the balloons'
fidelity) against the same setup with the ranges taken out (every input at the range's
mean, the reference), both serially in this process on a setup built once. The untimed
check: the point setup draws nothing and the ranged one draws every input in every trial.
"""

import dataclasses

import pytest

from benchmarks.test_kill_chain import _Discard
from goldendome import api
from goldendome.engagement.picture import KillChainSetup
from goldendome.run.context import RunContext
from goldendome.run.monte_carlo import run_monte_carlo
from goldendome.run.stages.architecture import run_architecture
from goldendome.run.stages.boost import run_boost
from goldendome.run.stages.kill_chain import build_setup
from goldendome.run.stages.raid import run_raid
from goldendome.run.stages.sensing import run_sensing

GROUP = "kill chain with ranges, 1,000 trials"
TRIALS, UNTIMED_TRIALS = 1000, 40


@pytest.fixture(scope="module")
def setups(request: pytest.FixtureRequest) -> dict[str, KillChainSetup]:
    spec, _ = api.read_scenario("default")
    ctx, sink = RunContext(spec), _Discard()
    run_architecture(ctx, sink)
    run_raid(ctx, sink)
    run_boost(ctx, sink)
    ranged = build_setup(ctx, run_sensing(ctx, sink))
    point = dataclasses.replace(
        ranged, ranges=(), sbi_range=-1, battery_ranges=None, call_ranges=(), stage_range=-1
    )
    # Compile the kernels and fill the memo of solved assignments first (the plan is the
    # same with and without ranges), so neither side pays the first round's cold start.
    timed = not request.config.getoption("benchmark_disable")
    run_monte_carlo(ranged, spec.seed, TRIALS if timed else 2)
    return {"reference": point, "ranges": ranged}


def test_the_default_scenario_draws_its_ranges(setups):
    assert len(setups["ranges"].ranges) == 5
    assert setups["reference"].ranges == ()


@pytest.mark.parametrize("role", ["reference", "ranges"])
def test_monte_carlo(benchmark, setups, role: str):
    benchmark.group = GROUP
    n = UNTIMED_TRIALS if benchmark.disabled else TRIALS
    benchmark.extra_info.update(role=role, work=n)
    trials, _, _ = benchmark.pedantic(run_monte_carlo, (setups[role], 2029, n), rounds=3)
    assert trials["trial"].size == n
