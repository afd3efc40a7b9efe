"""Aim missiles at targets: the launch azimuth and trajectory shape that land the payload
on a chosen point, or a clear statement that the point is out of reach.

Shapes: ``minimum_energy`` steers to the textbook minimum-energy burnout flight-path angle for
the range and cuts thrust off to reach it; ``lofted`` burns fully on a steeper arc. A given
burnout flight-path angle (``burnout_fpa_rad``) replaces the minimum-energy one: below it,
trajectories are depressed, above it lofted. The azimuth is corrected by the miss seen from
the launch point until the impact is within ``tol_m``.
"""

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np

from goldendome.physics._types import ArrayLike, BoolArray, FloatArray, IntArray
from goldendome.physics.constants import R_EARTH_MEAN_M
from goldendome.physics.geodesy import geodesic_inverse
from goldendome.threats.aim_newton import solve_minimum_energy
from goldendome.threats.ballistic import FlightPhysics, Launches
from goldendome.threats.flight import Flight, fly
from goldendome.threats.groups import put_flights
from goldendome.threats.shaping import (
    burnout_fpa,
    cutoff_for_range,
    downrange,
    kick_for,
    minimum_energy_kick,
    with_values,
)

Shape = Literal["minimum_energy", "lofted"]
#: Miss distance at which aiming stops, meters.
AIM_TOLERANCE_M = 100.0


@dataclass(frozen=True)
class Aim:
    """Launches aimed at targets, with their misses and reach."""

    launches: Launches
    flight: Flight
    miss_m: FloatArray
    reachable: BoolArray
    max_range_m: FloatArray
    target_range_m: FloatArray


def aim(
    launches: Launches,
    target_lat_rad: ArrayLike,
    target_lon_rad: ArrayLike,
    *,
    shape: Shape = "minimum_energy",
    burnout_fpa_rad: ArrayLike | None = None,
    theta0_rad: float = 0.0,
    physics: FlightPhysics = FlightPhysics(),
    tol_m: float = AIM_TOLERANCE_M,
    max_iter: int = 8,
) -> Aim:
    """Set each launch's azimuth, kick and cut-off so its payload lands on its target.

    Parameters
    ----------
    launches : Launches
        Where, when and what is launched (azimuth, kick and cut-off are replaced).
    target_lat_rad, target_lon_rad : (n,) float64, radians
    shape : {"minimum_energy", "lofted"}
    burnout_fpa_rad : float or (n,) float64, optional
        Burnout flight-path angle to steer to (with ``minimum_energy``), radians, one for all
        launches or one each; the minimum-energy angle for each range when omitted. A lower
        angle depresses.
    theta0_rad, physics
        As for :func:`goldendome.threats.flight.fly`.
    tol_m : float
        Miss distance to reach, meters.

    Returns
    -------
    Aim
        Targets beyond the class's maximum range (for that launch point and direction) are
        marked unreachable; their launches fly the maximum-range trajectory toward them.
    """
    n = len(launches)
    lat_t = np.broadcast_to(np.asarray(target_lat_rad, np.float64), (n,))
    lon_t = np.broadcast_to(np.asarray(target_lon_rad, np.float64), (n,))
    want, az, _ = geodesic_inverse(launches.lat_rad, launches.lon_rad, lat_t, lon_t)
    current = with_values(launches, azimuth_rad=az, cutoff_s=math.inf)
    # Minimum energy: the textbook burnout flight-path angle for the range (Bate, Mueller &
    # White ch. 6: gamma = (pi - range / R) / 4), thrust cut off to reach the range.
    gamma = (
        (np.pi - want / R_EARTH_MEAN_M) / 4.0
        if burnout_fpa_rad is None
        else np.broadcast_to(np.asarray(burnout_fpa_rad, np.float64), (n,))
    )
    if shape != "minimum_energy":
        k_star, max_range = minimum_energy_kick(current, theta0_rad, physics)
        reachable = np.isfinite(max_range) & (want <= max_range)
        target = _Target(lat_t, lon_t, want, az, gamma, reachable, k_star)
        aimed, flight, miss = _search(current, target, shape, theta0_rad, physics, tol_m, max_iter)
        return Aim(aimed, flight, miss, reachable, max_range, want)
    # Newton's method from a scan start (a handful of kernel calls); the one-dimensional
    # searches below for the members it leaves (out of reach, at the full burn).
    quick = solve_minimum_energy(
        current, want, gamma, lat_t, lon_t, az,
        theta0_rad=theta0_rad, physics=physics, tol_m=tol_m, max_iter=max_iter,
    )  # fmt: skip
    max_range = quick.max_range_m
    reachable = np.isfinite(max_range) & (want <= max_range)
    slow = np.flatnonzero(~(quick.converged & reachable))
    if not slow.size:
        return Aim(quick.launches, quick.flight, quick.miss_m, reachable, max_range, want)
    target = _Target(lat_t, lon_t, want, az, gamma, reachable, quick.kick_max_rad)
    aimed, flight, miss = _search(
        current.take(slow), target.take(slow), shape, theta0_rad, physics, tol_m, max_iter
    )
    return Aim(
        quick.launches.put(slow, aimed),
        put_flights(quick.flight, slow, flight),
        _put(quick.miss_m, slow, miss),
        reachable,
        max_range,
        want,
    )


