"""A multi-sensor tracker: scans in time order, gated GNN association, M-of-N confirmation,
fusion by sequential updates, and track initiation from radar or from two infrared views.

Measurements are processed in *scans*, one per (time, sensor). In each scan every live
track is predicted to the scan time (:func:`goldendome.tracking.ekf.predict`), paired with
the scan's measurements by :func:`goldendome.tracking.association.gnn_assign`, and updated
(:func:`goldendome.tracking.ekf.update`). Sensors that see the same object at the same time
update its track one after the other, which fuses them; custody passes from sensor to
sensor the same way, and each track records which sensors updated it and when.

Unpaired radar measurements start tentative tracks; unpaired infrared measurements start
one when two satellites' lines of sight cross within ``triangulation_gate_m``. A tentative
track is *firm* once it has ``confirm_hits`` updates within ``confirm_window_s`` (an M-of-N
rule over time), and of *fire-control quality* once its position one-sigma (the root of
the largest eigenvalue of its position covariance) is below ``fire_control_sigma_m`` and
its velocity one-sigma below ``fire_control_velocity_sigma_m_s``.
Tracks with no update for ``drop_tentative_s`` (tentative) or ``drop_firm_s`` (firm) end.
Process noise is large below ``boost_altitude_m`` (powered flight and reentry deceleration
are not in the ballistic model) and small above.
"""

from dataclasses import dataclass, field

import numpy as np

from goldendome.physics._types import FloatArray, IntArray
from goldendome.physics.constants import R_EARTH_MEAN_M
from goldendome.physics.measurements import N_COMPONENTS, RANGE_RATE
from goldendome.tracking import ekf
from goldendome.tracking.association import GATE_PROBABILITY, gnn_assign, pair_nis
from goldendome.tracking.initiation import initial_state_from_measurement
from goldendome.tracking.triangulation import triangulate_pairs

#: A mask selecting the range rate of a measurement.
_RATE = np.arange(N_COMPONENTS) == RANGE_RATE


@dataclass(frozen=True)
class TrackerSettings:
    """Tracker parameters (defaults: goldendome assumptions, see ``docs/sensors.md``)."""

    q_ballistic_m2_s3: float = 1e-2
    q_boost_m2_s3: float = 1e4
    boost_altitude_m: float = 250e3
    confirm_hits: int = 3
    confirm_window_s: float = 60.0
    drop_tentative_s: float = 60.0
    drop_firm_s: float = 600.0
    fire_control_sigma_m: float = 1_000.0
    fire_control_velocity_sigma_m_s: float = 50.0
    triangulation_gate_m: float = 30e3
    ir_position_sigma_m: float = 10e3
    ir_velocity_sigma_m_s: float = 5e3
    rate_after_velocity_sigma_m_s: float = 300.0


@dataclass
class TrackLog:
    """What the tracker did: per track, per measurement, and the states over time."""

    created_s: list[float] = field(default_factory=list)
    firm_s: list[float] = field(default_factory=list)
    fire_control_s: list[float] = field(default_factory=list)
    sensors: list[dict[int, float]] = field(default_factory=list)
    assigned: IntArray = field(default_factory=lambda: np.empty(0, np.int64))
    history: list[tuple[int, float, FloatArray, FloatArray]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.created_s)


class _Live:
    """Arrays of the live tracks (grown and filtered as scans go)."""

    def __init__(self) -> None:
        self.ids = np.empty(0, np.int64)
        self.x = np.empty((0, 6))
        self.p = np.empty((0, 6, 6))
        self.t = np.empty(0)
        self.hits: list[list[float]] = []

    def add(self, ids: IntArray, x: FloatArray, p: FloatArray, t: float) -> None:
        self.ids = np.concatenate([self.ids, ids])
        self.x, self.p = np.concatenate([self.x, x]), np.concatenate([self.p, p])
        self.t = np.concatenate([self.t, np.full(ids.size, t)])
        self.hits.extend([[t] for _ in range(ids.size)])

    def keep(self, mask: np.ndarray) -> None:
        self.ids, self.x, self.p, self.t = self.ids[mask], self.x[mask], self.p[mask], self.t[mask]
        self.hits = [h for h, k in zip(self.hits, mask, strict=True) if k]


def largest_sigma(p: FloatArray, start: int) -> FloatArray:
    """Root of the largest eigenvalue of each 3x3 block ``p[:, start:start+3, start:start+3]``."""
    block = p[:, start : start + 3, start : start + 3]
    return np.asarray(np.sqrt(np.linalg.eigvalsh(block)[:, -1]), dtype=np.float64)


def run_tracker(
    sensor: IntArray,
    t_s: FloatArray,
    z: FloatArray,
    sigma: FloatArray,
    origin_r: FloatArray,
    origin_v: FloatArray,
    rotation: FloatArray,
    settings: TrackerSettings = TrackerSettings(),
) -> TrackLog:
    """Track every object in a set of measurements (the arrays of ``Measurements``).

    Parameters
    ----------
    sensor : (n,) int64; t_s : (n,) float64, s
    z, sigma : (n, 4) float64; origin_r, origin_v : (n, 3); rotation : (n, 3, 3)
        See :mod:`goldendome.physics.measurements`. Rows need not be sorted.

    Returns
    -------
    TrackLog
        ``assigned[i]`` is the track measurement ``i`` went to (-1: none).
    """
    log = TrackLog(assigned=np.full(t_s.shape[0], -1, dtype=np.int64))
    live = _Live()
    arrays = (z, sigma, origin_r, origin_v, rotation)
    # A scan is one sensor frame from one place: (time, sensor, origin).
    keys = np.column_stack([t_s, sensor, origin_r])
    order = np.lexsort(keys.T[::-1])
    cut = np.flatnonzero(np.any(np.diff(keys[order], axis=0) != 0, axis=1)) + 1
    scans = np.split(order, cut) if order.size else []
    step_free: list[IntArray] = []
    for k, rows in enumerate(scans):
        t, s = float(t_s[rows[0]]), int(sensor[rows[0]])
        step_free.append(_scan(live, log, rows, t, s, arrays, settings))
        last_of_time = k + 1 == len(scans) or t_s[scans[k + 1][0]] != t
        if last_of_time:
            free = np.concatenate(step_free)
            _start_tracks(live, log, free, t, sensor, arrays, settings)
            _bookkeeping(live, log, t, settings)
            step_free = []
    return log


