"""The tracker's figures per threat class on a small mixed raid (issue 18).

Two Hwasong-15-class missiles (no decoys), three Avangard-class glide vehicles and three
Kh-101-class cruise missiles toward Anchorage, sensed as a run senses them (the LEO
tracking layer of the default scenario, two GEO warning satellites, the glide-raid test's
radars at Anchorage, Clear and Shemya, and two SBX-class radars at 30 m under the cruise
route, which see a 60 m flier within about 30 km), then tracked with given settings and
scored against the truth, per warhead-carrying object (the glider, the cruise missile, the
ballistic warhead):

- ``tracks``: tracks on the object (the scoring of :mod:`goldendome.tracking.scoring`); more
  than one is a broken or duplicated track;
- ``purity``: of the measurements in those tracks, the share the object made;
- ``held``: of the object's measurements, the share that went to a track on it;
- ``fire_control_s`` and ``fire_control_error_m``: the first fire-control-quality track on it
  and the distance of that state from the truth;
- ``error_median_m``, ``error_p90_m``: distance of its tracks' states from the truth after
  each update.

``python -m tests.tracking.mixed_raid`` prints the table with the level-flight model on
and off (``docs/tracking_manoeuvring.md`` quotes it).
"""

import time
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import numpy as np

from goldendome.physics.kinds import ObjectKind
from goldendome.physics.measurements import Measurements
from goldendome.physics.scene import SceneObjects
from goldendome.run.context import RunContext
from goldendome.run.stages.raid import run_raid
from goldendome.run.stages.sensing import measure_all
from goldendome.tracking.scoring import boosting_measured, track_owners
from goldendome.tracking.tracker import TrackerSettings, run_tracker
from tests.small_scenario import small_spec

_RADAR = """
[[sites]]
name = "{name}"
role = "radar"
latitude_deg = {lat}
longitude_deg = {lon}
altitude_m = {alt}
radar = {{ type = "{kind}", boresight_azimuth_deg = {az}{faces} }}
"""

MIXED = (
    """
name = "mixed-tracking"
seed = 11

[time]
epoch_utc = 2029-06-01T00:00:00Z
duration_s = 1800.0
step_s = 10.0

[space.tracking]
role = "tracking"
kind = "walker_delta"
satellites = 200
altitude_km = 1000.0
inclination_deg = 80.0
planes = 10
phasing = 1

[space.geo]
role = "early_warning"
kind = "geostationary"
longitudes_deg = [-135.0, 160.0]

[monte_carlo]
trials = 1

[[threats.raid]]
class = "avangard-class"
from = "sea-of-okhotsk"
to = "anchorage"
count = 3
spacing_s = 30.0

[[threats.raid]]
class = "hwasong-15-class"
from = "pyongsong"
to = "anchorage"
count = 2
spacing_s = 20.0
decoys = 0

[[threats.raid]]
class = "kh-101-class"
sea_launch_point = { latitude_deg = 58.3, longitude_deg = -150.0 }
to = "anchorage"
count = 3
spacing_s = 60.0
waypoints = [{ latitude_deg = 60.2, longitude_deg = -151.3 }]

[[sites]]
name = "Fort Greely (GBI)"
role = "interceptor"
latitude_deg = 63.95
longitude_deg = -145.73
interceptors = [{ type = "gbi", count = 8 }]

[[defended_assets]]
name = "Anchorage"
kind = "city"
latitude_deg = 61.22
longitude_deg = -149.90
population = 291247
"""
    + _RADAR.format(name="Anchorage (AN/TPY-2)", lat=61.25, lon=-149.80, alt=30.0,
                    kind="an-tpy-2-fbm", az=200.0, faces="")
    + _RADAR.format(name="Clear SFS (UEWR)", lat=64.29, lon=-149.19, alt=0.0, kind="uewr",
                    az=270.0, faces=", faces = 2")
    + _RADAR.format(name="Shemya (AN/TPY-2)", lat=52.72, lon=174.11, alt=0.0,
                    kind="an-tpy-2-fbm", az=280.0, faces="")
    + _RADAR.format(name="Kenai waypoint (SBX-class)", lat=60.15, lon=-151.2, alt=30.0,
                    kind="sbx", az=180.0, faces="")
    + _RADAR.format(name="Cook Inlet leg (SBX-class)", lat=59.3, lon=-150.6, alt=30.0,
                    kind="sbx", az=180.0, faces="")
)  # fmt: skip


class _Quiet:
    def table(self, *_: Any) -> None: ...
    def part(self, *_: Any) -> None: ...
    def progress(self, *_: Any) -> None: ...


@dataclass(frozen=True)
class Sensed:
    """The mixed raid's scene, its measurements and each threat's class."""

    scene: SceneObjects
    measurements: Measurements
    threat_class: list[str]


