"""Depressed trajectories: aimed shots that burn out flatter than the minimum-energy arc, to a
chosen burnout flight-path angle or to a chosen apogee altitude.

A depressed missile trades energy for time: flatter and lower than the minimum-energy arc, it
needs more burnout speed for the same range and arrives minutes sooner (Gronlund & Wright,
"Depressed Trajectory SLBMs", Science & Global Security 3, 1992). The flight itself is the
minimum-energy aim of :func:`goldendome.threats.targeting.aim` with the burnout angle given:
the kick steers to the angle and thrust is cut off to reach the range. For an apogee, the
angle is first taken from the two-body arc through that apogee (:func:`fpa_for_apogee_rad`),
then corrected by secant steps on the flown apogee until it is within
:data:`APOGEE_TOLERANCE_M`.
"""

from dataclasses import dataclass

import numpy as np

from goldendome.physics._types import ArrayLike, BoolArray, FloatArray
from goldendome.physics.ballistic_arcs import minimum_energy_arc
from goldendome.physics.constants import R_EARTH_MEAN_M
from goldendome.physics.geodesy import geodesic_inverse
from goldendome.threats.ballistic import FlightPhysics, Launches
from goldendome.threats.flight import APOGEE
from goldendome.threats.targeting import Aim, aim

#: An aimed depressed shot is in reach when it lands within this distance of its aim point,
#: meters (as ``goldendome fly``'s miss tolerance: ten times the targeting's 100 m).
DEPRESSED_MISS_LIMIT_M = 1_000.0
#: The flown apogee is corrected until it is within this distance of the one asked for, meters.
APOGEE_TOLERANCE_M = 2_000.0
#: Aims flown to find the burnout angle of an apogee, at most.
MAX_APOGEE_STEPS = 6
#: The flattest burnout angle an apogee search tries, radians.
MIN_FPA_RAD = float(np.radians(0.1))


def fpa_for_apogee_rad(
    range_m: ArrayLike, apogee_altitude_m: ArrayLike, radius_m: float = R_EARTH_MEAN_M
) -> FloatArray:
    """Burnout flight-path angle of the two-body arc of a given range through a given apogee.

    The arc starts and ends on a sphere of radius ``radius_m`` and is symmetric about its
    apogee: with half range angle ``L = range / (2 R)``, apogee radius ``r_a`` and
    eccentricity ``e = (r_a - R) / (r_a - R cos L)``, ``tan(gamma) = e sin L / (1 - e cos L)``
    (the conic ``r = p / (1 + e cos nu)`` with the apogee at ``nu = pi``).

    Parameters
    ----------
    range_m : (...) float64, meters
        Ground range along the sphere, below half-way round.
    apogee_altitude_m : (...) float64, meters
        Apogee above the sphere (positive).
    radius_m : float

    Returns
    -------
    (...) float64, radians
        Above the local horizontal; at the minimum-energy apogee this is the minimum-energy
        angle ``(pi - range / R) / 4``, below it the arc is depressed.
    """
    half = np.asarray(range_m, np.float64) / (2.0 * radius_m)
    r_a = radius_m + np.asarray(apogee_altitude_m, np.float64)
    c, s = np.cos(half), np.sin(half)
    e = (r_a - radius_m) / (r_a - radius_m * c)
    return np.asarray(np.arctan2(e * s, 1.0 - e * c))


def minimum_energy_apogee_m(range_m: ArrayLike) -> FloatArray:
    """Apogee altitude of the two-body minimum-energy arc of a ground range, (...) meters
    (:func:`goldendome.physics.ballistic_arcs.minimum_energy_arc`)."""
    return minimum_energy_arc(range_m)[2]


def minimum_energy_fpa_rad(range_m: ArrayLike) -> FloatArray:
    """Minimum-energy burnout flight-path angle ``(pi - range / R) / 4``, (...) radians."""
    return minimum_energy_arc(range_m)[1]


@dataclass(frozen=True)
class DepressedAim:
    """Depressed shots aimed at their targets.

    Attributes
    ----------
    aim : Aim
        The aimed launches and their flight.
    burnout_fpa_rad : (n,) float64
        The burnout flight-path angle each was steered to.
    apogee_m : (n,) float64
        The flown apogee altitude.
    reachable : (n,) bool
        Within the class's maximum range and landing within :data:`DEPRESSED_MISS_LIMIT_M`.
    """

    aim: Aim
    burnout_fpa_rad: FloatArray
    apogee_m: FloatArray
    reachable: BoolArray


