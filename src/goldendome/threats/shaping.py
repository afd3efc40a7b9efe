"""Trajectory shaping: minimum-energy (maximum-range), lofted, depressed, and range by cut-off.

A missile's trajectory is shaped by its pitch-over ("kick") angle and, for ranges short of
its maximum, by when thrust ends:

* **minimum energy**: the kick that maximizes range with a full burn;
* **lofted to an apogee**: a smaller kick (full burn) so the apogee is reached;
* **depressed to a flight-path angle**: a larger kick (full burn) so burnout is that flat;
* **range by cut-off**: the minimum-energy kick, thrust terminated early to fall short.

Every function works on a whole batch of launches at once: each search step flies the batch.
"""

import dataclasses
import math
from collections.abc import Callable
from typing import Any

import numpy as np

from goldendome.physics._types import ArrayLike, FloatArray
from goldendome.physics.roots import maximize_on_grid, solve_bracketed, solve_on_grid
from goldendome.threats.ballistic import FlightPhysics, Launches
from goldendome.threats.flight import APOGEE, BURNOUT, IMPACT, Flight, fly

#: Kick angles searched, radians (0.05 deg is nearly vertical; high-thrust solids need 20-30
#: deg, since they turn slowly under gravity; 45 deg flies every class into the ground).
KICK_MIN_RAD = math.radians(0.05)
KICK_MAX_RAD = math.radians(45.0)
#: Kick precision of the searches, radians (range moves ~10 m per 1e-6 rad near the optimum).
KICK_TOL_RAD = 1e-7


def with_values(launches: Launches, **arrays: ArrayLike) -> Launches:
    """A copy of ``launches`` with some per-launch arrays replaced (broadcast to (n,))."""
    n = len(launches)
    changes: dict[str, Any] = {
        k: np.broadcast_to(np.asarray(v, np.float64), (n,)).copy() for k, v in arrays.items()
    }
    return dataclasses.replace(launches, **changes)


def batched(
    launches: Launches, evaluate: Callable[[Launches, FloatArray], FloatArray]
) -> Callable[[FloatArray], FloatArray]:
    """``x -> evaluate(launches, x)`` for ``x`` of shape ``(n,)`` or ``(n, m)``.

    An ``(n, m)`` ``x`` (a scan of ``m`` values per launch) is flown as ``n * m`` launches
    in one call, which keeps the flight kernel's threads busy; each flight is independent
    of the others, so the values are those of ``m`` separate calls.
    """

    def f(x: FloatArray) -> FloatArray:
        x = np.asarray(x, dtype=np.float64)
        if x.ndim == 1:
            return evaluate(launches, x)
        n, m = x.shape
        rows = launches.take(np.repeat(np.arange(n), m))
        return np.asarray(evaluate(rows, x.reshape(-1))).reshape(n, m)

    return f


def _impact_range(flight: Flight) -> FloatArray:
    r = flight.ground_range_m()
    return np.where(flight.status == 0, r, np.nan)


def range_for_kick(
    launches: Launches, kick_rad: ArrayLike, theta0_rad: float, physics: FlightPhysics
) -> FloatArray:
    """Ground range of each launch flown with the given kicks, (n,) meters (NaN: no impact)."""
    return _impact_range(
        fly(with_values(launches, kick_rad=kick_rad), theta0_rad=theta0_rad, physics=physics)
    )


def minimum_energy_kick(
    launches: Launches, theta0_rad: float = 0.0, physics: FlightPhysics = FlightPhysics()
) -> tuple[FloatArray, FloatArray]:
    """The kick of maximum range with a full burn, and that range.

    Returns
    -------
    kick_rad, max_range_m : (n,) float64
    """
    full = with_values(launches, cutoff_s=math.inf)
    n = len(launches)
    return maximize_on_grid(
        batched(full, lambda rows, k: range_for_kick(rows, k, theta0_rad, physics)),
        np.full(n, KICK_MIN_RAD),
        np.full(n, KICK_MAX_RAD),
        x_tol=KICK_TOL_RAD,
        batched=True,
    )


