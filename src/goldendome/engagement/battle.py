"""The battle manager's layers within one trial: who shoots at what, when, and with what luck.

Each layer fights in looks (the doctrine): at every look the battle manager assigns the
interceptors that can reach a target in time (weapon-target assignment maximizing expected
value saved, :mod:`goldendome.engagement.wta`), fires, and after the battle-damage
assessment delay looks again at what survived. What a kill is worth is judged at each look
from the track's updates up to the look's plan (its earliest launch at the track): a cruise
missile's track is valued against the asset it heads for then, not the first it threatened.
The boost layer's weapons are the SBIs in reach of each missile (one kill vehicle each),
fired on the missile's sensor reports; a missile killed in boost releases nothing. The
midcourse and terminal layers' weapons are the rounds of their batteries' magazines, and
their targets are the tracker's fire-control tracks
(:class:`goldendome.engagement.targets.TrackTargets`), not the objects: a duplicate track
on an object may draw shots of its own, a ghost track wastes the shots it draws, and an
object whose track never reached fire control is never shot at.

A surface interceptor flies against the track's object in truth (its intercept windows are
the object's; a ghost's are those of the object nearest it) and kills with the type's SSPK
against that object's kind (an RV's, or a decoy's; nothing on a ghost) times the chance that
its kill vehicle's divert covers the track's prediction error at the intercept
(:func:`goldendome.engagement.targets.cover_probability`). A warhead is scored in its true
regime at the intercept (ballistic, glide or air-breathing: the type's SSPK against it,
times the manoeuvre rule's factor, :mod:`goldendome.interceptors.manoeuvre`). The battle
manager plans with what it can know: the SSPK against the regime it read from the track
(times the rule's factor for that regime) times that cover. A type with in-flight target
updates (``uplink_cutoff_s``) aims with the track's last update before that cut-off ahead of
the intercept instead of the launch order's. A kill
kills the object, and every track on it drops out of the battle; a look's survivors are
seen again with the doctrine's ``survivor_seen``, track by track.

Every shot is recorded with its fly-out: the interceptor's launch (time and place: the SBI
at release, or the battery's site; a surface interceptor leaves ``time_to_reach`` before the
intercept, by its fly-out model) and the intercept point, and with what it was fired on:
``cue_time_s``, the sensor report (boost: the missile's first report in the trial's
sample) or track (midcourse and terminal: the track's own fire-control time) the shot
needed, and ``earliest_launch_s``, the earliest the doctrine let it leave (the cue plus the
decision delay or C2 latency, or a later look's battle-damage assessment). No shot leaves
before its ``earliest_launch_s``. An SBI shot also records where its missile's payload
lands if the shot kills the booster (``payload_*``: the boost-phase shortfall; NaN and False
for the surface layers' shots).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from goldendome.engagement.assign_memo import assign_remembered
from goldendome.engagement.correlated import beta_parameters
from goldendome.engagement.picture import KillChainSetup
from goldendome.engagement.shots import SHOT_COLUMNS, SHOT_DTYPES, layer_shots
from goldendome.engagement.targets import cover_probability
from goldendome.interceptors.intercept_window import InterceptWindows
from goldendome.physics._types import FloatArray, IntArray
from goldendome.physics.kinds import ObjectKind

__all__ = ["LAYERS", "SHOT_COLUMNS", "Fight", "fight_boost", "fight_layer"]

LAYERS = ("boost", "midcourse", "terminal")
#: ``track_role`` of an SBI shot (fired on a missile's sensor reports, not on a track).
REPORT = "report"


@dataclass
class Fight:
    """The state of one trial's battle as the layers take their turns."""

    rng: np.random.Generator
    missile_alive: np.ndarray
    object_alive: np.ndarray
    killed_in: IntArray  # (n_obj,) index into LAYERS, -1 while alive
    inventory: IntArray  # (n_battery,)
    fired: dict[str, int] = field(default_factory=dict)
    cost_usd: float = 0.0
    #: (n_obj,) the first track of each object a surface layer shot at (target index, -1).
    first_track: IntArray = field(default_factory=lambda: np.empty(0, np.int64))
    decoys_engaged: int = 0
    shots: list[dict[str, np.ndarray]] = field(default_factory=list)
    #: This trial's kill probability of each correlated type over its nominal SSPK (a type
    #: not listed: 1).
    sspk_scale: dict[str, float] = field(default_factory=dict)
    #: ``(n_battery, 2)``: each battery's drawn SSPK against an RV and a decoy over its
    #: mean, for the kill probabilities given as ranges (1 elsewhere); and the SBI's.
    range_scale: FloatArray = field(default_factory=lambda: np.ones((0, 2)))
    sbi_range_scale: float = 1.0

    @classmethod
    def start(
        cls,
        setup: KillChainSetup,
        rng: np.random.Generator,
        correlated_rng: np.random.Generator | None = None,
        draws: FloatArray | None = None,
    ) -> "Fight":
        """A fight before the first shot: everything alive, full magazines.

        With ``setup.correlation`` above 0 for a type, ``correlated_rng`` draws that type's
        kill probability for the whole trial from a beta with the type's SSPK (against an
        RV) as its mean (:func:`goldendome.engagement.correlated.beta_parameters`), in the
        order of the type names; without, nothing is drawn and the shots are independent.
        ``draws`` are the trial's parameter draws (:attr:`KillChainSetup.ranges`): a kill
        probability given as a range is the draw in this trial (the fields hold the mean).
        """
        n = setup.n_objects
        rows, sbi_scale = _range_scale(setup, np.empty(0) if draws is None else draws)
        return cls(
            rng=rng,
            missile_alive=np.ones(setup.n_missile, bool),
            object_alive=np.ones(n, bool),
            killed_in=np.full(n, -1, np.int64),
            inventory=np.array([b.magazine for b in setup.batteries], np.int64),
            first_track=np.full(n, -1, np.int64),
            sspk_scale=_sspk_scale(setup, correlated_rng, rows, sbi_scale),
            range_scale=rows,
            sbi_range_scale=sbi_scale,
        )

    def scale(self, name: str) -> float:
        """This trial's kill probability of type ``name`` over its nominal SSPK."""
        return self.sspk_scale.get(name, 1.0)

    def fired_total(self) -> int:
        """Rounds fired so far, all types."""
        return sum(self.fired.values())

    def count(self, name: str, shots: int, unit_cost_usd: float) -> None:
        """Book ``shots`` rounds of type ``name``."""
        self.fired[name] = self.fired.get(name, 0) + shots
        self.cost_usd += shots * unit_cost_usd

    def shot_columns(self) -> dict[str, np.ndarray]:
        """Every shot so far, in firing order, as columns (see :data:`SHOT_COLUMNS`)."""
        if not self.shots:
            return {c: np.empty(0, dtype=SHOT_DTYPES.get(c, np.float64)) for c in SHOT_COLUMNS}
        return {c: np.concatenate([s[c] for s in self.shots]) for c in SHOT_COLUMNS}


