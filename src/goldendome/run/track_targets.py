"""The battle manager's targets from the run's sensing pass: every fire-control track.

Each track that reached fire-control quality becomes a target
(:class:`goldendome.engagement.targets.TrackTargets`) with what the tracker knew: its
fire-control time, the impact predicted from its state and covariance then
(:func:`goldendome.tracking.impact.predict_impact`, as the ``fire_control`` table's
prediction of each object's first such track), and its later updates' uncertainty. The
truth is added for scoring and for where the interceptor really has to go: the released
object the track is on, whether it is on a missile's spent stage, and for a track on no
released object (a ghost, or a spent stage) the released object nearest the track's state at
fire control, whose trajectory the interceptor meets.

Each target also carries the regime the battle manager reads from the track's own states
(:func:`goldendome.tracking.regime.classify_regime`, from its fire-control state and every
later update): the first non-ballistic reading (a glide, or an air-breathing cruise
missile), when it was made and the state it was made from; a track never read otherwise is
ballistic. It carries the state of every update too, so that the battle manager judges a
non-ballistic track's threat again as it flies (a cruise missile turns at its waypoints;
:attr:`goldendome.engagement.picture.KillChainSetup.target_threat`). The raid's truth
(which objects glide or cruise) is not used.
"""

import numpy as np

from goldendome.engagement.targets import TrackTargets
from goldendome.physics._types import FloatArray, IntArray
from goldendome.physics.constants import OMEGA_EARTH_RAD_S
from goldendome.run.raid import FlownRaid
from goldendome.tracking.impact import predict_impact
from goldendome.tracking.regime import Regime, classify_regime
from goldendome.tracking.tracker import TrackLog


def _largest_sigma(block: FloatArray) -> FloatArray:
    """Root of the largest eigenvalue of ``(n, 3, 3)`` covariance blocks (NaN blocks: NaN)."""
    out = np.full(block.shape[0], np.nan)
    ok = np.isfinite(block).all(axis=(1, 2))
    if ok.any():
        out[ok] = np.sqrt(np.maximum(np.linalg.eigvalsh(block[ok])[:, -1], 0.0))
    return out


def _nearest_released(raid: FlownRaid, x_eci: FloatArray, t_s: FloatArray) -> IntArray:
    """Released object nearest each ``(n, 6)`` state at its time (-1: none flying then)."""
    f = raid.deployment.flight
    if not x_eci.shape[0] or not f.t_s.size:
        return np.full(x_eci.shape[0], -1, np.int64)
    k = np.clip(np.searchsorted(f.t_s, t_s), 0, f.t_s.size - 1)
    where = f.y_eci[:, k, :3]  # (n_obj, n, 3)
    d = np.linalg.norm(where - x_eci[None, :, :3], axis=-1)
    d = np.where(np.isfinite(d), d, np.inf)
    best = np.argmin(d, axis=0)
    return np.where(np.isfinite(d.min(axis=0, initial=np.inf)), best, -1).astype(np.int64)


def read_non_ballistic(
    log: TrackLog, owner: IntArray, n_missile: int, theta0_rad: float
) -> IntArray:
    """Global ids of the released objects with a fire-control track whose states read
    non-ballistic (:func:`goldendome.tracking.regime.classify_regime`) at fire control or
    any later update, or with any other track whose states ever read so: a ballistic impact
    prediction means nothing for them, so the ``fire_control`` table gives none (NaN). A
    glider holds fire control in its ballistic coast, and the track that follows its glide
    may be another one. (A report on objects, keyed by the truth's owner; the battle manager
    reads each track by itself, :func:`track_targets`.)"""
    fire = np.asarray(log.fire_control_s, np.float64)
    on_object = owner >= n_missile
    trk = np.flatnonzero(np.isfinite(fire) & on_object)
    h = log.history
    start = np.where(np.isfinite(fire), fire, -np.inf)  # from fire control on, or every update
    later = on_object[h.track] & (h.t_s > start[h.track])
    which = np.concatenate([trk, h.track[later]])
    t_s = np.concatenate([fire[trk], h.t_s[later]])
    x = np.concatenate([log.fire_control_x_eci[trk], h.x_eci[later]])
    theta = theta0_rad + OMEGA_EARTH_RAD_S * t_s
    code = classify_regime(x, theta) if t_s.size else np.empty(0, np.int64)
    return np.unique(owner[which[code != Regime.BALLISTIC]]).astype(np.int64)


