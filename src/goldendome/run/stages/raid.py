"""Stage 2, the raid: the flown missiles, their events, every object and its trajectory,
as tables (the flight itself is :mod:`goldendome.run.raid`, done once in the context)."""

import math

import numpy as np

from goldendome.engagement.picture import nearest_asset
from goldendome.physics.frames import eci_to_ecef
from goldendome.physics.geodesy import geodesic_inverse
from goldendome.physics.kinds import ObjectKind, kind_labels
from goldendome.run.context import RunContext
from goldendome.run.raid import FlownRaid
from goldendome.run.sink import Sink
from goldendome.threats.flight import APOGEE, BURNOUT, EVENT_NAMES, IMPACT, REENTRY


def threat_table(raid: FlownRaid) -> dict[str, object]:
    """One row per missile (the ``threats`` table)."""
    f = raid.flight
    lat, lon = f.impact_lat_lon_rad()
    return {
        "threat_id": np.arange(raid.n_missiles),
        "threat_class": [label[0] for label in raid.labels],
        "launch_area": [label[1] for label in raid.labels],
        "target": [label[2] for label in raid.labels],
        "shape": [label[3] for label in raid.labels],
        "launch_time_s": raid.launches.t_launch_s,
        "reachable": raid.reachable,
        "aim_miss_m": raid.aim_miss_m,
        "max_range_m": raid.max_range_m,
        "burnout_time_s": f.event_t_s[:, BURNOUT],
        "apogee_altitude_m": f.altitude_at_m(APOGEE),
        "impact_time_s": f.event_t_s[:, IMPACT],
        "flight_time_s": f.flight_time_s(),
        "range_m": f.ground_range_m(),
        "impact_latitude_deg": np.degrees(lat),
        "impact_longitude_deg": np.degrees(lon),
    }


def event_table(raid: FlownRaid) -> dict[str, object]:
    """Burnout, apogee, reentry and impact of each missile (the ``threat_events`` table)."""
    f = raid.flight
    rows = []
    for k, name in enumerate(EVENT_NAMES):
        x = f.event_ecef(k)
        lat, lon = f.surface_point(x[:, :3])
        alt = f.altitude_at_m(k)
        speed = f.speed_at_m_s(k, relative=True)
        for i in np.flatnonzero(np.isfinite(f.event_t_s[:, k])):
            rows.append(
                (
                    int(i),
                    name,
                    float(f.event_t_s[i, k]),
                    math.degrees(float(lat[i])),
                    math.degrees(float(lon[i])),
                    float(alt[i]),
                    float(speed[i]),
                )
            )
    rows.sort(key=lambda r: (r[0], r[2]))
    names = ("threat_id", "event", "t_s", "latitude_deg", "longitude_deg", "altitude_m")
    return {n: [r[i] for r in rows] for i, n in enumerate((*names, "speed_m_s"))}


def object_table(ctx: RunContext, raid: FlownRaid) -> dict[str, object]:
    """Every object: the missiles (boosting, then their spent stages), then each released RV
    and decoy."""
    d, f = raid.deployment, raid.deployment.flight
    n_thr = raid.n_missiles
    lat, lon = f.impact_lat_lon_rad()
    miss = np.full(len(d), np.nan)
    ok = np.isfinite(lat)
    lat_t, lon_t = raid.target_lat_rad[d.missile], raid.target_lon_rad[d.missile]
    miss[ok] = geodesic_inverse(lat[ok], lon[ok], lat_t[ok], lon_t[ok])[0]
    speed = f.speed_at_m_s(IMPACT, relative=True)
    radius = np.array([a.radius_m for a in ctx.spec.defended_assets], float)
    asset = nearest_asset(lat, lon, ctx.assets.latitude_rad, ctx.assets.longitude_rad, radius)
    m = raid.stages
    m_lat, m_lon = m.impact_lat_lon_rad()
    m_miss = np.full(n_thr, np.nan)
    m_ok = np.isfinite(m_lat)
    m_miss[m_ok] = geodesic_inverse(
        m_lat[m_ok], m_lon[m_ok], raid.target_lat_rad[m_ok], raid.target_lon_rad[m_ok]
    )[0]
    nan = np.full(n_thr, np.nan)
    kinds = np.concatenate([np.full(n_thr, int(ObjectKind.BOOSTER)), d.kind])
    return {
        "object_id": np.arange(n_thr + len(d)),
        "threat_id": np.concatenate([np.arange(n_thr), d.missile]),
        "kind": kind_labels(kinds),
        "release_time_s": np.concatenate([nan, d.release_t_s]),
        "reentry_time_s": np.concatenate([m.event_t_s[:, REENTRY], f.event_t_s[:, REENTRY]]),
        "impact_time_s": np.concatenate([m.event_t_s[:, IMPACT], f.event_t_s[:, IMPACT]]),
        "impact_speed_m_s": np.concatenate([m.speed_at_m_s(IMPACT, relative=True), speed]),
        "impact_latitude_deg": np.degrees(np.concatenate([m_lat, lat])),
        "impact_longitude_deg": np.degrees(np.concatenate([m_lon, lon])),
        "miss_from_target_m": np.concatenate([m_miss, miss]),
        "asset_id": np.concatenate([np.full(n_thr, -1), asset]),
    }


def trajectory_table(ctx: RunContext, raid: FlownRaid) -> dict[str, object]:
    """Every object's Earth-fixed position at each grid time while it exists."""
    scene = raid.scene
    r = eci_to_ecef(scene.r_eci_m, ctx.clock.theta_rad(scene.t_s))
    obj, k = np.nonzero(np.isfinite(r[..., 0]))
    return {
        "object_id": obj,
        "t_s": scene.t_s[k],
        "x_ecef_m": r[obj, k, 0],
        "y_ecef_m": r[obj, k, 1],
        "z_ecef_m": r[obj, k, 2],
        "boosting": scene.boosting[obj, k],
    }


def run_raid(ctx: RunContext, sink: Sink) -> None:
    """Fly the raid (once, in the context, reporting progress) and store its tables."""
    raid = ctx.fly_raid(sink.progress)
    if raid is None:
        return
    sink.table("threats", threat_table(raid))
    sink.table("threat_events", event_table(raid))
    sink.table("objects", object_table(ctx, raid))
    sink.table("trajectories", trajectory_table(ctx, raid))
