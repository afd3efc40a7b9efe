"""One Monte Carlo trial of the kill chain: boost, midcourse and terminal layers in turn.

A trial takes the boost sample of its stratum (:func:`goldendome.engagement.picture.
trial_sample`: a phasing of the interceptor constellation with its own detection draws,
which says when each missile is first reported and which SBIs can reach it after the
commit), and draws, from its own random streams, each object's predicted impact point
(the track's stated 1-sigma about the drag-free prediction from the object's true state: a
consistent filter's error),
what discrimination tells of each object, and every shot's outcome. The battle manager then
fights layer by layer (:mod:`goldendome.engagement.battle`), and the trial reports
leakers, damage to defended assets, kills by layer, interceptors fired and their cost.

Doctrine: the Iron Dome principle engages only objects whose predicted impact may lie in a
defended area (``engage = "threatening"``: within the area's radius plus ``threat_sigma``
times the prediction's 1-sigma); objects discrimination tells are decoys are left alone,
*unknown* objects are engaged as warheads. When the filter leaves anything out, the trial
is fought a second time engaging everything, on the same random streams, and the
difference in interceptors fired is the Iron Dome saving.
"""

from dataclasses import dataclass

import numpy as np

from goldendome.engagement.battle import Fight, fight_boost, fight_layer
from goldendome.engagement.picture import KillChainSetup, nearest_asset, trial_sample
from goldendome.physics._types import FloatArray, IntArray
from goldendome.physics.constants import R_EARTH_MEAN_M
from goldendome.physics.kinds import ObjectKind

#: The trial's random streams, in the order they are spawned from its seed sequence (the
#: first, once the phase draw, is no longer used: the boost sample follows the stratum).
PHASE, IMPACT_NOISE, DISCRIMINATION, OUTCOMES = range(4)
#: Columns of a trial's boost windows (one row per missile; times on the scenario clock).
WINDOW_COLUMNS = (
    "threat_id", "sample", "first_report_s", "commit_s", "window_end_s", "sbis_in_reach",
)  # fmt: skip
N_STREAMS = 4


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


def _predicted_assets(setup: KillChainSetup, rng: np.random.Generator) -> FloatArray:
    """Worth of the defended asset each object's predicted impact falls on (0: none)."""
    n = setup.n_objects
    east, north = rng.standard_normal((2, n)) * setup.impact_sigma_m
    lat = setup.predicted_lat_rad + north / R_EARTH_MEAN_M
    lon = setup.predicted_lon_rad + east / (R_EARTH_MEAN_M * np.cos(lat))
    margin = setup.doctrine.threat_sigma * setup.impact_sigma_m
    k = nearest_asset(
        lat, lon, setup.asset_lat_rad, setup.asset_lon_rad, setup.asset_radius_m, margin
    )
    if not setup.asset_worth.size:  # no defended assets: nothing threatens one
        return np.zeros(n)
    worth = np.where(k >= 0, setup.asset_worth[np.maximum(k, 0)], 0.0)
    return np.where(np.isfinite(worth), worth, 0.0)


def _fight(
    setup: KillChainSetup,
    seeds: list[np.random.SeedSequence],
    phase: int,
    engage_all: bool,
) -> tuple[Fight, np.ndarray]:
    """Fight all layers; returns the fight and the mask of objects the filter left out."""
    worth = _predicted_assets(setup, np.random.default_rng(seeds[IMPACT_NOISE]))
    rng_disc = np.random.default_rng(seeds[DISCRIMINATION])
    told = rng_disc.random(setup.n_objects) < setup.told_probability
    believed_decoy = told & (setup.object_kind == ObjectKind.DECOY)
    tracked = np.isfinite(setup.fire_control_s)
    threatening = worth > 0
    if engage_all:
        engage = tracked & ~believed_decoy
        value = np.where(threatening, worth, max(float(worth.max(initial=0.0)), 1.0))
    else:
        engage = tracked & ~believed_decoy & threatening
        value = worth
    left_out = tracked & ~believed_decoy & ~threatening
    fight = Fight.start(setup, np.random.default_rng(seeds[OUTCOMES]))
    fight_boost(fight, setup, phase)
    ready = setup.fire_control_s + setup.doctrine.c2_latency_s
    ready = fight_layer(fight, setup, "midcourse", engage, value, ready)
    # Light decoys are stripped away on reentry (Sessler et al., Countermeasures, UCS/MIT
    # 2000): the terminal layer tells them by their deceleration and engages RVs only.
    rvs = setup.object_kind == ObjectKind.RV
    fight_layer(fight, setup, "terminal", engage & rvs, value, ready)
    return fight, left_out


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
    fight, left_out = _fight(setup, seeds, phase, engage_all)
    hit = _leakers(setup, fight)
    saved, hit_all = 0, hit.size
    if not engage_all and left_out.any():
        counterfactual, _ = _fight(setup, seeds, phase, engage_all=True)
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
    )
    return row, fight.shot_columns(), boost_windows(setup, phase)