def _reachable(shot: Aim) -> BoolArray:
    miss = np.nan_to_num(shot.miss_m, nan=np.inf)
    return np.asarray(shot.reachable & (miss < DEPRESSED_MISS_LIMIT_M))


def aim_depressed(
    launches: Launches,
    target_lat_rad: ArrayLike,
    target_lon_rad: ArrayLike,
    *,
    burnout_fpa_rad: ArrayLike | None = None,
    apogee_m: ArrayLike | None = None,
    theta0_rad: float = 0.0,
    physics: FlightPhysics = FlightPhysics(),
) -> DepressedAim:
    """Aim each launch at its target on a depressed arc: to a burnout angle or to an apogee.

    Parameters
    ----------
    launches : Launches
    target_lat_rad, target_lon_rad : (n,) float64, radians
    burnout_fpa_rad : (n,) float64, radians, optional
        The burnout flight-path angle to steer to.
    apogee_m : (n,) float64, meters, optional
        The apogee altitude to fly through (exactly one of the two is given).
    theta0_rad, physics
        As for :func:`goldendome.threats.flight.fly`.

    Returns
    -------
    DepressedAim
        A shot whose target cannot be reached at that angle or apogee flies as close as it
        can and is marked unreachable.
    """
    if (burnout_fpa_rad is None) == (apogee_m is None):
        raise ValueError("give a burnout flight-path angle or an apogee altitude, exactly one")
    n = len(launches)
    lat_t = np.broadcast_to(np.asarray(target_lat_rad, np.float64), (n,))
    lon_t = np.broadcast_to(np.asarray(target_lon_rad, np.float64), (n,))
    if burnout_fpa_rad is not None:
        gamma = np.broadcast_to(np.asarray(burnout_fpa_rad, np.float64), (n,)).copy()
        shot = aim(
            launches, lat_t, lon_t, burnout_fpa_rad=gamma, theta0_rad=theta0_rad, physics=physics
        )
        apogee = shot.flight.altitude_at_m(APOGEE)
        return DepressedAim(shot, gamma, apogee, _reachable(shot))
    want = np.broadcast_to(np.asarray(apogee_m, np.float64), (n,))
    range_m, _, _ = geodesic_inverse(launches.lat_rad, launches.lon_rad, lat_t, lon_t)
    gamma = fpa_for_apogee_rad(range_m, want)
    # The two-body slope of angle against apogee starts the secant; flown pairs refine it.
    slope = (fpa_for_apogee_rad(range_m, want + 1_000.0) - gamma) / 1_000.0
    top = minimum_energy_fpa_rad(range_m)
    prev: tuple[FloatArray, FloatArray] | None = None
    for step_no in range(MAX_APOGEE_STEPS):
        shot = aim(
            launches, lat_t, lon_t, burnout_fpa_rad=gamma, theta0_rad=theta0_rad, physics=physics
        )
        apogee = shot.flight.altitude_at_m(APOGEE)
        error = want - apogee
        open_ = np.isfinite(error) & (np.abs(error) >= APOGEE_TOLERANCE_M)
        if not np.any(open_) or step_no == MAX_APOGEE_STEPS - 1:
            break
        if prev is not None:
            d_apogee = apogee - prev[1]
            with np.errstate(divide="ignore", invalid="ignore"):
                secant = (gamma - prev[0]) / d_apogee
            slope = np.where(np.isfinite(secant) & (secant > 0.0), secant, slope)
        prev = (gamma, apogee)
        gamma = np.clip(gamma + np.where(open_, error * slope, 0.0), MIN_FPA_RAD, top)
    close = np.abs(want - apogee) < APOGEE_TOLERANCE_M
    return DepressedAim(shot, gamma, apogee, _reachable(shot) & close)


__all__ = [
    "APOGEE_TOLERANCE_M",
    "DEPRESSED_MISS_LIMIT_M",
    "DepressedAim",
    "aim_depressed",
    "fpa_for_apogee_rad",
    "minimum_energy_apogee_m",
    "minimum_energy_fpa_rad",
]
