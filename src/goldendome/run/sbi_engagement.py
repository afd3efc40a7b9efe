"""Boost-phase engagement opportunities of a scenario's space-based interceptors.

For every missile of the raid: which SBIs of the interceptor layer can reach it before the
engagement deadline, and when (an event table); then how the salvo saturates them. Each
satellite carries one kill vehicle, so missiles that share the satellites in reach compete
for them: the largest number of shots that *every* missile can get at once is found with a
maximum flow (source -> missile, capacity k; missile -> satellite in reach, 1; satellite ->
sink, 1), bisecting on k.
"""

import math
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_flow

from goldendome.interceptors.sbi_reach import Opportunities
from goldendome.physics._types import FloatArray, IntArray
from goldendome.physics.earth_rotation import earth_rotation_angle_rad
from goldendome.physics.frames import eci_to_ecef
from goldendome.physics.geodetic import ecef_to_geodetic
from goldendome.run.boost_tracks import (
    BoostTracks,
    boost_opportunities,
    engagement_windows,
    fly_boost,
)
from goldendome.scenario.spec import ScenarioSpec
from goldendome.threats.ballistic import Launches


@dataclass(frozen=True)
class OpportunityRow:
    """One SBI able to intercept one missile: the earliest intercept and where it happens."""

    threat: int
    satellite: int
    intercept_time_s: float
    time_of_flight_s: float
    flyout_distance_km: float
    intercept_altitude_km: float
    intercept_latitude_deg: float
    intercept_longitude_deg: float


@dataclass(frozen=True)
class ThreatReachRow:
    """A missile's boost-phase exposure to the interceptor layer."""

    threat: int
    sbis_in_reach: int
    window_start_s: float
    window_end_s: float
    first_intercept_s: float
    shots_assigned: int


@dataclass(frozen=True)
class SbiEngagement:
    """Boost-phase opportunities of the raid and the salvo's saturation of the layer."""

    layer: str
    n_satellites: int
    kill_vehicle: dict[str, float]
    opportunities: list[OpportunityRow]
    threats: list[ThreatReachRow]
    distinct_sbis_in_reach: int
    shots_every_missile_gets: int


def _flow(opps: Opportunities, n_threat: int, k: int) -> tuple[int, IntArray]:
    """Maximum flow with ``k`` shots per missile; returns the flow and shots per missile."""
    sats, inverse = np.unique(opps.satellite, return_inverse=True)
    n_sat = sats.size
    source, sink = 0, 1 + n_threat + n_sat
    rows = np.concatenate([np.zeros(n_threat), 1 + opps.threat, 1 + n_threat + np.arange(n_sat)])
    cols = np.concatenate([1 + np.arange(n_threat), 1 + n_threat + inverse, np.full(n_sat, sink)])
    caps = np.concatenate([np.full(n_threat, k), np.ones(len(opps)), np.ones(n_sat)])
    graph = csr_matrix(
        (caps.astype(np.int32), (rows.astype(np.int32), cols.astype(np.int32))),
        shape=(sink + 1, sink + 1),
    )
    result = maximum_flow(graph, source, sink)
    shots = np.asarray(result.flow[0, 1 : 1 + n_threat].toarray()).ravel().astype(np.int64)
    return int(result.flow_value), shots


def fair_shots(opps: Opportunities, n_threat: int) -> tuple[int, IntArray]:
    """The most shots every missile can get at once (one kill vehicle per satellite).

    Returns
    -------
    k : int
        Shots each missile gets in the best assignment (0 if one has no SBI in reach).
    shots : (n_threat,) int64
        An assignment achieving it.
    """
    counts = opps.in_reach_count(n_threat)
    lo, hi = 0, int(counts.min()) if n_threat else 0
    best = np.zeros(n_threat, dtype=np.int64)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        value, shots = _flow(opps, n_threat, mid)
        if value == mid * n_threat:
            lo, best = mid, shots
        else:
            hi = mid - 1
    return lo, best


def positions_at(tracks: BoostTracks, threat: IntArray, t_s: FloatArray) -> FloatArray:
    """Missile positions ``(n, 3)`` (ECI, meters) at times ``t_s``, interpolated per threat."""
    r = np.empty((t_s.shape[0], 3))
    for j in np.unique(threat):
        rows = threat == j
        for c in range(3):
            r[rows, c] = np.interp(t_s[rows], tracks.t_s, tracks.r_eci_m[j, :, c])
    return r


def engage_boost_phase(spec: ScenarioSpec, aimed: Launches) -> SbiEngagement | None:
    """Opportunities of the scenario's ``[sbi]`` layer against the aimed raid, or None."""
    if spec.sbi is None:
        return None
    name = spec.sbi.layer
    elements = spec.space[name].build(name).initial_elements(spec.time.epoch)
    theta0 = float(earth_rotation_angle_rad(0.0, spec.time.epoch))
    tracks = fly_boost(aimed, theta0)
    rule, vehicle = spec.sbi.build_rule(), spec.sbi.build_vehicle()
    opps = boost_opportunities(tracks, elements, vehicle, rule)
    _, start_s, end_s = engagement_windows(tracks, rule)
    r = positions_at(tracks, opps.threat, opps.intercept_time_s)
    theta = earth_rotation_angle_rad(opps.intercept_time_s, spec.time.epoch)
    lat, lon, alt = ecef_to_geodetic(eci_to_ecef(r, theta))
    k, shots = fair_shots(opps, len(tracks))
    counts = opps.in_reach_count(len(tracks))
    launch = tracks.launch_time_s
    rows = [
        OpportunityRow(
            int(opps.threat[n]),
            int(opps.satellite[n]),
            float(opps.intercept_time_s[n]),
            float(opps.time_of_flight_s[n]),
            float(opps.distance_m[n]) / 1e3,
            float(alt[n]) / 1e3,
            math.degrees(float(lat[n])),
            math.degrees(float(lon[n])),
        )
        for n in range(len(opps))
    ]
    per_threat = []
    for j in range(len(tracks)):
        mine = opps.intercept_time_s[opps.threat == j]
        per_threat.append(
            ThreatReachRow(
                threat=j,
                sbis_in_reach=int(counts[j]),
                window_start_s=float(start_s[j] - launch[j]),
                window_end_s=float(end_s[j] - launch[j]),
                first_intercept_s=float(mine.min() - launch[j]) if mine.size else math.nan,
                shots_assigned=int(shots[j]),
            )
        )
    return SbiEngagement(
        layer=name,
        n_satellites=len(elements),
        kill_vehicle={
            "delta_v_km_s": vehicle.delta_v_m_s / 1e3,
            "acceleration_m_s2": vehicle.acceleration_m_s2,
            "burn_time_s": vehicle.burn_time_s,
            "divert_delta_v_km_s": vehicle.divert_delta_v_m_s / 1e3,
            "launch_delay_s": rule.launch_delay_s,
        },
        opportunities=rows,
        threats=per_threat,
        distinct_sbis_in_reach=int(np.unique(opps.satellite).size),
        shots_every_missile_gets=k,
    )
