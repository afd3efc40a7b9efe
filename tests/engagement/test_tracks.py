"""The battle manager engages tracks, not objects: duplicate tracks draw shots of their own,
ghost tracks waste them, a large prediction error makes the kill vehicle miss, and an
object without a fire-control track is never shot at."""

import dataclasses

import numpy as np
import pytest

from goldendome.engagement.battle import Fight, fight_layer
from goldendome.engagement.targets import TrackTargets, cover_probability
from goldendome.engagement.trial import run_trial
from goldendome.scenario.doctrine import DoctrineSpec, LayerDoctrine
from tests.engagement.kill_chain_fixture import synthetic_setup

CITY_LAT_RAD, CITY_LON_RAD = np.radians(40.0), np.radians(-75.0)


def _seed(seed: int, trial: int = 0) -> np.random.SeedSequence:
    return np.random.SeedSequence(seed, spawn_key=(trial,))


def _targets(
    owner: list[int],
    proxy: list[int] | None = None,
    fire_control_s: float = 300.0,
    position_sigma_m: float = 0.0,
    velocity_sigma_m_s: float = 0.0,
    last_update_s: float = np.inf,
    on_stage: list[bool] | None = None,
) -> TrackTargets:
    """Tracks ``0 .. n - 1`` on ``owner`` (-1: none), each predicting an impact on the city
    (1 km sigma) and holding one update, at fire control."""
    n = len(owner)
    own = np.array(owner, np.int64)
    return TrackTargets(
        track_id=np.arange(n, dtype=np.int64),
        owner=own,
        proxy=own if proxy is None else np.array(proxy, np.int64),
        on_stage=np.zeros(n, bool) if on_stage is None else np.array(on_stage, bool),
        fire_control_s=np.full(n, fire_control_s),
        last_update_s=np.full(n, last_update_s),
        impact_lat_rad=np.full(n, CITY_LAT_RAD),
        impact_lon_rad=np.full(n, CITY_LON_RAD),
        impact_sigma_m=np.full(n, 1e3),
        update_start=np.arange(n + 1, dtype=np.int64),
        update_t_s=np.full(n, fire_control_s),
        update_position_sigma_m=np.full(n, position_sigma_m),
        update_velocity_sigma_m_s=np.full(n, velocity_sigma_m_s),
    )


def _one_look(shots: int = 1, looks: int = 1) -> DoctrineSpec:
    return DoctrineSpec(midcourse=LayerDoctrine(shots=shots, looks=looks), survivor_seen=1.0)


def test_a_duplicate_track_draws_a_second_shot_at_the_same_warhead():
    setup = synthetic_setup(warheads=1, sspk=0.5, doctrine=_one_look())
    setup = dataclasses.replace(setup, targets=_targets([0, 0]))
    row, shots, _ = run_trial(setup, 0, _seed(1))
    assert sorted(shots["track_id"].tolist()) == [0, 1]
    assert sorted(shots["track_role"].tolist()) == ["duplicate", "first"]
    first = shots["track_id"][shots["track_role"] == "first"]
    assert first.size == 1
    assert (shots["target_object_id"] == setup.n_missile + 0).all()
    assert row.shots_on_duplicate_tracks == 1
    assert row.interceptors_fired == 2
    assert row.rvs_never_engaged == 0


def test_a_kill_ends_every_track_of_its_object_and_a_miss_leaves_them_for_the_next_look():
    sure = synthetic_setup(warheads=1, sspk=1.0, doctrine=_one_look(shots=2, looks=2))
    sure = dataclasses.replace(sure, targets=_targets([0, 0]))
    _, shots, _ = run_trial(sure, 0, _seed(2))
    assert shots["look"].tolist() == [0, 0]  # killed in the first look: nothing left
    never = dataclasses.replace(sure, batteries=[dataclasses.replace(
        sure.batteries[0], kind=dataclasses.replace(sure.batteries[0].kind, sspk_rv=1e-3)
    )], doctrine=sure.doctrine.model_copy(update={"min_planned_pk": 0.0}))  # fmt: skip
    # (a doctrine that fires rounds of any planned kill probability, 1e-3 included)
    _, shots, _ = run_trial(never, 0, _seed(2))
    assert shots["look"].tolist() == [0, 0, 1, 1]
    assert sorted(shots["track_role"][:2].tolist()) == ["duplicate", "first"]
    # The track engaged first stays the first in the next look.
    first = shots["track_id"][:2][shots["track_role"][:2] == "first"]
    assert (shots["track_id"][shots["track_role"] == "first"] == first).all()
    # A later look at a track waits for its own last intercept and the assessment.
    again = shots["look"] == 1
    bda = never.doctrine.bda_delay_s
    assert (shots["earliest_launch_s"][again] >= shots["intercept_time_s"][~again] + bda).all()


