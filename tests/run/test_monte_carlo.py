"""The Monte Carlo over the kill chain: against the analytic tier where its assumptions hold,
identical for any chunking and worker count, finished chunks handed over as they end."""

import dataclasses

import numpy as np
import pytest

from goldendome.engagement.battle import SHOT_COLUMNS
from goldendome.engagement.correlated import CorrelatedLeakage
from goldendome.engagement.leakage import Layer, Leakage
from goldendome.run.executor import Dask, InProcess
from goldendome.run.monte_carlo import TRIAL_COLUMNS, chunks, run_monte_carlo
from goldendome.scenario.doctrine import DoctrineSpec, LayerDoctrine
from tests.engagement.kill_chain_fixture import synthetic_setup


def _assert_same(a, b) -> None:
    assert a.keys() == b.keys()
    for column in a:
        np.testing.assert_array_equal(a[column], b[column], err_msg=column)


@pytest.mark.slow  # 4,000 trials: about 5 s each
@pytest.mark.parametrize(
    ("doctrine", "layer"),
    [
        (DoctrineSpec(midcourse=LayerDoctrine(shots=4), survivor_seen=1.0), Layer(0.5556, (4,))),
        (
            DoctrineSpec(midcourse=LayerDoctrine(shots=4, looks=2), survivor_seen=0.8),
            Layer(0.5556, (2, 2), survivor_seen=0.8),
        ),
    ],
    ids=["salvo-of-4", "shoot-look-shoot-imperfect-assessment"],
)
def test_monte_carlo_agrees_with_the_analytic_tier_where_its_assumptions_hold(doctrine, layer):
    """Independent shots, enough interceptors, every warhead threatening and in reach: the
    Monte Carlo's P(zero leakers) for 9 warheads lies within 3 binomial standard errors
    (about 0.02 at 4,000 trials) of the closed form (0.699 for the GMD salvo case)."""
    setup = synthetic_setup(warheads=9, doctrine=doctrine)
    exact = Leakage((layer,), 9).p_zero_leakers
    trials = 4000
    columns, _, _ = run_monte_carlo(setup, 7, trials, chunk=500)
    got = float(np.mean(columns["leakers"] == 0))
    tolerance = 3 * np.sqrt(exact * (1 - exact) / trials)
    assert abs(got - exact) < tolerance, (got, exact, tolerance)


@pytest.mark.slow  # 4,000 trials
@pytest.mark.parametrize("rho", [0.3, 1.0])
def test_correlated_shots_agree_with_the_correlated_closed_form(rho):
    """Issue 15: GBI shots of one trial correlated at ``rho`` (the trial draws one kill
    probability for every GBI from a beta with mean 0.5556): 9 warheads, a salvo of 4
    each. The Monte Carlo's P(zero leakers) lies within 3 binomial standard errors of
    :class:`goldendome.engagement.correlated.CorrelatedLeakage` (0.591 at rho 0.3, 0.5556
    at rho 1), well below the independent 0.699."""
    doctrine = DoctrineSpec(midcourse=LayerDoctrine(shots=4), survivor_seen=1.0)
    setup = dataclasses.replace(
        synthetic_setup(warheads=9, doctrine=doctrine), correlation={"gbi": rho}
    )
    exact = CorrelatedLeakage((Layer(0.5556, (4,)),), 9, (rho,)).p_zero_leakers
    assert exact < Leakage((Layer(0.5556, (4,)),), 9).p_zero_leakers - 0.05
    trials = 4000
    columns, _, _ = run_monte_carlo(setup, 7, trials, chunk=500)
    got = float(np.mean(columns["leakers"] == 0))
    tolerance = 3 * np.sqrt(exact * (1 - exact) / trials)
    assert abs(got - exact) < tolerance, (got, exact, tolerance)


