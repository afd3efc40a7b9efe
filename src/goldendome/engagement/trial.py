"""One Monte Carlo trial of the kill chain: boost, midcourse and terminal layers in turn.

A trial takes the boost sample of its stratum (:func:`goldendome.engagement.picture.
trial_sample`: a phasing of the interceptor constellation with its own detection draws,
which says when each missile is first reported and which SBIs can reach it after the
commit), and draws, from its own random streams, what discrimination tells of each object
and every shot's outcome. The surface layers engage the run's fire-control tracks
(:class:`goldendome.engagement.targets.TrackTargets`, one sensing realization per run), each
from its fire-control time (or its later reading as a glider or cruise missile, or the
later update that first shows such a track's ground path leading to a defended asset) plus
the C2 latency, with the threat judged on the impact the track itself predicts (or, for a
track read as non-ballistic, the defended asset its ground path leads to,
:attr:`goldendome.engagement.picture.KillChainSetup.target_threat`). What a kill of a
non-ballistic track is worth is judged again at each look, on the track's updates up to the
look's plan alone (:meth:`goldendome.engagement.picture.KillChainSetup.threat_at`: a cruise
missile that turns toward another asset is valued against that one). The battle manager
fights layer by layer (:mod:`goldendome.engagement.battle`), and the trial reports
leakers, damage to defended assets, kills by layer, interceptors fired and their cost, the
shots spent on duplicate, ghost and decoy tracks, and the warheads that survived the boost
layer yet drew no shot.

Doctrine: the Iron Dome principle engages only tracks whose predicted impact may lie in a
defended area (``engage = "threatening"``: within the area's radius plus ``threat_sigma``
times the prediction's 1-sigma); what discrimination calls each object (decoy, unknown or
warhead: one draw per object, shared by its tracks) decides whether it is engaged, by the
doctrine's ``warhead_threshold`` on the battle manager's chance that it is a warhead
(:mod:`goldendome.engagement.discrimination_call`; by default objects called decoys are
spared and unknown ones engaged), and a ghost track, on nothing discrimination could tell,
is engaged. When the filter leaves
anything out, the trial is fought a second time engaging everything, on the same random
streams, and the difference in interceptors fired is the Iron Dome saving.
"""

import copy
from dataclasses import dataclass

import numpy as np

from goldendome.engagement.battle import Fight, fight_boost, fight_layer
from goldendome.engagement.picture import KillChainSetup, trial_sample
from goldendome.engagement.ranges import draw_parameters
from goldendome.physics._types import FloatArray, IntArray
from goldendome.physics.kinds import ObjectKind

#: The trial's random streams, in the order they are spawned from its seed sequence (the
#: first, once the phase draw, and the second, once the impact predictions' noise, are no
#: longer used: the boost sample follows the stratum, and predictions are the tracks' own;
#: the fifth draws the interceptor types' kill probabilities when shots are correlated; the
#: sixth, the parameters given as ranges).
PHASE, IMPACT_NOISE, DISCRIMINATION, OUTCOMES, CORRELATED, PARAMETERS = range(6)
#: Columns of a trial's boost windows (one row per missile; times on the scenario clock).
WINDOW_COLUMNS = (
    "threat_id", "sample", "first_report_s", "commit_s", "window_end_s", "sbis_in_reach",
)  # fmt: skip
N_STREAMS = 6


@dataclass(frozen=True)
class TrialRow:
    """What one trial came to (a row of the ``trials`` table)."""

    trial: int
    phase: int
    leakers: int
    rvs_through: int
    damage: float
    assets_hit: int
    missiles_killed_in_boost: int
    rvs_killed_boost: int
    rvs_killed_midcourse: int
    rvs_killed_terminal: int
    decoys_engaged: int
    interceptors_fired: int
    cost_usd: float
    interceptors_saved_by_filter: int
    #: Leakers had the battle manager engaged everything (the same as ``leakers`` when the
    #: Iron Dome rule left nothing out): with scarce magazines the rule's gain is here.
    leakers_if_engage_all: int
    #: Warheads on missiles killed in boost whose payload still lands (the shortfall).
    shortfall_warheads: int
    #: Surface shots at a second (third, ...) track of an object already engaged.
    shots_on_duplicate_tracks: int
    #: Surface shots at tracks on no released object and no spent stage (they kill nothing).
    shots_on_ghost_tracks: int
    #: Surface shots at tracks on spent stages that discrimination did not tell.
    shots_on_stage_tracks: int
    #: Surface shots at tracks on decoys.
    shots_on_decoy_tracks: int
    #: Warheads alive after the boost layer that no surface shot was fired at.
    rvs_never_engaged: int
    #: Warheads alive after the boost layer that the battle manager spared for what
    #: discrimination called them (a decoy, or unknown under a high threshold).
    rvs_spared_by_call: int


