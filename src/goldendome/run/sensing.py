"""The architecture's sensors against the raid: detections, tracks, and each threat's timeline.

Infrared layers come from the space layers (role ``early_warning`` or ``tracking``), radars
from the sites that have a ``radar`` table. Every sensor measures the raid's objects on the
raid's time grid (:mod:`goldendome.run.raid_objects`); the tracker
(:mod:`goldendome.tracking.tracker`) fuses all measurements without knowing which object
made them. Only afterwards are tracks scored against the truth: a track belongs to the
object that made most of its measurements. A threat's timeline counts from its launch:
first detection (observation time, and when it was reported after the sensor's latency),
first firm track and first fire-control-quality track on any of its objects (observation
times), and the sensors that updated those tracks, in the order they first did.
"""

import math
from dataclasses import dataclass

import numpy as np

from goldendome.orbits.analytic import propagate_analytic
from goldendome.physics.constants import R_EARTH_MEAN_M
from goldendome.physics.earth_rotation import earth_rotation_angle_rad
from goldendome.run.discrimination_run import ObjectLabelRow, label_objects
from goldendome.run.impact_check import object_impacts
from goldendome.run.raid import SENSING, SUBSYSTEMS, RaidResult
from goldendome.run.raid_objects import KIND_NAMES, RaidObjects, raid_objects
from goldendome.scenario.spec import ScenarioSpec
from goldendome.sensors.base import Measurements
from goldendome.sensors.infrared import InfraredLayer, infrared_catalog
from goldendome.sensors.radar import Radar
from goldendome.sensors.radar_type import radar_types
from goldendome.tracking.tracker import TrackLog, largest_sigma, run_tracker

_IR_KIND = {"early_warning": "early_warning", "tracking": "tracking"}


@dataclass(frozen=True)
class SensorRow:
    """What one sensor contributed."""

    sensor: int
    name: str
    kind: str
    detections: int
    objects_detected: int
    report_latency_s: float


@dataclass(frozen=True)
class ThreatTimeline:
    """When a threat was first detected, firmly tracked and given fire-control quality."""

    threat: int
    first_detection_s: float
    first_report_s: float
    first_detected_by: str
    firm_track_s: float
    fire_control_s: float
    tracked_by: str
    objects: int
    objects_with_firm_tracks: int
    rv_fire_control_s: float
    impact_sigma_km: float
    impact_error_km: float


@dataclass(frozen=True)
class TrackStateRow:
    """A track after one of its updates: where it is and how well it is known."""

    track: int
    t_s: float
    object: int
    threat: int
    altitude_km: float
    position_sigma_m: float
    velocity_sigma_m_s: float


@dataclass(frozen=True)
class Sensing:
    """Sensors, threat timelines and tracking figures of a run."""

    sensors: list[SensorRow]
    timelines: list[ThreatTimeline]
    tracks: int
    measurements: int
    track_purity: float
    objects: list[ObjectLabelRow]
    track_states: list[TrackStateRow]
    #: Per released object (index into the raid's objects table): first fire-control time
    #: (s), predicted-impact 1-sigma (km) and miss (km); objects never given fire control are
    #: absent.
    fire_control: dict[int, tuple[float, float, float]]


def _sensors(spec: ScenarioSpec, t_s: np.ndarray) -> list[tuple[object, str, str, float]]:
    """(model, name, kind, latency) of every sensor of the scenario."""
    out: list[tuple[object, str, str, float]] = []
    catalog = infrared_catalog()["types"]
    for name, layer in spec.space.items():
        if layer.role not in _IR_KIND:
            continue
        elements = layer.build(name).initial_elements(spec.time.epoch)
        r = propagate_analytic(elements, t_s)
        v = propagate_analytic(elements, t_s + 0.5) - propagate_analytic(elements, t_s - 0.5)
        kind = catalog[_IR_KIND[layer.role]]
        model = InfraredLayer(name, len(out), kind, t_s, r, v)
        out.append((model, name, f"infrared {_IR_KIND[layer.role]}", model.report_latency_s))
    theta0 = float(earth_rotation_angle_rad(0.0, spec.time.epoch))
    for site in spec.sites:
        if site.radar is None:
            continue
        kind = radar_types()[site.radar.type]
        el = site.radar.boresight_elevation_rad
        radar = Radar(
            site.name,
            site.latitude_rad,
            site.longitude_rad,
            site.altitude_m,
            site.radar.boresight_azimuth_rad,
            kind.boresight_elevation_rad if el is None else el,
            kind,
            faces=site.radar.faces,
            min_elevation_rad=site.min_elevation_rad,
            sensor_id=len(out),
            theta0_rad=theta0,
        )
        out.append((radar, site.name, f"radar {kind.name}", 0.0))
    return out


