"""Boost-phase tracks of flown missiles and their space-based engagement windows.

The glue between the threat flights, a space layer and the kill vehicle: missiles are
flown on a fine grid over their boost phase, the satellites are propagated on the same
grid, and :func:`goldendome.interceptors.sbi_reach.sbi_opportunities` says which
satellite can reach which missile and when.
"""

from dataclasses import dataclass

import numpy as np

from goldendome.interceptors.sbi_reach import Opportunities, sbi_opportunities
from goldendome.interceptors.space_based import EngagementRule, KillVehicle
from goldendome.orbits.analytic import propagate_analytic
from goldendome.orbits.base import OrbitalElements
from goldendome.physics._types import FloatArray
from goldendome.physics.constants import MU_EARTH_M3_S2
from goldendome.physics.frames import eci_to_ecef
from goldendome.physics.geodetic import ecef_to_geodetic
from goldendome.run.work_bounds import BOOST_STEP_S, merged_intervals
from goldendome.threats.ballistic import Launches
from goldendome.threats.flight import BURNOUT, Flight, fly


@dataclass(frozen=True)
class BoostTracks:
    """Missiles sampled over their boost phase on a common scenario grid.

    Attributes
    ----------
    t_s : (n_time,) float64, seconds on the scenario clock
    r_eci_m : (n_threat, n_time, 3) float64, meters (NaN before launch and after impact)
    altitude_m : (n_threat, n_time) float64, meters (geodetic)
    launch_time_s, burnout_time_s : (n_threat,) float64, seconds
    """

    t_s: FloatArray
    r_eci_m: FloatArray
    altitude_m: FloatArray
    launch_time_s: FloatArray
    burnout_time_s: FloatArray

    def __len__(self) -> int:
        return int(self.launch_time_s.shape[0])


def boost_grid(launches: Launches, step_s: float = BOOST_STEP_S) -> FloatArray:
    """The boost-phase grid: every ``step_s`` seconds from the first launch, over each
    missile's boost phase (from its launch to one step past its burnout).

    The samples are those of one grid from the first launch to the last burnout (plus one
    step), less those in no missile's boost phase: launches hours apart make no samples in
    between, so the grid (and every satellite's positions on it, ``24 * n_satellite *
    n_time`` bytes) grows with the missiles' boost phases, not with the launch times.
    """
    t0 = np.asarray(launches.t_launch_s, np.float64)
    first = float(np.min(t0))
    lo = np.floor((t0 - first) / step_s).astype(np.int64)
    burnout = t0 + launches.stage_burn_s.sum(axis=1)
    hi = np.ceil((burnout + 2.0 * step_s - first) / step_s).astype(np.int64)
    k = np.concatenate([np.arange(a, b) for a, b in merged_intervals(lo, hi)])
    return first + k * step_s


def boost_tracks(flight: Flight) -> BoostTracks:
    """The boost-phase view of missiles flown on a boost grid (:func:`boost_grid`)."""
    r_eci = flight.y_eci[..., :3]
    _, _, altitude = ecef_to_geodetic(eci_to_ecef(r_eci, flight.theta_rad(flight.t_s)))
    return BoostTracks(
        flight.t_s, r_eci, altitude, flight.t_start_s.copy(), flight.event_t_s[:, BURNOUT].copy()
    )


def fly_boost(launches: Launches, theta0_rad: float, step_s: float = BOOST_STEP_S) -> BoostTracks:
    """Fly aimed launches and keep their boost phase, sampled every ``step_s`` seconds."""
    return boost_tracks(fly(launches, boost_grid(launches, step_s), theta0_rad=theta0_rad))


def engagement_windows(
    tracks: BoostTracks, rule: EngagementRule, commit_s: FloatArray | None = None
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Interceptor launch time and the allowed intercept window of each threat.

    Parameters
    ----------
    tracks : BoostTracks
    rule : EngagementRule
    commit_s : (n_threat,) float64, seconds on the scenario clock, optional
        When the battle manager commits against each threat (a run: its first report plus
        the decision delay); the threat's launch plus the rule's assumed detection and
        decision delays when omitted (the sizing study, which has no sensors).

    Returns
    -------
    launch_s, start_s, end_s : (n_threat,) float64, seconds on the scenario clock
        ``start_s`` is the interceptor launch or the threat's climb through the minimum
        intercept altitude, whichever is later; ``end_s`` is the rule's deadline.
    """
    launch_s = (
        tracks.launch_time_s + rule.launch_delay_s
        if commit_s is None
        else np.asarray(commit_s, np.float64)
    )
    t = tracks.t_s[None, :]
    alt = np.nan_to_num(tracks.altitude_m, nan=-np.inf)
    above = alt >= rule.min_intercept_altitude_m
    start_s = np.where(above.any(axis=1), t[0, np.argmax(above, axis=1)], np.inf)
    end_s = tracks.burnout_time_s.copy()
    if rule.intercept_before == "altitude":
        high = alt >= rule.deadline_altitude_m
        crossing = np.where(high.any(axis=1), t[0, np.argmax(high, axis=1)], np.inf)
        end_s = np.minimum(end_s, crossing)
    elif rule.intercept_before == "time":
        end_s = np.minimum(end_s, tracks.launch_time_s + rule.deadline_time_s)
    return launch_s, np.maximum(start_s, launch_s), end_s


def boost_opportunities(
    tracks: BoostTracks,
    elements: OrbitalElements,
    vehicle: KillVehicle,
    rule: EngagementRule,
    *,
    method: str = "pruned",
    sat_r_eci_m: FloatArray | None = None,
) -> Opportunities:
    """Every (satellite, threat) pair of a layer that can intercept in the boost phase.

    Parameters
    ----------
    tracks : BoostTracks
    elements : OrbitalElements
        The interceptor layer's mean elements at the scenario epoch.
    vehicle, rule
        Kill vehicle and engagement rule.
    method : {"pruned", "dense"}
    sat_r_eci_m : (n_satellite, n_time, 3) float64, meters, optional
        The layer already propagated on ``tracks.t_s`` (ECI); propagated here when omitted.

    Returns
    -------
    Opportunities
    """
    sat_r = propagate_analytic(elements, tracks.t_s) if sat_r_eci_m is None else sat_r_eci_m
    launch_s, start_s, end_s = engagement_windows(tracks, rule)
    return sbi_opportunities(
        tracks.t_s,
        sat_r,
        tracks.r_eci_m,
        start_s,
        end_s,
        launch_s,
        vehicle,
        method=method,
        satellite_speed_m_s=speed_bound_m_s(elements),
    )


#: Margin on the two-body perigee speed for the J2 secular drift of the propagated orbits
#: (their node, perigee and mean-anomaly rates add well under 1% for any orbit above 200 km).
SPEED_MARGIN = 1.02


def speed_bound_m_s(elements: OrbitalElements) -> float:
    """An upper bound on the speed of every satellite of ``elements`` anywhere on its orbit.

    The vis-viva perigee speed ``sqrt(mu (1 + e) / (a (1 - e)))`` of the fastest orbit, times
    :data:`SPEED_MARGIN`. It bounds the pruning radius of the reach check without a pass
    over every sampled position.
    """
    if len(elements) == 0:
        return 0.0
    a, e = elements.semi_major_axis_m, elements.eccentricity
    perigee = np.sqrt(MU_EARTH_M3_S2 * (1.0 + e) / (a * (1.0 - e)))
    return SPEED_MARGIN * float(perigee.max())
