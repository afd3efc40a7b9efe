"""Fly a scenario's raid once: aim every missile, fly them all in one batch on one grid that
serves both the scenario clock and the boost-phase view, then release and fly their
payloads.

The missiles are flown on the union of the scenario grid and a fine boost-phase grid
(:data:`goldendome.run.work_bounds.BOOST_STEP_S` from the first launch to the last
burnout); the flight kernel's dense output makes each sample independent of which others
are asked for, so the two views are exactly what two separate flights would give.
"""

from dataclasses import dataclass, replace
from functools import cached_property
from typing import Literal

import numpy as np

from goldendome.physics._types import BoolArray, FloatArray, IntArray
from goldendome.physics.clock import Clock
from goldendome.physics.constants import R_EARTH_MEAN_M
from goldendome.physics.geodesy import great_circle_distance_m
from goldendome.physics.kinds import ObjectKind
from goldendome.physics.scene import SceneObjects
from goldendome.run.boost_tracks import BoostTracks, boost_grid, boost_tracks
from goldendome.run.sink import ProgressFn
from goldendome.run.streams import Streams
from goldendome.scenario.catalog import (
    BallisticClassSpec,
    CruiseClassSpec,
    HgvClassSpec,
    targets,
    threat_classes,
)
from goldendome.scenario.spec import ScenarioSpec
from goldendome.scenario.threats import RaidEntrySpec
from goldendome.threats.ballistic import Launches
from goldendome.threats.boost_glide import HgvAim, aim_hgv, hgv_flight
from goldendome.threats.classes import BallisticClass
from goldendome.threats.cruise import fly_cruise
from goldendome.threats.cruise_raid import (
    cruise_missile_flight,
    cruise_object_flight,
    unpowered_class,
)
from goldendome.threats.deployment import Deployment, deploy
from goldendome.threats.depressed import aim_depressed
from goldendome.threats.flight import BURNOUT, Flight
from goldendome.threats.fobs import FobsFlight, fly_fobs
from goldendome.threats.fobs_raid import fobs_deployment, fobs_missile_flight
from goldendome.threats.glide_raid import (
    concat_deployments,
    glide_missile_flight,
    glider_flight,
    take_flights,
)
from goldendome.threats.groups import FlownFn, fly_in_groups
from goldendome.threats.same_path import fly_same_paths
from goldendome.threats.shaping import with_values
from goldendome.threats.stages import fly_stages
from goldendome.threats.targeting import aim

#: A raid entry's trajectory shape (``threats.raid[].shape``).
RaidShape = Literal["minimum_energy", "lofted", "depressed", "fobs", "glide", "cruise"]