def _measure(
    sensors: list[tuple[object, str, str, float]],
    objs: RaidObjects,
    rngs: list[np.random.Generator],
) -> list[Measurements]:
    out = []
    for (model, _, _, _), rng in zip(sensors, rngs, strict=True):
        args = (objs.t_s, objs.r_eci_m, objs.v_eci_m_s, objs.kind, rng)
        if isinstance(model, InfraredLayer):
            out.append(model.measure(*args, boosting=objs.boosting, kind_names=KIND_NAMES))
        elif isinstance(model, Radar):
            out.append(model.measure(*args, kind_names=KIND_NAMES))
    return out


def _join(parts: list[Measurements]) -> Measurements:
    names = list(Measurements.__dataclass_fields__)
    return Measurements(*(np.concatenate([getattr(p, n) for p in parts]) for n in names))


def sense_raid(spec: ScenarioSpec, raid: RaidResult) -> Sensing | None:
    """Detect and track the raid with every sensor of the scenario (None without either)."""
    objs = raid_objects(raid)
    sensors = _sensors(spec, objs.t_s) if objs is not None else []
    if objs is None or not sensors:
        return None
    # One random stream per sensor, and the last for discrimination.
    children = np.random.SeedSequence(spec.seed).spawn(SUBSYSTEMS)[SENSING].spawn(len(sensors) + 1)
    rngs = [np.random.default_rng(child) for child in children]
    m = _join(_measure(sensors, objs, rngs[:-1]))
    latency = np.array([s[3] for s in sensors])
    log = run_tracker(
        m.sensor, m.t_s, m.z, m.sigma, m.origin_r_eci_m, m.origin_v_eci_m_s, m.rotation
    )
    owner = _track_owners(log, m.object, len(objs))
    rows = [
        SensorRow(
            k,
            name,
            kind,
            int(np.sum(m.sensor == k)),
            int(np.unique(m.object[m.sensor == k]).size),
            lat,
        )
        for k, (_, name, kind, lat) in enumerate(sensors)
    ]
    names = [s[1] for s in sensors]
    launch = [t.launch_time_s for t in raid.threats]
    impacts = object_impacts(spec, raid, objs, m, log, owner)
    timelines = [
        _timeline(j, launch[j], objs, m, latency, log, owner, names, impacts)
        for j in range(len(launch))
    ]
    labels = label_objects([s[0] for s in sensors], m, objs, rngs[-1])
    mine = owner[log.assigned[log.assigned >= 0]] == m.object[log.assigned >= 0]
    purity = float(mine.mean()) if mine.size else math.nan
    states = _track_states(log, owner, objs)
    n_thr = len(raid.threats)
    released = {k - n_thr: v for k, v in impacts.items()}
    return Sensing(rows, timelines, len(log), len(m), purity, labels, states, released)


def _track_states(log: TrackLog, owner: np.ndarray, objs: RaidObjects) -> list[TrackStateRow]:
    """Every track's state after each update (the covariance over time, as 1-sigma sizes)."""
    if not log.history:
        return []
    x = np.stack([h[2] for h in log.history])
    p = np.stack([h[3] for h in log.history])
    altitude_km = (np.linalg.norm(x[:, :3], axis=1) - R_EARTH_MEAN_M) / 1e3
    position_sigma, velocity_sigma = largest_sigma(p, 0), largest_sigma(p, 3)
    rows = []
    for k, (track, t, _, _) in enumerate(log.history):
        obj = int(owner[track])
        rows.append(
            TrackStateRow(
                track=track,
                t_s=t,
                object=obj,
                threat=int(objs.threat[obj]) if obj >= 0 else -1,
                altitude_km=float(altitude_km[k]),
                position_sigma_m=float(position_sigma[k]),
                velocity_sigma_m_s=float(velocity_sigma[k]),
            )
        )
    return rows