def test_zero_correlation_changes_nothing():
    """At correlation 0 nothing is drawn: the same trials as with no correlation given."""
    setup = synthetic_setup(warheads=4, decoys=1, sbi=True)
    zero = dataclasses.replace(setup, correlation={"gbi": 0.0, "sbi": 0.0})
    a, shots_a, _ = run_monte_carlo(setup, 5, 40, chunk=10)
    b, shots_b, _ = run_monte_carlo(zero, 5, 40, chunk=10)
    for name in a:
        assert np.array_equal(a[name], b[name]), name
    assert np.array_equal(shots_a["kill"], shots_b["kill"])


def test_columns_come_back_sorted_by_trial_with_every_shot():
    setup = synthetic_setup(warheads=4, decoys=1, sbi=True)
    trials, shots, _ = run_monte_carlo(setup, 5, 23, chunk=6)
    assert tuple(trials) == TRIAL_COLUMNS
    assert trials["trial"].tolist() == list(range(23))
    assert tuple(shots) == ("trial", "shot", *SHOT_COLUMNS)
    assert (np.diff(shots["trial"]) >= 0).all()
    fired = np.bincount(shots["trial"], minlength=23)
    assert fired.tolist() == trials["interceptors_fired"].tolist()
    for k in range(23):  # shots numbered in firing order within each trial
        assert shots["shot"][shots["trial"] == k].tolist() == list(range(fired[k]))


def test_each_finished_chunk_is_handed_over_with_its_trial_range_and_progress():
    setup = synthetic_setup(warheads=3)
    handed, ticks = [], []
    trials, _, _ = run_monte_carlo(
        setup,
        5,
        12,
        chunk=5,
        executor=InProcess(),
        on_chunk=lambda first, last, result: handed.append((first, last, result[0]["trial"])),
        progress=lambda done, total: ticks.append((done, total)),
    )
    assert [(f, la, t.tolist()) for f, la, t in handed] == [
        (0, 4, [0, 1, 2, 3, 4]),
        (5, 9, [5, 6, 7, 8, 9]),
        (10, 11, [10, 11]),
    ]
    assert ticks == [(5, 12), (10, 12), (12, 12)]
    assert trials["trial"].tolist() == list(range(12))
    assert chunks(12, 5) == [range(5), range(5, 10), range(10, 12)]


def test_chunking_changes_nothing():
    setup = synthetic_setup(warheads=5, decoys=2, sbi=True)
    one = run_monte_carlo(setup, 11, 30, chunk=30)
    many = run_monte_carlo(setup, 11, 30, chunk=7)
    _assert_same(one[0], many[0])
    _assert_same(one[1], many[1])
    assert np.unique(one[1]["kill"]).size == 2  # the trials do differ from one another


@pytest.mark.slow
def test_one_and_two_dask_workers_give_identical_trials():
    setup = synthetic_setup(warheads=5, decoys=2, sbi=True)
    here = run_monte_carlo(setup, 11, 30, chunk=30)
    for workers in (1, 2):
        there = run_monte_carlo(setup, 11, 30, chunk=7, executor=Dask(workers=workers))
        _assert_same(here[0], there[0])
        _assert_same(here[1], there[1])
    assert np.unique(here[1]["kill"]).size == 2  # the trials do differ from one another


class _Watched(InProcess):
    """In-process chunks, noting when the caller closes the generator."""

    def __init__(self) -> None:
        self.closed = False

    def map_chunks(self, fn, shared, chunks):
        try:
            yield from super().map_chunks(fn, shared, chunks)
        finally:
            self.closed = True


def test_ctrl_c_while_a_chunk_is_kept_closes_the_executor_at_once():
    """A cluster shuts down before the run is marked, not when the traceback is freed."""
    executor = _Watched()

    def keep(first, last, result):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt) as caught:
        run_monte_carlo(
            synthetic_setup(warheads=2, decoys=0), 1, 20, chunk=5, executor=executor, on_chunk=keep
        )
    assert executor.closed
    assert caught.value is not None  # the traceback still holds the loop's frame
