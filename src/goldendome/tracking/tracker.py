"""A multi-sensor tracker: scans in time order, JPDA (or gated GNN) association, M-of-N
confirmation, fusion by sequential updates, track initiation from radar or from two
infrared views, and merging of tracks that coincide.

Measurements are processed in *scans*, one per (time, sensor, place). At each time every
live track is predicted once to that time (:func:`goldendome.tracking.ekf.predict`); then,
scan by scan, the tracks are paired with the scan's measurements by gated global nearest
neighbour (:mod:`goldendome.tracking.association`) and updated
(:func:`goldendome.tracking.ekf.update`). Sensors that see the same object at the same time
update its track one after the other, which fuses them; custody passes from sensor to
sensor the same way, and each track records which sensors updated it and when.

Only the pairs that :mod:`goldendome.tracking.pregate` keeps have their NIS computed: a
tree of the tracks' positions, built once per time, finds the tracks near each
measurement's line of sight, and its tests are necessary conditions of the gate, so the
association is the one every pair's NIS would give (``candidates="all"`` computes every
pair, ``"numpy"`` applies the same tests without the tree). The assignment is solved one
connected component of the gated pairs at a time. The cost thus grows with the tracks and
measurements and the pairs inside the gates, not with the product of the tracks and the
measurements (see :mod:`goldendome.tracking.pregate` for how the gated pairs grow).

With ``association="jpda"`` (the default) each scan is joint probabilistic data
association instead (:mod:`goldendome.tracking.jpda`, :mod:`goldendome.tracking.jpda_update`):
every gated measurement updates a track weighted by the probability that it came from
that track, over the joint events of its cluster. A measurement is *assigned* (in the
log) to the track with its largest probability when that is at least
``assign_probability``; a track counts as updated (for confirmation and dropping) when its
measurements' probabilities sum to that; a measurement whose probabilities over the tracks
sum to less is free to start a track. ``association="gnn"`` keeps the gated global nearest
neighbour above, for comparison.

A new track near a live one of known velocity borrows that velocity
(:mod:`goldendome.tracking.neighbour_prior`, within ``neighbour_radius_m``; 0 turns it off),
and at the end of each time step live tracks whose states coincide are merged, the one
updated at more times living on (the older if as many: :mod:`goldendome.tracking.merge`;
``merge_probability`` 0 turns it off), unless both took measurements of one sensor in the
step: that sensor saw two objects (a warhead leaving its post-boost vehicle, a stage
separating at burnout). Under the JPDA a track counts as having taken every measurement it
gave a weight of at least ``merge_resolve_beta``, so a cluster's track that claimed no
measurement outright still keeps apart a track started on a measurement beside the ones it
weighed. That holds for tracks predicted ballistic only: a track read as gliding or flying
level (a depressed SLBM's warhead low in the air, a cruise missile) counts only what it took
outright, as before (with the weight rule they kept duplicates apart: the Russian raid's
SLBM warheads reached fire control later and drew half the shots). The weight is off by
default (0): in a small depressed-SLBM scene (one early-warning radar and a sparse tracking
layer, ``tests/run/test_depressed_slbm_engaged.py``) it left the warheads' fire-control
tracks too short-lived for the city's THAAD to fire at all; the peer-scale raids, whose
ballistic clusters break apart without it, set it in their ``[tracking]`` table.

Unpaired radar measurements start tentative tracks; unpaired infrared measurements start
one when two satellites' lines of sight cross within ``triangulation_gate_m``. A tentative
track is *firm* once it has ``confirm_hits`` updates within ``confirm_window_s`` (an M-of-N
rule over time), and of *fire-control quality* once its position one-sigma (the root of
the largest eigenvalue of its position covariance) is below ``fire_control_sigma_m`` and
its velocity one-sigma below ``fire_control_velocity_sigma_m_s`` (a track predicted in level
flight, below: ``fire_control_level_velocity_sigma_m_s``, 100 m/s, a goldendome assumption:
an air-defence round flies on in-flight updates to an active seeker, and 100 m/s over its
5 s uplink cut-off is 500 m of aim error, inside a seeker's acquisition basket of
kilometres; the shot's kill probability still pays for the track's error through its
last update, :mod:`goldendome.engagement.targets`; a track predicted in glide, below
``fire_control_glide_velocity_sigma_m_s``, 200 m/s, a goldendome assumption: a glider's
manoeuvre noise of 3 g keeps a firm track's velocity one-sigma near 90-150 m/s, and 200 m/s
over the same cut-off is 1 km of aim error, still inside such a basket).
Tracks with no update for ``drop_tentative_s`` (tentative) or ``drop_firm_s`` (firm) end.
Process noise follows each track's flight phase as the tracker knows it
(:mod:`goldendome.tracking.process_noise`): ``q_boost`` while infrared sensors report its
plume (within ``plume_memory_s`` of the last such report), and when coasting the noise of
drag estimated from the track's altitude and speed (``drag_beta_kg_m2``,
``drag_time_s``), never below ``q_ballistic``. With plume flags a track reaches fire control
only after ``deployment_s`` without a plume report (the bus deploys its warheads in the minute
after burnout, so an impact predicted earlier is not the warhead's); a new track born within
``neighbour_radius_m`` of a live one takes that track's last plume report (a spent stage, a
bus or a warhead appearing beside a missile that burned moments ago is in its post-boost
phase). Without plume flags (``plume=None``) the older rule applies: ``q_boost`` below
``boost_altitude_m``, ``q_ballistic`` above, fire control whenever the sigmas allow.

With plume flags, a coasting track that its own state shows nearly level inside the
atmosphere (a glider in its glide, a cruise missile: :mod:`goldendome.tracking.manoeuvre`)
is predicted in level flight (:mod:`goldendome.tracking.level_flight`: gravity balanced by
an unknown lift) with manoeuvre noise instead of the ballistic model and the drag noise;
every other track is predicted exactly as before. A coasting track whose vertical speed and
depth below the ground are within its own errors of level flight is read level
(:func:`goldendome.tracking.manoeuvre.level_regime`). Tracks read as air-breathing take
each scan's radar measurements by gated global nearest neighbour before the scan's JPDA
(which the other tracks and the measurements they leave go on to): JPDA's mixture of a
close cruise salvo's measurements made a track spread over the salvo that claimed none of
them (``docs/tracking_manoeuvring.md``).

Two air-breathing tracks that have taken measurements of one sensor in one time step are
never merged afterwards (the sensor resolved them; :mod:`goldendome.tracking.merge`).

A track whose Keplerian perigee is above 80 km (:func:`goldendome.tracking.impact.in_orbit`:
a fractional orbital bombardment warhead before its braking burn) predicts no impact and
does not reach fire control until a burn brings its perigee down.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np

from goldendome.physics._types import BoolArray, FloatArray, IntArray
from goldendome.physics.measurements import N_COMPONENTS, RANGE_RATE
from goldendome.tracking import ekf
from goldendome.tracking.association import gates, gnn_assign_pairs, pairs_nis
from goldendome.tracking.impact import in_orbit
from goldendome.tracking.jpda_update import jpda_step
from goldendome.tracking.level_association import level_fixes
from goldendome.tracking.live_tracks import LiveTracks, bookkeeping, largest_sigma
from goldendome.tracking.manoeuvre import (
    CRUISE_ACCELERATION_M_S2,
    GLIDE_ACCELERATION_M_S2,
    MANOEUVRE_TIME_S,
    level_regime,
    manoeuvre_noise,
)
from goldendome.tracking.merge import coincident
from goldendome.tracking.pregate import Forest, Lines, candidates_reference
from goldendome.tracking.process_noise import altitude_band_noise, phase_noise
from goldendome.tracking.regime import Regime
from goldendome.tracking.start import start_tracks
from goldendome.tracking.track_log import LogBuilder, TrackHistory, TrackLog

__all__ = ["PROGRESS_STAGE", "TrackHistory", "TrackLog", "TrackerSettings", "largest_sigma",
           "run_tracker"]  # fmt: skip

#: A mask selecting the range rate of a measurement.
_RATE = np.arange(N_COMPONENTS) == RANGE_RATE
#: The stage name :func:`run_tracker` reports its progress under.
PROGRESS_STAGE = "tracker scans"
#: How the candidate pairs of a scan are found (see the module notes).
Candidates = Literal["tree", "numpy", "all"]
#: How a scan's measurements update the tracks (see the module notes).
Association = Literal["jpda", "gnn"]
_Arrays = tuple[FloatArray, FloatArray, FloatArray, FloatArray, FloatArray]


@dataclass(frozen=True)
class TrackerSettings:
    """Tracker parameters (defaults: goldendome assumptions, see ``docs/sensors.md``).

    ``association``, ``prob_detect``, ``clutter_kappa`` (false measurements per volume of
    a measurement's own noise), ``min_beta`` and ``assign_probability`` set the JPDA (module
    notes); ``neighbour_*`` the velocity a new track borrows; ``merge_*`` the merging of
    coincident tracks (``merge_resolve_beta``: the JPDA weight at which a track counts as
    having taken a measurement for the merge test, 0: only the measurements assigned to it;
    off by default, 0.3 in the peer-scale raids' files, :mod:`goldendome.tracking.merge`);
    ``level_flight`` (with plume flags) predicts tracks nearly level
    inside the atmosphere in level flight with the manoeuvre noise of
    ``glide_acceleration_m_s2`` or ``cruise_acceleration_m_s2`` over ``manoeuvre_time_s``
    (:mod:`goldendome.tracking.manoeuvre`; False: every track ballistic).
    """

    q_ballistic_m2_s3: float = 1e-2
    q_boost_m2_s3: float = 1e4
    boost_altitude_m: float = 250e3
    plume_memory_s: float = 20.0
    deployment_s: float = 60.0
    drag_beta_kg_m2: float = 200.0
    drag_time_s: float = 10.0
    confirm_hits: int = 3
    confirm_window_s: float = 60.0
    drop_tentative_s: float = 60.0
    drop_firm_s: float = 600.0
    fire_control_sigma_m: float = 1_000.0
    fire_control_velocity_sigma_m_s: float = 50.0
    fire_control_level_velocity_sigma_m_s: float = 100.0
    fire_control_glide_velocity_sigma_m_s: float = 200.0
    triangulation_gate_m: float = 30e3
    ir_position_sigma_m: float = 10e3
    ir_velocity_sigma_m_s: float = 5e3
    rate_after_velocity_sigma_m_s: float = 300.0
    association: Association = "jpda"
    prob_detect: float = 0.9
    clutter_kappa: float = 1e-9
    min_beta: float = 0.01
    assign_probability: float = 0.5
    neighbour_radius_m: float = 20e3
    merge_radius_m: float = 20e3
    merge_probability: float = 0.99
    merge_resolve_beta: float = 0.0
    neighbour_spread_m_s: float = 100.0
    neighbour_max_sigma_m_s: float = 100.0
    level_flight: bool = True
    glide_acceleration_m_s2: float = GLIDE_ACCELERATION_M_S2
    cruise_acceleration_m_s2: float = CRUISE_ACCELERATION_M_S2
    manoeuvre_time_s: float = MANOEUVRE_TIME_S


def run_tracker(
    sensor: IntArray,
    t_s: FloatArray,
    z: FloatArray,
    sigma: FloatArray,
    origin_r: FloatArray,
    origin_v: FloatArray,
    rotation: FloatArray,
    settings: TrackerSettings = TrackerSettings(),
    *,
    progress: Callable[[str, int, int], None] | None = None,
    candidates: Candidates = "tree",
    plume: BoolArray | None = None,
) -> TrackLog:
    """Track every object in a set of measurements (the arrays of ``Measurements``).

    Parameters
    ----------
    sensor : (n,) int64; t_s : (n,) float64, s
    z, sigma : (n, 4) float64; origin_r, origin_v : (n, 3); rotation : (n, 3, 3)
        See :mod:`goldendome.physics.measurements`. Rows need not be sorted.
    settings : TrackerSettings
    progress : callable, optional
        ``progress(PROGRESS_STAGE, scans_done, scans)``, after each time.
    candidates : {"tree", "numpy", "all"}
        How each scan's candidate pairs are found (the same association either way).
    plume : (n,) bool, optional
        Measurements that report a burning plume (``Measurements.plume``): they set their
        tracks' process noise to powered flight. None: the altitude band (module notes).

    Returns
    -------
    TrackLog
        ``assigned[i]`` is the track measurement ``i`` went to (-1: none).
    """
    log = LogBuilder(t_s.shape[0])
    live = LiveTracks(settings.confirm_hits)
    arrays = (z, sigma, origin_r, origin_v, rotation)
    # A scan is one sensor frame from one place: (time, sensor, origin).
    keys = np.column_stack([t_s, sensor, origin_r])
    order = np.lexsort(keys.T[::-1])
    cut = np.flatnonzero(np.any(np.diff(keys[order], axis=0) != 0, axis=1)) + 1
    scans = np.split(order, cut) if order.size else []
    first_t = np.array([t_s[rows[0]] for rows in scans])
    steps = np.flatnonzero(np.diff(first_t) != 0) + 1
    done = 0
    resolved: set[tuple[int, int]] = set()  # track-id pairs a sensor has seen as two objects
    for step in np.split(np.arange(len(scans)), steps) if scans else []:
        t = float(first_t[step[0]])
        forest, regime = _predict(live, t, settings, candidates, plume is not None)
        level = regime != Regime.BALLISTIC
        air = regime == Regime.AIR_BREATHING
        air_ids = live.ids[air]
        run = _Run(live, log, arrays, settings, forest, candidates, plume, level, air, [])
        scan = _scan_jpda if settings.association == "jpda" else _scan
        free = [scan(run, scans[k], t, int(sensor[scans[k][0]])) for k in step]
        start_tracks(live, log, np.concatenate(free), t, sensor, arrays, settings, plume)
        bookkeeping(
            live,
            log,
            t,
            settings.confirm_window_s,
            (settings.fire_control_sigma_m, settings.fire_control_velocity_sigma_m_s),
            (settings.drop_tentative_s, settings.drop_firm_s),
            _coasting(live, t, settings, plume is not None),
            _velocity_limits(len(live), regime, settings),
        )
        if settings.merge_probability > 0.0 and len(live) > 1:
            rows = np.concatenate([scans[k] for k in step])
            rows = rows[log.assigned[rows] >= 0]
            ids = np.concatenate([log.assigned[rows], *(w[0] for w in run.weighed)])
            rows = np.concatenate([rows, *(w[1] for w in run.weighed)])
            live.keep(~coincident(live.ids, live.x, live.p, radius_m=settings.merge_radius_m,
                                  probability=settings.merge_probability,
                                  updates=live.updates,
                                  took=(ids, sensor[rows], rows),
                                  resolved=resolved,
                                  remember=np.isin(live.ids, air_ids)))  # fmt: skip
        done += step.size
        if progress is not None:
            progress(PROGRESS_STAGE, done, len(scans))
    return log.build()


def _predict(
    live: LiveTracks, t: float, st: TrackerSettings, candidates: Candidates, by_phase: bool
) -> tuple[Forest | None, IntArray]:
    """Every live track predicted to ``t``; the forest of their positions (tree search) and
    the regime each track was predicted in (:class:`Regime` codes, ballistic where the
    level models are off)."""
    regime = np.full(len(live), int(Regime.BALLISTIC), np.int64)
    if not len(live):
        return None, regime
    if by_phase:
        powered = t - live.plume_t <= st.plume_memory_s
        q = phase_noise(live.x, powered, q_ballistic=st.q_ballistic_m2_s3,
                        q_boost=st.q_boost_m2_s3, beta_kg_m2=st.drag_beta_kg_m2,
                        time_s=st.drag_time_s)  # fmt: skip
    else:
        q = altitude_band_noise(live.x, q_ballistic=st.q_ballistic_m2_s3,
                                q_boost=st.q_boost_m2_s3,
                                boost_altitude_m=st.boost_altitude_m)  # fmt: skip
    dt = np.full(len(live), t - live.t)
    x, p = ekf.predict(live.x, live.p, dt, q)
    if by_phase and st.level_flight:
        # Tracks nearly level inside the atmosphere fly the level model (manoeuvre.py).
        regime = level_regime(live.x, powered, live.p)
        level = np.flatnonzero(regime != Regime.BALLISTIC)
        if level.size:
            q_level = manoeuvre_noise(regime[level], glide_m_s2=st.glide_acceleration_m_s2,
                                      cruise_m_s2=st.cruise_acceleration_m_s2,
                                      time_s=st.manoeuvre_time_s)  # fmt: skip
            x[level], p[level] = ekf.predict_level(live.x[level], live.p[level], dt[level],
                                                   q_level)  # fmt: skip
    live.set_states(np.arange(len(live)), x, p)
    live.t = t
    return (Forest(live.x[:, :3], live.lam) if candidates == "tree" else None), regime


def _coasting(live: LiveTracks, t: float, st: TrackerSettings, by_phase: bool) -> BoolArray:
    """The live tracks that may reach fire control at ``t``: not in orbit (an orbiting
    track predicts no impact until a burn brings its perigee down), and with plume flags
    ``deployment_s`` past their last plume report."""
    out = ~in_orbit(live.x)
    if by_phase:
        out &= t - live.plume_t > st.deployment_s
    return out


def _velocity_limits(n_live: int, regime: IntArray, st: TrackerSettings) -> FloatArray:
    """Each live track's fire-control velocity one-sigma limit, m/s, ``(n_live,)``: the
    looser ``fire_control_level_velocity_sigma_m_s`` for tracks predicted in level flight
    this step and ``fire_control_glide_velocity_sigma_m_s`` for those predicted in glide
    (tracks started in the step, after ``regime`` was read, are ballistic)."""
    out = np.full(n_live, st.fire_control_velocity_sigma_m_s)
    head = out[: regime.size]
    head[regime == Regime.AIR_BREATHING] = st.fire_control_level_velocity_sigma_m_s
    head[regime == Regime.GLIDE] = st.fire_control_glide_velocity_sigma_m_s
    return out


@dataclass
class _Run:
    """What every scan of a time step works with."""

    live: LiveTracks
    log: LogBuilder
    arrays: _Arrays
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
    frames: _Arrays,
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
    run: _Run, rows: IntArray
) -> tuple[FloatArray, _Arrays, FloatArray, tuple[IntArray, IntArray, FloatArray]]:
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


def _scan(run: _Run, rows: IntArray, t: float, s: int) -> IntArray:
    """Associate and update on one scan (of sensor ``s`` at ``t``); returns the rows left
    unpaired."""
    live, log, st, forest = run.live, run.log, run.settings, run.forest
    if not len(live):
        return rows
    z, frames, gate, (ti, mj, nis) = _scan_pairs(run, rows)
    sigma, o_r, o_v, rot = frames[1:]
    tr, mj = gnn_assign_pairs(ti, mj, nis, gate[mj])
    if tr.size:
        v_sigma = largest_sigma(live.p[tr], 3)
        zu = np.where((v_sigma > st.rate_after_velocity_sigma_m_s)[:, None] & _RATE, np.nan, z[mj])
        up = ekf.update(live.x[tr], live.p[tr], zu, sigma[mj], o_r[mj], o_v[mj], rot[mj])
        live.set_states(tr, up.x_eci, up.covariance)
        if forest is not None:
            forest.refresh(tr, live.x[tr, :3], live.lam[tr])
        live.hit(tr, t)
        if run.plume is not None:
            hot = run.plume[rows[mj]]
            live.plume_t[tr[hot]] = t
        log.assigned[rows[mj]] = live.ids[tr]
        log.updated(live.ids[tr], s, t)
    taken = np.zeros(rows.size, dtype=bool)
    taken[mj] = True
    return rows[~taken]


def _scan_jpda(run: _Run, rows: IntArray, t: float, s: int) -> IntArray:
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
    last = order[np.r_[np.diff(mj[order]) != 0, True]] if order.size else order
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
    run: _Run,
    rows: IntArray,
    inside: IntArray,
    pairs: tuple[IntArray, IntArray, FloatArray, FloatArray],
    measured: tuple[FloatArray, _Arrays],
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


def _update_pairs(run: _Run, rows: IntArray, tr: IntArray, mj: IntArray, z: FloatArray,
                  frames: _Arrays, t: float, s: int) -> None:  # fmt: skip
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
