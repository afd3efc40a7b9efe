"""Kill-chain Monte Carlo on the default scenario: 1,000 trials on a local Dask cluster of two
worker processes (the issue's goal: the default scenario's 1,000 trials in at most 30 s on
this 2-core machine), against the same trials run one after another in this process (the
reference). Both include everything a run does after the deterministic passes; the
deterministic passes themselves (flying the raid, sensing and tracking, intercept windows
and SBI phasings, about 25-35 s) are timed by the fixture and printed. A third
benchmark runs 250 trials serially so the per-trial cost shows it grows linearly."""

import time

import numpy as np
import pytest

from goldendome.api import default_scenario
from goldendome.run.kill_chain_setup import build_kill_chain
from goldendome.run.monte_carlo import run_monte_carlo
from goldendome.run.raid import fly_raid
from goldendome.run.sensing import sense_raid

TRIALS = 1000


@pytest.fixture(scope="module")
def default_setup():
    spec = default_scenario()
    t0 = time.perf_counter()
    t = np.arange(0.0, spec.time.duration_s + 0.5 * spec.time.step_s, spec.time.step_s)
    raid = fly_raid(spec, t)
    setup = build_kill_chain(spec, raid, sense_raid(spec, raid))
    seconds = time.perf_counter() - t0
    run_monte_carlo(setup, spec.seed, 2, workers=0)  # compile the numba kernels first
    print(f"\ndeterministic passes of the default scenario: {seconds:.1f} s")
    return spec, setup, seconds


@pytest.mark.benchmark(group="kill chain: default scenario, per trial")
def test_dask_two_workers(benchmark, default_setup):
    spec, setup, seconds = default_setup
    benchmark.extra_info.update(role="dask, 2 workers", work=TRIALS, deterministic_s=seconds)
    records, _ = benchmark.pedantic(
        run_monte_carlo, (setup, spec.seed, TRIALS), {"workers": 2}, rounds=1
    )
    assert len(records) == TRIALS


@pytest.mark.benchmark(group="kill chain: default scenario, per trial")
def test_serial_reference(benchmark, default_setup):
    spec, setup, _ = default_setup
    benchmark.extra_info.update(role="reference", work=TRIALS)
    records, _ = benchmark.pedantic(
        run_monte_carlo, (setup, spec.seed, TRIALS), {"workers": 0}, rounds=1
    )
    assert len(records) == TRIALS


@pytest.mark.benchmark(group="kill chain: default scenario, per trial")
def test_serial_quarter(benchmark, default_setup):
    spec, setup, _ = default_setup
    benchmark.extra_info.update(role="serial, 250 trials", work=TRIALS // 4)
    records, _ = benchmark.pedantic(
        run_monte_carlo, (setup, spec.seed, TRIALS // 4), {"workers": 0}, rounds=1
    )
    assert len(records) == TRIALS // 4
