"""Minimum-energy (or given burnout angle) aims solved by Newton's method: few kernel calls.

The aim's three unknowns per missile (pitch-over kick, thrust cut-off and launch azimuth)
must satisfy three conditions: the burnout flight-path angle is the wanted one (the
minimum-energy angle of the Keplerian arc on the sphere, ``(pi - range / R) / 4``, or a given
one), the ground range is the target's, and the impact lies on the target's bearing. Flown
on the rotating oblate Earth with drag, the conditions have no closed form; the search is:

1. one kernel call scanning the kick at full burn (the grid of
   :func:`goldendome.threats.shaping.minimum_energy_kick`): the range at each kick gives the
   maximum range, the burnout angles the first kick that reaches the wanted angle;
2. one call scanning the cut-off at that kick: the first cut-off that reaches the range;
3. Newton steps on the three conditions, each one kernel call flying every missile four
   times (as aimed, and with the kick, the cut-off and the azimuth nudged: a finite-difference
   Jacobian), until the impact is within the tolerance of the target and the burnout angle
   within :data:`FPA_TOLERANCE_RAD` of the wanted one.

The maximum range's golden section (:mod:`goldendome.threats.max_range_search`, the same
points and result as :func:`~goldendome.threats.shaping.minimum_energy_kick`) is flown in
the same calls. Every flight of a call is one batch, so the kernel's threads stay busy and
the whole aim is a handful of calls instead of the hundreds of a one-dimensional search
per condition. Missiles that do not converge (out of reach, a cut-off at the full burn,
a scan with no crossing) are reported as such; the caller aims them the slow way.
"""

import math
from dataclasses import dataclass

import numpy as np

from goldendome.physics._types import BoolArray, FloatArray, IntArray
from goldendome.physics.geodesy import geodesic_inverse
from goldendome.threats.ballistic import FlightPhysics, Launches
from goldendome.threats.flight import BURNOUT, Flight, fly
from goldendome.threats.groups import concatenate_flights, take_flights
from goldendome.threats.max_range_search import DEPTH, GLOBAL_REACH_M, GoldenMaximum
from goldendome.threats.shaping import KICK_MAX_RAD, KICK_MIN_RAD, KICK_TOL_RAD, with_values

#: Kick scan points (as :func:`goldendome.physics.roots.maximize_on_grid`'s default grid).
N_KICK_GRID = 24
#: Cut-off scan points between half the first stage's burn and the full burn.
N_CUTOFF_GRID = 16
#: Burnout flight-path angle accuracy of a converged aim, radians (0.0006 deg).
FPA_TOLERANCE_RAD = 1e-5
#: Finite-difference steps of the Jacobian: kick rad, cut-off s, azimuth rad.
D_KICK_RAD, D_CUTOFF_S, D_AZIMUTH_RAD = 1e-5, 1e-2, 1e-4
#: Largest Newton step: kick rad, cut-off s, azimuth rad (keeps a far first guess in hand).
MAX_STEP = np.array([0.05, 30.0, 0.1])
#: Newton goes on while it gains until the miss is this fraction of the tolerance.
TIGHT_FRACTION = 0.01


@dataclass(frozen=True)
class NewtonAim:
    """Aimed launches and their flights; rows not ``converged`` need the slow search.

    Attributes
    ----------
    launches : Launches
        Kick, cut-off and azimuth of the last Newton iterate (of the scan's start when the
        scan failed).
    flight : Flight
        Their flights (rows of converged launches only are meaningful).
    miss_m : (n,) float64, meters
    converged : (n,) bool
    kick_max_rad, max_range_m : (n,) float64
        Kick and ground range of the maximum-range full burn on the target's azimuth.
    """

    launches: Launches
    flight: Flight
    miss_m: FloatArray
    converged: BoolArray
    kick_max_rad: FloatArray
    max_range_m: FloatArray


def _impact_range(flight: Flight) -> FloatArray:
    return np.where(flight.status == 0, flight.ground_range_m(), np.nan)


