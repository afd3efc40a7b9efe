"""Print how well the tracker holds a scenario's objects: the sensing stage alone, once.

Flies the scenario's raid, lets every sensor measure it (the run's sensing stage does the
same, with the same random streams), runs the tracker and scores its tracks against the
truth (:func:`goldendome.tracking.scoring.track_owners`). Printed:

* tracks, and firm (confirmed) tracks per object;
* purity: the share of assigned measurements that are on their track's own object
  (``sum(measurements_on_object) / sum(measurements)`` of the run's ``tracks`` table);
* objects never given a firm track (of those measured at all, and of the whole scene);
* duplicate firm tracks: firm tracks whose owner holds another firm track at the same time
  (a firm track lives from ``firm_s`` to its last update);
* ghost firm tracks: firm tracks with no owner (no object made half their measurements);
* purity by kind: the same share among the measurements of reentry vehicles, decoys and
  missiles (a missile's object is the boosting missile, then its spent stage);
* purity like for like: as purity, on the measurements the scene had before the spent stages
  were added (a missile's until its burnout, a released object's from its release on);
* purity with boost continuity: as purity, but a missile's measurements on a track owned by
  one of its own payloads count as on the track's object (the bus carries the payload away
  from the stage at burnout: a track that follows the missile through burnout onto the bus
  is one object's track to an engagement, and the strict purity counts its boost part wrong);
* the times of the measuring and of the tracker.

Usage: ``python tools/tracker_figures.py [SCENARIO] [--association jpda|gnn] [--legacy]
[--json]``
(``--legacy``: the tracker before issue 14; ``SCENARIO``: a TOML file or an embedded name,
``default`` or ``peer-raid``).
"""

import argparse
import json
import time
from dataclasses import replace

import numpy as np

from goldendome import api
from goldendome.physics.kinds import ObjectKind
from goldendome.physics.measurements import Measurements
from goldendome.physics.scene import SceneObjects
from goldendome.run.context import RunContext
from goldendome.threats.flight import BURNOUT
from goldendome.tracking.scoring import track_owners
from goldendome.tracking.tracker import TrackerSettings, TrackLog, run_tracker


def measure(scenario: str) -> tuple[Measurements, SceneObjects, float, np.ndarray]:
    """The scenario's measurements (as the sensing stage draws them), its scene, seconds, and
    each object's like-for-like window: ``(n_object, 2)`` start and end, seconds."""
    spec, _ = api.read_scenario(scenario)
    ctx = RunContext(spec)
    if ctx.raid is None or not ctx.sensors:
        raise SystemExit(f"{scenario} has no raid or no sensors: nothing to track.")
    start = time.perf_counter()
    scene = ctx.raid.scene
    rngs = ctx.streams.children("sensing", len(ctx.sensors) + 1)
    parts = [s.measure(scene, rng) for s, rng in zip(ctx.sensors, rngs[:-1], strict=True)]
    took = time.perf_counter() - start
    raid = ctx.raid
    n = raid.n_missiles
    window = np.column_stack(
        [
            np.concatenate([np.full(n, -np.inf), raid.deployment.release_t_s]),
            np.concatenate([raid.flight.event_t_s[:, BURNOUT], np.full(len(scene) - n, np.inf)]),
        ]
    )
    return Measurements.concatenate(parts), scene, took, window


def life(log: TrackLog) -> tuple[np.ndarray, np.ndarray]:
    """Each track's firm time and its last update (NaN and -inf where never)."""
    last = np.full(len(log), -np.inf)
    np.maximum.at(last, log.history.track, log.history.t_s)
    return np.asarray(log.firm_s, float), last


def duplicates(owner: np.ndarray, firm_s: np.ndarray, last_s: np.ndarray) -> tuple[int, int]:
    """Firm tracks that overlap another firm track of their owner, and objects with any."""
    firm = np.flatnonzero(np.isfinite(firm_s) & (owner >= 0))
    dup = np.zeros(len(owner), bool)
    for obj in np.unique(owner[firm]):
        k = firm[owner[firm] == obj]
        a, b = firm_s[k], last_s[k]
        over = (a[:, None] <= b[None, :]) & (a[None, :] <= b[:, None])
        np.fill_diagonal(over, False)
        dup[k[over.any(axis=1)]] = True
    return int(dup.sum()), int(np.unique(owner[dup]).size)


def figures(
    m: Measurements, scene: SceneObjects, log: TrackLog, window: np.ndarray
) -> dict[str, float]:
    """The figures the module notes list."""
    n_objects = len(scene)
    owner = track_owners(log, m.object, n_objects)
    used = log.assigned >= 0
    track_owner, made = owner[log.assigned[used]], m.object[used]
    on_own = track_owner == made
    kin = (scene.kind[made] == ObjectKind.BOOSTER) & (track_owner >= 0)
    kin &= scene.threat[np.maximum(track_owner, 0)] == scene.threat[made]
    firm_s, last_s = life(log)
    firm = np.isfinite(firm_s)
    held = np.unique(owner[firm & (owner >= 0)])
    measured = np.unique(m.object)
    dup_tracks, dup_objects = duplicates(owner, firm_s, last_s)
    t_used = m.t_s[used]
    like = (t_used >= window[made, 0]) & (t_used <= window[made, 1])
    by_kind = {
        f"purity_{kind.label}": float(on_own[scene.kind[made] == kind].mean())
        for kind in ObjectKind
        if np.any(scene.kind[made] == kind)
    }
    return {
        "objects": n_objects,
        "measurements": int(m.t_s.size),
        "assigned_share": float(used.mean()) if used.size else 0.0,
        "tracks": len(log),
        "firm_tracks": int(firm.sum()),
        "firm_tracks_per_object": float(firm.sum() / n_objects),
        "purity": float(on_own.mean()) if on_own.size else 0.0,
        **by_kind,
        "purity_like_for_like": float(on_own[like].mean()) if like.any() else 0.0,
        "purity_with_boost_continuity": float((on_own | kin).mean()) if on_own.size else 0.0,
        "objects_without_firm_track": int(n_objects - held.size),
        "measured_objects_without_firm_track": int(np.setdiff1d(measured, held).size),
        "duplicate_firm_tracks": dup_tracks,
        "objects_with_duplicates": dup_objects,
        "ghost_firm_tracks": int((firm & (owner < 0)).sum()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("scenario", nargs="?", default="default")
    parser.add_argument("--association", default=None, help="TrackerSettings.association")
    parser.add_argument("--legacy", action="store_true", help="GNN, no borrowing, no merging")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    m, scene, t_measure, window = measure(args.scenario)
    settings = TrackerSettings()
    if args.association is not None:
        settings = replace(settings, association=args.association)  # type: ignore[call-arg]
    if args.legacy:
        settings = replace(settings, association="gnn", neighbour_radius_m=0.0,
                           merge_probability=0.0)  # fmt: skip
    start = time.perf_counter()
    log = run_tracker(m.sensor, m.t_s, m.z, m.sigma, m.origin_r_eci_m, m.origin_v_eci_m_s,
                      m.rotation, settings)  # fmt: skip
    t_track = time.perf_counter() - start
    out = figures(m, scene, log, window) | {"measure_s": t_measure, "tracker_s": t_track}
    if args.json:
        print(json.dumps(out))
        return
    for key, value in out.items():
        print(f"{key:38s} {value:.3f}" if isinstance(value, float) else f"{key:38s} {value}")


if __name__ == "__main__":
    main()