def _put(values: FloatArray, idx: IntArray, part: FloatArray) -> FloatArray:
    out = values.copy()
    out[idx] = part
    return out


@dataclass(frozen=True)
class _Target:
    """What the one-dimensional searches aim at, per member."""

    lat_rad: FloatArray
    lon_rad: FloatArray
    range_m: FloatArray
    azimuth_rad: FloatArray
    gamma_rad: FloatArray
    reachable: BoolArray
    kick_max_rad: FloatArray

    def take(self, idx: IntArray) -> "_Target":
        return _Target(*(np.asarray(v)[idx] for v in vars(self).values()))


def _search(
    current: Launches,
    target: _Target,
    shape: Shape,
    theta0_rad: float,
    physics: FlightPhysics,
    tol_m: float,
    max_iter: int,
) -> tuple[Launches, Flight, FloatArray]:
    """Aim by one-dimensional searches: the kick (a scan and bracketing) to the burnout angle
    (or, lofted, to the range), the cut-off (bracketing) to the range, then the azimuth
    turned by the miss seen from the launch point; repeated until within ``tol_m``."""
    lat_t, lon_t, want, az = target.lat_rad, target.lon_rad, target.range_m, target.azimuth_rad
    gamma, reachable, k_star = target.gamma_rad, target.reachable, target.kick_max_rad
    for _ in range(max_iter):
        if shape == "minimum_energy":
            for _ in range(2):
                kick = kick_for(current, burnout_fpa, gamma, theta0_rad, physics)
                current = with_values(current, kick_rad=np.where(np.isfinite(kick), kick, k_star))
                cutoff = cutoff_for_range(current, want, theta0_rad, physics)
                current = with_values(
                    current, cutoff_s=np.where(np.isfinite(cutoff), cutoff, math.inf)
                )
        else:
            kick = kick_for(current, downrange, want, theta0_rad, physics)
            current = with_values(current, kick_rad=np.where(np.isfinite(kick), kick, k_star))
        flight = fly(current, theta0_rad=theta0_rad, physics=physics)
        lat_i, lon_i = flight.impact_lat_lon_rad()
        miss, _, _ = geodesic_inverse(lat_i, lon_i, lat_t, lon_t)
        miss = np.where(np.isfinite(lat_i), miss, np.nan)
        if np.all(~reachable | (miss < tol_m)):
            break
        _, az_hit, _ = geodesic_inverse(current.lat_rad, current.lon_rad, lat_i, lon_i)
        turn = np.angle(np.exp(1j * (az - az_hit)))
        current = with_values(
            current, azimuth_rad=current.azimuth_rad + np.where(reachable, turn, 0.0)
        )
    return current, flight, miss
