"""Stage 3, the boost layer: which space-based interceptors can reach each missile of the
raid before its engagement deadline, for every phasing of the constellation.

Phase 0 is the constellation as written: its opportunities are the run's
``sbi_opportunities`` table, and how the salvo saturates them (:mod:`goldendome.engagement.
salvo`) is ``sbi_threats``. The kill chain's trials draw among all ``phase_samples``
phasings (:meth:`goldendome.run.layers.SpaceLayer.phased`); each phasing's satellites are
propagated once on the raid's boost-phase grid, in blocks of satellites.
"""

from dataclasses import dataclass, fields, replace

import numpy as np

from goldendome.engagement.picture import BoostPhase
from goldendome.engagement.salvo import fair_shots
from goldendome.interceptors.sbi_reach import Opportunities, sbi_opportunities
from goldendome.physics._types import FloatArray, IntArray
from goldendome.physics.frames import eci_to_ecef
from goldendome.physics.geodetic import ecef_to_geodetic
from goldendome.run.boost_tracks import BoostTracks, engagement_windows, speed_bound_m_s
from goldendome.run.context import RunContext
from goldendome.run.sink import Sink
from goldendome.run.work_bounds import BOOST_BLOCK_BYTES


@dataclass(frozen=True, eq=False)
class PhaseOpportunities:
    """One phasing's opportunities with where the kill vehicles leave and meet the missiles."""

    opportunities: Opportunities
    phase: BoostPhase


def _interpolate(grid_s: FloatArray, r: FloatArray, rows: IntArray, t_s: FloatArray) -> FloatArray:
    """Positions ``(n, 3)`` of series ``r[rows]`` (on ``grid_s``) at times ``t_s``, linear."""
    k = np.clip(np.searchsorted(grid_s, t_s) - 1, 0, grid_s.size - 2)
    w = np.clip((t_s - grid_s[k]) / (grid_s[k + 1] - grid_s[k]), 0.0, 1.0)[:, None]
    return np.asarray((1.0 - w) * r[rows, k] + w * r[rows, k + 1])


def positions_at(tracks: BoostTracks, threat: IntArray, t_s: FloatArray) -> FloatArray:
    """Missile positions ``(n, 3)`` (ECI, meters) at times ``t_s``, interpolated per threat."""
    r = np.empty((t_s.shape[0], 3))
    for j in np.unique(threat):
        rows = threat == j
        for c in range(3):
            r[rows, c] = np.interp(t_s[rows], tracks.t_s, tracks.r_eci_m[j, :, c])
    return r


def phase_opportunities(ctx: RunContext, phase: int) -> PhaseOpportunities:
    """The SBI opportunities of phasing ``phase`` against the raid (cached in the context).

    The layer is streamed on the boost grid in blocks of satellites
    (:meth:`goldendome.run.layers.SpaceLayer.blocks`), so memory stays bounded whatever its
    size; each block's opportunities and launch points are found before the next block is
    propagated, and all are sorted as one pass would sort them (threat, intercept time,
    satellite).
    """
    key = ("boost_phase", phase)
    if key in ctx.products:
        cached: PhaseOpportunities = ctx.products[key]
        return cached
    layer, raid, sbi = ctx.sbi_layer, ctx.raid, ctx.spec.sbi
    if layer is None or raid is None or sbi is None:
        raise ValueError("SBI opportunities need an [sbi] layer and a raid.")
    tracks = raid.boost
    n_phases = ctx.spec.monte_carlo.phase_samples
    vehicle, rule = sbi.build_vehicle(), sbi.build_rule()
    launch_s, start_s, end_s = engagement_windows(tracks, rule)
    speed = speed_bound_m_s(layer.elements)
    found: list[tuple[Opportunities, FloatArray]] = []
    for rows, sat_r in layer.blocks("boost", tracks.t_s, phase, n_phases, BOOST_BLOCK_BYTES):
        o = sbi_opportunities(
            tracks.t_s, sat_r, tracks.r_eci_m, start_s, end_s, launch_s, vehicle,
            satellite_speed_m_s=speed,
        )  # fmt: skip
        leave_s = o.intercept_time_s - o.time_of_flight_s
        o = replace(o, satellite=o.satellite + rows.start)
        found.append((o, _interpolate(tracks.t_s, sat_r, o.satellite - rows.start, leave_s)))
    opps, r_sat = _merged(found)
    r = positions_at(tracks, opps.threat, opps.intercept_time_s)
    lat, lon, alt = ecef_to_geodetic(eci_to_ecef(r, ctx.clock.theta_rad(opps.intercept_time_s)))
    launch_s = opps.intercept_time_s - opps.time_of_flight_s
    s_lat, s_lon, s_alt = ecef_to_geodetic(eci_to_ecef(r_sat, ctx.clock.theta_rad(launch_s)))
    out = PhaseOpportunities(
        opps,
        BoostPhase(
            satellite=opps.satellite.astype(np.int64),
            threat=opps.threat.astype(np.int64),
            launch_time_s=launch_s,
            intercept_time_s=opps.intercept_time_s,
            launch_latitude_deg=np.degrees(s_lat),
            launch_longitude_deg=np.degrees(s_lon),
            launch_altitude_m=s_alt,
            latitude_deg=np.degrees(lat),
            longitude_deg=np.degrees(lon),
            altitude_m=alt,
        ),
    )
    ctx.products[key] = out
    return out


