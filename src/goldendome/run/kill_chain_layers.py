"""The battle manager's layers within one trial: who shoots at what, when, and with what luck.

Each layer fights in looks (``[doctrine]``): at every look the battle manager assigns the
interceptors that can reach a target in time (weapon-target assignment maximizing expected
value saved, :mod:`goldendome.engagement.wta`), fires, and after the battle-damage
assessment delay looks again at what survived. The boost layer's weapons are the SBIs in
reach of each missile (one kill vehicle each); a missile killed in boost releases nothing.
The midcourse and terminal layers' weapons are the rounds of their batteries' magazines.
The battle manager plans against warheads (the SSPK against an RV); a shot at a decoy
succeeds with the SSPK against decoys.
"""

import dataclasses
from dataclasses import dataclass, field

import numpy as np

from goldendome.engagement.wta import assign, assign_exact, assign_greedy
from goldendome.physics._types import FloatArray, IntArray
from goldendome.physics.geodetic import ecef_to_geodetic
from goldendome.run.kill_chain_setup import KillChainSetup

LAYERS = ("boost", "midcourse", "terminal")
TARGET_KINDS = ("rv", "decoy")


@dataclass(frozen=True)
class EventRow:
    """One shot: when, by whom, at what, where, and how it ended."""

    trial: int
    t_s: float
    layer: str
    look: int
    shooter: str
    interceptor: str
    target: int
    target_kind: str
    threat: int
    latitude_deg: float
    longitude_deg: float
    altitude_km: float
    kill: bool

    def with_trial(self, trial: int) -> "EventRow":
        return dataclasses.replace(self, trial=trial)


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
    events: list[EventRow] = field(default_factory=list)

    @classmethod
    def start(cls, setup: KillChainSetup, rng: np.random.Generator) -> "Fight":
        n = setup.n_objects
        return cls(
            rng=rng,
            missile_alive=np.ones(setup.n_missile, bool),
            object_alive=np.ones(n, bool),
            killed_in=np.full(n, -1, np.int64),
            inventory=np.array([b.magazine for b in setup.batteries], np.int64),
        )

    def fired_total(self) -> int:
        return sum(self.fired.values())

    def count(self, name: str, shots: int, unit_cost_usd: float) -> None:
        self.fired[name] = self.fired.get(name, 0) + shots
        self.cost_usd += shots * unit_cost_usd


def _assign(method: str, pk: FloatArray, value: FloatArray, shots: int) -> IntArray:
    if method == "exact":
        return assign_exact(pk, value, shots)
    if method == "greedy":
        return assign_greedy(pk, value, shots)
    return assign(pk, value, shots)


def _geodetic(points_ecef_m: FloatArray) -> tuple[FloatArray, FloatArray, FloatArray]:
    lat, lon, alt = ecef_to_geodetic(points_ecef_m)
    return np.degrees(lat), np.degrees(lon), alt / 1e3


def _object_points(setup: KillChainSetup, objs: IntArray, t_s: FloatArray) -> FloatArray:
    """Positions ``(n, 3)`` (ECEF, meters) of objects ``objs`` at times ``t_s``."""
    grid = setup.windows.t_s
    k = np.clip(np.searchsorted(grid, t_s) - 1, 0, grid.size - 2)
    w = ((t_s - grid[k]) / (grid[k + 1] - grid[k]))[:, None]
    r = setup.object_r_ecef_m
    return (1.0 - w) * r[objs, k] + w * r[objs, k + 1]


def fight_boost(fight: Fight, setup: KillChainSetup, phase: int) -> None:
    """SBIs against the boosting missiles, for constellation phase ``phase``."""
    if not setup.boost:
        return
    bp = setup.boost[phase]
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
        for n, i in enumerate(shooters):
            fight.events.append(
                EventRow(
                    -1, float(bp.intercept_time_s[p[n]]), "boost", look,
                    f"SBI #{int(sats[i])}", "sbi", int(missiles[n]), "missile",
                    int(missiles[n]), float(bp.latitude_deg[p[n]]),
                    float(bp.longitude_deg[p[n]]), float(bp.altitude_km[p[n]]), bool(kill[n]),
                )
            )  # fmt: skip


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
    bats = np.array([k for k, b in enumerate(setup.batteries) if b.kind.phase == layer], np.int64)
    ready = ready_s.copy()
    if not bats.size:
        return ready
    doctrine = setup.doctrine
    seen = engage.copy()
    sspk_rv = np.array([setup.batteries[k].kind.sspk_rv for k in bats])
    sspk_decoy = np.array([setup.batteries[k].kind.sspk_decoy for k in bats])
    for look, shots in enumerate(getattr(doctrine, layer).per_look()):
        targets = np.flatnonzero(seen & fight.object_alive & np.isfinite(ready) & (value > 0))
        if not targets.size:
            break
        t_all, _ = setup.windows.earliest(ready[None, :])
        t_int = t_all[np.ix_(bats, targets)]
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
        decoy = setup.object_kind[objs] == 1
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
        lat, lon, alt = _geodetic(_object_points(setup, objs, t_shot))
        for n in range(shot.size):
            battery = setup.batteries[int(bats[b[n]])]
            fight.events.append(
                EventRow(
                    -1, float(t_shot[n]), layer, look, battery.site, battery.kind.name,
                    int(objs[n]), TARGET_KINDS[int(setup.object_kind[objs[n]])],
                    int(setup.object_missile[objs[n]]), float(lat[n]), float(lon[n]),
                    float(alt[n]), bool(kill[n]),
                )
            )  # fmt: skip
    return ready