@dataclass(frozen=True, eq=False)
class FlownRaid:
    """The raid aimed and flown.

    Attributes
    ----------
    labels : list of (class, launch area, target, shape)
        Per missile, as the scenario names them (a sea launch point as ``"sea 33.00N
        60.00W"``).
    launches : Launches
        The aimed launches.
    reachable : (n_missile,) bool
    aim_miss_m, max_range_m : (n_missile,) float64, meters
    target_lat_rad, target_lon_rad : (n_missile,) float64
    flight : Flight
        The missiles on the scenario grid.
    boost : BoostTracks
        The missiles on the boost-phase grid.
    classes : list of BallisticClass
    deployment : Deployment
        Released RVs and decoys flown on the scenario grid.
    stages : Flight
        Each missile's spent upper stage from burnout on, on the scenario grid
        (:mod:`goldendome.threats.stages`).
    gliding : (n_missile,) bool
        Boost-glide missiles (numbered after the ballistic ones): each releases its glide
        vehicle at burnout as its one RV (:mod:`goldendome.threats.glide_raid`).
    cruising : (n_missile,) bool
        Cruise missiles (numbered last): no boost phase; each is its own one RV from launch
        (:mod:`goldendome.threats.cruise_raid`).
    orbiting : (n_missile,) bool
        Fractional orbits (numbered after the other ballistic missiles): the orbital stage
        is the payload until its braking burn releases the RVs
        (:mod:`goldendome.threats.fobs_raid`).
    """

    @property
    def gliding_objects(self) -> BoolArray:
        """Released objects that glide (the glide vehicles), ``(n_released,)`` bool."""
        return np.asarray(self.gliding[self.deployment.missile], dtype=bool)

    @property
    def manoeuvring_objects(self) -> BoolArray:
        """Released objects no ballistic model describes (glide vehicles and cruise
        missiles), ``(n_released,)`` bool."""
        return np.asarray((self.gliding | self.cruising)[self.deployment.missile], dtype=bool)

    labels: list[tuple[str, str, str, RaidShape]]
    launches: Launches
    reachable: BoolArray
    aim_miss_m: FloatArray
    max_range_m: FloatArray
    target_lat_rad: FloatArray
    target_lon_rad: FloatArray
    flight: Flight
    boost: BoostTracks
    classes: list[BallisticClass]
    deployment: Deployment
    stages: Flight
    gliding: BoolArray
    cruising: BoolArray
    orbiting: BoolArray

    @property
    def n_missiles(self) -> int:
        """Missiles of the raid."""
        return len(self.labels)

    @cached_property
    def scene(self) -> SceneObjects:
        """Every object on the scenario grid.

        A missile's object is the missile until burnout and its spent stage after; the bus
        that carries the payload from burnout to release is the first released object of
        the missile before its own release (the bus coasts on the missile's flight), so the
        payload is in view all along.
        """
        f, d = self.flight, self.deployment
        t = f.t_s
        n_thr = f.y_eci.shape[0]
        burnout = f.event_t_s[:, BURNOUT]
        boosted = (t[None, :] <= burnout[:, None])[..., None]
        missile_y = np.where(boosted, f.y_eci, self.stages.y_eci)
        payload_y = d.flight.y_eci.copy()
        first = np.unique(d.missile, return_index=True)[1]
        carried = (t[None, :] > burnout[d.missile[first], None]) & (
            t[None, :] < d.release_t_s[first, None]
        )
        payload_y[first] = np.where(carried[..., None], f.y_eci[d.missile[first]], payload_y[first])
        y = np.concatenate([missile_y, payload_y], axis=0)
        boosting = np.zeros(y.shape[:2], bool)
        boosting[:n_thr] = (t[None, :] >= f.t_start_s[:, None]) & (t[None, :] <= burnout[:, None])
        return SceneObjects(
            t_s=t,
            r_eci_m=np.ascontiguousarray(y[..., :3]),
            v_eci_m_s=np.ascontiguousarray(y[..., 3:]),
            kind=np.concatenate([np.full(n_thr, int(ObjectKind.BOOSTER)), d.kind]).astype(np.int64),
            threat=np.concatenate([np.arange(n_thr), d.missile]).astype(np.int64),
            boosting=boosting,
        )


def raid_entries(spec: ScenarioSpec) -> list[RaidEntrySpec]:
    """The raid's entries in the order their missiles are numbered: ballistic entries first,
    then fractional orbits, boost-glide entries and cruise entries (each group in file
    order)."""
    raid = spec.threats.raid
    ballistic = [e for e in raid if not (e.glides or e.cruises or e.orbits)]
    return (
        ballistic
        + [e for e in raid if e.orbits]
        + [e for e in raid if e.glides]
        + [e for e in raid if e.cruises]
    )


def _launches(
    entries: list[RaidEntrySpec],
) -> tuple[Launches, FloatArray, FloatArray, list[BallisticClass]]:
    rockets, lat, lon, t0, lat_t, lon_t = [], [], [], [], [], []
    for entry in entries:
        cls = threat_classes()[entry.class_]
        rocket = (
            cls.build_glide().booster
            if isinstance(cls, HgvClassSpec)
            else unpowered_class(cls.build_cruise())
            if isinstance(cls, CruiseClassSpec)
            else cls.build_rocket()
        )
        (lat0, lon0), goal = entry.origin_lat_lon_rad(), targets()[entry.to]
        for k in range(entry.count):
            rockets.append(rocket)
            lat.append(lat0)
            lon.append(lon0)
            t0.append(entry.launch_time_s + k * entry.spacing_s)
            lat_t.append(goal.latitude_rad)
            lon_t.append(goal.longitude_rad)
    launches = Launches.of(rockets, lat, lon, 0.0, 0.0, t_launch_s=t0)
    return launches, np.array(lat_t), np.array(lon_t), rockets


