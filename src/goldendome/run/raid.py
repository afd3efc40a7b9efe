"""Fly a scenario's raid: aim every missile at its target, fly them all in one batch."""

import math
from dataclasses import dataclass

import numpy as np

from goldendome.physics._types import FloatArray
from goldendome.physics.earth_rotation import earth_rotation_angle_rad
from goldendome.physics.geodesy import geodesic_inverse
from goldendome.scenario.catalog import BallisticClassSpec, launch_areas, targets, threat_classes
from goldendome.scenario.spec import ScenarioSpec
from goldendome.threats.ballistic import Launches
from goldendome.threats.deployment import OBJECT_KINDS, Deployment, deploy
from goldendome.threats.flight import APOGEE, BURNOUT, EVENT_NAMES, IMPACT, REENTRY, Flight, fly
from goldendome.threats.targeting import aim

#: Random subsystems spawned from the scenario seed (one SeedSequence child each).
DEPLOYMENT = 0
SENSING = 1
SUBSYSTEMS = 2


@dataclass(frozen=True)
class ThreatRow:
    """One missile of the raid: what, from where, at what, and how it flew."""

    threat: int
    threat_class: str
    launch_area: str
    target: str
    launch_time_s: float
    reachable: bool
    miss_m: float
    max_range_km: float
    burnout_time_s: float
    apogee_km: float
    impact_time_s: float
    flight_time_s: float
    range_km: float
    impact_latitude_deg: float
    impact_longitude_deg: float


@dataclass(frozen=True)
class EventRow:
    """One event of one missile (burnout, apogee, reentry, impact)."""

    threat: int
    event: str
    t_s: float
    latitude_deg: float
    longitude_deg: float
    altitude_km: float
    speed_km_s: float


@dataclass(frozen=True)
class ObjectRow:
    """One released object (reentry vehicle or decoy) and where it came down."""

    object: int
    threat: int
    kind: str
    release_time_s: float
    reentry_time_s: float
    impact_time_s: float
    impact_speed_km_s: float
    impact_latitude_deg: float
    impact_longitude_deg: float
    miss_from_target_km: float


@dataclass(frozen=True)
class RaidResult:
    """The flown raid: per-missile rows, events, released objects, and the trajectories."""

    threats: list[ThreatRow]
    events: list[EventRow]
    objects: list[ObjectRow]
    flight: Flight | None
    deployment: Deployment | None
    launches: Launches | None = None


def _launches(
    spec: ScenarioSpec,
) -> tuple[Launches, FloatArray, FloatArray, list[tuple[str, str, str]]]:
    rockets, lat, lon, t0, lat_t, lon_t, labels = [], [], [], [], [], [], []
    for entry in spec.threats.raid:
        cls = threat_classes()[entry.class_]
        assert isinstance(cls, BallisticClassSpec)  # the raid spec admits ballistic classes only
        area, goal = launch_areas()[entry.from_], targets()[entry.to]
        for k in range(entry.count):
            rockets.append(cls.build_rocket())
            lat.append(area.latitude_rad)
            lon.append(area.longitude_rad)
            t0.append(entry.launch_time_s + k * entry.spacing_s)
            lat_t.append(goal.latitude_rad)
            lon_t.append(goal.longitude_rad)
            labels.append((entry.class_, entry.from_, entry.to))
    launches = Launches.of(rockets, lat, lon, 0.0, 0.0, t_launch_s=t0)
    return launches, np.array(lat_t), np.array(lon_t), labels


