"""The battle manager's layers, one at a time, on the hand-made setup: who fires at what,
with which fly-out, and what a shot spends."""

import dataclasses

import numpy as np
import pytest

from goldendome.engagement.battle import SHOT_COLUMNS, Fight, fight_boost, fight_layer
from goldendome.physics.constants import WGS84_A_M
from goldendome.scenario.doctrine import DoctrineSpec, LayerDoctrine
from tests.engagement.kill_chain_fixture import (
    OBJECT_R_ECEF_M,
    SBI_FIRST_ID,
    SITE_R_ECEF_M,
    synthetic_setup,
)

ONE_MILLIMETER = 1e-3
ONE_MICROSECOND = 1e-6


def _fight(setup, seed: int = 0) -> Fight:
    return Fight.start(setup, np.random.default_rng(seed))


def test_a_fight_starts_with_everything_alive_and_full_magazines():
    setup = synthetic_setup(warheads=3, decoys=1, magazine=7)
    fight = _fight(setup)
    assert fight.missile_alive.all()
    assert fight.object_alive.all()
    assert fight.killed_in.tolist() == [-1] * 4
    assert fight.inventory.tolist() == [7]
    assert fight.fired_total() == 0
    assert tuple(fight.shot_columns()) == SHOT_COLUMNS
    assert fight.shot_columns()["layer"].size == 0