def lofted_kick(
    launches: Launches,
    apogee_m: ArrayLike,
    theta0_rad: float = 0.0,
    physics: FlightPhysics = FlightPhysics(),
    kick_max_rad: ArrayLike | None = None,
) -> FloatArray:
    """Kick (full burn) that lofts each launch to the given apogee altitude; NaN if out of reach.

    ``kick_max_rad`` bounds the lofted branch (the minimum-energy kick; found when omitted).
    """
    full = with_values(launches, cutoff_s=math.inf)
    top = (
        minimum_energy_kick(full, theta0_rad, physics)[0] if kick_max_rad is None else kick_max_rad
    )

    def apogee(k: FloatArray) -> FloatArray:
        f = fly(with_values(full, kick_rad=k), theta0_rad=theta0_rad, physics=physics)
        return f.altitude_at_m(APOGEE)

    return solve_bracketed(
        apogee, np.full(len(launches), KICK_MIN_RAD), top, apogee_m, x_tol=KICK_TOL_RAD
    )


def kick_for(
    launches: Launches,
    quantity: Callable[[Flight, Launches], FloatArray],
    target: ArrayLike,
    theta0_rad: float = 0.0,
    physics: FlightPhysics = FlightPhysics(),
    *,
    n_grid: int = 48,
    kick_max_rad: float = KICK_MAX_RAD,
) -> FloatArray:
    """Kick giving ``quantity(flight, launches) = target``: the first crossing from small kicks
    on a scan (NaN where none), so branches that wrap round the Earth are never reached.
    ``kick_max_rad`` widens the scan (high-thrust boosters need kicks past 45 deg to fly flat)."""

    def value(rows: Launches, k: FloatArray) -> FloatArray:
        trial = with_values(rows, kick_rad=k)
        return quantity(fly(trial, theta0_rad=theta0_rad, physics=physics), trial)

    n = len(launches)
    return solve_on_grid(
        batched(launches, value),
        np.full(n, KICK_MIN_RAD),
        np.full(n, kick_max_rad),
        np.broadcast_to(np.asarray(target, np.float64), (n,)),
        x_tol=KICK_TOL_RAD,
        n_grid=n_grid,
        batched=True,
    )


def burnout_fpa(flight: Flight, launches: Launches) -> FloatArray:
    """Burnout flight-path angle of each flight (a ``quantity`` for :func:`kick_for`)."""
    return flight.flight_path_angle_rad(BURNOUT)


def downrange(flight: Flight, launches: Launches) -> FloatArray:
    """Signed ground range along each launch's azimuth (a ``quantity`` for :func:`kick_for`)."""
    return flight.downrange_m(launches.azimuth_rad)


def depressed_kick(
    launches: Launches,
    burnout_fpa_rad: ArrayLike,
    theta0_rad: float = 0.0,
    physics: FlightPhysics = FlightPhysics(),
) -> FloatArray:
    """Kick (full burn) that gives the burnout flight-path angle; NaN if out of reach."""
    full = with_values(launches, cutoff_s=math.inf)
    return kick_for(full, burnout_fpa, burnout_fpa_rad, theta0_rad, physics)


def cutoff_for_range(
    launches: Launches,
    range_m: ArrayLike,
    theta0_rad: float = 0.0,
    physics: FlightPhysics = FlightPhysics(),
) -> FloatArray:
    """Thrust-termination time (after launch) that gives each launch the ground range, s.

    The launches' own kicks are kept. NaN where the range is out of reach.
    """
    burn = np.sum(launches.stage_burn_s, axis=1)
    first = launches.stage_burn_s[:, 0]

    def reach(cutoff: FloatArray) -> FloatArray:
        f = fly(with_values(launches, cutoff_s=cutoff), theta0_rad=theta0_rad, physics=physics)
        return _impact_range(f)

    return solve_bracketed(reach, 0.5 * first, burn, range_m, x_tol=1e-4)


def impact_range(flight: Flight) -> FloatArray:
    """Ground range of impacting flights, NaN for the others, (n,) meters."""
    return _impact_range(flight)


__all__ = [
    "IMPACT",
    "burnout_fpa",
    "cutoff_for_range",
    "depressed_kick",
    "downrange",
    "impact_range",
    "kick_for",
    "lofted_kick",
    "minimum_energy_kick",
    "range_for_kick",
    "with_values",
]
