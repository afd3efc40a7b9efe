"""The battle manager's layers within one trial: who shoots at what, when, and with what luck.

Each layer fights in looks (the doctrine): at every look the battle manager assigns the
interceptors that can reach a target in time (weapon-target assignment maximizing expected
value saved, :mod:`goldendome.engagement.wta`), fires, and after the battle-damage
assessment delay looks again at what survived. The boost layer's weapons are the SBIs in
reach of each missile (one kill vehicle each); a missile killed in boost releases nothing.
The midcourse and terminal layers' weapons are the rounds of their batteries' magazines.
The battle manager plans against warheads (the SSPK against an RV); a shot at a decoy
succeeds with the SSPK against decoys.

Every shot is recorded with its fly-out: the interceptor's launch (time and place: the SBI
at release, or the battery's site; a surface interceptor leaves ``time_to_reach`` before the
intercept, by its fly-out model) and the intercept point, and with what it was fired on:
``cue_time_s``, the sensor report (boost: the missile's first report in the trial's
sample) or track (midcourse and terminal: the object's first fire-control track) the shot
needed, and ``earliest_launch_s``, the earliest the doctrine let it leave (the cue plus the
decision delay or C2 latency, or a later look's battle-damage assessment). No shot leaves
before its ``earliest_launch_s``. An SBI shot also records where its missile's payload
lands if the shot kills the booster (``payload_*``: the boost-phase shortfall; NaN and False
for the surface layers' shots).
"""

from dataclasses import dataclass, field

import numpy as np

from goldendome.engagement.picture import KillChainSetup
from goldendome.engagement.wta import assign, assign_exact, assign_greedy
from goldendome.interceptors.intercept_window import InterceptWindows
from goldendome.physics._types import FloatArray, IntArray
from goldendome.physics.geodetic import ecef_to_geodetic
from goldendome.physics.kinds import KIND_LABELS, ObjectKind

LAYERS = ("boost", "midcourse", "terminal")
#: Columns of the shots a fight records (the ``engagements`` table less ``trial``, ``shot``).
SHOT_COLUMNS = (
    "layer", "look", "interceptor", "shooter", "satellite_id", "battery_id",
    "target_object_id", "target_kind", "threat_id", "launch_time_s", "launch_latitude_deg",
    "launch_longitude_deg", "launch_altitude_m", "intercept_time_s", "intercept_latitude_deg",
    "intercept_longitude_deg", "intercept_altitude_m", "kill", "cue_time_s",
    "earliest_launch_s", "payload_latitude_deg", "payload_longitude_deg", "payload_landed",
)  # fmt: skip


#: Types of the shot columns that are not float64 (for a fight with no shot).
_SHOT_DTYPES: dict[str, type] = {
    "layer": np.str_, "look": np.int64, "interceptor": np.str_, "shooter": np.str_,
    "satellite_id": np.int64, "battery_id": np.int64, "target_object_id": np.int64,
    "target_kind": np.str_, "threat_id": np.int64, "kill": np.bool_, "payload_landed": np.bool_,
}  # fmt: skip


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
    decoys_engaged: int = 0
    shots: list[dict[str, np.ndarray]] = field(default_factory=list)

    @classmethod
    def start(cls, setup: KillChainSetup, rng: np.random.Generator) -> "Fight":
        """A fight before the first shot: everything alive, full magazines."""
        n = setup.n_objects
        return cls(
            rng=rng,
            missile_alive=np.ones(setup.n_missile, bool),
            object_alive=np.ones(n, bool),
            killed_in=np.full(n, -1, np.int64),
            inventory=np.array([b.magazine for b in setup.batteries], np.int64),
        )

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
            return {c: np.empty(0, dtype=_SHOT_DTYPES.get(c, np.float64)) for c in SHOT_COLUMNS}
        return {c: np.concatenate([s[c] for s in self.shots]) for c in SHOT_COLUMNS}


#: Largest problem remembered (bytes of its kill-probability matrix), and the most bytes of
#: keys the memo holds before it starts again (see :func:`_assign`).
MEMO_PROBLEM_BYTES = 64 * 1024
MEMO_TOTAL_BYTES = 64 * 1024 * 1024
_memo: dict[tuple[object, ...], IntArray] = {}
_memo_bytes = [0]