def test_every_sbi_in_reach_fires_once_with_its_global_id_and_fly_out():
    setup = synthetic_setup(warheads=4, sbi=True)
    fight = _fight(setup)
    fight_boost(fight, setup, 0)
    shots = fight.shot_columns()
    # Two shots per missile in one look, one kill vehicle per SBI.
    assert sorted(shots["satellite_id"].tolist()) == list(range(SBI_FIRST_ID, SBI_FIRST_ID + 8))
    assert ((shots["satellite_id"] - SBI_FIRST_ID) // 2 == shots["target_object_id"]).all()
    assert (shots["threat_id"] == shots["target_object_id"]).all()
    assert set(shots["layer"]) == {"boost"}
    assert set(shots["target_kind"]) == {"booster"}
    assert (shots["battery_id"] == -1).all()
    assert (shots["look"] == 0).all()
    assert shots["shooter"].tolist() == [f"SBI #{s - SBI_FIRST_ID}" for s in shots["satellite_id"]]
    assert (shots["launch_time_s"] == 100.0).all()
    assert (shots["intercept_time_s"] == 150.0).all()
    assert (shots["launch_altitude_m"] == 450e3).all()
    assert (shots["intercept_altitude_m"] == 200e3).all()
    assert fight.fired == {"sbi": 8}
    assert fight.cost_usd == pytest.approx(8 * 22e6)


def test_a_missile_killed_in_boost_releases_nothing():
    setup = dataclasses.replace(synthetic_setup(warheads=3, decoys=2, sbi=True), sbi_sspk=1.0)
    fight = _fight(setup)
    fight_boost(fight, setup, 0)
    assert not fight.missile_alive.any()
    assert not fight.object_alive.any()
    assert (fight.killed_in == 0).all()


def test_boost_kills_follow_the_shots_drawn():
    setup = synthetic_setup(warheads=6, sbi=True)
    fight = _fight(setup, seed=3)
    fight_boost(fight, setup, 0)
    shots = fight.shot_columns()
    hit = set(shots["target_object_id"][shots["kill"]].tolist())
    assert hit == set(np.flatnonzero(~fight.missile_alive).tolist())
    assert 0 < len(hit) <= 6


def test_a_second_boost_look_waits_for_assessment_and_finds_no_time_left():
    # Every SBI meets its missile at 150 s; after the assessment delay (30 s) none can.
    looks = DoctrineSpec(boost=LayerDoctrine(shots=2, looks=2))
    setup = synthetic_setup(warheads=4, sbi=True, doctrine=looks)
    fight = _fight(setup)
    fight_boost(fight, setup, 0)
    shots = fight.shot_columns()
    assert shots["layer"].size == 4
    assert (shots["look"] == 0).all()
    assert sorted(shots["target_object_id"].tolist()) == [0, 1, 2, 3]


def test_no_boost_layer_fires_nothing():
    setup = synthetic_setup(warheads=2)
    fight = _fight(setup)
    fight_boost(fight, setup, 0)
    assert fight.fired_total() == 0


def _midcourse(setup, seed: int = 0, engage=None, value=None):
    n = setup.n_objects
    fight = _fight(setup, seed)
    engage = np.ones(n, bool) if engage is None else engage
    value = np.ones(n) if value is None else value
    ready = fight_layer(fight, setup, "midcourse", engage, value, np.full(n, 310.0))
    return fight, ready


def test_a_surface_shot_records_its_battery_target_and_straight_fly_out():
    setup = synthetic_setup(warheads=2, decoys=1)
    fight, _ = _midcourse(setup)
    shots = fight.shot_columns()
    kind = setup.batteries[0].kind
    n = shots["layer"].size
    assert n == 4 * 3  # a salvo of 4 at each of the three objects
    assert (shots["battery_id"] == 0).all()
    assert (shots["satellite_id"] == -1).all()
    assert set(shots["shooter"]) == {"Site"}
    assert set(shots["interceptor"]) == {"gbi"}
    assert sorted(set(shots["target_object_id"].tolist())) == [3, 4, 5]  # n_missile + index
    assert shots["target_kind"].tolist().count("decoy") == 4
    # Ready at 310 s: the first sample whose latest launch (t - 100 s) is not earlier.
    assert np.abs(shots["intercept_time_s"] - 410.0).max() < ONE_MICROSECOND
    fly = kind.time_to_reach_s(np.linalg.norm(OBJECT_R_ECEF_M - SITE_R_ECEF_M))
    assert np.abs(shots["launch_time_s"] - (410.0 - fly)).max() < ONE_MICROSECOND
    assert (
        np.abs(shots["launch_altitude_m"] - (SITE_R_ECEF_M[0] - WGS84_A_M)).max() < ONE_MILLIMETER
    )
    assert np.abs(shots["intercept_altitude_m"] - (OBJECT_R_ECEF_M[0] - WGS84_A_M)).max() < (
        ONE_MILLIMETER
    )
    assert fight.inventory.tolist() == [1000 - n]
    assert fight.fired == {"gbi": n}
    assert fight.decoys_engaged == 1


def test_shots_at_decoys_use_the_decoy_kill_probability():
    setup = synthetic_setup(warheads=3, decoys=3)
    battery = setup.batteries[0]
    sure_on_rvs = dataclasses.replace(battery.kind, sspk_rv=1.0, sspk_decoy=0.0)
    setup = dataclasses.replace(setup, batteries=[dataclasses.replace(battery, kind=sure_on_rvs)])
    fight, ready = _midcourse(setup)
    shots = fight.shot_columns()
    decoy = shots["target_kind"] == "decoy"
    assert shots["kill"][~decoy].all()
    assert not shots["kill"][decoy].any()
    assert fight.object_alive.tolist() == [False] * 3 + [True] * 3
    assert (fight.killed_in == np.array([1, 1, 1, -1, -1, -1])).all()
    # Engaged survivors are ready again after their last intercept and the assessment delay.
    assert np.abs(ready[3:] - (410.0 + setup.doctrine.bda_delay_s)).max() < ONE_MICROSECOND


def test_objects_not_engaged_or_worth_nothing_draw_no_shot():
    setup = synthetic_setup(warheads=4)
    engage = np.array([True, False, True, True])
    value = np.array([1.0, 1.0, 0.0, 1.0])
    fight, ready = _midcourse(setup, engage=engage, value=value)
    shots = fight.shot_columns()
    assert set(shots["target_object_id"].tolist()) == {4 + 0, 4 + 3}
    assert ready[1] == ready[2] == 310.0


def test_a_layer_without_batteries_returns_the_ready_times_unchanged():
    setup = synthetic_setup(warheads=2)
    fight = _fight(setup)
    ready = np.array([310.0, 320.0])
    after = fight_layer(fight, setup, "terminal", np.ones(2, bool), np.ones(2), ready)
    assert after.tolist() == [310.0, 320.0]
    assert after is not ready
    assert fight.fired_total() == 0


def test_remembered_assignments_equal_solved_ones_and_are_copies():
    from goldendome.engagement import assign_memo as battle
    from goldendome.engagement.wta import assign

    rng = np.random.default_rng(5)
    pk = rng.uniform(0.3, 0.9, (6, 4))
    value = np.array([1.0, 2.0, 3.0, 4.0])
    battle._memo.clear()
    first = battle.assign_remembered("auto", pk, value, 2)
    assert np.array_equal(first, assign(pk, value, 2))
    first[:] = -1  # a caller changing its answer must not change the remembered one
    again = battle.assign_remembered("auto", pk, value, 2)
    assert np.array_equal(again, assign(pk, value, 2))
    big = rng.uniform(0.3, 0.9, (120, 80))  # 76,800 bytes: solved, not remembered
    size = len(battle._memo)
    battle.assign_remembered("greedy", big, np.ones(80), 1)
    assert len(battle._memo) == size
