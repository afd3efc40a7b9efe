"""One kill-chain trial on hand-made setups where the answer is known: the Iron Dome rule,
magazines, decoys, boost kills and the trial's own random streams."""

import dataclasses

import numpy as np

from goldendome.engagement.battle import SHOT_COLUMNS
from goldendome.engagement.discrimination_call import ObjectCalls
from goldendome.engagement.trial import TrialRow, run_trial
from goldendome.scenario.doctrine import DoctrineSpec, LayerDoctrine
from tests.engagement.kill_chain_fixture import synthetic_setup


def _seed(seed: int, trial: int) -> np.random.SeedSequence:
    """A trial's own seed sequence (the run derives it from the run's seed and the trial)."""
    return np.random.SeedSequence(seed, spawn_key=(trial,))


def _targets(setup, shots) -> set[int]:
    """Released-object indices shot at (global ids less the missiles)."""
    return {int(t) - setup.n_missile for t in shots["target_object_id"]}


def test_a_trial_returns_its_row_and_its_shots_in_the_engagements_layout():
    setup = synthetic_setup(warheads=3)
    row, shots, _ = run_trial(setup, 4, _seed(1, 4))
    assert isinstance(row, TrialRow)
    assert row.trial == 4
    assert tuple(shots) == SHOT_COLUMNS
    assert {v.size for v in shots.values()} == {row.interceptors_fired}
    assert row.cost_usd == row.interceptors_fired * setup.batteries[0].kind.unit_cost_usd


def test_the_same_seed_sequence_gives_the_same_trial():
    setup = synthetic_setup(warheads=5, decoys=2, sbi=True)
    a_row, a_shots, _ = run_trial(setup, 0, _seed(3, 0))
    b_row, b_shots, _ = run_trial(setup, 0, _seed(3, 0))
    assert a_row == b_row
    for c in SHOT_COLUMNS:
        np.testing.assert_array_equal(a_shots[c], b_shots[c])


def test_different_seeds_give_different_outcomes():
    setup = synthetic_setup(warheads=9)
    a = [run_trial(setup, k, _seed(1, k))[0].leakers for k in range(40)]
    b = [run_trial(setup, k, _seed(2, k))[0].leakers for k in range(40)]
    assert a != b


def test_iron_dome_rule_spares_warheads_that_miss_every_defended_area():
    setup = synthetic_setup(warheads=6, off_target=2)
    row, shots, _ = run_trial(setup, 3, _seed(0, 3))
    assert _targets(setup, shots).isdisjoint({0, 1})  # the off-target warheads draw nothing
    assert row.interceptors_saved_by_filter > 0
    everything = synthetic_setup(
        warheads=6, off_target=2, doctrine=DoctrineSpec(engage="all", survivor_seen=1.0)
    )
    row_all, shots_all, _ = run_trial(everything, 3, _seed(0, 3))
    assert {0, 1} <= _targets(everything, shots_all)
    assert row_all.interceptors_saved_by_filter == 0  # nothing left out: no counterfactual


def test_with_a_scarce_magazine_the_iron_dome_rule_saves_warheads_not_interceptors():
    # Four certain kills for six warheads, two of them off target: the rule spends all
    # four on the threatening ones; engaging everything, the ties go to the first objects,
    # the two off-target warheads, and two threatening ones leak.
    doctrine = DoctrineSpec(midcourse=LayerDoctrine(shots=1), survivor_seen=1.0)
    setup = synthetic_setup(warheads=6, off_target=2, magazine=4, sspk=1.0, doctrine=doctrine)
    row, _, _ = run_trial(setup, 11, _seed(0, 11))
    assert row.leakers == 0
    assert row.leakers_if_engage_all == 2
    assert row.interceptors_saved_by_filter == 0


def test_an_empty_magazine_fires_nothing_and_the_warheads_leak():
    setup = synthetic_setup(warheads=3, magazine=0)
    row, shots, _ = run_trial(setup, 5, _seed(0, 5))
    assert shots["layer"].size == 0
    assert row.leakers == 3
    assert row.interceptors_fired == 0
    assert row.cost_usd == 0.0


def test_doctrine_asking_more_than_the_inventory_fires_what_there_is():
    setup = synthetic_setup(warheads=9, magazine=5)  # 4 shots x 9 warheads wanted
    row, shots, _ = run_trial(setup, 5, _seed(0, 5))
    assert row.interceptors_fired == shots["layer"].size == 5
    assert row.leakers >= 4


def test_no_defended_assets_means_nothing_threatens_and_nothing_is_engaged():
    setup = synthetic_setup(warheads=4, assets=False)
    row, shots, _ = run_trial(setup, 5, _seed(0, 5))
    assert shots["layer"].size == 0
    assert (row.leakers, row.rvs_through, row.damage) == (0, 4, 0.0)


def test_decoys_not_told_apart_draw_interceptors():
    setup = synthetic_setup(warheads=2, decoys=3)
    row, shots, _ = run_trial(setup, 9, _seed(0, 9))
    assert row.decoys_engaged == 3
    assert np.sum(shots["target_kind"] == "decoy") >= 3


def test_decoys_told_apart_are_left_alone():
    setup = synthetic_setup(warheads=2, decoys=3)
    # Discrimination always tells (a warhead told apart is still engaged as a warhead).
    told = dataclasses.replace(
        setup, calls=ObjectCalls.told_only(np.ones(setup.n_objects), setup.object_kind)
    )
    row, shots, _ = run_trial(told, 9, _seed(0, 9))
    assert row.decoys_engaged == 0
    assert set(shots["target_kind"]) == {"rv"}
    assert run_trial(setup, 9, _seed(0, 9))[0].decoys_engaged == 3


def test_boost_kills_remove_the_missile_before_midcourse():
    setup = synthetic_setup(warheads=4, sbi=True)
    rows = [run_trial(setup, k, _seed(21, k))[0] for k in range(50)]
    assert all(r.rvs_killed_boost == r.missiles_killed_in_boost for r in rows)
    # Two SBI shots at 0.8 each: 96% of missiles die in boost on average.
    share = np.mean([r.missiles_killed_in_boost for r in rows]) / 4
    assert 0.88 < share <= 1.0
    for r in rows:  # every warhead is killed once, in one layer, or gets through
        killed = r.rvs_killed_boost + r.rvs_killed_midcourse + r.rvs_killed_terminal
        assert killed + r.rvs_through == 4