def _over(draw: float, mean: float) -> float:
    return draw / mean if mean > 0.0 else 1.0


def _range_scale(setup: KillChainSetup, draws: FloatArray) -> tuple[FloatArray, float]:
    """Each battery's drawn SSPK (RV, decoy) over its mean, and the SBI's (1: no range)."""
    n = len(setup.batteries)
    rows = np.ones((n, 2))
    if setup.battery_ranges is not None and draws.size:
        for b, battery in enumerate(setup.batteries):
            means = (battery.kind.sspk_rv, battery.kind.sspk_decoy)
            for j in range(2):
                k = int(setup.battery_ranges[b, j])
                if k >= 0:
                    rows[b, j] = _over(float(draws[k]), means[j])
    sbi = _over(float(draws[setup.sbi_range]), setup.sbi_sspk) if setup.sbi_range >= 0 else 1.0
    return rows, sbi


def _sspk_scale(
    setup: KillChainSetup,
    rng: np.random.Generator | None,
    range_scale: FloatArray,
    sbi_range_scale: float,
) -> dict[str, float]:
    """Each correlated type's drawn kill probability over its mean in this trial.

    The mean is the trial's: a kill probability given as a range is drawn first, and the
    correlated beta is centred on that draw (so the correlation stays the one asked for);
    a type whose batteries differ takes its first battery's.
    """
    means = {"sbi": setup.sbi_sspk * sbi_range_scale}
    for k, b in enumerate(setup.batteries):
        scale = float(range_scale[k, 0]) if range_scale.size else 1.0
        means.setdefault(b.kind.name, min(b.kind.sspk_rv * scale, 1.0))
    out: dict[str, float] = {}
    for name in sorted(setup.correlation):
        rho, mean = setup.correlation[name], means.get(name, 0.0)
        if rho <= 0.0 or not 0.0 < mean < 1.0:
            continue
        if rng is None:
            raise ValueError(
                f"interceptor type '{name}' has correlated shots (correlation {rho:g}): the "
                "fight needs a generator for the trial's kill probabilities."
            )
        draw = float(rng.random() < mean) if rho >= 1.0 else rng.beta(*beta_parameters(mean, rho))
        out[name] = float(draw) / mean
    return out