def _assign(method: str, pk: FloatArray, value: FloatArray, shots: int) -> IntArray:
    """The weapon-target assignment, remembered by its exact inputs.

    Trials of one run pose the same few problems again and again (the default scenario's
    1,000 trials: 1,478 problems, 67 of them distinct), and the assignment is a pure function
    of ``(method, pk, value, shots)``, so a solved problem is looked up by the bytes of its
    inputs instead of being solved again. Results are the same as without the memo, in any
    process and for any number of workers. Only problems up to :data:`MEMO_PROBLEM_BYTES` are
    kept, and the memo starts again past :data:`MEMO_TOTAL_BYTES`, so memory stays bounded
    on large raids (whose problems rarely repeat).
    """
    small = pk.nbytes <= MEMO_PROBLEM_BYTES
    key = (method, pk.shape, pk.tobytes(), value.tobytes(), int(shots)) if small else None
    known = _memo.get(key) if key is not None else None
    if known is not None:
        return known.copy()
    if method == "exact":
        out = assign_exact(pk, value, shots)
    elif method == "greedy":
        out = assign_greedy(pk, value, shots)
    else:
        out = assign(pk, value, shots)
    if key is not None:
        if _memo_bytes[0] > MEMO_TOTAL_BYTES:
            _memo.clear()
            _memo_bytes[0] = 0
        _memo[key] = out.copy()
        _memo_bytes[0] += pk.nbytes + value.nbytes
    return out


def _geodetic(points_ecef_m: FloatArray) -> tuple[FloatArray, FloatArray, FloatArray]:
    lat, lon, alt = ecef_to_geodetic(points_ecef_m)
    return np.degrees(lat), np.degrees(lon), alt


def _object_points(setup: KillChainSetup, objs: IntArray, t_s: FloatArray) -> FloatArray:
    """Positions ``(n, 3)`` (ECEF, meters) of objects ``objs`` at times ``t_s``."""
    grid = setup.windows.t_s
    k = np.clip(np.searchsorted(grid, t_s) - 1, 0, grid.size - 2)
    w = ((t_s - grid[k]) / (grid[k + 1] - grid[k]))[:, None]
    r = setup.object_r_ecef_m
    return (1.0 - w) * r[objs, k] + w * r[objs, k + 1]


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
        a = _assign(setup.doctrine.assignment, pk, np.ones(setup.n_missile), shots)
        shooters = np.flatnonzero(a >= 0)
        if not shooters.size:
            break
        missiles = a[shooters]
        p = pair[shooters, missiles]
        kill = fight.rng.random(shooters.size) < setup.sbi_sspk
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
                "payload_latitude_deg": bp.payload_latitude_deg[p],
                "payload_longitude_deg": bp.payload_longitude_deg[p],
                "payload_landed": bp.payload_landed[p],
            }
        )


