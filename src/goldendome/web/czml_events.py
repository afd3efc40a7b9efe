"""CZML packets of one trial's shots, intercepts, leaks and impacts, and of the fixed places
(sites, batteries, defended areas)."""

import math
from typing import Any

import numpy as np

from goldendome.physics.geodetic import geodetic_to_ecef
from goldendome.results.reader import RunReader
from goldendome.web.czml_layers import FLYOUT_SAMPLES, Packet, _sampled, _story, flyout_arc_m
from goldendome.web.czml_time import ScenarioClock, rgba

#: An event's point and label stay this long after it, seconds.
EVENT_SHOWN_S = 300.0


def _where(lat: float, lon: float, alt: float) -> dict[str, list[float]]:
    """A fixed position in longitude, latitude (degrees) and height (meters)."""
    return {"cartographicDegrees": [round(lon, 6), round(lat, 6), round(alt, 1)]}


def shot_packets(run: RunReader, clock: ScenarioClock, story: Any) -> list[Packet]:
    """Each shot of the trial: the interceptor's point along its drawn fly-out while it flies,
    and the arc it flew (a faint line) from the intercept on."""
    shots = story.shots
    packets: list[Packet] = []
    for i in range(shots["shot"].size):
        shot = int(shots["shot"][i])
        t0, t1 = float(shots["launch_time_s"][i]), float(shots["intercept_time_s"][i])
        if not (math.isfinite(t0) and math.isfinite(t1)) or t1 <= t0:
            continue
        arc = flyout_arc_m(
            (
                float(shots["launch_latitude_deg"][i]),
                float(shots["launch_longitude_deg"][i]),
                float(shots["launch_altitude_m"][i]),
            ),
            (
                float(shots["intercept_latitude_deg"][i]),
                float(shots["intercept_longitude_deg"][i]),
                float(shots["intercept_altitude_m"][i]),
            ),
            FLYOUT_SAMPLES,
        )
        t_s = np.linspace(t0, t1, FLYOUT_SAMPLES)
        target = int(shots["target_object_id"][i])
        outcome = "kill" if bool(shots["kill"][i]) else "miss"
        story_rows = [
            ("layer", f"{shots['layer'][i]} (look {int(shots['look'][i]) + 1})"),
            ("interceptor", f"{shots['interceptor'][i]} from {shots['shooter'][i]}"),
            (
                "target",
                f"{shots['target_kind'][i]} (object {target}, track "
                f"{int(shots['track_id'][i])}, {shots['track_role'][i]})",
            ),
            ("launch", f"t = {t0:,.0f} s"),
            (
                "intercept",
                f"t = {t1:,.1f} s at {float(shots['intercept_altitude_m'][i]) / 1e3:,.0f} km",
            ),
            ("outcome", outcome),
            ("fly-out", "drawn as an arc between the stored launch and intercept points"),
        ]
        packets.append(
            {
                "id": f"shot-{shot}",
                "name": f"shot {shot}: {shots['interceptor'][i]} at {shots['target_kind'][i]}",
                "availability": clock.interval(t0, t1),
                "description": _story(story_rows),
                "position": _sampled(clock, t_s, arc, 1),
                "point": {"pixelSize": 5, "color": rgba("shot")},
                "path": {
                    "leadTime": 0,
                    "trailTime": 600,
                    "width": 1.0,
                    "resolution": 10,
                    "material": {"solidColor": {"color": rgba("shot", 180)}},
                },
            }
        )
        packets.append(
            {
                "id": f"flyout-{shot}",
                "name": f"fly-out of shot {shot}",
                "availability": clock.interval(t1, clock.duration_s),
                "description": _story(story_rows),
                "polyline": {
                    "positions": {"cartesian": np.round(arc, 1).ravel().tolist()},
                    "width": 1.0,
                    "arcType": "NONE",
                    "material": {"solidColor": {"color": rgba(outcome, 110)}},
                },
            }
        )
    return packets