def _merged(found: list[tuple[Opportunities, FloatArray]]) -> tuple[Opportunities, FloatArray]:
    """The blocks' opportunities (and launch points) as one, sorted as one pass sorts them."""
    if len(found) == 1:
        return found[0]
    if not found:
        empty = np.empty(0)
        none = np.empty(0, np.int64)
        return Opportunities(none, none.copy(), empty, empty.copy(), empty.copy()), np.empty((0, 3))
    cols = [np.concatenate([getattr(o, f.name) for o, _ in found]) for f in fields(Opportunities)]
    r_sat = np.concatenate([r for _, r in found])
    order = np.lexsort((cols[0], cols[2], cols[1]))
    return Opportunities(*(c[order] for c in cols)), r_sat[order]


def run_boost(ctx: RunContext, sink: Sink) -> None:
    """The ``sbi_opportunities`` and ``sbi_threats`` tables of the constellation as written."""
    layer, raid, sbi = ctx.sbi_layer, ctx.raid, ctx.spec.sbi
    if layer is None or raid is None or sbi is None:
        return
    found = phase_opportunities(ctx, 0)
    opps, bp = found.opportunities, found.phase
    n_threat = raid.n_missiles
    _, shots = fair_shots(bp.satellite, bp.threat, n_threat)
    _, start_s, end_s = engagement_windows(raid.boost, sbi.build_rule())
    launch = raid.boost.launch_time_s
    first = np.full(n_threat, np.nan)
    for j in range(n_threat):
        mine = bp.intercept_time_s[bp.threat == j]
        if mine.size:
            first[j] = mine.min() - launch[j]
    sink.table(
        "sbi_opportunities",
        {
            "threat_id": bp.threat,
            "satellite_id": layer.first_satellite_id + bp.satellite,
            "launch_time_s": bp.launch_time_s,
            "intercept_time_s": bp.intercept_time_s,
            "time_of_flight_s": opps.time_of_flight_s,
            "flyout_distance_m": opps.distance_m,
            "launch_latitude_deg": bp.launch_latitude_deg,
            "launch_longitude_deg": bp.launch_longitude_deg,
            "launch_altitude_m": bp.launch_altitude_m,
            "intercept_latitude_deg": bp.latitude_deg,
            "intercept_longitude_deg": bp.longitude_deg,
            "intercept_altitude_m": bp.altitude_m,
        },
    )
    sink.table(
        "sbi_threats",
        {
            "threat_id": np.arange(n_threat),
            "sbis_in_reach": opps.in_reach_count(n_threat),
            "window_start_s": start_s - launch,
            "window_end_s": end_s - launch,
            "first_intercept_s": first,
            "shots_assigned": shots,
        },
    )
