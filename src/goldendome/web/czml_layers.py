"""The packets of each CZML layer, from a run folder's tables and one trial's story.

Satellites and the raid are sampled positions (Earth-fixed, ``referenceFrame: FIXED``, the
frame the run stores them in) that Cesium interpolates (Lagrange); a fly-out is drawn as a
lofted arc between the stored launch and intercept points (the run stores those two points,
not the interceptor's path, so the arc between them is a picture, not a flown trajectory);
intercepts, leaks and impacts are points that appear at their stored times.
"""

import html
import math
from typing import Any

import numpy as np

from goldendome.physics.geodetic import geodetic_to_ecef
from goldendome.results.reader import RunReader
from goldendome.web.czml_time import ScenarioClock, rgba
from goldendome.web.trial import TrialStory

Packet = dict[str, Any]
#: Samples along a drawn fly-out arc.
FLYOUT_SAMPLES = 9


def _story(rows: list[tuple[str, str]]) -> str:
    """An HTML table (the infobox's description) of label/value rows, escaped."""
    cells = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in rows)
    return f'<table class="cesium-infoBox-defaultTable"><tbody>{cells}</tbody></table>'


def _sampled(clock: ScenarioClock, t_s: Any, r_m: Any, degree: int) -> Packet:
    """A sampled Earth-fixed position: ``[t, x, y, z, ...]`` seconds after the epoch."""
    samples = np.column_stack([np.round(np.asarray(t_s), 3), np.round(np.asarray(r_m), 1)])
    return {
        "epoch": clock.epoch_iso,
        "referenceFrame": "FIXED",
        "interpolationAlgorithm": "LAGRANGE",
        "interpolationDegree": degree,
        "cartesian": samples.ravel().tolist(),
    }


def satellite_packets(run: RunReader, clock: ScenarioClock, story: TrialStory) -> list[Packet]:
    """One packet per satellite: its stored positions, a point, and a short story."""
    layers = {int(r["layer_id"]): r for r in run.rows("layers")}
    sats = run.columns("satellites")
    pos = run.columns("satellite_positions")
    n_sat = sats["satellite_id"].size
    if n_sat == 0:
        return []
    n_t = pos["t_s"].size // n_sat
    order = np.lexsort((pos["t_s"], pos["satellite_id"]))
    t_s = pos["t_s"][order][:n_t]
    r = np.stack([pos[c][order] for c in ("x_ecef_m", "y_ecef_m", "z_ecef_m")], -1)
    # [t, x, y, z] per sample, one row per satellite in id order (one tolist: fast).
    flat = np.concatenate(
        [np.broadcast_to(t_s, (n_sat, n_t))[..., None], np.round(r, 1).reshape(n_sat, n_t, 3)],
        -1,
    )
    flat_rows = flat.reshape(n_sat, n_t * 4).tolist()
    shots_by_sat: dict[int, int] = {}
    for sid in story.shots["satellite_id"]:
        if sid >= 0:
            shots_by_sat[int(sid)] = shots_by_sat.get(int(sid), 0) + 1
    packets: list[Packet] = []
    availability = clock.interval(float(t_s[0]), float(t_s[-1]))
    for k, i in enumerate(np.argsort(sats["satellite_id"])):
        sid = int(sats["satellite_id"][i])
        layer = layers[int(sats["layer_id"][i])]
        altitude_km = (float(sats["semi_major_axis_m"][i]) - 6_378_137.0) / 1000.0
        fired = shots_by_sat.get(sid, 0)
        packets.append(
            {
                "id": f"satellite-{sid}",
                "name": f"{layer['name']} #{int(sats['index_in_layer'][i])} (satellite {sid})",
                "availability": availability,
                "description": _story(
                    [
                        ("layer", f"{layer['name']} ({layer['role']})"),
                        (
                            "orbit",
                            f"{altitude_km:,.0f} km (mean), "
                            f"{float(sats['inclination_deg'][i]):.1f} deg inclination",
                        ),
                        ("shots in this trial", str(fired)),
                    ]
                ),
                "position": {
                    "epoch": clock.epoch_iso,
                    "referenceFrame": "FIXED",
                    "interpolationAlgorithm": "LAGRANGE",
                    "interpolationDegree": 5,
                    "cartesian": flat_rows[k],
                },
                "point": {
                    "pixelSize": 4 if fired else 2,
                    "color": rgba(str(layer["role"])),
                },
            }
        )
    return packets


