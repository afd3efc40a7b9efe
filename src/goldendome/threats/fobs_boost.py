"""A fractional orbit's ascent: the booster's kick and cut-off that put its orbital stage on a
low orbit.

The booster flies as every missile does (:mod:`goldendome.threats._flight_kernel`: vertical
rise, kick, gravity turn; no pitch program). Its kick is chosen so that it burns out at the
orbit's altitude, and its thrust is cut off when it reaches the circular speed of that
radius, ``sqrt(mu / r)``; the two are found in turn, each by a batched search, as
:func:`goldendome.threats.targeting.aim` does for a ballistic shot. The booster then still
climbs at a few degrees: the orbital stage's own burn at burnout (:func:`circularize`,
impulsive) turns its velocity horizontal, which leaves it on a circular orbit. The class's
second-stage burn time is sized so that this burn is small (goldendome estimate).
"""

import math

import numpy as np

from goldendome.physics._types import FloatArray
from goldendome.physics.constants import MU_EARTH_M3_S2
from goldendome.physics.roots import solve_bracketed, solve_on_grid
from goldendome.threats.ballistic import FlightPhysics, Launches, StepSizes
from goldendome.threats.flight import BURNOUT, Flight, fly
from goldendome.threats.shaping import KICK_TOL_RAD, batched, with_values

#: Kicks scanned for the ascent, radians: heavy liquid boosters (thrust-to-weight about 1.5)
#: turn over with a few degrees; past 15 deg they fly into the ground.
ASCENT_KICK_MIN_RAD = math.radians(1.0)
ASCENT_KICK_MAX_RAD = math.radians(15.0)
#: The kick the first round starts from, radians.
ASCENT_KICK_GUESS_RAD = math.radians(6.0)
#: Rounds of (cut-off, kick) searches, each refining the other.
ASCENT_ROUNDS = 3
#: The ascent's searches fly each trial this long past the booster's burn, seconds.
ASCENT_COAST_S = 1.0


def _steps(launches: Launches) -> StepSizes:
    burn = float(np.max(np.sum(launches.stage_burn_s, axis=1)))
    return StepSizes(max_flight_s=burn + ASCENT_COAST_S)


def ascent(
    launches: Launches,
    orbit_altitude_m: FloatArray,
    theta0_rad: float = 0.0,
    physics: FlightPhysics = FlightPhysics(),
) -> Launches:
    """Each launch with the kick and cut-off that bring its payload to ``orbit_altitude_m``
    (``(n,)`` meters) at the circular speed there.

    The launches' azimuths are kept. A launch that cannot reach the orbit keeps the kick and
    cut-off of its last round (NaN searches fall back to the previous values).
    """
    n = len(launches)
    alt = np.broadcast_to(np.asarray(orbit_altitude_m, np.float64), (n,))
    steps = _steps(launches)
    current = with_values(launches, cutoff_s=math.inf, kick_rad=ASCENT_KICK_GUESS_RAD)
    burn = np.sum(launches.stage_burn_s, axis=1)
    first = launches.stage_burn_s[:, 0]

    def fly_rows(rows: Launches) -> Flight:
        return fly(rows, theta0_rad=theta0_rad, physics=physics, steps=steps)

    def burnout_altitude_m(rows: Launches, kick: FloatArray) -> FloatArray:
        return fly_rows(with_values(rows, kick_rad=kick)).altitude_at_m(BURNOUT)

    for _ in range(ASCENT_ROUNDS):

        def excess_m_s(cutoff: FloatArray, rows: Launches = current) -> FloatArray:
            f = fly_rows(with_values(rows, cutoff_s=cutoff))
            r_b = np.linalg.norm(f.event_x_eci[:, BURNOUT, :3], axis=-1)
            return np.asarray(f.speed_at_m_s(BURNOUT) - np.sqrt(MU_EARTH_M3_S2 / r_b))

        cutoff = solve_bracketed(excess_m_s, 0.6 * first, burn, np.zeros(n), x_tol=1e-3)
        current = with_values(
            current, cutoff_s=np.where(np.isfinite(cutoff), cutoff, current.cutoff_s)
        )
        kick = solve_on_grid(
            batched(current, burnout_altitude_m),
            np.full(n, ASCENT_KICK_MIN_RAD),
            np.full(n, ASCENT_KICK_MAX_RAD),
            alt,
            x_tol=KICK_TOL_RAD,
            n_grid=28,
            batched=True,
        )
        current = with_values(current, kick_rad=np.where(np.isfinite(kick), kick, current.kick_rad))
    return current


def circularize(x_eci: FloatArray) -> tuple[FloatArray, FloatArray]:
    """States ``(n, 6)`` with the velocity turned horizontal (in the plane of motion) at the
    circular speed of their radius, and the speed change that takes, ``(n,)`` m/s."""
    r, v = x_eci[:, :3], x_eci[:, 3:]
    r_norm = np.linalg.norm(r, axis=-1, keepdims=True)
    up = r / r_norm
    horizontal = v - np.sum(v * up, axis=-1, keepdims=True) * up
    horizontal /= np.linalg.norm(horizontal, axis=-1, keepdims=True)
    v_new = horizontal * np.sqrt(MU_EARTH_M3_S2 / r_norm)
    out = np.concatenate([r, v_new], axis=-1)
    return out, np.asarray(np.linalg.norm(v_new - v, axis=-1))


__all__ = ["ascent", "circularize"]
