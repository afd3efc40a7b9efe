"""Stage 4, sensing and tracking: every sensor measures the raid's objects, the tracker fuses
the measurements without knowing which object made them, and only afterwards are tracks
scored against the truth (a track is on the object that made at least half its
measurements, :func:`goldendome.tracking.scoring.track_owners`).

A threat's timeline counts from its launch: first detection (observation time, and when it
was reported after the sensor's latency), first firm track and first fire-control-quality
track on any of its objects (observation times), and the sensors that updated those tracks,
in the order they first did. Discrimination labels each released object from its looks by
sensor class (:func:`goldendome.sensors.labels.label_objects`).
"""

import math
from typing import Any

import numpy as np

from goldendome.physics.constants import R_EARTH_MEAN_M
from goldendome.physics.kinds import ObjectKind, kind_labels
from goldendome.physics.measurements import Measurements
from goldendome.physics.scene import SceneObjects
from goldendome.run.context import RunContext
from goldendome.run.sink import Sink
from goldendome.run.stages.kill_chain import SensedObjects
from goldendome.run.track_targets import read_non_ballistic, track_targets
from goldendome.sensors.base import Sensor
from goldendome.sensors.labels import label_objects
from goldendome.sensors.radar import Radar
from goldendome.sensors.signatures import signature_classes
from goldendome.tracking.impact_check import FireControlImpacts, fire_control_impacts
from goldendome.tracking.scoring import boosting_measured, track_owners
from goldendome.tracking.tracker import TrackLog, run_tracker

#: Progress stage of the sensors' measuring (one step per sensor).
SENSORS_STAGE = "sensors"


def _groups(keys: np.ndarray, n: int) -> list[np.ndarray]:
    """Indices of ``keys`` equal to 0, 1, ..., n - 1 (each increasing); other keys left out."""
    order = np.argsort(keys, kind="stable")
    starts = np.searchsorted(keys[order], np.arange(n + 1))
    return [order[starts[j] : starts[j + 1]] for j in range(n)]


def _earliest(times: np.ndarray) -> float:
    finite = times[np.isfinite(times)]
    return float(finite.min()) if finite.size else math.nan


def _held_since(log: TrackLog, owner: np.ndarray, m: Measurements) -> np.ndarray:
    """Per track, the first time it took a measurement of its owner (inf: none)."""
    held = np.full(len(log), np.inf)
    used = log.assigned >= 0
    mine = used.copy()
    mine[used] = m.object[used] == owner[log.assigned[used]]
    np.minimum.at(held, log.assigned[mine], m.t_s[mine])
    return held


def timeline_table(
    scene: SceneObjects,
    launch_s: np.ndarray,
    m: Measurements,
    latency_s: np.ndarray,
    log: TrackLog,
    owner: np.ndarray,
    impacts: FireControlImpacts,
) -> dict[str, list[object]]:
    """When each missile was detected, firmly tracked and given fire control.

    Each threat's measurements and tracks are grouped once, so the cost grows with the
    measurements and tracks, not with their product by the threats.
    """
    n_thr = len(launch_s)
    fc = dict(
        zip(
            impacts.object.tolist(),
            zip(impacts.fire_control_s, impacts.impact_sigma_m, impacts.impact_miss_m, strict=True),
            strict=True,
        )
    )
    by_threat = _groups(scene.threat[m.object], n_thr)
    owned = owner >= 0
    track_threat = np.where(owned, scene.threat[np.where(owned, owner, 0)], -1)
    tracks_of = _groups(track_threat, n_thr)
    objects_of = _groups(scene.threat, n_thr)
    # A track holds its object from the first measurement of that object it took: a track
    # that started on another missile and swapped onto this one counts from then.
    held = _held_since(log, owner, m)
    firm_all = np.maximum(np.asarray(log.firm_s, dtype=float), held)
    fire_all = np.maximum(np.asarray(log.fire_control_s, dtype=float), held)
    cols: dict[str, list[object]] = {}
    for j, launch in enumerate(launch_s):
        objects, seen, tracks = objects_of[j], by_threat[j], tracks_of[j]
        observed = m.t_s[seen]
        reported = observed + latency_s[m.sensor[seen]]
        first = int(np.argmin(observed)) if observed.size else -1
        firm, fire = firm_all[tracks], fire_all[tracks]
        updates: dict[int, float] = {}
        for k in tracks[np.isfinite(firm)]:
            for sensor, t in log.sensors[k].items():
                updates[sensor] = min(t, updates.get(sensor, math.inf))
        by = sorted(updates.items(), key=lambda kv: kv[1])
        rv = [fc[int(o)] for o in objects if int(o) in fc and scene.kind[o] == ObjectKind.RV]
        first_rv = min(rv, default=(math.nan, math.nan, math.nan))
        row = {
            "threat_id": j,
            "first_detection_s": float(observed[first] - launch) if first >= 0 else math.nan,
            "first_report_s": float(reported.min() - launch) if first >= 0 else math.nan,
            "first_detected_by": int(m.sensor[seen][first]) if first >= 0 else -1,
            "firm_track_s": _earliest(firm) - launch,
            "fire_control_s": _earliest(fire) - launch,
            "tracked_by": ",".join(str(s) for s, _ in by),
            "objects": int(objects.size),
            "objects_with_firm_tracks": int(np.unique(owner[tracks[np.isfinite(firm)]]).size),
            "rv_fire_control_s": float(first_rv[0]) - launch,
            "impact_sigma_m": float(first_rv[1]),
            "impact_error_m": float(first_rv[2]),
        }
        for key, value in row.items():
            cols.setdefault(key, []).append(value)
    return cols