@dataclass(frozen=True)
class _Opening:
    """What both fights of a trial share: the fight after the boost layer (the boost layer
    engages the same whatever the surface layers' rule), the objects spared for their call
    and the spent-stage tracks told for what they are."""

    boosted: Fight
    spared: np.ndarray
    stage_told: np.ndarray


def _open(setup: KillChainSetup, seeds: list[np.random.SeedSequence], phase: int) -> _Opening:
    """The trial's discrimination draws and its boost layer, fought once."""
    tg = setup.targets
    draws = parameter_draws(setup, seeds)
    calls = setup.trial_calls(draws)
    rng_disc = np.random.default_rng(seeds[DISCRIMINATION])
    spared = ~calls.engaged(calls.draw(rng_disc))
    # Drawn after the objects' draws, so those are the same with or without stage tracks.
    stage_told = rng_disc.random(len(tg)) < setup.trial_stage_told(draws)
    fight = Fight.start(
        setup,
        np.random.default_rng(seeds[OUTCOMES]),
        np.random.default_rng(seeds[CORRELATED]),
        draws,
    )
    fight_boost(fight, setup, phase)
    return _Opening(fight, spared, stage_told)


def _fight(
    setup: KillChainSetup, opening: _Opening, engage_all: bool
) -> tuple[Fight, np.ndarray, np.ndarray]:
    """Fight the surface layers from a copy of the opening (its outcome generator where the
    boost layer left it); returns the fight, the mask of tracks the filter left out and the
    mask of objects spared for their call."""
    tg = setup.targets
    worth = setup.target_worth
    spared = opening.spared
    held = tg.owner >= 0
    left_alone = (held & spared[np.maximum(tg.owner, 0)]) | (tg.on_stage & opening.stage_told)
    threatening = worth > 0
    # Engaging everything, a track that threatens no asset is worth the most any does.
    fallback = max(float(worth.max(initial=0.0)), 1.0) if engage_all else 0.0
    if engage_all:
        engage = ~left_alone
        value = np.where(threatening, worth, fallback)
    else:
        engage = ~left_alone & threatening
        value = worth

    def value_at(target: IntArray, t_s: FloatArray) -> FloatArray:
        """What a kill is worth at a look: the asset the track threatens as judged then."""
        now = setup.worth_at(target, t_s)
        return np.asarray(np.where(now > 0, now, fallback), np.float64)

    left_out = ~left_alone & ~threatening
    fight = copy.deepcopy(opening.boosted)
    ready = setup.target_engage_from_s + setup.doctrine.c2_latency_s
    ready = fight_layer(fight, setup, "midcourse", engage, value, ready, value_at)
    # Light decoys are stripped away on reentry (Sessler et al., Countermeasures, UCS/MIT
    # 2000): the terminal layer tells them by their deceleration and engages RVs only. A
    # spent stage (beta 500 kg/m^2 against an RV's thousands) slows the same way and is
    # told likewise (a goldendome assumption); a ghost track has nothing that reenters.
    on_rv = held & (setup.object_kind[np.maximum(tg.owner, 0)] == ObjectKind.RV)
    fight_layer(fight, setup, "terminal", engage & on_rv, value, ready, value_at)
    return fight, left_out, spared


def parameter_draws(setup: KillChainSetup, seeds: list[np.random.SeedSequence]) -> FloatArray:
    """The trial's draw of every parameter given as a range (empty without ranges).

    ``seeds`` are the trial's streams (``seed.spawn(N_STREAMS)``); the draw uses only
    :data:`PARAMETERS`, so a run can list every trial's draws without fighting them.
    """
    if not setup.ranges:
        return np.empty(0)
    return draw_parameters(setup.ranges, np.random.default_rng(seeds[PARAMETERS]))


def _leakers(setup: KillChainSetup, fight: Fight) -> IntArray:
    """The defended asset (index) of each warhead that survived the fight and hits one."""
    through = fight.object_alive & (setup.object_kind == ObjectKind.RV)
    return np.asarray(setup.object_asset[through & (setup.object_asset >= 0)], dtype=np.int64)


def _shortfall_warheads(setup: KillChainSetup, fight: Fight) -> int:
    """Warheads of the missiles killed in boost whose killing shot's payload lands."""
    landed = np.zeros(setup.n_missile, bool)
    for shots in fight.shots:
        kill = shots["kill"] & shots["payload_landed"] & (shots["layer"] == "boost")
        landed[shots["threat_id"][kill]] = True
    rv = setup.object_kind == ObjectKind.RV
    return int(np.sum(rv & landed[setup.object_missile]))


