"""The SBIs of one phasing that can reach committed missiles: propagation at reference times,
pruning, then the reach check on the boost grid for the satellites that may reach.

:func:`committed_opportunities` is the reach step of a boost sample
(:class:`goldendome.run.boost_sampler.BoostSampler`). The constellation is propagated at
each threat's reference sample alone, the satellites inside a pruning sphere
(:func:`goldendome.interceptors.sbi_reach.pruning_spheres`, the bound the reach check prunes
with) are kept, and only they are propagated on the boost grid (from the earliest commit to
the last deadline) and checked: the opportunities are those of the whole layer.
"""

from dataclasses import fields, replace

import numpy as np

from goldendome.interceptors.sbi_reach import Opportunities, pruning_spheres, sbi_opportunities
from goldendome.interceptors.space_based import KillVehicle
from goldendome.orbits.analytic import propagate_analytic
from goldendome.physics._types import FloatArray, IntArray
from goldendome.physics.elements import OrbitalElements
from goldendome.run.boost_tracks import BoostTracks
from goldendome.run.layers import block_rows, take_rows
from goldendome.run.work_bounds import BOOST_BLOCK_BYTES


def committed_opportunities(
    elements: OrbitalElements,
    tracks: BoostTracks,
    vehicle: KillVehicle,
    told: IntArray,
    windows: tuple[FloatArray, FloatArray, FloatArray],
    speed_m_s: float,
) -> tuple[Opportunities, FloatArray]:
    """Every opportunity of ``elements`` against the committed threats ``told``.

    Parameters
    ----------
    elements : OrbitalElements
        The phasing's interceptor layer.
    tracks : BoostTracks
    vehicle : KillVehicle
    told : (n_told,) int64
        Threats committed against (a finite commit before the deadline).
    windows : tuple of (n_threat,) float64 arrays, seconds
        Kill-vehicle launch (the commit), window start and end of every threat
        (:func:`goldendome.run.boost_tracks.engagement_windows`).
    speed_m_s : float
        An upper bound on every satellite's speed.

    Returns
    -------
    opportunities : Opportunities
        Satellite indices into ``elements``, threat indices into ``tracks``; sorted by
        threat, intercept time, satellite.
    r_leave_eci_m : (n_pair, 3) float64, meters
        Where each kill vehicle leaves its satellite.
    """
    launch_s, start_s, end_s = (w[told] for w in windows)
    # Only the samples from the earliest commit to the last deadline matter (a kill vehicle
    # leaves at or after its commit and meets its missile inside the window).
    span = _span(tracks.t_s, start_s, end_s) if told.size else slice(0, 0)
    t_s, threat_r = tracks.t_s[span], tracks.r_eci_m[told][:, span]
    near = _near_satellites(elements, t_s, threat_r, start_s, end_s, launch_s, vehicle, speed_m_s)
    n_near, n_t = near.size, t_s.size
    rows_per = block_rows(n_t, BOOST_BLOCK_BYTES)
    buffer = np.empty((min(rows_per, max(n_near, 1)), n_t, 3))
    found: list[tuple[Opportunities, FloatArray]] = []
    for first in range(0, n_near if n_t > 1 else 0, rows_per):
        rows = near[first : first + rows_per]
        sat_r = propagate_analytic(take_rows(elements, rows), t_s, out=buffer[: rows.size])
        o = sbi_opportunities(
            t_s, sat_r, threat_r, start_s, end_s, launch_s, vehicle, satellite_speed_m_s=speed_m_s
        )
        leave_s = o.intercept_time_s - o.time_of_flight_s
        r_leave = _interpolate(t_s, sat_r, o.satellite, leave_s)
        found.append((replace(o, satellite=rows[o.satellite], threat=told[o.threat]), r_leave))
    return _merged(found)


def _near_satellites(
    elements: OrbitalElements,
    t_s: FloatArray,
    threat_r: FloatArray,
    start_s: FloatArray,
    end_s: FloatArray,
    launch_s: FloatArray,
    vehicle: KillVehicle,
    speed_m_s: float,
) -> IntArray:
    """Satellites inside any threat's pruning sphere (:func:`goldendome.interceptors.
    sbi_reach.pruning_spheres`), increasing: the constellation is propagated at the
    spheres' reference samples only, in blocks of satellites.

    Only these can have an opportunity, so propagating them alone on the whole grid finds
    every opportunity the whole layer has.
    """
    if t_s.size < 2 or not len(elements):
        return np.empty(0, np.int64)
    threat, k_ref, radius = pruning_spheres(
        t_s, threat_r, start_s, end_s, launch_s, vehicle, speed_m_s
    )
    if not threat.size:
        return np.empty(0, np.int64)
    refs = np.unique(k_ref)
    rows_per = block_rows(refs.size, BOOST_BLOCK_BYTES)
    near: list[IntArray] = []
    for first in range(0, len(elements), rows_per):
        rows = slice(first, min(first + rows_per, len(elements)))
        sat_r = propagate_analytic(take_rows(elements, rows), t_s[refs])
        for i, kr in enumerate(refs):
            group = k_ref == kr
            # A handful of spheres per reference sample: distances to every satellite of the
            # block are cheaper than building a tree.
            d = np.linalg.norm(sat_r[:, i, None, :] - threat_r[threat[group], kr][None], axis=-1)
            near.append(np.flatnonzero((d <= radius[group]).any(axis=1)) + first)
    return np.unique(np.concatenate(near)) if near else np.empty(0, np.int64)


def _span(t_s: FloatArray, start_s: FloatArray, end_s: FloatArray) -> slice:
    """The samples of ``t_s`` from one before the earliest start to one after the last end."""
    first = max(int(np.searchsorted(t_s, start_s.min(), side="right")) - 1, 0)
    last = min(int(np.searchsorted(t_s, end_s.max(), side="left")) + 1, t_s.size - 1)
    return slice(first, last + 1)


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


def _merged(found: list[tuple[Opportunities, FloatArray]]) -> tuple[Opportunities, FloatArray]:
    """The blocks' opportunities (and launch points) as one, sorted by threat, intercept
    time, satellite."""
    if not found:
        empty, none = np.empty(0), np.empty(0, np.int64)
        return Opportunities(none, none.copy(), empty, empty.copy(), empty.copy()), np.empty((0, 3))
    cols = [np.concatenate([getattr(o, f.name) for o, _ in found]) for f in fields(Opportunities)]
    r_sat = np.concatenate([r for _, r in found])
    order = np.lexsort((cols[0], cols[2], cols[1]))
    return Opportunities(*(c[order] for c in cols)), r_sat[order]