def test_a_threatening_ghost_track_wastes_its_shots_and_kills_nothing():
    setup = synthetic_setup(warheads=1, sspk=1.0, doctrine=_one_look(shots=2))
    setup = dataclasses.replace(setup, targets=_targets([0, -1], proxy=[0, 0]))
    for seed in range(20):
        row, shots, _ = run_trial(setup, 0, _seed(seed))
        ghost = shots["track_role"] == "ghost"
        assert ghost.sum() == row.shots_on_ghost_tracks >= 1
        assert not shots["kill"][ghost].any()
        assert (shots["target_object_id"][ghost] == -1).all()
        assert (shots["threat_id"][ghost] == -1).all()
        assert set(shots["target_kind"][ghost]) == {"none"}
        assert (shots["track_id"][ghost] == 1).all()
        # The warhead's own track kills it (SSPK 1, no prediction error).
        assert shots["kill"][~ghost].any()
        assert row.leakers == 0


def test_a_spent_stage_track_is_spared_when_told_and_wastes_shots_when_not():
    """A fire-control track on a missile's spent stage (owner -1, ``on_stage``): told for
    what it is, the battle manager leaves it alone; not told, it draws shots recorded as
    ``"stage"`` that kill nothing."""
    base = synthetic_setup(warheads=1, sspk=1.0, doctrine=_one_look(shots=2))
    staged = _targets([0, -1], proxy=[0, 0], on_stage=[False, True])
    told = dataclasses.replace(base, targets=staged, stage_told_probability=1.0)
    untold = dataclasses.replace(base, targets=staged, stage_told_probability=0.0)
    for seed in range(10):
        row, shots, _ = run_trial(told, 0, _seed(seed))
        assert (shots["track_id"] == 0).all()
        assert row.shots_on_stage_tracks == row.shots_on_ghost_tracks == 0
        row, shots, _ = run_trial(untold, 0, _seed(seed))
        stage = shots["track_role"] == "stage"
        assert stage.sum() == row.shots_on_stage_tracks >= 1
        assert row.shots_on_ghost_tracks == 0
        assert not shots["kill"][stage].any()
        assert (shots["track_id"][stage] == 1).all()


def test_a_ghost_near_a_missile_killed_in_boost_is_never_made():
    setup = dataclasses.replace(
        synthetic_setup(warheads=1, sbi=True, doctrine=_one_look()), sbi_sspk=1.0
    )
    setup = dataclasses.replace(setup, targets=_targets([0, -1], proxy=[0, 0]))
    row, shots, _ = run_trial(setup, 0, _seed(3))
    assert set(shots["layer"]) == {"boost"}
    assert row.shots_on_ghost_tracks == 0


def test_a_track_on_a_decoy_draws_shots_counted_as_decoy_shots():
    setup = synthetic_setup(warheads=1, decoys=1, sspk=0.5, doctrine=_one_look())
    row, shots, _ = run_trial(setup, 0, _seed(4))
    assert sorted(shots["track_role"].tolist()) == ["decoy", "first"]
    assert row.shots_on_decoy_tracks == 1
    assert row.decoys_engaged == 1


def test_a_prediction_error_far_beyond_the_divert_makes_the_shots_miss():
    """GBI divert 8 km against a 50 km position sigma: each shot covers the error with
    1 - exp(-64 / 5000), about 1.3%; without error the same shots (SSPK 1) all kill."""
    sharp = synthetic_setup(warheads=9, sspk=1.0)
    assert sharp.batteries[0].kind.divert_m == 8e3
    row, shots, _ = run_trial(sharp, 0, _seed(5))
    assert shots["kill"].all()
    assert row.leakers == 0
    assert (shots["cover_probability"] == 1.0).all()
    # A doctrine with no planned-kill-probability floor (the default's 5% would hold these
    # rounds: test_a_round_whose_planned_kill_probability_is_below_the_doctrine_floor_is_held).
    blurred = dataclasses.replace(
        sharp, targets=_targets(list(range(9)), position_sigma_m=50e3),
        doctrine=sharp.doctrine.model_copy(update={"min_planned_pk": 0.0}),
    )  # fmt: skip
    kills, fired = 0, 0
    for seed in range(10):
        row, shots, _ = run_trial(blurred, 0, _seed(seed))
        kills, fired = kills + int(shots["kill"].sum()), fired + shots["kill"].size
        cover = 1.0 - np.exp(-(8e3**2) / (2.0 * 50e3**2))
        np.testing.assert_allclose(shots["cover_probability"], cover, rtol=1e-12)
        np.testing.assert_allclose(shots["prediction_sigma_m"], 50e3, rtol=1e-12)
    assert fired >= 9 * 4 * 10  # four shots per warhead per trial, and more looks' worth
    assert kills / fired < 0.05