def raid_packets(run: RunReader, clock: ScenarioClock, story: TrialStory) -> list[Packet]:
    """One packet per object of the raid that exists in the trial, with a short trail."""
    objects = run.rows("objects")
    threats = {int(r["threat_id"]): r for r in run.rows("threats")}
    traj = run.columns("trajectories")
    packets: list[Packet] = []
    for obj in objects:
        oid = int(obj["object_id"])
        if oid in story.never_released:
            continue
        rows = np.flatnonzero(traj["object_id"] == oid)
        rows = rows[np.argsort(traj["t_s"][rows])]
        t_s = traj["t_s"][rows]
        if t_s.size < 2:
            continue
        end = min(float(t_s[-1]), story.killed_at_s.get(oid, math.inf))
        start = float(t_s[0])
        # The samples up to the end of its flight in this trial, and one beyond to interpolate.
        keep = slice(0, min(t_s.size, int(np.searchsorted(t_s, end, side="right")) + 1))
        r = np.stack([traj[c][rows] for c in ("x_ecef_m", "y_ecef_m", "z_ecef_m")], -1)
        threat = threats[int(obj["threat_id"])]
        kind = str(obj["kind"])
        fate = (
            f"killed at t = {story.killed_at_s[oid]:,.0f} s"
            if oid in story.killed_at_s
            else ("leaks: lands in a defended area" if oid in story.leaks else "flies to impact")
        )
        name = {"booster": "missile", "rv": "RV", "decoy": "decoy"}.get(kind, kind)
        packets.append(
            {
                "id": f"object-{oid}",
                "name": f"{name} {oid} (missile {int(obj['threat_id'])}, {threat['threat_class']})",
                "availability": clock.interval(start, end),
                "description": _story(
                    [
                        ("what", f"{name} of missile {int(obj['threat_id'])}"),
                        ("from / to", f"{threat['launch_area']} -> {threat['target']}"),
                        ("launch", f"t = {float(threat['launch_time_s']):,.0f} s"),
                        ("impact (if unopposed)", f"t = {float(obj['impact_time_s']):,.0f} s"),
                        ("in this trial", fate),
                    ]
                ),
                "position": _sampled(clock, t_s[keep], r[keep], 3),
                "point": {"pixelSize": 7 if kind == "rv" else 5, "color": rgba(kind)},
                "path": {
                    "leadTime": 0,
                    "trailTime": 600,
                    "width": 1.5,
                    "resolution": 20,
                    "material": {"solidColor": {"color": rgba(kind, 200)}},
                },
            }
        )
    return packets


def flyout_arc_m(
    launch: tuple[float, float, float], intercept: tuple[float, float, float], n: int
) -> np.ndarray[Any, Any]:
    """``n`` Earth-fixed points (meters) on a lofted arc from launch to intercept
    (each as latitude deg, longitude deg, altitude m): directions interpolated on the sphere,
    heights linearly plus a loft of a tenth of the chord at mid-flight."""
    ends = geodetic_to_ecef(
        np.radians([launch[0], intercept[0]]),
        np.radians([launch[1], intercept[1]]),
        np.array([launch[2], intercept[2]]),
    )
    radius = np.linalg.norm(ends, axis=-1)
    u0, u1 = ends[0] / radius[0], ends[1] / radius[1]
    angle = math.acos(float(np.clip(u0 @ u1, -1.0, 1.0)))
    s = np.linspace(0.0, 1.0, n)
    if angle < 1e-9:
        dirs = np.broadcast_to(u0, (n, 3))
    else:
        w0 = np.sin((1 - s) * angle) / math.sin(angle)
        w1 = np.sin(s * angle) / math.sin(angle)
        dirs = w0[:, None] * u0 + w1[:, None] * u1
    loft = 0.1 * float(np.linalg.norm(ends[1] - ends[0])) * 4 * s * (1 - s)
    result: np.ndarray[Any, Any] = dirs * (radius[0] + (radius[1] - radius[0]) * s + loft)[:, None]
    return result