def event_packets(run: RunReader, clock: ScenarioClock, story: Any) -> list[Packet]:
    """Intercepts (kill or miss) at their stored points and times; leaks and other RV impacts
    where and when they land."""
    shots = story.shots
    packets: list[Packet] = []
    for i in range(shots["shot"].size):
        t1 = float(shots["intercept_time_s"][i])
        if not math.isfinite(t1):
            continue
        kill = bool(shots["kill"][i])
        shot = int(shots["shot"][i])
        packets.append(
            {
                "id": f"intercept-{shot}",
                "name": f"{'kill' if kill else 'miss'}: shot {shot} ({shots['layer'][i]})",
                "availability": clock.interval(t1, t1 + EVENT_SHOWN_S),
                "description": _story(
                    [
                        ("time", f"t = {t1:,.1f} s"),
                        ("shooter", f"{shots['interceptor'][i]} from {shots['shooter'][i]}"),
                        (
                            "target",
                            f"{shots['target_kind'][i]} "
                            f"(object {int(shots['target_object_id'][i])})",
                        ),
                        ("outcome", "kill" if kill else "miss"),
                    ]
                ),
                "position": _where(
                    float(shots["intercept_latitude_deg"][i]),
                    float(shots["intercept_longitude_deg"][i]),
                    float(shots["intercept_altitude_m"][i]),
                ),
                "point": {
                    "pixelSize": 12 if kill else 8,
                    "color": rgba("kill" if kill else "miss"),
                },
            }
        )
    assets = {int(a["asset_id"]): a for a in run.rows("defended_assets")}
    for obj in run.rows("objects"):
        oid = int(obj["object_id"])
        if obj["kind"] != "rv" or oid in story.killed_at_s or oid in story.never_released:
            continue
        leak = oid in story.leaks
        t_s = float(obj["impact_time_s"])
        where = assets[int(obj["asset_id"])]["name"] if leak else "outside the defended areas"
        packets.append(
            {
                "id": f"{'leak' if leak else 'impact'}-{oid}",
                "name": f"{'leak' if leak else 'impact'}: RV {oid} at {where}",
                "availability": clock.interval(t_s, clock.duration_s),
                "description": _story(
                    [
                        ("time", f"t = {t_s:,.1f} s"),
                        (
                            "where",
                            f"{float(obj['impact_latitude_deg']):.2f} deg, "
                            f"{float(obj['impact_longitude_deg']):.2f} deg: {where}",
                        ),
                        (
                            "miss from aim point",
                            f"{float(obj['miss_from_target_m']) / 1e3:,.1f} km",
                        ),
                    ]
                ),
                "position": _where(
                    float(obj["impact_latitude_deg"]), float(obj["impact_longitude_deg"]), 0.0
                ),
                "point": {
                    "pixelSize": 14 if leak else 8,
                    "color": rgba("leak" if leak else "impact"),
                },
                "label": {
                    "text": "leak" if leak else "impact",
                    "font": "12px sans-serif",
                    "fillColor": rgba("leak" if leak else "impact"),
                    "pixelOffset": {"cartesian2": [0, -16]},
                },
            }
        )
    return packets


def site_packets(run: RunReader, clock: ScenarioClock) -> list[Packet]:
    """Sensor and interceptor sites (with their batteries) and the defended areas."""
    batteries: dict[int, list[str]] = {}
    for b in run.rows("batteries"):
        batteries.setdefault(int(b["site_id"]), []).append(f"{b['interceptor']} x {b['rounds']}")
    whole = clock.interval(0.0, clock.duration_s)
    packets: list[Packet] = []
    for site in run.rows("sites"):
        sid = int(site["site_id"])
        kind = "battery" if sid in batteries else "site"
        packets.append(
            {
                "id": f"site-{sid}",
                "name": str(site["name"]),
                "availability": whole,
                "description": _story(
                    [
                        ("role", str(site["role"])),
                        ("radar", str(site["radar_type"]) or "none"),
                        ("interceptors", ", ".join(batteries.get(sid, [])) or "none"),
                    ]
                ),
                "position": _where(site["latitude_deg"], site["longitude_deg"], 0.0),
                "point": {"pixelSize": 7, "color": rgba(kind)},
            }
        )
    for asset in run.rows("defended_assets"):
        aid = int(asset["asset_id"])
        center = geodetic_to_ecef(
            math.radians(asset["latitude_deg"]), math.radians(asset["longitude_deg"]), 0.0
        )
        packets.append(
            {
                "id": f"asset-{aid}",
                "name": f"{asset['name']} (defended)",
                "availability": whole,
                "description": _story(
                    [
                        ("kind", str(asset["kind"])),
                        ("people", f"{int(asset['population']):,}"),
                        ("defended radius", f"{float(asset['radius_m']) / 1e3:,.0f} km"),
                    ]
                ),
                "position": {"cartesian": np.round(center, 1).tolist()},
                "point": {"pixelSize": 6, "color": rgba("asset")},
                "label": {
                    "text": str(asset["name"]),
                    "font": "11px sans-serif",
                    "fillColor": rgba("asset"),
                    "pixelOffset": {"cartesian2": [0, -14]},
                },
            }
        )
    return packets