def track_targets(
    log: TrackLog, owner: IntArray, raid: FlownRaid, theta0_rad: float
) -> TrackTargets:
    """Every fire-control track of ``log`` as a target.

    Parameters
    ----------
    log : TrackLog
    owner : (n_track,) int64
        Global object id each track is on, -1 for none
        (:func:`goldendome.tracking.scoring.track_owners`).
    raid : FlownRaid
        The raid (released objects' trajectories, for the nearest object of a ghost).
    theta0_rad : float, radians
        Earth rotation angle at scenario time 0.

    Returns
    -------
    TrackTargets
        In increasing track id.
    """
    fire = np.asarray(log.fire_control_s, np.float64)
    trk = np.flatnonzero(np.isfinite(fire))
    n_missile, t_fc = raid.n_missiles, fire[trk]
    obj = owner[trk] - n_missile
    obj = np.where(owner[trk] >= n_missile, obj, -1).astype(np.int64)
    x, p = log.fire_control_x_eci[trk], log.fire_control_covariance[trk]
    hit = predict_impact(x, p, theta0_rad + OMEGA_EARTH_RAD_S * t_fc)
    proxy = obj.copy()
    none = obj < 0
    proxy[none] = _nearest_released(raid, x[none], t_fc[none])
    # The updates from fire control on: the fire-control state first, then the history's.
    index = np.full(len(log), -1, np.int64)
    index[trk] = np.arange(trk.size)
    h = log.history
    later = (index[h.track] >= 0) & (h.t_s > fire[h.track])
    target = np.concatenate([np.arange(trk.size), index[h.track[later]]])
    t_u = np.concatenate([t_fc, h.t_s[later]])
    sigma_p = np.concatenate([_largest_sigma(p[:, :3, :3]), h.position_sigma_m[later]])
    sigma_v = np.concatenate([_largest_sigma(p[:, 3:, 3:]), h.velocity_sigma_m_s[later]])
    order = np.lexsort((t_u, target))
    target = target[order]
    start = np.searchsorted(target, np.arange(trk.size + 1))
    last = np.full(trk.size, -np.inf)
    np.maximum.at(last, target, t_u[order])
    x_u = np.concatenate([x, h.x_eci[later]])[order]
    regime, regime_s, regime_x, regime_theta = _first_reading(
        target, t_u[order], x_u, theta0_rad, t_fc
    )
    return TrackTargets(
        track_id=trk.astype(np.int64),
        owner=obj,
        proxy=proxy,
        on_stage=(owner[trk] >= 0) & (owner[trk] < n_missile),
        fire_control_s=t_fc,
        last_update_s=last,
        impact_lat_rad=np.asarray(hit.latitude_rad, np.float64),
        impact_lon_rad=np.asarray(hit.longitude_rad, np.float64),
        impact_sigma_m=np.asarray(hit.sigma_m, np.float64),
        update_start=start.astype(np.int64),
        update_t_s=t_u[order],
        update_position_sigma_m=sigma_p[order],
        update_velocity_sigma_m_s=sigma_v[order],
        regime=regime,
        regime_s=regime_s,
        regime_x_eci=regime_x,
        regime_theta_rad=regime_theta,
        update_x_eci=x_u,
    )


def _first_reading(
    target: IntArray, t_s: FloatArray, x_eci: FloatArray, theta0_rad: float, t_fc: FloatArray
) -> tuple[IntArray, FloatArray, FloatArray, FloatArray]:
    """Each target's first non-ballistic regime among its states (sorted by target, then
    time), with its time, state and Earth rotation angle; ballistic at fire control if none.
    """
    n = t_fc.size
    theta = theta0_rad + OMEGA_EARTH_RAD_S * t_s
    code = classify_regime(x_eci, theta) if t_s.size else np.empty(0, np.int64)
    regime, when = np.zeros(n, np.int64), np.array(t_fc, np.float64)
    state, angle = np.full((n, 6), np.nan), np.full(n, np.nan)
    rows = np.flatnonzero(code != Regime.BALLISTIC)
    first_target, at = np.unique(target[rows], return_index=True)  # rows are in time order
    row = rows[at]
    regime[first_target] = code[row]
    when[first_target] = t_s[row]
    state[first_target] = x_eci[row]
    angle[first_target] = theta[row]
    return regime, when, state, angle