def fight_boost(fight: Fight, setup: KillChainSetup, phase: int) -> None:
    """SBIs against the boosting missiles, for boost sample ``phase``.

    A kill vehicle leaves no earlier than its missile's commit in the sample (first report
    plus the decision delay; the opportunities already start there), and a later look's
    intercept no earlier than the last look's intercept plus the BDA delay.
    """
    if setup.boost is None:
        return
    bp = setup.boost.phase(phase)
    sats, weapon = np.unique(bp.satellite, return_inverse=True)
    pair = np.full((sats.size, setup.n_missile), -1, np.int64)
    pair[weapon, bp.threat] = np.arange(weapon.size)
    ready = np.full(setup.n_missile, -np.inf)
    spent = np.zeros(sats.size, bool)
    for look, shots in enumerate(setup.doctrine.boost.per_look()):
        t_int = np.where(pair >= 0, bp.intercept_time_s[np.maximum(pair, 0)], np.nan)
        usable = (pair >= 0) & ~spent[:, None] & fight.missile_alive & (t_int >= ready)
        pk = np.where(usable, setup.sbi_sspk, 0.0)
        a = assign_remembered(setup.doctrine.assignment, pk, np.ones(setup.n_missile), shots)
        shooters = np.flatnonzero(a >= 0)
        if not shooters.size:
            break
        missiles = a[shooters]
        p = pair[shooters, missiles]
        true_pk = setup.sbi_sspk * fight.scale("sbi") * fight.sbi_range_scale
        kill = fight.rng.random(shooters.size) < true_pk
        spent[shooters] = True
        fight.count("sbi", int(shooters.size), setup.sbi_unit_cost_usd)
        np.maximum.at(ready, missiles, bp.intercept_time_s[p] + setup.doctrine.bda_delay_s)
        dead = np.unique(missiles[kill])
        fight.missile_alive[dead] = False
        released = np.isin(setup.object_missile, dead) & fight.object_alive
        fight.object_alive[released] = False
        fight.killed_in[released] = 0
        n = shooters.size
        sat = sats[shooters]
        fight.shots.append(
            {
                "layer": np.full(n, "boost"),
                "look": np.full(n, look, np.int64),
                "interceptor": np.full(n, "sbi"),
                "shooter": np.array([f"SBI #{int(s)}" for s in sat]),
                "satellite_id": setup.sbi_first_satellite_id + sat.astype(np.int64),
                "battery_id": np.full(n, -1, np.int64),
                "track_id": np.full(n, -1, np.int64),
                "track_role": np.full(n, REPORT),
                "target_object_id": missiles.astype(np.int64),
                "target_kind": np.full(n, ObjectKind.BOOSTER.label),
                "threat_id": missiles.astype(np.int64),
                "launch_time_s": bp.launch_time_s[p],
                "launch_latitude_deg": bp.launch_latitude_deg[p],
                "launch_longitude_deg": bp.launch_longitude_deg[p],
                "launch_altitude_m": bp.launch_altitude_m[p],
                "intercept_time_s": bp.intercept_time_s[p],
                "intercept_latitude_deg": bp.latitude_deg[p],
                "intercept_longitude_deg": bp.longitude_deg[p],
                "intercept_altitude_m": bp.altitude_m[p],
                "kill": kill,
                "cue_time_s": bp.first_report_s[missiles],
                "earliest_launch_s": bp.commit_s[missiles],
                "prediction_sigma_m": np.full(n, np.nan),
                "cover_probability": np.full(n, np.nan),
                "payload_latitude_deg": bp.payload_latitude_deg[p],
                "payload_longitude_deg": bp.payload_longitude_deg[p],
                "payload_landed": bp.payload_landed[p],
            }
        )