def sense_mixed_raid() -> Sensed:
    """Fly and sense :data:`MIXED` as a run does (no tracking)."""
    ctx = RunContext(small_spec(MIXED), None)
    run_raid(ctx, _Quiet())
    raid = ctx.raid
    assert raid is not None
    rngs = ctx.streams.children("sensing", len(ctx.sensors) + 1)
    m = measure_all(ctx.sensors, raid.scene, rngs[:-1], _Quiet())
    return Sensed(raid.scene, m, [label[0] for label in raid.labels])


def _truth_at(scene: SceneObjects, obj: int, t_s: np.ndarray) -> np.ndarray:
    r = scene.r_eci_m[obj]
    return np.stack([np.interp(t_s, scene.t_s, r[:, i]) for i in range(3)], axis=-1)


def per_object(sensed: Sensed, settings: TrackerSettings) -> dict[int, dict[str, Any]]:
    """Track the sensed raid with ``settings``; the figures of each warhead-carrying object."""
    scene, m = sensed.scene, sensed.measurements
    log = run_tracker(m.sensor, m.t_s, m.z, m.sigma, m.origin_r_eci_m, m.origin_v_eci_m_s,
                      m.rotation, settings, plume=m.plume)  # fmt: skip
    owner = track_owners(log, m.object, len(scene), boosting_measured(scene, m))
    used = log.assigned >= 0
    h = log.history
    out: dict[int, dict[str, Any]] = {}
    for o in np.flatnonzero(scene.kind == ObjectKind.RV):
        mine = np.flatnonzero(owner == o)
        made = m.object == o
        in_mine = np.isin(log.assigned, mine)
        fc = log.fire_control_s[mine]
        fc_s = fc_err = np.nan
        if np.isfinite(fc).any():
            k = mine[np.nanargmin(fc)]
            fc_s = float(log.fire_control_s[k])
            truth = _truth_at(scene, int(o), np.array([fc_s]))[0]
            fc_err = float(np.linalg.norm(log.fire_control_x_eci[k, :3] - truth))
        rows = np.flatnonzero(np.isin(h.track, mine))
        err = np.linalg.norm(h.x_eci[rows, :3] - _truth_at(scene, int(o), h.t_s[rows]), axis=1)
        out[int(o)] = {
            "class": sensed.threat_class[int(scene.threat[o])],
            "measurements": int(made.sum()),
            "tracks": int(mine.size),
            "purity": float((in_mine & made).sum() / max(int(in_mine.sum()), 1)),
            "held": float((used & made & in_mine).sum() / max(int(made.sum()), 1)),
            "fire_control_s": fc_s,
            "fire_control_error_m": fc_err,
            "error_median_m": float(np.nanmedian(err)) if np.isfinite(err).any() else np.nan,
            "error_p90_m": float(np.nanpercentile(err, 90)) if np.isfinite(err).any() else np.nan,
        }
    return out


def per_class(figures: dict[int, dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Figures summed or averaged over each class's objects (medians of the times and
    errors over the objects that have them)."""
    by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in figures.values():
        by[row["class"]].append(row)

    def med(rows: list[dict[str, Any]], key: str) -> float:
        v = np.array([r[key] for r in rows], float)
        return float(np.median(v[np.isfinite(v)])) if np.isfinite(v).any() else np.nan

    out = {}
    for name, rows in by.items():
        n_meas = sum(r["measurements"] for r in rows)
        out[name] = {
            "objects": len(rows),
            "measurements": n_meas,
            "tracks_per_object": float(np.mean([r["tracks"] for r in rows])),
            "purity": float(sum(r["purity"] * r["measurements"] for r in rows) / max(n_meas, 1)),
            "held": float(np.mean([r["held"] for r in rows])),
            "with_fire_control": sum(bool(np.isfinite(r["fire_control_s"])) for r in rows),
            "fire_control_s": med(rows, "fire_control_s"),
            "fire_control_error_m": med(rows, "fire_control_error_m"),
            "error_median_m": med(rows, "error_median_m"),
            "error_p90_m": med(rows, "error_p90_m"),
        }
    return out


def _print(label: str, table: dict[str, dict[str, float]], seconds: float) -> None:
    print(f"{label} (tracker {seconds:.1f} s)")
    print("| class | objects | tracks per object | purity | measurements held | fire control "
          "(objects, median s) | its error (m) | error median (m) | error p90 (m) |")  # fmt: skip
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, r in table.items():
        print(f"| {name} | {r['objects']} | {r['tracks_per_object']:.2f} | {r['purity']:.3f} | "
              f"{r['held']:.3f} | {r['with_fire_control']}, {r['fire_control_s']:.0f} | "
              f"{r['fire_control_error_m']:.0f} | {r['error_median_m']:.0f} | "
              f"{r['error_p90_m']:.0f} |")  # fmt: skip


if __name__ == "__main__":
    sensed = sense_mixed_raid()
    for label, level in (("level flight on (default)", True), ("level flight off", False)):
        start = time.perf_counter()
        figures = per_object(sensed, TrackerSettings(level_flight=level))
        _print(label, per_class(figures), time.perf_counter() - start)