class _Batch:
    """Rows to fly in one kernel call: (member, kick, cut-off, azimuth), in named blocks."""

    def __init__(self) -> None:
        self.parts: list[tuple[str, IntArray, FloatArray, FloatArray, FloatArray]] = []

    def add(self, name: str, member: IntArray, kick: FloatArray, cutoff: FloatArray,
            azimuth: FloatArray) -> None:  # fmt: skip
        self.parts.append((name, member, kick, cutoff, azimuth))

    def fly(
        self, launches: Launches, theta0_rad: float, physics: FlightPhysics
    ) -> dict[str, Flight]:
        if not self.parts:
            return {}
        member = np.concatenate([p[1] for p in self.parts])
        rows = with_values(
            launches.take(member),
            kick_rad=np.concatenate([p[2] for p in self.parts]),
            cutoff_s=np.concatenate([p[3] for p in self.parts]),
            azimuth_rad=np.concatenate([p[4] for p in self.parts]),
        )
        flown = fly(rows, theta0_rad=theta0_rad, physics=physics)
        out: dict[str, Flight] = {}
        start = 0
        for name, m, *_ in self.parts:
            out[name] = take_flights(flown, np.arange(start, start + m.shape[0]))
            start += m.shape[0]
        return out


def _first_crossing(x: FloatArray, y: FloatArray) -> FloatArray:
    """Per row of ``x``, ``y`` (n, m): x where y first crosses 0 (linear), NaN if never."""
    cross = np.sign(y[:, :-1]) * np.sign(y[:, 1:]) <= 0  # NaN compares False
    k = np.argmax(cross, axis=1)
    rows = np.arange(x.shape[0])
    found = cross[rows, k]
    y0, y1 = y[rows, k], y[rows, k + 1]
    with np.errstate(divide="ignore", invalid="ignore"):
        u = np.where(y1 != y0, y0 / (y0 - y1), 0.5)
    return np.where(found, x[rows, k] + u * (x[rows, k + 1] - x[rows, k]), np.nan)


