"""Discrimination as a decision with two errors: the calls' probabilities, the battle
manager's posterior and threshold, and a warhead called a decoy leaking as it should."""

import dataclasses

import numpy as np
import pytest

from goldendome.engagement.discrimination_call import (
    DiscriminationModel,
    object_calls,
    warhead_posterior,
)
from goldendome.engagement.trial import run_trial
from goldendome.physics.kinds import ObjectKind
from goldendome.sensors.decoys import CALLED_DECOY, CALLED_WARHEAD, UNKNOWN, call_probabilities
from goldendome.sensors.discrimination import SensorClass, decoy_types, told_probability
from tests.engagement.kill_chain_fixture import synthetic_setup

CLASSES = (
    SensorClass("ir_tracking", 0.05, 0.5, 0.02),
    SensorClass("radar_x_band", 0.10, 0.8, 0.01),
    SensorClass("radar_low_band", 0.02, 0.3, 0.01),
    SensorClass("ir_warning", 0.0, 0.0, 0.0),
)
LOOKS = np.array([[30, 40, 80, 500], [0, 0, 0, 0], [5, 100, 0, 0]], np.int64)


def _model(**types) -> DiscriminationModel:
    catalog = decoy_types()
    for name, fields in types.items():
        catalog[name] = dataclasses.replace(catalog[name], **fields)
    return DiscriminationModel(CLASSES, catalog)


def _arrays(classes=CLASSES):
    return (
        np.array([c.per_look for c in classes]),
        np.array([c.ceiling for c in classes]),
        np.array([c.warhead_called_decoy for c in classes]),
    )


def test_without_false_calls_or_fidelity_a_decoy_is_called_as_often_as_it_was_told():
    per_look, ceiling, _ = _arrays()
    n = LOOKS.shape[0]
    ones = np.ones((n, 4))
    for rv in (False, True):
        p = call_probabilities(
            LOOKS, per_look, ceiling, np.zeros(4), ones, np.zeros(n), np.zeros(n, bool),
            np.full(n, rv),
        )  # fmt: skip
        told = told_probability(LOOKS, list(CLASSES))
        np.testing.assert_allclose(p[:, CALLED_WARHEAD if rv else CALLED_DECOY], told)
        np.testing.assert_allclose(p[:, CALLED_DECOY if rv else CALLED_WARHEAD], 0.0)
        np.testing.assert_allclose(p.sum(axis=1), 1.0)


def test_common_mode_fidelity_makes_a_decoy_called_as_a_warhead_would_be():
    per_look, ceiling, called = _arrays()
    n = LOOKS.shape[0]
    args = (LOOKS, per_look, ceiling, called, np.ones((n, 4)))
    no, yes = np.zeros(n, bool), np.ones(n, bool)
    warhead = call_probabilities(*args, np.zeros(n), no, yes)
    decoy = call_probabilities(*args, np.zeros(n), no, no)
    hidden = call_probabilities(*args, np.full(n, 0.6), no, no)
    np.testing.assert_allclose(hidden, 0.4 * decoy + 0.6 * warhead)
    # A perfect replica is called exactly as a warhead: no call tells them apart.
    np.testing.assert_allclose(call_probabilities(*args, np.ones(n), no, no), warhead)
    # A perfect anti-simulation warhead is called exactly as its decoys, which imitate nothing.
    np.testing.assert_allclose(call_probabilities(*args, np.ones(n), yes, yes), decoy)
    np.testing.assert_allclose(call_probabilities(*args, np.ones(n), yes, no), decoy)


def test_jamming_takes_resolving_power_from_the_jammed_classes_only():
    per_look, ceiling, called = _arrays()
    kept = np.ones((1, 4))
    kept[0, 1:3] = 0.25  # both radar classes
    looks = np.array([[0, 40, 80, 0]])
    args = (per_look, ceiling, called)
    clear = call_probabilities(looks, *args, np.ones((1, 4)), [0.0], [False], [False])
    jammed = call_probabilities(looks, *args, kept, [0.0], [False], [False])
    assert jammed[0, CALLED_DECOY] < 0.3 * clear[0, CALLED_DECOY]
    ir_only = np.array([[60, 0, 0, 0]])
    np.testing.assert_allclose(
        call_probabilities(ir_only, *args, kept, [0.0], [False], [False]),
        call_probabilities(ir_only, *args, np.ones((1, 4)), [0.0], [False], [False]),
    )