def _fly_cruise_entries(
    ordered: list[RaidEntrySpec],
    flight: Flight,
    reachable: BoolArray,
    miss: FloatArray,
    max_range: FloatArray,
    lat_t: FloatArray,
    lon_t: FloatArray,
) -> Flight:
    """``flight`` with each cruise entry's missiles flown along their route
    (:func:`goldendome.threats.cruise.fly_cruise`), put in place; fills their reach, miss and
    range."""
    first = 0
    for entry in ordered:
        idx = np.arange(first, first + entry.count)
        first += entry.count
        if not entry.cruises:
            continue
        cls = threat_classes()[entry.class_]
        assert isinstance(cls, CruiseClassSpec)
        missile = cls.build_cruise()
        lat0, lon0 = entry.origin_lat_lon_rad()
        points = entry.waypoints or []
        route_lat = [lat0, *(w.latitude_rad for w in points), float(lat_t[idx[0]])]
        route_lon = [lon0, *(w.longitude_rad for w in points), float(lon_t[idx[0]])]
        part = take_flights(flight, idx)
        cruise = fly_cruise(missile, [route_lat] * idx.size, [route_lon] * idx.size,
                            part.t_start_s, flight.t_s, theta0_rad=flight.theta0_rad)  # fmt: skip
        _put(flight, idx, cruise_missile_flight(part, cruise, missile))
        reachable[idx] = cruise.reachable
        miss[idx] = great_circle_distance_m(cruise.end_lat_rad, cruise.end_lon_rad,
                                            lat_t[idx], lon_t[idx])  # fmt: skip
        max_range[idx] = missile.max_range_m
    return flight


def _same_shots(
    launches: Launches, idx: IntArray, lat_t: FloatArray, lon_t: FloatArray
) -> tuple[IntArray, IntArray]:
    """The first missile of each set among ``idx`` that shares class, launch point and
    target (``rep``), and for each of ``idx`` the position of its set in ``rep``."""
    keys = [
        (launches.classes[i], launches.lat_rad[i], launches.lon_rad[i], lat_t[i], lon_t[i])
        for i in idx
    ]
    first: dict[tuple[object, ...], int] = {}
    rep: list[int] = []
    copy = np.empty(len(keys), dtype=np.int64)
    for j, key in enumerate(keys):
        if key not in first:
            first[key] = len(rep)
            rep.append(int(idx[j]))
        copy[j] = first[key]
    return np.array(rep, dtype=np.int64), copy


def _aim_fobs(
    entries: list[RaidEntrySpec],
    launches: Launches,
    lat_t: FloatArray,
    lon_t: FloatArray,
    clock: Clock,
) -> list[tuple[IntArray, FobsFlight]]:
    """Each fractional-orbit class's missiles aimed and flown
    (:func:`goldendome.threats.fobs.fly_fobs`), with their positions in the raid."""
    out: list[tuple[IntArray, FobsFlight]] = []
    for name in dict.fromkeys(e.class_ for e in entries if e.orbits):
        idx = np.flatnonzero([e.orbits and e.class_ == name for e in entries])
        cls = threat_classes()[name]
        assert isinstance(cls, BallisticClassSpec)
        assert cls.orbits
        south = np.array([entries[i].fobs_approach == "south" for i in idx], dtype=bool)
        n = idx.size
        fobs = fly_fobs(
            launches.take(idx),
            lat_t[idx],
            lon_t[idx],
            south,
            np.full(n, float(cls.fobs_orbit_altitude_km or 0.0) * 1e3),
            np.full(n, float(cls.fobs_deorbit_delta_v_m_s or 0.0)),
            clock.t_s,
            theta0_rad=clock.theta0_rad,
        )
        out.append((idx, fobs))
    return out


_OWN = ("start_lat_rad", "start_lon_rad", "t_start_s", "event_t_s", "event_x_eci", "status",
        "x_start_eci")  # fmt: skip