def track_tables(
    log: TrackLog, owner: np.ndarray, truth: np.ndarray, scene: SceneObjects
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The ``tracks`` table and the ``track_states`` table (each track after each update)."""
    n = len(log)
    used = log.assigned >= 0
    made = np.bincount(log.assigned[used], minlength=n)
    mine = used.copy()
    mine[used] = owner[log.assigned[used]] == truth[used]
    on_object = np.bincount(log.assigned[mine], minlength=n)
    threat_of = np.where(owner >= 0, scene.threat[np.maximum(owner, 0)], -1)
    tracks = {
        "track_id": np.arange(n),
        "object_id": owner,
        "threat_id": threat_of,
        "created_s": np.asarray(log.created_s, float),
        "firm_track_s": np.asarray(log.firm_s, float),
        "fire_control_s": np.asarray(log.fire_control_s, float),
        "measurements": made,
        "measurements_on_object": on_object,
    }
    h = log.history
    states = {
        "track_id": h.track,
        "t_s": h.t_s,
        "object_id": owner[h.track],
        "threat_id": threat_of[h.track],
        "altitude_m": np.linalg.norm(h.x_eci[:, :3], axis=1) - R_EARTH_MEAN_M,
        "position_sigma_m": h.position_sigma_m,
        "velocity_sigma_m_s": h.velocity_sigma_m_s,
    }
    return tracks, states


def measure_all(sensors: list[Sensor], scene: SceneObjects, rngs: list[np.random.Generator],
                sink: Sink, signature: np.ndarray | None = None) -> Measurements:  # fmt: skip
    """Every sensor's detections of the scene, one progress step per sensor (``signature``:
    the objects' signature classes, :mod:`goldendome.sensors.signatures`)."""
    parts = []
    sink.progress(SENSORS_STAGE, 0, len(sensors))
    for k, (sensor, rng) in enumerate(zip(sensors, rngs, strict=True)):
        parts.append(sensor.measure(scene, rng, signature))
        sink.progress(SENSORS_STAGE, k + 1, len(sensors))
    return Measurements.concatenate(parts)


def sensor_table(sensors: list[Sensor], m: Measurements, ctx: RunContext) -> dict[str, Any]:
    """The ``sensors`` table: each sensor, where it sits, and what it detected."""
    n = len(sensors)
    layer_ids = {layer.name: layer.layer_id for layer in ctx.layers.values()}
    site_ids = {site.name: i for i, site in enumerate(ctx.spec.sites)}
    n_obj = int(m.object.max(initial=0)) + 1
    seen_by = np.unique(m.sensor * n_obj + m.object) // n_obj  # a sensor per object it saw
    return {
        "sensor_id": [s.sensor_id for s in sensors],
        "name": [s.name for s in sensors],
        "kind": [s.label for s in sensors],
        "discrimination_class": [s.discrimination_class for s in sensors],
        "layer_id": [-1 if isinstance(s, Radar) else layer_ids.get(s.name, -1) for s in sensors],
        "site_id": [site_ids.get(s.name, -1) if isinstance(s, Radar) else -1 for s in sensors],
        "detections": np.bincount(m.sensor, minlength=n)[:n].astype(np.int64).tolist(),
        "objects_detected": np.bincount(seen_by, minlength=n)[:n].astype(np.int64).tolist(),
        "report_latency_s": np.array([s.report_latency_s for s in sensors]),
    }  # fmt: skip


def run_sensing(ctx: RunContext, sink: Sink) -> SensedObjects | None:
    """Detect and track the raid with every sensor; None without a raid or sensors.

    Progress goes to ``sink.progress``: ``"sensors"`` (one step per sensor), then the
    tracker's scans (:data:`goldendome.tracking.tracker.PROGRESS_STAGE`).
    """
    raid, sensors = ctx.raid, ctx.sensors
    if raid is None or not sensors:
        return None
    scene = raid.scene
    rngs = ctx.streams.children("sensing", len(sensors) + 1)  # the last: discrimination
    # Glide vehicles and cruise missiles glow and echo as what they are (detection physics
    # only; tracks and decisions never read it).
    gliding = raid.gliding_objects
    signature = signature_classes(scene.kind, gliding, raid.manoeuvring_objects & ~gliding)
    m = measure_all(sensors, scene, rngs[:-1], sink, signature)
    log = run_tracker(
        m.sensor, m.t_s, m.z, m.sigma, m.origin_r_eci_m, m.origin_v_eci_m_s, m.rotation,
        ctx.spec.tracking.settings(), progress=sink.progress, plume=m.plume,
    )  # fmt: skip
    owner = track_owners(log, m.object, len(scene), boosting_measured(scene, m))
    n_thr = raid.n_missiles
    true_lat, true_lon = raid.deployment.flight.impact_lat_lon_rad()
    impacts = fire_control_impacts(log, owner, n_thr, true_lat, true_lon, ctx.clock.theta0_rad)
    steered = read_non_ballistic(log, owner, n_thr, ctx.clock.theta0_rad)  # read, not truth
    impacts = impacts.without_prediction(steered)
    latency = np.array([s.report_latency_s for s in sensors])
    sink.table("sensors", sensor_table(sensors, m, ctx))
    launch = raid.launches.t_launch_s
    sink.table("threat_timelines", timeline_table(scene, launch, m, latency, log, owner, impacts))
    sink.table(
        "fire_control",
        {
            "object_id": impacts.object,
            "fire_control_time_s": impacts.fire_control_s,
            "impact_sigma_m": impacts.impact_sigma_m,
            "impact_error_m": impacts.impact_miss_m,
        },
    )
    released_s = np.concatenate([np.full(n_thr, np.nan), raid.deployment.release_t_s])
    labels = label_objects(sensors, m, scene, rngs[-1], released_s)
    sink.table(
        "discrimination",
        {
            "object_id": labels.object,
            "threat_id": labels.threat,
            "kind": kind_labels(labels.kind),
            "looks_ir_tracking": labels.looks[:, 0],
            "looks_radar_x_band": labels.looks[:, 1],
            "looks_radar_low_band": labels.looks[:, 2],
            "told_probability": labels.told_probability,
            "told": labels.told,
        },
    )
    tracks, states = track_tables(log, owner, m.object, scene)
    sink.table("tracks", tracks)
    sink.table("track_states", states)
    n_rel = len(raid.deployment)
    fc, sigma = np.full(n_rel, np.nan), np.full(n_rel, np.nan)
    fc[impacts.object - n_thr] = impacts.fire_control_s
    sigma[impacts.object - n_thr] = impacts.impact_sigma_m
    told = np.zeros(n_rel)
    told[labels.object - n_thr] = labels.told_probability
    looks = np.zeros((n_rel, labels.looks.shape[1]), np.int64)
    looks[labels.object - n_thr] = labels.looks
    targets = track_targets(log, owner, raid, ctx.clock.theta0_rad)
    return SensedObjects(fc, sigma, told, targets, looks)