def _track_shots(setup: KillChainSetup, fight: Fight) -> dict[str, int]:
    """The trial's surface shots by the truth of their tracks, and the warheads alive after
    the boost layer that drew none."""
    roles = [s["track_role"] for s in fight.shots if s["layer"][:1].tolist() != ["boost"]]
    role = np.concatenate(roles) if roles else np.empty(0, str)
    rv = setup.object_kind == ObjectKind.RV
    after_boost = rv & (fight.killed_in != 0)
    return {
        "shots_on_duplicate_tracks": int(np.sum(role == "duplicate")),
        "shots_on_ghost_tracks": int(np.sum(role == "ghost")),
        "shots_on_stage_tracks": int(np.sum(role == "stage")),
        "shots_on_decoy_tracks": int(np.sum(role == "decoy")),
        "rvs_never_engaged": int(np.sum(after_boost & (fight.first_track < 0))),
    }


def boost_windows(setup: KillChainSetup, phase: int) -> dict[str, np.ndarray]:
    """Each missile's boost window in sample ``phase`` (:data:`WINDOW_COLUMNS`; empty
    columns without a boost layer)."""
    if setup.boost is None:
        return {}
    bp = setup.boost.phase(phase)
    n = setup.n_missile
    return {
        "threat_id": np.arange(n, dtype=np.int64),
        "sample": np.full(n, phase, np.int64),
        "first_report_s": bp.first_report_s,
        "commit_s": bp.commit_s,
        "window_end_s": bp.window_end_s,
        "sbis_in_reach": np.bincount(bp.threat, minlength=n).astype(np.int64),
    }


def run_trial(
    setup: KillChainSetup, trial: int, seed: np.random.SeedSequence, n_trials: int = 1
) -> tuple[TrialRow, dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Fight trial ``trial`` from its seed sequence: its summary row, shots and boost windows.

    Parameters
    ----------
    setup : KillChainSetup
    trial : int
        The trial's index (stored with its rows).
    seed : numpy.random.SeedSequence
        The trial's own seed sequence (the run derives it from the run's seed and ``trial``,
        so a trial's draws do not depend on which worker runs it).
    n_trials : int
        Trials of the run (the boost samples are spread over them in strata).

    Returns
    -------
    row : TrialRow
    shots : dict of str to (n_shot,) arrays
        The trial's shots in firing order (:data:`goldendome.engagement.battle.SHOT_COLUMNS`).
    windows : dict of str to (n_missile,) arrays
        Each missile's boost window in the trial's sample (:data:`WINDOW_COLUMNS`).
    """
    seeds = seed.spawn(N_STREAMS)
    n_samples = setup.boost.n_samples if setup.boost is not None else 1
    phase = trial_sample(trial, n_trials, n_samples)
    engage_all = setup.doctrine.engage == "all"
    opening = _open(setup, seeds, phase)
    fight, left_out, spared = _fight(setup, opening, engage_all)
    hit = _leakers(setup, fight)
    saved, hit_all = 0, hit.size
    if not engage_all and left_out.any():
        counterfactual, _, _ = _fight(setup, opening, engage_all=True)
        saved = counterfactual.fired_total() - fight.fired_total()
        hit_all = _leakers(setup, counterfactual).size
    rv = setup.object_kind == ObjectKind.RV
    through = fight.object_alive & rv
    assets_hit = np.unique(hit)
    row = TrialRow(
        trial=trial,
        phase=phase,
        leakers=int(hit.size),
        rvs_through=int(through.sum()),
        damage=float(setup.asset_worth[assets_hit].sum()),
        assets_hit=int(assets_hit.size),
        missiles_killed_in_boost=int((~fight.missile_alive).sum()),
        rvs_killed_boost=int((rv & (fight.killed_in == 0)).sum()),
        rvs_killed_midcourse=int((rv & (fight.killed_in == 1)).sum()),
        rvs_killed_terminal=int((rv & (fight.killed_in == 2)).sum()),
        decoys_engaged=int(fight.decoys_engaged),
        interceptors_fired=fight.fired_total(),
        cost_usd=fight.cost_usd,
        interceptors_saved_by_filter=int(saved),
        leakers_if_engage_all=int(hit_all),
        shortfall_warheads=_shortfall_warheads(setup, fight),
        **_track_shots(setup, fight),
        rvs_spared_by_call=int(np.sum(rv & spared & (fight.killed_in != 0))),
    )
    return row, fight.shot_columns(), boost_windows(setup, phase)