def fight_layer(
    fight: Fight,
    setup: KillChainSetup,
    layer: str,
    engage: np.ndarray,
    value: FloatArray,
    ready_s: FloatArray,
) -> FloatArray:
    """One surface-based layer against the released objects.

    Parameters
    ----------
    engage : (n_obj,) bool
        Objects the battle manager engages (threatening, not told to be decoys, tracked).
    value : (n_obj,) float64
        What a kill is worth (the defended asset the predicted impact falls on).
    ready_s : (n_obj,) float64, seconds
        Earliest an interceptor may launch at each object.

    Returns
    -------
    (n_obj,) float64
        The ready times after this layer (engaged survivors: last intercept + BDA delay).
    """
    bats, windows, reachable = setup.layer_windows[layer]
    ready = ready_s.copy()
    if not bats.size:
        return ready
    doctrine = setup.doctrine
    seen = engage.copy()
    sspk_rv = np.array([setup.batteries[k].kind.sspk_rv for k in bats])
    sspk_decoy = np.array([setup.batteries[k].kind.sspk_decoy for k in bats])
    looks: tuple[int, ...] = getattr(doctrine, layer).per_look()
    for look, shots in enumerate(looks):
        targets = np.flatnonzero(
            seen & fight.object_alive & np.isfinite(ready) & (value > 0) & reachable
        )
        if not targets.size:
            break
        mine = InterceptWindows(windows.t_s, windows.launch_by_s[:, targets], windows.distance_m)
        ready_now = ready[targets]
        t_int, _ = mine.earliest(ready_now[None, :])
        feasible = np.isfinite(t_int)
        rounds = np.minimum(fight.inventory[bats], shots * feasible.sum(axis=1))
        weapon = np.repeat(np.arange(bats.size), rounds)
        if not weapon.size:
            break
        pk = np.where(feasible[weapon], sspk_rv[weapon][:, None], 0.0)
        a = _assign(doctrine.assignment, pk, value[targets], shots)
        shot = np.flatnonzero(a >= 0)
        if not shot.size:
            break
        b, j = weapon[shot], a[shot]
        objs, t_shot = targets[j], t_int[b, j]
        decoy = setup.object_kind[objs] == ObjectKind.DECOY
        kill = fight.rng.random(shot.size) < np.where(decoy, sspk_decoy[b], sspk_rv[b])
        np.subtract.at(fight.inventory, bats[b], 1)
        for k in np.unique(b):
            kind = setup.batteries[int(bats[k])].kind
            fight.count(kind.name, int(np.sum(b == k)), kind.unit_cost_usd)
        fight.decoys_engaged += int(np.unique(objs[decoy]).size)
        dead = np.unique(objs[kill])
        fight.object_alive[dead] = False
        fight.killed_in[dead] = LAYERS.index(layer)
        np.maximum.at(ready, objs, t_shot + doctrine.bda_delay_s)
        survivors = np.setdiff1d(np.unique(objs), dead)
        seen[survivors] = fight.rng.random(survivors.size) < doctrine.survivor_seen
        shots_now = _layer_shots(setup, layer, look, bats[b], objs, t_shot, kill)
        shots_now["earliest_launch_s"] = ready_now[j]
        fight.shots.append(shots_now)
    return ready


def _layer_shots(
    setup: KillChainSetup,
    layer: str,
    look: int,
    battery: IntArray,
    objs: IntArray,
    t_shot: FloatArray,
    kill: np.ndarray,
) -> dict[str, np.ndarray]:
    """The shots of one look of a surface layer as columns, fly-outs included."""
    n = objs.size
    point = _object_points(setup, objs, t_shot)
    lat, lon, alt = _geodetic(point)
    site_r = np.stack([setup.batteries[int(k)].r_ecef_m for k in battery])
    s_lat, s_lon, s_alt = _geodetic(site_r)
    kinds = [setup.batteries[int(k)].kind for k in battery]
    distance = np.linalg.norm(point - site_r, axis=-1)
    fly = np.empty(n)
    names = np.array([kd.name for kd in kinds])
    for name in np.unique(names):
        rows = names == name
        fly[rows] = kinds[int(np.argmax(rows))].time_to_reach_s(distance[rows])
    return {
        "layer": np.full(n, layer),
        "look": np.full(n, look, np.int64),
        "interceptor": names,
        "shooter": np.array([setup.batteries[int(k)].site for k in battery]),
        "satellite_id": np.full(n, -1, np.int64),
        "battery_id": battery.astype(np.int64),
        "target_object_id": setup.n_missile + objs.astype(np.int64),
        "target_kind": np.array([KIND_LABELS[int(k)] for k in setup.object_kind[objs]]),
        "threat_id": setup.object_missile[objs].astype(np.int64),
        "launch_time_s": t_shot - fly,
        "launch_latitude_deg": s_lat,
        "launch_longitude_deg": s_lon,
        "launch_altitude_m": s_alt,
        "intercept_time_s": t_shot,
        "intercept_latitude_deg": lat,
        "intercept_longitude_deg": lon,
        "intercept_altitude_m": alt,
        "kill": kill,
        "cue_time_s": setup.fire_control_s[objs],
        "earliest_launch_s": np.full(n, np.nan),
        "payload_latitude_deg": np.full(n, np.nan),
        "payload_longitude_deg": np.full(n, np.nan),
        "payload_landed": np.zeros(n, bool),
    }