def test_an_object_whose_track_never_reached_fire_control_is_never_engaged():
    setup = synthetic_setup(warheads=3, sspk=1.0)
    setup = dataclasses.replace(setup, targets=_targets([0, 2]))  # object 1: no track
    row, shots, _ = run_trial(setup, 0, _seed(6))
    assert setup.n_missile + 1 not in shots["target_object_id"]
    assert row.rvs_never_engaged == 1
    assert row.leakers == 1


def test_a_track_dropped_before_the_launch_order_cannot_be_engaged():
    setup = synthetic_setup(warheads=1, sspk=1.0)
    dropped = dataclasses.replace(setup, targets=_targets([0], last_update_s=305.0))
    fight = Fight.start(dropped, np.random.default_rng(0))
    fight_layer(fight, dropped, "midcourse", np.ones(1, bool), np.ones(1), np.array([310.0]))
    assert fight.fired_total() == 0
    row, _, _ = run_trial(dropped, 0, _seed(7))  # fire control 300 s + C2 latency > 305 s
    assert row.interceptors_fired == 0
    assert row.rvs_never_engaged == 1


def test_sigma_grows_from_the_last_update_before_the_launch():
    targets = TrackTargets(
        track_id=np.array([7, 9]),
        owner=np.array([0, 1]),
        proxy=np.array([0, 1]),
        on_stage=np.zeros(2, bool),
        fire_control_s=np.array([100.0, 200.0]),
        last_update_s=np.array([300.0, 200.0]),
        impact_lat_rad=np.zeros(2),
        impact_lon_rad=np.zeros(2),
        impact_sigma_m=np.ones(2),
        update_start=np.array([0, 3, 4]),
        update_t_s=np.array([100.0, 200.0, 300.0, 200.0]),
        update_position_sigma_m=np.array([400.0, 300.0, 30.0, 50.0]),
        update_velocity_sigma_m_s=np.array([4.0, 1.0, 0.1, 2.0]),
    )
    # Target 0 launched at 250 s: the update at 200 s (300 m, 1 m/s) coasts 400 s to 600 s.
    got = targets.sigma_m(np.array([0, 0, 1]), np.array([250.0, 100.0, 900.0]), 600.0)
    assert got == pytest.approx([500.0, np.hypot(400.0, 4.0 * 500.0), np.hypot(50.0, 800.0)])


def test_cover_is_the_rayleigh_chance_of_an_error_within_the_divert():
    assert cover_probability(1e3, 1e3) == pytest.approx(1.0 - np.exp(-0.5))
    assert cover_probability(np.inf, 1e6) == 1.0
    assert cover_probability(1e3, 0.0) == 1.0
    assert cover_probability(1e3, 1e5) < 1e-4
    assert np.isnan(cover_probability(1e3, np.nan))


def test_targets_need_an_update_each():
    with pytest.raises(ValueError, match="every target needs at least one update"):
        dataclasses.replace(_targets([0, 1]), update_start=np.array([0, 1, 1]))


def test_a_round_whose_planned_kill_probability_is_below_the_doctrine_floor_is_held():
    # SSPK 1.0 and a track 50 km uncertain against the test battery's divert: the chance the
    # divert covers the error is far below 5%, so the default doctrine holds fire; a doctrine
    # with no floor fires at it.
    setup = synthetic_setup(warheads=1, sspk=1.0, doctrine=_one_look(shots=2))
    setup = dataclasses.replace(setup, targets=_targets([0], position_sigma_m=50e3))
    _, shots, _ = run_trial(setup, 0, _seed(3))
    assert len(shots["track_id"]) == 0
    fire_all = dataclasses.replace(
        setup, doctrine=setup.doctrine.model_copy(update={"min_planned_pk": 0.0})
    )
    _, shots, _ = run_trial(fire_all, 0, _seed(3))
    assert len(shots["track_id"]) == 2
    assert (shots["cover_probability"] < 0.05).all()