#: Least share of a track's measurements one object must have made for the track to be on it.
OWNER_SHARE = 0.5


def _track_owners(log: TrackLog, truth: np.ndarray, n_objects: int) -> np.ndarray:
    """The object that made most of each track's measurements, if it made at least
    ``OWNER_SHARE`` of them; -1 for a track that wandered among objects (a confused track
    is on none of them, however precise its covariance says it is)."""
    owner = np.full(len(log), -1, dtype=np.int64)
    used = log.assigned >= 0
    if not used.any():
        return owner
    order = np.argsort(log.assigned[used], kind="stable")
    tracks, starts = np.unique(log.assigned[used][order], return_index=True)
    for k, made in zip(tracks, np.split(truth[used][order], starts[1:]), strict=True):
        votes = np.bincount(made, minlength=n_objects)
        best = int(votes.argmax())
        owner[k] = best if votes[best] >= OWNER_SHARE * made.size else -1
    return owner


def _earliest(times: np.ndarray) -> float:
    """The earliest finite time, or NaN."""
    finite = times[np.isfinite(times)]
    return float(finite.min()) if finite.size else math.nan


def _timeline(
    j: int,
    launch_s: float,
    objs: RaidObjects,
    m: Measurements,
    latency: np.ndarray,
    log: TrackLog,
    owner: np.ndarray,
    names: list[str],
    impacts: dict[int, tuple[float, float, float]],
) -> ThreatTimeline:
    objects = np.flatnonzero(objs.threat == j)
    seen = np.isin(m.object, objects)
    observed = m.t_s[seen]
    reported = observed + latency[m.sensor[seen]]
    first = int(np.argmin(observed)) if observed.size else -1
    tracks = np.flatnonzero(np.isin(owner, objects))
    # A track holds its object from the first measurement of that object it took: a track
    # that started on another missile and swapped onto this one counts from the swap.
    held = np.array(
        [m.t_s[(log.assigned == k) & (m.object == owner[k])].min() for k in tracks], dtype=float
    )
    firm = np.maximum(np.array([log.firm_s[k] for k in tracks], dtype=float), held)
    fc = np.maximum(np.array([log.fire_control_s[k] for k in tracks], dtype=float), held)
    updates: dict[int, float] = {}
    for k in tracks[np.isfinite(firm)]:
        for sensor, t in log.sensors[k].items():
            updates[sensor] = min(t, updates.get(sensor, math.inf))
    by = ", ".join(names[s] for s, _ in sorted(updates.items(), key=lambda kv: kv[1]))
    firm_objects = np.unique(owner[tracks[np.isfinite(firm)]]).size
    rv = [impacts[int(o)] for o in objects if int(o) in impacts and objs.kind[o] == 0]
    first_rv = min(rv, default=(math.nan, math.nan, math.nan))
    return ThreatTimeline(
        threat=j,
        first_detection_s=float(observed[first] - launch_s) if first >= 0 else math.nan,
        first_report_s=float(reported.min() - launch_s) if first >= 0 else math.nan,
        first_detected_by=names[int(m.sensor[seen][first])] if first >= 0 else "",
        firm_track_s=float(np.nanmin(firm, initial=np.inf) - launch_s)
        if np.isfinite(firm).any()
        else math.nan,
        fire_control_s=float(np.nanmin(fc, initial=np.inf) - launch_s)
        if np.isfinite(fc).any()
        else math.nan,
        tracked_by=by,
        objects=int(objects.size),
        objects_with_firm_tracks=int(firm_objects),
        rv_fire_control_s=first_rv[0] - launch_s,
        impact_sigma_km=first_rv[1],
        impact_error_km=first_rv[2],
    )
