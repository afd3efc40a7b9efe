"""The battle manager and its Monte Carlo on hand-made setups where the answer is known."""

import numpy as np
import pytest

from goldendome.engagement.leakage import Layer, Leakage
from goldendome.run.kill_chain_summary import aggregate, wilson_interval
from goldendome.run.kill_chain_trial import run_trial
from goldendome.run.monte_carlo import run_monte_carlo
from goldendome.scenario.doctrine import DoctrineSpec, LayerDoctrine
from tests.run.kill_chain_fixture import synthetic_setup


def _p_zero(setup, trials: int, seed: int = 7) -> float:
    records, _ = run_monte_carlo(setup, seed, trials, workers=0, chunk=500)
    return float(np.mean([r["leakers"] == 0 for r in records]))


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
    got = _p_zero(setup, trials)
    tolerance = 3 * np.sqrt(exact * (1 - exact) / trials)
    assert abs(got - exact) < tolerance, (got, exact, tolerance)


def test_one_and_two_dask_workers_give_identical_trials():
    setup = synthetic_setup(warheads=5, decoys=2, sbi=True)
    runs = [run_monte_carlo(setup, 11, 30, workers=w, chunk=7) for w in (1, 2)] + [
        run_monte_carlo(setup, 11, 30, workers=0, chunk=30)
    ]
    (rec1, ev1), (rec2, ev2), (rec0, ev0) = runs
    assert rec1 == rec2 == rec0
    assert ev1 == ev2 == ev0
    assert len({r["leakers"] for r in rec1}) > 1  # the trials do differ from one another


def test_different_seeds_give_different_outcomes():
    setup = synthetic_setup(warheads=9)
    a = [run_trial(setup, 1, k)[0].leakers for k in range(40)]
    b = [run_trial(setup, 2, k)[0].leakers for k in range(40)]
    assert a != b


def test_iron_dome_rule_spares_warheads_that_miss_every_defended_area():
    setup = synthetic_setup(warheads=6, off_target=2)
    row, events = run_trial(setup, 3, 0)
    engaged = {e.target for e in events}
    assert engaged.isdisjoint({0, 1})  # the two off-target warheads draw nothing
    assert row.interceptors_saved_by_filter > 0
    everything = synthetic_setup(
        warheads=6, off_target=2, doctrine=DoctrineSpec(engage="all", survivor_seen=1.0)
    )
    _, events_all = run_trial(everything, 3, 0)
    assert {0, 1} <= {e.target for e in events_all}


def test_with_a_scarce_magazine_the_iron_dome_rule_saves_warheads_not_interceptors():
    # Four certain kills for six warheads, two of them off target: the rule spends all
    # four on the threatening ones; engaging everything, the ties go to the first objects,
    # the two off-target warheads, and two threatening ones leak.
    doctrine = DoctrineSpec(midcourse=LayerDoctrine(shots=1), survivor_seen=1.0)
    setup = synthetic_setup(warheads=6, off_target=2, magazine=4, sspk=1.0, doctrine=doctrine)
    row, _ = run_trial(setup, 11, 0)
    assert row.leakers == 0
    assert row.leakers_if_engage_all == 2
    assert row.interceptors_saved_by_filter == 0


def test_an_empty_magazine_fires_nothing_and_the_warheads_leak():
    setup = synthetic_setup(warheads=3, magazine=0)
    row, events = run_trial(setup, 5, 0)
    assert events == []
    assert row.leakers == 3
    assert row.interceptors_fired == 0


def test_doctrine_asking_more_than_the_inventory_fires_what_there_is():
    setup = synthetic_setup(warheads=9, magazine=5)  # 4 shots x 9 warheads wanted
    row, events = run_trial(setup, 5, 0)
    assert row.interceptors_fired == len(events) == 5
    assert row.leakers >= 4


def test_no_defended_assets_means_nothing_threatens_and_nothing_is_engaged():
    setup = synthetic_setup(warheads=4, assets=False)
    row, events = run_trial(setup, 5, 0)
    assert events == []
    assert (row.leakers, row.rvs_through, row.damage) == (0, 4, 0.0)


def test_decoys_not_told_apart_draw_interceptors():
    setup = synthetic_setup(warheads=2, decoys=3)
    row, events = run_trial(setup, 9, 0)
    assert row.decoys_engaged == 3
    assert sum(e.target_kind == "decoy" for e in events) >= 3


def test_boost_kills_remove_the_missile_before_midcourse():
    setup = synthetic_setup(warheads=4, sbi=True)
    rows = [run_trial(setup, 21, k)[0] for k in range(50)]
    assert all(r.rvs_killed_boost == r.missiles_killed_in_boost for r in rows)
    # Two SBI shots at 0.8 each: 96% of missiles die in boost on average.
    share = np.mean([r.missiles_killed_in_boost for r in rows]) / 4
    assert 0.88 < share <= 1.0


def test_aggregate_reports_interval_kills_and_cost():
    setup = synthetic_setup(warheads=9)
    records, _ = run_monte_carlo(setup, 1, 200, workers=0)
    agg = aggregate(records, setup)
    lo, hi = agg["p_zero_leakers_95"]
    assert lo <= agg["p_zero_leakers"] <= hi
    fired = agg["interceptors_fired"]["gbi"]["mean"]
    assert agg["cost_usd"]["mean"] == pytest.approx(fired * setup.batteries[0].kind.unit_cost_usd)
    assert agg["kills_by_layer"]["midcourse_rvs"]["mean"] + agg["expected_rvs_through"][
        "mean"
    ] == pytest.approx(9.0)


def test_wilson_interval_known_values():
    # Wilson (1927): 0 of 10 gives [0, 0.278]; 5 of 10 gives [0.237, 0.763].
    assert wilson_interval(0, 10) == pytest.approx((0.0, 0.2775), abs=1e-4)
    assert wilson_interval(5, 10) == pytest.approx((0.2366, 0.7634), abs=1e-4)


def test_peer_raid_ships_as_an_embedded_scenario():
    from goldendome.api import read_scenario

    spec, _ = read_scenario("peer-raid")
    missiles = sum(e.count for e in spec.threats.raid)
    assert 90 <= missiles <= 110
    assert all((e.decoys or 0) >= 1 for e in spec.threats.raid)