def _put(flight: Flight, idx: IntArray, part: Flight) -> None:
    """Put ``part``'s flights into ``flight`` (same grid) at positions ``idx``, in place."""
    for name in ("y_eci", *_OWN):
        getattr(flight, name)[idx] = getattr(part, name)


def _stage(progress: ProgressFn | None, stage: str) -> FlownFn | None:
    if progress is None:
        return None
    report = progress
    return lambda done, total: report(stage, done, total)


def fly_raid(
    spec: ScenarioSpec, clock: Clock, streams: Streams, progress: ProgressFn | None = None
) -> FlownRaid | None:
    """Aim and fly every missile of ``spec.threats.raid`` and release their payloads.

    Entries with ``shape = "lofted"`` are aimed on lofted arcs, ``"depressed"`` ones below
    the minimum-energy arc to their apogee or burnout angle
    (:func:`goldendome.threats.depressed.aim_depressed`), the others on minimum-energy arcs.
    Missiles whose target is out of reach fly their maximum-range arc toward it (a depressed
    one as close as it can) and are marked unreachable. Returns None without a raid.
    Missiles and then their payloads are flown in groups
    (:func:`goldendome.threats.groups.fly_in_groups`), ``progress`` hearing ``("flying
    missiles", done, total)`` and ``("flying RVs and decoys", done, total)`` after each.
    """
    if not spec.threats.raid:
        return None
    theta0 = clock.theta0_rad
    ordered = raid_entries(spec)
    launches, lat_t, lon_t, rockets = _launches(ordered)
    entries = [e for e in ordered for _ in range(e.count)]
    labels: list[tuple[str, str, str, RaidShape]] = [
        (e.class_, e.origin_label, e.to,
         "glide" if e.glides else "cruise" if e.cruises else e.shape)
        for e in entries
    ]  # fmt: skip
    gliding = np.array([e.glides for e in entries], dtype=bool)
    cruising = np.array([e.cruises for e in entries], dtype=bool)
    orbiting = np.array([e.orbits for e in entries], dtype=bool)
    # One aim per shape, and per apogee or burnout angle for depressed arcs.
    groups = [(e.shape, e.apogee_m, e.burnout_fpa_rad) for e in entries]
    aimed = launches
    reachable = np.zeros(len(launches), bool)
    miss = np.full(len(launches), np.nan)
    max_range = np.full(len(launches), np.nan)
    glides: list[tuple[IntArray, HgvAim]] = []
    stop = np.full(len(launches), np.inf)  # the boosters' flights end at the gliders' pull-up
    for name in dict.fromkeys(e.class_ for e in entries if e.glides):
        idx = np.flatnonzero([e.glides and e.class_ == name for e in entries])
        cls = threat_classes()[name]
        assert isinstance(cls, HgvClassSpec)
        vehicle = cls.build_glide()
        hgv = aim_hgv(vehicle, launches.lat_rad[idx], launches.lon_rad[idx], lat_t[idx],
                      lon_t[idx], launches.t_launch_s[idx], theta0_rad=theta0)  # fmt: skip
        aimed = aimed.put(idx, hgv.launches)
        reachable[idx], miss[idx] = hgv.glide.reached, hgv.miss_m
        stop[idx] = hgv.pullup_t_s
        max_range[idx] = vehicle.max_range_m
        glides.append((idx, hgv))
    orbits = _aim_fobs(entries, launches, lat_t, lon_t, clock)
    for idx, fobs in orbits:
        aimed = aimed.put(idx, fobs.launches)
        reachable[idx], miss[idx] = fobs.reached, fobs.miss_m
        max_range[idx] = 2.0 * np.pi * R_EARTH_MEAN_M
    ballistic = ~gliding & ~cruising & ~orbiting
    for group in dict.fromkeys(g for g, b in zip(groups, ballistic, strict=True) if b):
        idx = np.array(
            [i for i, g in enumerate(groups) if g == group and ballistic[i]], dtype=np.int64
        )
        shape, apogee_m, fpa_rad = group
        # Missiles of one class from one point at one target fly one Earth-fixed path
        # whatever their launch time (the kernel's physics turns with the Earth): aim one.
        rep, copy = _same_shots(launches, idx, lat_t, lon_t)
        if shape == "depressed":
            low = aim_depressed(
                launches.take(rep),
                lat_t[rep],
                lon_t[rep],
                apogee_m=apogee_m,
                burnout_fpa_rad=fpa_rad,
                theta0_rad=theta0,
            )
            part, reachable[idx] = low.aim, low.reachable[copy]
        else:
            part = aim(
                launches.take(rep),
                lat_t[rep],
                lon_t[rep],
                shape="lofted" if shape == "lofted" else "minimum_energy",
                theta0_rad=theta0,
            )
            reachable[idx] = part.reachable[copy]
        shots = with_values(part.launches.take(copy), t_launch_s=launches.t_launch_s[idx])
        aimed = aimed.put(idx, shots)
        miss[idx], max_range[idx] = part.miss_m[copy], part.max_range_m[copy]
    fine = boost_grid(aimed)
    grid = np.union1d(clock.t_s, fine)
    both = fly_in_groups(
        lambda idx: fly_same_paths(aimed.take(idx), grid, theta0_rad=theta0, t_stop_s=stop[idx]),
        len(aimed),
        grid.shape[0],
        _stage(progress, "flying missiles"),
    )
    on_clock = np.searchsorted(grid, clock.t_s)
    on_fine = np.searchsorted(grid, fine)
    # The scenario-grid view owns its arrays: the glide, orbit and cruise flights are put
    # into it in place (the boost view keeps the kernel's).
    flight = replace(
        both, t_s=clock.t_s.copy(), y_eci=np.ascontiguousarray(both.y_eci[:, on_clock]),
        **{name: getattr(both, name).copy() for name in _OWN},
    )  # fmt: skip
    boost_view = replace(both, t_s=fine, y_eci=np.ascontiguousarray(both.y_eci[:, on_fine]))
    for idx, hgv in glides:
        whole = hgv_flight(hgv, flight.y_eci[idx], clock.t_s, theta0_rad=theta0)
        _put(flight, idx, glide_missile_flight(take_flights(flight, idx), whole))
    for idx, fobs in orbits:
        _put(flight, idx, fobs_missile_flight(take_flights(flight, idx), fobs))
    flight = _fly_cruise_entries(ordered, flight, reachable, miss, max_range, lat_t, lon_t)
    n_ballistic = int(np.count_nonzero(ballistic))
    counts = [e.decoys for e in entries[:n_ballistic]]
    decoys = [c.decoy_count if d is None else d for c, d in zip(rockets, counts, strict=False)]
    deployment = deploy(
        take_flights(flight, np.arange(n_ballistic)),
        rockets[:n_ballistic],
        streams.generator("deployment"),
        clock.t_s,
        decoys=decoys,
        progress=_stage(progress, "flying RVs and decoys"),
    )
    released = [deployment]
    for idx, fobs in orbits:
        rvs = np.array([rockets[i].rv_count for i in idx], np.int64)
        released.append(fobs_deployment(idx, fobs, rvs))
    glide_idx, cruise_idx = np.flatnonzero(gliding), np.flatnonzero(cruising)
    for idx, own in ((glide_idx, glider_flight), (cruise_idx, cruise_object_flight)):
        if idx.size:
            objects = own(take_flights(flight, idx))
            released.append(Deployment(idx, np.full(idx.size, int(ObjectKind.RV), np.int64),
                                       objects.t_start_s.copy(), objects))  # fmt: skip
    deployment = concat_deployments(released) if len(released) > 1 else deployment
    stages = fly_stages(flight, streams.generator("stage_separation"), clock.t_s)
    return FlownRaid(
        gliding=gliding,
        cruising=cruising,
        orbiting=orbiting,
        labels=labels,
        launches=aimed,
        reachable=reachable,
        aim_miss_m=miss,
        max_range_m=max_range,
        target_lat_rad=lat_t,
        target_lon_rad=lon_t,
        flight=flight,
        boost=boost_tracks(boost_view),
        classes=rockets,
        deployment=deployment,
        stages=stages,
    )
