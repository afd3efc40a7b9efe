"""Where a payload lands when its booster is killed before burnout.

An intercept in boost phase kills the booster, not necessarily the warhead: the payload
stack flies on, unpowered, from the state it had when thrust ended, and lands somewhere
short of (or off to the side of) its target. Cut at 165 s, a Hwasong-18-class shot at Los
Angeles comes down on the Alaska Peninsula; this shortfall is the central caution of the APS
boost-phase study (APS, "Report of the American Physical Society Study Group on Boost-Phase
Intercept Systems for National Missile Defense", Rev. Mod. Phys. 76, S1 (2004), ch. 5).

The payload is flown by the threat flight kernel (:mod:`goldendome.threats._flight_kernel`:
RK4 in the inertial frame, J2 gravity, US76 drag relative to the turning atmosphere, WGS-84
ground), with the reentry vehicle's ballistic coefficient: the warhead is what matters on
the ground, and in vacuum the bus, the reentry vehicle and the spent stage fly alike
(goldendome assumption: the reentry vehicle stays intact and reaches the ground; a tumbling
bus that breaks up on reentry would spread its pieces along the same track).

Two entry points give the same landing (see the tests): :func:`fly_on_after_cut` reflies
aimed launches with thrust ended at the kill time, exact to the kernel's steps;
:func:`fly_on` flies payloads on from states already at hand (``(n, 6)`` ECI), for instance
the ones :func:`state_at` interpolates from a stored flight.
"""

from dataclasses import dataclass

import numpy as np

from goldendome.physics._types import ArrayLike, BoolArray, FloatArray, IntArray
from goldendome.threats._flight_kernel import STATUS_IMPACT
from goldendome.threats.ballistic import FlightPhysics, Launches, StepSizes
from goldendome.threats.flight import BURNOUT, IMPACT, Flight, fly, fly_bodies
from goldendome.threats.shaping import with_values


@dataclass(frozen=True)
class Landing:
    """Where ``n`` payloads land after their thrust ended.

    Attributes
    ----------
    t_cut_s : (n,) float64, seconds on the scenario clock
        When thrust ended (the kill, or the missile's own burnout if that came first).
    x_cut_eci : (n, 6) float64, meters and m/s
        The payload's ECI state at ``t_cut_s``.
    impact_t_s : (n,) float64, seconds on the scenario clock; NaN where it did not land
    latitude_rad, longitude_rad : (n,) float64, radians
        Geodetic impact point on the WGS-84 ellipsoid (longitude in (-pi, pi]); NaN where the
        payload did not land.
    landed : (n,) bool
        The payload reached the ground within the kernel's time limit (``StepSizes``:
        4 h); False for a state that goes into orbit or escapes.
    cut_in_boost : (n,) bool
        Thrust ended before the missile's own burnout (a boost-phase kill); False where the
        cut came at or after burnout and the flight is the intact missile's.
    """

    t_cut_s: FloatArray
    x_cut_eci: FloatArray
    impact_t_s: FloatArray
    latitude_rad: FloatArray
    longitude_rad: FloatArray
    landed: BoolArray
    cut_in_boost: BoolArray

    def __len__(self) -> int:
        return int(self.t_cut_s.shape[0])

    @property
    def flight_time_s(self) -> FloatArray:
        """From the cut to impact, (n,) seconds (NaN where the payload did not land)."""
        return self.impact_t_s - self.t_cut_s


def _landing(flight: Flight, t_cut_s: FloatArray, x_cut: FloatArray, boost: BoolArray) -> Landing:
    lat, lon = flight.impact_lat_lon_rad()
    landed = flight.status == STATUS_IMPACT
    return Landing(
        t_cut_s=t_cut_s,
        x_cut_eci=x_cut,
        impact_t_s=np.where(landed, flight.event_t_s[:, IMPACT], np.nan),
        latitude_rad=np.where(landed, lat, np.nan),
        longitude_rad=np.where(landed, lon, np.nan),
        landed=landed,
        cut_in_boost=boost,
    )


def fly_on(
    x_eci: ArrayLike,
    t_s: ArrayLike,
    beta_kg_m2: ArrayLike,
    *,
    theta0_rad: float = 0.0,
    physics: FlightPhysics = FlightPhysics(),
    steps: StepSizes = StepSizes(),
) -> Landing:
    """Fly unpowered payloads on from given states to the ground.

    Parameters
    ----------
    x_eci : (n, 6) float64, meters and m/s
        ECI states at the moment thrust ended.
    t_s : (n,) float64, seconds on the scenario clock
        Times of those states.
    beta_kg_m2 : (n,) float64, kg/m^2
        Ballistic coefficients m / (Cd A) of what flies on: the reentry vehicle's
        (``BallisticClass.rv_ballistic_coefficient_kg_m2``); 0 for no drag.
    theta0_rad : float
        Earth rotation angle at scenario time 0 (``Clock.theta0_rad``).
    physics, steps
        As for :func:`goldendome.threats.flight.fly`.

    Returns
    -------
    Landing
        ``cut_in_boost`` is True throughout (the caller knows which states were cut short).
    """
    x0 = np.atleast_2d(np.asarray(x_eci, dtype=np.float64))
    n = x0.shape[0]
    t0 = np.broadcast_to(np.asarray(t_s, np.float64), (n,)).copy()
    flight = fly_bodies(x0, beta_kg_m2, t0, theta0_rad=theta0_rad, physics=physics, steps=steps)
    return _landing(flight, t0, x0, np.ones(n, dtype=bool))


