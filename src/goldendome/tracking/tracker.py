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
association instead; :mod:`goldendome.tracking.scan` describes both associations and the
scan's steps. ``association="gnn"`` keeps the gated global nearest neighbour above, for
comparison.

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
(:mod:`goldendome.tracking.scan`).

Two air-breathing tracks that have taken measurements of one sensor in one time step are
never merged afterwards (the sensor resolved them; :mod:`goldendome.tracking.merge`).

A track whose Keplerian perigee is above 80 km (:func:`goldendome.tracking.impact.in_orbit`:
a fractional orbital bombardment warhead before its braking burn) predicts no impact and
does not reach fire control until a burn brings its perigee down.
"""

from collections.abc import Callable

import numpy as np

from goldendome.physics._types import BoolArray, FloatArray, IntArray
from goldendome.tracking import ekf
from goldendome.tracking.impact import in_orbit
from goldendome.tracking.live_tracks import LiveTracks, bookkeeping, largest_sigma
from goldendome.tracking.manoeuvre import level_regime, manoeuvre_noise
from goldendome.tracking.merge import coincident
from goldendome.tracking.pregate import Forest
from goldendome.tracking.process_noise import altitude_band_noise, phase_noise
from goldendome.tracking.regime import Regime
from goldendome.tracking.scan import ScanContext, scan_gnn, scan_jpda
from goldendome.tracking.settings import Candidates, TrackerSettings
from goldendome.tracking.start import start_tracks
from goldendome.tracking.track_log import LogBuilder, TrackHistory, TrackLog

__all__ = ["PROGRESS_STAGE", "TrackHistory", "TrackLog", "TrackerSettings", "largest_sigma",
           "run_tracker"]  # fmt: skip

#: The stage name :func:`run_tracker` reports its progress under.
PROGRESS_STAGE = "tracker scans"
#: The settings :func:`run_tracker` uses when given none.
_DEFAULTS = TrackerSettings()


def run_tracker(
    sensor: IntArray,
    t_s: FloatArray,
    z: FloatArray,
    sigma: FloatArray,
    origin_r: FloatArray,
    origin_v: FloatArray,
    rotation: FloatArray,
    settings: TrackerSettings = _DEFAULTS,
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
        run = ScanContext(live, log, arrays, settings, forest, candidates, plume, level, air, [])
        scan = scan_jpda if settings.association == "jpda" else scan_gnn
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
