"""One scan of the tracker (one sensor frame from one place at one time): its measurements
paired with the live tracks inside their gates and the tracks updated
(:func:`goldendome.tracking.tracker.run_tracker` calls these in time order).

With ``association="gnn"`` (:func:`scan_gnn`) the gated pairs are assigned by global nearest
neighbour (:mod:`goldendome.tracking.association`) and each track is updated by its
measurement (:func:`goldendome.tracking.ekf.update`).

With ``association="jpda"`` (the default, :func:`scan_jpda`) each scan is joint probabilistic data
association instead (:mod:`goldendome.tracking.jpda`, :mod:`goldendome.tracking.jpda_update`):
every gated measurement updates a track weighted by the probability that it came from
that track, over the joint events of its cluster. A measurement is *assigned* (in the
log) to the track with its largest probability when that is at least
``assign_probability``; a track counts as updated (for confirmation and dropping) when its
measurements' probabilities sum to that; a measurement whose probabilities over the tracks
sum to less is free to start a track. (The GNN above is kept for comparison.)

With plume flags and ``level_flight``, tracks read as air-breathing take each scan's radar
measurements by gated global nearest neighbour before the scan's JPDA (which the other
tracks and the measurements they leave go on to): JPDA's mixture of a close cruise salvo's
measurements made a track spread over the salvo that claimed none of them
(``docs/tracking_manoeuvring.md``). Level tracks the JPDA left unseen may take a free
measurement of their own (:mod:`goldendome.tracking.level_association`).
"""

from dataclasses import dataclass

import numpy as np

from goldendome.physics._types import BoolArray, FloatArray, IntArray
from goldendome.physics.measurements import N_COMPONENTS, RANGE_RATE
from goldendome.tracking import ekf
from goldendome.tracking.association import gates, gnn_assign_pairs, pairs_nis
from goldendome.tracking.jpda_update import jpda_step
from goldendome.tracking.level_association import level_fixes
from goldendome.tracking.live_tracks import LiveTracks, largest_sigma
from goldendome.tracking.pregate import Forest, Lines, candidates_reference
from goldendome.tracking.settings import Candidates, TrackerSettings
from goldendome.tracking.track_log import LogBuilder

__all__ = ["Arrays", "ScanContext", "scan_gnn", "scan_jpda"]

#: A mask selecting the range rate of a measurement.
_RATE = np.arange(N_COMPONENTS) == RANGE_RATE
#: The measurement arrays a scan reads rows of: ``z``, ``sigma``, ``origin_r``,
#: ``origin_v``, ``rotation`` (:mod:`goldendome.physics.measurements`).
Arrays = tuple[FloatArray, FloatArray, FloatArray, FloatArray, FloatArray]


@dataclass
class ScanContext:
    """What every scan of a time step works with."""

    live: LiveTracks
    log: LogBuilder
    arrays: Arrays
    settings: TrackerSettings
    forest: Forest | None
    candidates: Candidates
    plume: BoolArray | None
    level: BoolArray
    #: Tracks predicted as air-breathing this step (associated by nearest neighbour).
    air: BoolArray
    #: Per JPDA scan, the (track id, measurement row) pairs of weight at least
    #: ``merge_resolve_beta``: what each track probably took, for the merge test.
    weighed: list[tuple[IntArray, IntArray]]


def _gated_pairs(
    live: LiveTracks,
    lines: Lines,
    frames: Arrays,
    forest: Forest | None,
    candidates: Candidates,
) -> tuple[IntArray, IntArray, FloatArray]:
    """Candidate (track, measurement) pairs of a scan and their NIS."""
    if forest is not None:
        return forest.candidates(lines, live.x, live.p)
    if candidates == "numpy":
        ti, mj = candidates_reference(live.x, live.p, live.lam, lines)
    else:
        n_t, n_m = len(live), len(lines)
        ti, mj = np.repeat(np.arange(n_t), n_m), np.tile(np.arange(n_m), n_t)
    z, sigma, o_r, o_v, rot = frames
    nis, _ = pairs_nis(live.x[ti], live.p[ti], z[mj], sigma[mj], o_r[mj], o_v[mj], rot[mj])
    return ti, mj, nis


def _scan_pairs(
    run: ScanContext, rows: IntArray
) -> tuple[FloatArray, Arrays, FloatArray, tuple[IntArray, IntArray, FloatArray]]:
    """A scan's measurements (rows ``rows``), their frames with the range rate left out, the
    gate of each, and the gated candidate pairs ``(track, measurement, nis)``.

    Range rate is nonlinear in an unknown velocity: association uses range and angles, and
    a track's update uses the rate only once its velocity is known to
    ``rate_after_velocity_sigma_m_s``.
    """
    z, sigma, o_r, o_v, rot = (a[rows] for a in run.arrays)
    positional = z.copy()
    positional[:, RANGE_RATE] = np.nan
    gate = gates(np.isfinite(positional).sum(axis=1))
    lines = Lines(positional, sigma, o_r[0], rot, gate)
    frames = (positional, sigma, o_r, o_v, rot)
    return z, frames, gate, _gated_pairs(run.live, lines, frames, run.forest, run.candidates)


def scan_gnn(run: ScanContext, rows: IntArray, t: float, s: int) -> IntArray:
    """Associate and update on one scan (of sensor ``s`` at ``t``); returns the rows left
    unpaired."""
    if not len(run.live):
        return rows
    z, frames, gate, (ti, mj, nis) = _scan_pairs(run, rows)
    tr, mj = gnn_assign_pairs(ti, mj, nis, gate[mj])
    if tr.size:
        _update_pairs(run, rows, tr, mj, z, frames, t, s)
    taken = np.zeros(rows.size, dtype=bool)
    taken[mj] = True
    return rows[~taken]