def fly_raid(spec: ScenarioSpec, t_s: FloatArray) -> RaidResult:
    """Aim and fly every missile of ``spec.threats.raid``, sampled at ``t_s``.

    Entries with ``shape = "lofted"`` are aimed on lofted arcs, the others on
    minimum-energy arcs. Missiles whose target is out of reach fly their maximum-range arc
    toward it and are marked ``reachable = False``.
    """
    if not spec.threats.raid:
        return RaidResult([], [], [], None, None)
    theta0 = float(earth_rotation_angle_rad(0.0, spec.time.epoch))
    launches, lat_t, lon_t, labels = _launches(spec)
    shapes = [e.shape for e in spec.threats.raid for _ in range(e.count)]
    aimed = launches
    reachable = np.zeros(len(launches), bool)
    miss = np.full(len(launches), np.nan)
    max_range = np.full(len(launches), np.nan)
    for shape in set(shapes):
        idx = np.array([i for i, s in enumerate(shapes) if s == shape])
        part = aim(launches.take(idx), lat_t[idx], lon_t[idx], shape=shape, theta0_rad=theta0)
        aimed = aimed.put(idx, part.launches)
        reachable[idx], miss[idx], max_range[idx] = part.reachable, part.miss_m, part.max_range_m
    flight = fly(aimed, t_s, theta0_rad=theta0)
    lat, lon = flight.impact_lat_lon_rad()
    rows = [
        ThreatRow(
            threat=i,
            threat_class=labels[i][0],
            launch_area=labels[i][1],
            target=labels[i][2],
            launch_time_s=float(aimed.t_launch_s[i]),
            reachable=bool(reachable[i]),
            miss_m=float(miss[i]),
            max_range_km=float(max_range[i]) / 1e3,
            burnout_time_s=float(flight.event_t_s[i, BURNOUT]),
            apogee_km=float(flight.altitude_at_m(APOGEE)[i]) / 1e3,
            impact_time_s=float(flight.event_t_s[i, IMPACT]),
            flight_time_s=float(flight.flight_time_s()[i]),
            range_km=float(flight.ground_range_m()[i]) / 1e3,
            impact_latitude_deg=math.degrees(float(lat[i])),
            impact_longitude_deg=math.degrees(float(lon[i])),
        )
        for i in range(len(aimed))
    ]
    rockets = [threat_classes()[labels[i][0]] for i in range(len(aimed))]
    classes = [r.build_rocket() for r in rockets if isinstance(r, BallisticClassSpec)]
    counts = [e.decoys for e in spec.threats.raid for _ in range(e.count)]
    decoys = [c.decoy_count if d is None else d for c, d in zip(classes, counts, strict=True)]
    rng = np.random.default_rng(np.random.SeedSequence(spec.seed).spawn(SUBSYSTEMS)[DEPLOYMENT])
    deployment = deploy(flight, classes, rng, t_s, decoys=decoys)
    objects = _objects(deployment, lat_t, lon_t)
    return RaidResult(rows, _events(flight), objects, flight, deployment, aimed)


def _objects(d: Deployment, lat_t: FloatArray, lon_t: FloatArray) -> list[ObjectRow]:
    f = d.flight
    lat, lon = f.impact_lat_lon_rad()
    miss = np.full(len(d), np.nan)
    ok = np.isfinite(lat)
    miss[ok] = geodesic_inverse(lat[ok], lon[ok], lat_t[d.missile][ok], lon_t[d.missile][ok])[0]
    speed = f.speed_at_m_s(IMPACT, relative=True)
    return [
        ObjectRow(
            object=k,
            threat=int(d.missile[k]),
            kind=OBJECT_KINDS[int(d.kind[k])],
            release_time_s=float(d.release_t_s[k]),
            reentry_time_s=float(f.event_t_s[k, REENTRY]),
            impact_time_s=float(f.event_t_s[k, IMPACT]),
            impact_speed_km_s=float(speed[k]) / 1e3,
            impact_latitude_deg=math.degrees(float(lat[k])),
            impact_longitude_deg=math.degrees(float(lon[k])),
            miss_from_target_km=float(miss[k]) / 1e3,
        )
        for k in range(len(d))
    ]


def _events(flight: Flight) -> list[EventRow]:
    rows = []
    for k, name in enumerate(EVENT_NAMES):
        x = flight.event_ecef(k)
        lat, lon = flight.surface_point(x[:, :3])
        alt = flight.altitude_at_m(k)
        speed = flight.speed_at_m_s(k, relative=True)
        for i in np.flatnonzero(np.isfinite(flight.event_t_s[:, k])):
            rows.append(
                EventRow(
                    int(i),
                    name,
                    float(flight.event_t_s[i, k]),
                    math.degrees(float(lat[i])),
                    math.degrees(float(lon[i])),
                    float(alt[i]) / 1e3,
                    float(speed[i]) / 1e3,
                )
            )
    return sorted(rows, key=lambda r: (r.threat, r.t_s))