def test_the_posterior_is_bayes_and_an_impossible_call_keeps_the_prior():
    if_w = np.array([[0.1, 0.2, 0.7], [0.0, 1.0, 0.0]])
    if_d = np.array([[0.8, 0.2, 0.0], [0.0, 1.0, 0.0]])
    post = warhead_posterior(if_w, if_d, 0.25)
    assert post[0, CALLED_DECOY] == pytest.approx(0.025 / (0.025 + 0.6))
    assert post[0, UNKNOWN] == pytest.approx(0.25)
    assert post[0, CALLED_WARHEAD] == 1.0
    assert post[1, CALLED_DECOY] == 0.25  # never happens: the prior


def test_the_threshold_trades_sparing_decoys_against_sparing_warheads():
    kind = np.array([ObjectKind.RV, ObjectKind.DECOY] * 3, np.int64)
    looks = np.tile(LOOKS[0], (6, 1))
    model = _model()
    engage = {
        t: object_calls(looks, kind, ["balloon"] * 6, model, 0.25, t, "balloon").engage
        for t in (0.0, 0.05, 0.5, 1.0)
    }
    assert engage[0.0].all()  # everything that might be a warhead
    assert not engage[0.05][:, CALLED_DECOY].any()  # spares what is called a decoy
    assert engage[0.05][:, UNKNOWN].all()
    assert not engage[0.5][:, UNKNOWN].any()  # spares the unknown too
    assert engage[0.5][:, CALLED_WARHEAD].all()
    # Balloons imitate a warhead one time in ten: even a warhead call is not certain.
    assert not engage[1.0].any()


def test_anti_simulation_unseen_by_the_battle_manager_gets_warheads_called_decoys():
    kind = np.array([ObjectKind.RV, ObjectKind.DECOY], np.int64)
    looks = np.tile(LOOKS[0], (2, 1))
    honest = object_calls(looks, kind, ["balloon"] * 2, _model(), 0.25, 0.05, "balloon")
    dressed = object_calls(
        looks, kind, ["anti_simulation"] * 2, _model(anti_simulation={"joint_fidelity": 1.0}),
        0.25, 0.05, "balloon",
    )  # fmt: skip
    # The dressed warhead is called as its decoy is: mostly a decoy, and so spared.
    np.testing.assert_allclose(dressed.p_calls[0], dressed.p_calls[1])
    assert dressed.p_calls[0, CALLED_DECOY] > 0.5 > honest.p_calls[0, CALLED_DECOY]
    assert not dressed.engage[0, CALLED_DECOY]
    # The battle manager's rule depends on the looks and its beliefs, not on the truth.
    np.testing.assert_array_equal(dressed.engage, honest.engage)


def test_a_warhead_called_a_decoy_with_probability_q_is_killed_1_minus_q_as_often():
    """Deliver 1 of issue 15: with a probability q of calling a warhead a decoy (and the
    doctrine sparing what is called a decoy), each warhead's kill probability is multiplied
    by (1 - q), within 3 standard errors (binomial) of the difference. The calls come from
    the model (one X-band class that has looked enough: Q = q) and the battle manager's
    posterior, not from numbers put in by hand."""
    q, n_rv, trials = 0.3, 6, 400
    classes = (
        SensorClass("ir_tracking", 0.0, 0.0, 0.0),
        SensorClass("radar_x_band", 1.0, 0.8, q),
        SensorClass("radar_low_band", 0.0, 0.0, 0.0),
        SensorClass("ir_warning", 0.0, 0.0, 0.0),
    )
    model = _model(balloon={"joint_fidelity": 0.0})
    model = DiscriminationModel(classes, model.decoy_types)
    looks = np.tile([0, 5, 0, 0], (n_rv, 1))
    kind = np.full(n_rv, ObjectKind.RV, np.int64)
    calls = object_calls(looks, kind, ["balloon"] * n_rv, model, 0.25, 0.15, "balloon")
    np.testing.assert_allclose(calls.p_calls[:, CALLED_DECOY], q)
    # Spared when called a decoy (P(warhead) 0.11), engaged otherwise (0.19 and 1).
    assert calls.engage[0].tolist() == [False, True, True]
    base = synthetic_setup(warheads=n_rv, sspk=0.7)
    called = dataclasses.replace(base, calls=calls)
    kills = {}
    for name, setup in (("q", called), ("none", base)):
        rows = [
            run_trial(setup, k, np.random.SeedSequence(15, spawn_key=(k,)))[0]
            for k in range(trials)
        ]
        kills[name] = np.array([n_rv - r.rvs_through for r in rows]) / n_rv
    k_q, k_0 = kills["q"].mean(), kills["none"].mean()
    se = np.hypot(kills["q"].std(ddof=1), (1 - q) * kills["none"].std(ddof=1)) / np.sqrt(trials)
    assert k_0 > 0.9  # four shots of 0.7 each: almost every warhead dies when engaged
    assert abs(k_q - (1 - q) * k_0) < 3 * se
    assert k_q < 0.85 * k_0  # and the effect is there: q is not lost in the noise