def solve_minimum_energy(
    launches: Launches,
    want_m: FloatArray,
    gamma_rad: FloatArray,
    lat_t: FloatArray,
    lon_t: FloatArray,
    azimuth_rad: FloatArray,
    *,
    theta0_rad: float,
    physics: FlightPhysics,
    tol_m: float,
    max_iter: int = 8,
) -> NewtonAim:
    """Aim each launch at its target with burnout angle ``gamma_rad`` (see the module doc).

    Parameters
    ----------
    launches : Launches
        What is launched, from where and when ((n,) members).
    want_m : (n,) float64, meters
        Ground range to each target.
    gamma_rad : (n,) float64, radians
        Burnout flight-path angle to steer to.
    lat_t, lon_t : (n,) float64, radians
        Targets.
    azimuth_rad : (n,) float64, radians
        Bearing of each target from its launch point.
    theta0_rad, physics
        As for :func:`goldendome.threats.flight.fly`.
    tol_m : float
        Miss distance to reach, meters (Newton goes on to ``tol_m / 100`` while it gains).
    max_iter : int
        Newton steps at most.

    Returns
    -------
    NewtonAim
    """
    n = len(launches)
    members = np.arange(n)
    burn = np.sum(launches.stage_burn_s, axis=1)
    low_cut = 0.5 * launches.stage_burn_s[:, 0]
    inf = np.full(n, math.inf)
    # 1. The kick scan at full burn (maximize_on_grid's grid, to the bit): the maximum
    # range's start and the first kick that reaches the burnout angle.
    lo, hi = np.full(n, KICK_MIN_RAD), np.full(n, KICK_MAX_RAD)
    grid = lo[:, None] + np.linspace(0.0, 1.0, N_KICK_GRID)[None, :] * (hi - lo)[:, None]
    batch = _Batch()
    batch.add("scan", np.repeat(members, N_KICK_GRID), grid.reshape(-1),
              np.repeat(inf, N_KICK_GRID), np.repeat(azimuth_rad, N_KICK_GRID))  # fmt: skip
    scan = batch.fly(launches, theta0_rad, physics)["scan"]
    farthest = GoldenMaximum(
        lo, hi, grid, _impact_range(scan).reshape(n, N_KICK_GRID), x_tol=KICK_TOL_RAD
    )
    fpa = scan.flight_path_angle_rad(BURNOUT).reshape(n, N_KICK_GRID) - gamma_rad[:, None]
    kick = _first_crossing(grid, fpa)
    started = np.isfinite(kick)
    kick = np.where(started, kick, farthest.best_x)
    # 2. The cut-off scan at that kick: the first cut-off that reaches the range.
    fractions = np.linspace(0.0, 1.0, N_CUTOFF_GRID)
    cuts = low_cut[:, None] + fractions[None, :] * (burn - low_cut)[:, None]
    batch = _Batch()
    batch.add("cuts", np.repeat(members, N_CUTOFF_GRID), np.repeat(kick, N_CUTOFF_GRID),
              cuts.reshape(-1), np.repeat(azimuth_rad, N_CUTOFF_GRID))  # fmt: skip
    _add_golden(batch, farthest, azimuth_rad)
    flown = batch.fly(launches, theta0_rad, physics)
    _take_golden(flown, farthest)
    ranges = _impact_range(flown["cuts"]).reshape(n, N_CUTOFF_GRID) - want_m[:, None]
    cutoff = _first_crossing(cuts, ranges)
    started &= np.isfinite(cutoff)
    cutoff = np.where(started, cutoff, burn)
    # 3. Newton steps on (kick, cut-off, azimuth), the golden section alongside.
    x = np.stack([kick, cutoff, azimuth_rad.copy()], axis=1)
    active = started.copy()
    best_miss = np.full(n, np.inf)
    best_x = x.copy()
    parts: list[tuple[IntArray, Flight]] = []  # the flights of each member's best iterate
    nudges = np.array([[0.0, 0.0, 0.0], [D_KICK_RAD, 0, 0], [0, D_CUTOFF_S, 0],
                       [0, 0, D_AZIMUTH_RAD]])  # fmt: skip
    steps = 0
    while np.any(active) or not farthest.done:
        live = np.flatnonzero(active) if steps < max_iter else np.zeros(0, np.int64)
        if not live.size and farthest.done:
            break
        steps += 1
        batch = _Batch()
        # Nudge the cut-off backwards where forwards would pass the full burn.
        nudge = np.broadcast_to(nudges, (live.size, 4, 3)).copy()
        nudge[:, 2, 1] *= np.where(x[live, 1] + D_CUTOFF_S > burn[live], -1.0, 1.0)
        trial = x[live][:, None, :] + nudge  # (m, 4, 3)
        if live.size:
            batch.add("newton", np.repeat(live, 4), trial[..., 0].reshape(-1),
                      trial[..., 1].reshape(-1), trial[..., 2].reshape(-1))  # fmt: skip
        _add_golden(batch, farthest, azimuth_rad)
        flown = batch.fly(launches, theta0_rad, physics)
        _take_golden(flown, farthest)
        if not live.size:
            active[:] = False
            continue
        f = flown["newton"]
        lat_i, lon_i = f.impact_lat_lon_rad()
        _, az_hit, _ = geodesic_inverse(
            np.repeat(launches.lat_rad[live], 4), np.repeat(launches.lon_rad[live], 4),
            lat_i, lon_i,
        )  # fmt: skip
        g = np.stack([
            f.flight_path_angle_rad(BURNOUT).reshape(-1, 4) - gamma_rad[live, None],
            _impact_range(f).reshape(-1, 4) - want_m[live, None],
            np.angle(np.exp(1j * (az_hit.reshape(-1, 4) - azimuth_rad[live, None])))
            * want_m[live, None],
        ], axis=-1)  # fmt: skip  # (m, 4, 3): residuals of the aimed and nudged flights
        here, _, _ = geodesic_inverse(lat_i[::4], lon_i[::4], lat_t[live], lon_t[live])
        here = np.where(np.isfinite(lat_i[::4]) & (f.status[::4] == 0), here, np.nan)
        on_angle = np.abs(g[:, 0, 0]) < FPA_TOLERANCE_RAD
        score = np.where(on_angle & np.isfinite(here), here, np.inf)
        gained = score < best_miss[live]
        if np.any(gained):
            parts.append((live[gained], take_flights(f, 4 * np.flatnonzero(gained))))
            best_miss[live[gained]] = score[gained]
            best_x[live[gained]] = x[live[gained]]
        jac = np.stack(
            [(g[:, k + 1] - g[:, 0]) / nudge[:, k + 1, k, None] for k in range(3)], axis=-1
        )
        ok = np.all(np.isfinite(jac), axis=(1, 2)) & np.all(np.isfinite(g[:, 0]), axis=1)
        safe = np.where(ok[:, None, None], jac, np.eye(3))
        ok &= np.abs(np.linalg.det(safe)) > 0.0
        safe = np.where(ok[:, None, None], safe, np.eye(3))
        rhs = np.where(ok[:, None], g[:, 0], 0.0)
        dx = -np.linalg.solve(safe, rhs[..., None])[..., 0]
        moved = x[live] + np.clip(dx, -MAX_STEP, MAX_STEP)
        moved[:, 0] = np.clip(moved[:, 0], KICK_MIN_RAD, KICK_MAX_RAD)
        moved[:, 1] = np.clip(moved[:, 1], low_cut[live], burn[live])
        # Stop where the aim is tight, where it stopped gaining, or where the step fails.
        tight = here < TIGHT_FRACTION * tol_m
        stalled = ~gained & (best_miss[live] < tol_m)
        stop = (on_angle & tight) | stalled | ~ok
        x[live] = np.where(stop[:, None], x[live], moved)
        active[live[stop]] = False
    converged = best_miss < tol_m
    aimed = with_values(launches, kick_rad=best_x[:, 0], cutoff_s=best_x[:, 1],
                        azimuth_rad=best_x[:, 2])  # fmt: skip
    flown_once = np.zeros(n, bool)
    for live, _ in parts:
        flown_once[live] = True
    if not np.all(flown_once):
        rest = np.flatnonzero(~flown_once)
        parts.append((rest, fly(aimed.take(rest), theta0_rad=theta0_rad, physics=physics)))
    # Each member's latest part: the flight of its best kick, cut-off and azimuth.
    row = np.zeros(n, np.int64)
    offset = 0
    for live, _ in parts:
        row[live] = offset + np.arange(live.size)
        offset += live.size
    flight = take_flights(concatenate_flights([p[1] for p in parts]), row)
    miss = np.where(np.isfinite(best_miss), best_miss, np.nan)
    kick_max, max_range = farthest.result()
    return NewtonAim(aimed, flight, miss, converged, kick_max, max_range)


def _add_golden(batch: _Batch, search: GoldenMaximum, azimuth_rad: FloatArray) -> None:
    """The golden section's next points, at full burn, into ``batch`` (when not done), for
    the members not yet known to reach round the Earth."""
    search.freeze(search.best_f > GLOBAL_REACH_M)
    if search.done:
        return
    live = np.flatnonzero(~search.frozen)
    if not live.size:  # nothing left to refine
        search.done = True
        return
    ks = search.points()
    m = ks.shape[1]
    batch.add("golden", np.repeat(live, m), ks[live].reshape(-1), np.full(live.size * m, math.inf),
              np.repeat(azimuth_rad[live], m))  # fmt: skip


def _take_golden(flown: dict[str, Flight], search: GoldenMaximum) -> None:
    if "golden" not in flown:
        return
    n = search.a.shape[0]
    values = np.full((n, 2 * (2**DEPTH - 1)), -np.inf)
    live = np.flatnonzero(~search.frozen)
    values[live] = _impact_range(flown["golden"]).reshape(live.size, -1)
    search.update(values)


__all__ = ["NewtonAim", "solve_minimum_energy"]