def thrust_end_after_launch_s(launches: Launches) -> FloatArray:
    """When each launch's thrust ends on its own (burnout or its aimed cut-off), (n,) seconds
    after launch."""
    burn_s: FloatArray = launches.stage_burn_s.sum(axis=1)
    return np.minimum(launches.cutoff_s, burn_s)


def fly_on_after_cut(
    launches: Launches,
    t_cut_s: ArrayLike,
    *,
    theta0_rad: float = 0.0,
    physics: FlightPhysics = FlightPhysics(),
    steps: StepSizes = StepSizes(),
) -> Landing:
    """Refly launches with thrust ended at given times, and land their payloads.

    The launches fly exactly as before up to ``t_cut_s`` (the kernel ends a step on the
    cut-off), then the payload flies on with the reentry vehicle's ballistic coefficient
    (``Launches.beta_kg_m2``). Cuts at or after a launch's own thrust end change nothing.

    Parameters
    ----------
    launches : (n,) Launches
        The aimed launches (``FlownRaid.launches``), one row per cut; repeat rows
        (``Launches.take``) to cut one missile at several times.
    t_cut_s : (n,) float64, seconds on the scenario clock
        Kill times; each must be after its launch.
    theta0_rad, physics, steps
        As for :func:`goldendome.threats.flight.fly`.

    Returns
    -------
    Landing

    Raises
    ------
    ValueError
        If a cut time is not after its launch.
    """
    n = len(launches)
    t_cut = np.broadcast_to(np.asarray(t_cut_s, np.float64), (n,)).copy()
    after_launch = t_cut - launches.t_launch_s
    if np.any(~(after_launch > 0.0)):
        bad = int(np.flatnonzero(~(after_launch > 0.0))[0])
        raise ValueError(
            f"Cut time {t_cut[bad]:.1f} s of launch {bad} is not after its launch at "
            f"{launches.t_launch_s[bad]:.1f} s; a booster can only be killed in flight."
        )
    own_end = thrust_end_after_launch_s(launches)
    cut = with_values(launches, cutoff_s=np.minimum(launches.cutoff_s, after_launch))
    flight = fly(cut, theta0_rad=theta0_rad, physics=physics, steps=steps)
    return _landing(
        flight, flight.event_t_s[:, BURNOUT], flight.event_x_eci[:, BURNOUT], after_launch < own_end
    )


def state_at(flight: Flight, index: ArrayLike, t_s: ArrayLike) -> FloatArray:
    """States of flown objects at arbitrary times, interpolated on the flight's grid.

    Cubic Hermite interpolation between the two stored samples around each time (positions
    with the velocities as end slopes, the same interpolant as the kernel's dense output).
    On a 1 s grid (the run's boost-phase view, ``FlownRaid.boost``) it reproduces the
    kernel's states to under 1 cm and 2 cm/s where the thrust is smooth (impact points
    within 0.1 km of :func:`fly_on_after_cut`'s); in the one grid interval that holds a
    staging or the thrust end it is off by up to about 2 m and 7 m/s, which moves the
    impact point by up to about 40 km (measured in ``tests/threats/test_fly_on.py``).
    Prefer :func:`fly_on_after_cut`, which is exact and no slower.

    Parameters
    ----------
    flight : Flight
        Flights stored on a time grid (``t_out_s`` given).
    index : (k,) int64
        Which flight (row of ``flight.y_eci``) for each time.
    t_s : (k,) float64, seconds on the scenario clock

    Returns
    -------
    (k, 6) float64, meters and m/s
        ECI states; NaN outside the grid or where the object was not flying.
    """
    idx: IntArray = np.asarray(index, dtype=np.int64)
    t = np.broadcast_to(np.asarray(t_s, np.float64), idx.shape)
    grid = flight.t_s
    if grid.shape[0] < 2:
        raise ValueError("The flight stores fewer than two times; fly it with t_out_s.")
    j = np.clip(np.searchsorted(grid, t, side="right") - 1, 0, grid.shape[0] - 2)
    s0, s1 = flight.y_eci[idx, j], flight.y_eci[idx, j + 1]
    h = (grid[j + 1] - grid[j])[:, None]
    u = ((t - grid[j]) / (grid[j + 1] - grid[j]))[:, None]
    u2, u3 = u * u, u * u * u
    r0, v0, r1, v1 = s0[:, :3], s0[:, 3:], s1[:, :3], s1[:, 3:]
    r = (
        (2 * u3 - 3 * u2 + 1) * r0
        + (u3 - 2 * u2 + u) * h * v0
        + (-2 * u3 + 3 * u2) * r1
        + (u3 - u2) * h * v1
    )
    v = (
        (6 * u2 - 6 * u) / h * r0
        + (3 * u2 - 4 * u + 1) * v0
        + (-6 * u2 + 6 * u) / h * r1
        + (3 * u2 - 2 * u) * v1
    )
    inside = (t >= grid[0]) & (t <= grid[-1])
    return np.where(inside[:, None], np.concatenate([r, v], axis=-1), np.nan)


__all__ = ["Landing", "fly_on", "fly_on_after_cut", "state_at", "thrust_end_after_launch_s"]