def _scan(
    live: _Live,
    log: TrackLog,
    rows: IntArray,
    t: float,
    s: int,
    m: tuple[FloatArray, ...],
    st: TrackerSettings,
) -> IntArray:
    """Predict, associate and update on one scan; returns the rows left unpaired."""
    z, sigma, o_r, o_v, rot = (a[rows] for a in m)
    if not live.ids.size:
        return rows
    altitude = np.linalg.norm(live.x[:, :3], axis=1) - R_EARTH_MEAN_M
    q = np.where(altitude < st.boost_altitude_m, st.q_boost_m2_s3, st.q_ballistic_m2_s3)
    live.x, live.p = ekf.predict(live.x, live.p, t - live.t, q)
    live.t[:] = t
    # Range rate is nonlinear in an unknown velocity: associate on range and angles, and
    # use it only once a track's velocity is known to ``rate_after_velocity_sigma_m_s``.
    positional = z.copy()
    positional[:, RANGE_RATE] = np.nan
    nis, dof = pair_nis(
        live.x, live.p, positional, sigma, o_r, o_v, rot, gate_probability=GATE_PROBABILITY
    )
    tr, mj = gnn_assign(nis, dof)
    if tr.size:
        v_sigma = largest_sigma(live.p[tr], 3)
        zu = np.where((v_sigma > st.rate_after_velocity_sigma_m_s)[:, None] & _RATE, np.nan, z[mj])
        up = ekf.update(live.x[tr], live.p[tr], zu, sigma[mj], o_r[mj], o_v[mj], rot[mj])
        live.x[tr], live.p[tr] = up.x_eci, up.covariance
        for k, j in zip(tr, mj, strict=True):
            track = int(live.ids[k])
            if live.hits[k][-1] != t:
                live.hits[k].append(t)
            log.assigned[rows[j]] = track
            log.sensors[track].setdefault(s, t)
    return rows[np.setdiff1d(np.arange(rows.size), mj)]


def _start_tracks(
    live: _Live,
    log: TrackLog,
    rows: IntArray,
    t: float,
    sensor: IntArray,
    m: tuple[FloatArray, ...],
    st: TrackerSettings,
) -> None:
    """New tentative tracks from the measurements of time ``t`` no track took."""
    z, sigma, o_r, o_v, rot = (a[rows] for a in m)
    radar = np.isfinite(z[:, 0])
    x, p = initial_state_from_measurement(
        z[radar], sigma[radar], o_r[radar], o_v[radar], rot[radar]
    )
    first, second = rows[radar], np.full(int(radar.sum()), -1, dtype=np.int64)
    ir = np.flatnonzero(~radar)
    if ir.size >= 2:
        x_ir, pairs = triangulate_pairs(z[ir], o_r[ir], rot[ir], st.triangulation_gate_m)
        prior = np.diag([st.ir_position_sigma_m**2] * 3 + [st.ir_velocity_sigma_m_s**2] * 3)
        x = np.concatenate([x, x_ir])
        p = np.concatenate([p, np.repeat(prior[None], pairs.shape[0], axis=0)])
        first = np.concatenate([first, rows[ir[pairs[:, 0]]]])
        second = np.concatenate([second, rows[ir[pairs[:, 1]]]])
    ids = np.arange(len(log), len(log) + x.shape[0], dtype=np.int64)
    for k, track in enumerate(ids):
        log.created_s.append(t)
        log.firm_s.append(np.nan)
        log.fire_control_s.append(np.nan)
        log.sensors.append({int(sensor[first[k]]): t})
        log.assigned[first[k]] = track
        if second[k] >= 0:
            log.assigned[second[k]] = track
    live.add(ids, x, p, t)


def _bookkeeping(live: _Live, log: TrackLog, t: float, st: TrackerSettings) -> None:
    sig = largest_sigma(live.p, 0) if live.ids.size else np.empty(0)
    vsig = largest_sigma(live.p, 3) if live.ids.size else np.empty(0)
    keep = np.ones(live.ids.size, bool)
    for k, track in enumerate(live.ids):
        hits = live.hits[k]
        firm = np.isfinite(log.firm_s[track])
        if not firm and sum(1 for h in hits if h >= t - st.confirm_window_s) >= st.confirm_hits:
            log.firm_s[track] = t
            firm = True
        good = sig[k] < st.fire_control_sigma_m and vsig[k] < st.fire_control_velocity_sigma_m_s
        if firm and np.isnan(log.fire_control_s[track]) and good:
            log.fire_control_s[track] = t
        if hits[-1] == t:
            log.history.append((int(track), t, live.x[k].copy(), live.p[k].copy()))
        limit = st.drop_firm_s if firm else st.drop_tentative_s
        keep[k] = t - hits[-1] <= limit
    live.keep(keep)