def _targets_alive(fight: Fight, setup: KillChainSetup) -> np.ndarray:
    """(n_target,) bool: tracks whose object is alive; a track on no released object lives
    while the missile of the object it was nearest survived the boost layer (a missile
    killed in boost releases nothing that could make it)."""
    tg = setup.targets
    held, near = tg.owner >= 0, tg.proxy >= 0
    alive = np.where(held, fight.object_alive[np.maximum(tg.owner, 0)], True)
    missile = setup.object_missile[np.maximum(tg.proxy, 0)]
    return np.asarray(np.where(held, alive, near & fight.missile_alive[missile]), np.bool_)


def _roles(fight: Fight, setup: KillChainSetup, target: IntArray) -> np.ndarray:
    """``track_role`` of a look's shots at ``target`` in firing order (see
    :mod:`goldendome.engagement.shots`), noting each object's first engaged track."""
    owner = setup.targets.owner[target]
    held = owner >= 0
    obj, trk = owner[held], target[held]
    new = fight.first_track[obj] < 0
    first_obj, at = np.unique(obj[new], return_index=True)
    fight.first_track[first_obj] = trk[new][at]
    role = np.full(target.size, "ghost", dtype="<U9")
    role[setup.targets.on_stage[target]] = "stage"
    role[held] = np.where(fight.first_track[obj] == trk, "first", "duplicate")
    decoy = held & (setup.object_kind[np.maximum(owner, 0)] == ObjectKind.DECOY)
    role[decoy] = "decoy"
    return role