def scan_jpda(run: ScanContext, rows: IntArray, t: float, s: int) -> IntArray:
    """JPDA on one scan (of sensor ``s`` at ``t``); returns the rows no track claims."""
    live, log, st = run.live, run.log, run.settings
    if not len(live):
        return rows
    z, frames, gate, (ti, mj, nis) = _scan_pairs(run, rows)
    inside = np.flatnonzero(np.isfinite(nis) & (nis <= gate[mj]))
    if not inside.size:
        return rows
    taken = np.zeros(rows.size, bool)
    if run.plume is not None and st.level_flight:
        inside, taken = _air_pairs(run, rows, inside, (ti, mj, nis, gate), (z, frames), t, s)
        if not inside.size:
            return rows[~taken]
    # In one order whichever search found the pairs, so that round-off is the same.
    inside = inside[np.lexsort((mj[inside], ti[inside]))]
    gated = (ti[inside], mj[inside], nis[inside], gate[mj[inside]])
    ti, mj = ti[inside], mj[inside]
    v_sigma = largest_sigma(live.p[ti], 3)
    zu = np.where((v_sigma > st.rate_after_velocity_sigma_m_s)[:, None] & _RATE, np.nan, z[mj])
    step = jpda_step(live.x, live.p, (ti, mj), frames, zu, prob_detect=st.prob_detect,
                     kappa=st.clutter_kappa, min_beta=st.min_beta)  # fmt: skip
    ti, mj, beta, tracks = step.pair_track, step.pair_measurement, step.beta, step.tracks
    live.set_states(tracks, step.x_eci, step.covariance)
    if run.forest is not None:
        run.forest.refresh(tracks, live.x[tracks, :3], live.lam[tracks])
    # The measurements each track claims most, and the tracks that were probably seen.
    claim = np.bincount(mj, weights=beta, minlength=rows.size)
    best = np.full(rows.size, -1, np.int64)
    order = np.lexsort((beta, mj))
    last = order[np.append(np.diff(mj[order]) != 0, True)] if order.size else order
    firm_pair = last[beta[last] >= st.assign_probability]
    best[mj[firm_pair]] = ti[firm_pair]
    seen_w = np.bincount(ti, weights=beta, minlength=len(live))[tracks]
    seen = tracks[seen_w >= st.assign_probability]
    live.hit(seen, t)
    log.updated(live.ids[seen], s, t)
    if st.merge_resolve_beta > 0.0:  # ballistic tracks only (module notes)
        w = (beta >= st.merge_resolve_beta) & ~run.level[ti]
        run.weighed.append((live.ids[ti[w]], rows[mj[w]]))
    took = best >= 0
    log.assigned[rows[took]] = live.ids[best[took]]
    if run.plume is not None:
        live.plume_t[best[took & run.plume[rows]]] = t
    free = (claim < st.assign_probability) & ~taken
    if run.plume is not None and st.level_flight:
        was_seen = np.zeros(len(live), bool)
        was_seen[seen] = True
        powered = t - live.plume_t <= st.plume_memory_s
        tr, mk = level_fixes(run.level & ~powered, was_seen, gated, free)
        if tr.size:
            _update_pairs(run, rows, tr, mk, z, frames, t, s)
            free[mk] = False
    return rows[free]


def _air_pairs(
    run: ScanContext,
    rows: IntArray,
    inside: IntArray,
    pairs: tuple[IntArray, IntArray, FloatArray, FloatArray],
    measured: tuple[FloatArray, Arrays],
    t: float,
    s: int,
) -> tuple[IntArray, BoolArray]:
    """The air-breathing tracks of a scan paired with its measurements by gated global
    nearest neighbour and updated (module notes); returns the gated pairs left for the JPDA
    (``inside`` without those of air-breathing tracks and of the measurements they took)
    and which of the scan's measurements were taken."""
    ti, mj, nis, gate = pairs
    taken = np.zeros(rows.size, bool)
    air = run.air[ti[inside]] & np.isfinite(measured[0][mj[inside], 0])  # radar only
    if not air.any():
        return inside, taken
    mine = inside[air]
    tr, mk = gnn_assign_pairs(ti[mine], mj[mine], nis[mine], gate[mj[mine]])
    if tr.size:
        _update_pairs(run, rows, tr, mk, measured[0], measured[1], t, s)
        taken[mk] = True
    rest = inside[~air]
    return rest[~taken[mj[rest]]], taken


def _update_pairs(run: ScanContext, rows: IntArray, tr: IntArray, mj: IntArray, z: FloatArray,
                  frames: Arrays, t: float, s: int) -> None:  # fmt: skip
    """Tracks ``tr`` updated each with its measurement ``rows[mj]`` (a Kalman update),
    counted as hit, and the measurements logged as theirs."""
    live, log, st = run.live, run.log, run.settings
    sigma, o_r, o_v, rot = frames[1:]
    v_sigma = largest_sigma(live.p[tr], 3)
    zu = np.where((v_sigma > st.rate_after_velocity_sigma_m_s)[:, None] & _RATE, np.nan, z[mj])
    up = ekf.update(live.x[tr], live.p[tr], zu, sigma[mj], o_r[mj], o_v[mj], rot[mj])
    live.set_states(tr, up.x_eci, up.covariance)
    if run.forest is not None:
        run.forest.refresh(tr, live.x[tr, :3], live.lam[tr])
    live.hit(tr, t)
    if run.plume is not None:
        hot = run.plume[rows[mj]]
        live.plume_t[tr[hot]] = t
    log.assigned[rows[mj]] = live.ids[tr]
    log.updated(live.ids[tr], s, t)