def fight_layer(
    fight: Fight,
    setup: KillChainSetup,
    layer: str,
    engage: np.ndarray,
    value: FloatArray,
    ready_s: FloatArray,
    value_at: Callable[[IntArray, FloatArray], FloatArray] | None = None,
) -> FloatArray:
    """One surface-based layer against the fire-control tracks (``setup.targets``).

    Parameters
    ----------
    engage : (n_target,) bool
        Tracks the battle manager engages (threatening, not told to be decoys).
    value : (n_target,) float64
        What a kill is worth (the defended asset the track's predicted impact falls on).
    ready_s : (n_target,) float64, seconds
        Earliest an interceptor may launch at each track.
    value_at : callable, optional
        ``value_at(targets, t_s)``: what a kill of each of ``targets`` (``(n,)`` int64) is
        worth when judged at ``t_s`` (``(n,)`` float64 seconds), from what the battle manager
        holds then. Each look judges a track at its plan: the earliest launch of the look's
        rounds at it (the latest the look's decision on it can wait; the track's later
        updates are not used). None: ``value`` throughout. ``value`` still says which
        tracks are engaged at all (above 0).

    Returns
    -------
    (n_target,) float64
        The ready times after this layer (engaged survivors: last intercept + BDA delay).
    """
    bats, windows, reachable = setup.layer_windows[layer]
    ready = ready_s.copy()
    if not bats.size:
        return ready
    tg, doctrine = setup.targets, setup.doctrine
    seen = engage.copy()
    kinds = [setup.batteries[k].kind for k in bats]
    sspk_regime = np.stack([k.sspk_by_regime for k in kinds])  # (n_bat, 3)
    sspk_decoy = np.array([k.sspk_decoy for k in kinds])
    accel = np.array([k.max_lateral_accel_g for k in kinds])
    # What this trial's rounds really do (a correlated type's drawn kill probability); the
    # battle manager plans with the nominal SSPK, which is all it can know.
    scale = np.array([fight.scale(k.name) for k in kinds])
    ranged = fight.range_scale[bats] if fight.range_scale.size else np.ones((bats.size, 2))
    true_regime = np.minimum(sspk_regime * (scale * ranged[:, 0])[:, None], 1.0)
    true_decoy = np.minimum(sspk_decoy * scale * ranged[:, 1], 1.0)
    divert = np.array([k.divert_m for k in kinds])
    reach = (tg.proxy >= 0) & reachable[np.maximum(tg.proxy, 0)]
    looks: tuple[int, ...] = getattr(doctrine, layer).per_look()
    for look, shots in enumerate(looks):
        live = _targets_alive(fight, setup) & (ready <= tg.last_update_s)
        targets = np.flatnonzero(seen & live & np.isfinite(ready) & (value > 0) & reach)
        if not targets.size:
            break
        proxy = tg.proxy[targets]
        mine = InterceptWindows(windows.t_s, windows.launch_by_s[:, proxy], windows.distance_m)
        ready_now = ready[targets]
        t_int, t_launch = mine.earliest(ready_now[None, :])
        feasible = np.isfinite(t_int)
        # The aim's information: the launch order's, or the last in-flight update.
        aim = np.stack([k.aim_time_s(t_launch[i], t_int[i]) for i, k in enumerate(kinds)])
        sigma = tg.sigma_m(np.broadcast_to(targets, t_int.shape), aim, t_int)
        cover = np.where(feasible, cover_probability(divert[:, None], sigma), 0.0)
        rounds = np.minimum(fight.inventory[bats], shots * feasible.sum(axis=1))
        weapon = np.repeat(np.arange(bats.size), rounds)
        if not weapon.size:
            break
        read = tg.regime[targets]  # what the battle manager read each track to be
        plan = sspk_regime[:, read] * setup.manoeuvre.factor(accel[:, None], read[None, :])
        planned = plan * cover
        # A round that can barely hit the track is held for a better one (doctrine).
        pk = np.where(planned >= doctrine.min_planned_pk, planned, 0.0)[weapon]
        if value_at is None:
            worth = value[targets]
        else:
            first_launch = np.where(feasible, t_launch, np.inf).min(axis=0)
            plan_s = np.where(np.isfinite(first_launch), first_launch, ready_now)
            worth = np.asarray(value_at(targets, plan_s), np.float64)
        a = assign_remembered(doctrine.assignment, pk, worth, shots)
        shot = np.flatnonzero(a >= 0)
        if not shot.size:
            break
        b, j = weapon[shot], a[shot]
        trk, t_shot = targets[j], t_int[b, j]
        owner = tg.owner[trk]
        held = owner >= 0
        decoy = held & (setup.object_kind[np.maximum(owner, 0)] == ObjectKind.DECOY)
        regime = setup.true_regime(np.maximum(owner, 0), t_shot)
        warhead = true_regime[b, regime] * setup.manoeuvre.factor(accel[b], regime)
        p_kill = np.where(held, np.where(decoy, true_decoy[b], warhead), 0.0) * cover[b, j]
        kill = fight.rng.random(shot.size) < p_kill
        np.subtract.at(fight.inventory, bats[b], 1)
        for k in np.unique(b):
            kind = kinds[int(k)]
            fight.count(kind.name, int(np.sum(b == k)), kind.unit_cost_usd)
        fight.decoys_engaged += int(np.unique(owner[decoy]).size)
        role = _roles(fight, setup, trk)
        dead = np.unique(owner[kill])
        fight.object_alive[dead] = False
        fight.killed_in[dead] = LAYERS.index(layer)
        np.maximum.at(ready, trk, t_shot + doctrine.bda_delay_s)
        fired = np.unique(trk)
        survivors = fired[_targets_alive(fight, setup)[fired]]
        seen[survivors] = fight.rng.random(survivors.size) < doctrine.survivor_seen
        shots_now = layer_shots(setup, layer, look, bats[b], trk, t_shot, kill)
        shots_now["track_role"] = role
        shots_now["earliest_launch_s"] = ready_now[j]
        shots_now["prediction_sigma_m"] = sigma[b, j]
        shots_now["cover_probability"] = cover[b, j]
        fight.shots.append(shots_now)
    return ready
