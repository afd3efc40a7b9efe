"""What the kill chain did to each threat class of a raid, from a run's stored tables.

For each class (``threats.threat_class``, in raid order): its missiles and warheads, the
median first detection and first warhead fire-control track after launch
(``threat_timelines``), the shots fired at its objects and the warheads it lost in each layer
per trial (``engagements``, ``objects``), and its leakers per trial (mean, standard error, and
the share of trials with none).

The per-class figures are the run's own counts split by class, so they add up to them: a
warhead's layer is the last layer that recorded a kill on it (a boost kill kills every
warhead of its missile), as the fight's ``killed_in`` is set; a leaker is a warhead no layer
killed whose impact falls in a defended area (``objects.asset_id``), plus, when the run's
shortfall detonates, the warheads of a missile killed in boost whose payload lands on
populated land (:mod:`goldendome.run.shortfall_ground`). A class's shots are those at its
missiles' objects and at tracks on its spent stages (``tracks.threat_id``); shots at ghost
tracks (on no object) belong to no class. Vectorized over trials and warheads with numpy (a dense
trials x warheads array of int8).
"""

from typing import Any

import numpy as np

from goldendome.results.reader import ColumnData, RunReader

IntArray = np.ndarray[Any, np.dtype[np.int64]]

#: The run's interceptor layers, in the order a warhead meets them.
LAYERS = ("boost", "midcourse", "terminal")


def _median(values: np.ndarray[Any, Any]) -> float | None:
    """Median of the finite values (None if there are none: never)."""
    finite = values[np.isfinite(values)]
    return float(np.median(finite)) if finite.size else None


def _stat(per_trial: np.ndarray[Any, Any]) -> dict[str, float]:
    """Mean and standard error over trials (NaN error for one trial)."""
    n = per_trial.size
    err = float(per_trial.std(ddof=1) / np.sqrt(n)) if n > 1 else float("nan")
    return {"mean": float(per_trial.mean()), "stderr": err}


def _killed_layer(
    shots: ColumnData, row: IntArray, rv_ids: IntArray, rv_threat: IntArray, shape: tuple[int, int]
) -> np.ndarray[Any, Any]:
    """(n_trial, n_rv) int8: the last layer (index into LAYERS) that killed each warhead in
    each trial, -1 where it survived.

    ``shape`` is (n_trial, n_missile); ``row`` each shot's trial row."""
    kill = np.asarray(shots["kill"], bool)
    layer = np.zeros(kill.size, np.int8)
    for k, name in enumerate(LAYERS):
        layer[shots["layer"] == name] = k
    # Boost: a killed missile takes every one of its warheads.
    dead = np.zeros(shape, bool)
    boost = kill & (layer == 0)
    dead[row[boost], shots["threat_id"][boost]] = True
    killed = np.where(dead[:, rv_threat], 0, -1).astype(np.int8)
    # Midcourse and terminal: the warhead the shot's track was on.
    surface = np.flatnonzero(kill & (layer > 0) & np.isin(shots["target_object_id"], rv_ids))
    column = np.searchsorted(rv_ids, shots["target_object_id"][surface])
    np.maximum.at(killed, (row[surface], column), layer[surface])
    return killed


def _shortfall(
    shots: ColumnData, row: IntArray, heads: IntArray, shape: tuple[int, int]
) -> IntArray:
    """(n_trial, n_missile) warheads of each missile killed in boost whose payload lands on
    populated land (its earliest killing intercept), which the run counts as leakers when
    its shortfall detonates."""
    s = shots
    k = np.flatnonzero((s["layer"] == "boost") & s["kill"] & s["payload_landed"])
    k = k[np.lexsort((s["intercept_time_s"][k], s["threat_id"][k], s["trial"][k]))]
    key = s["trial"][k] * shape[1] + s["threat_id"][k]
    first = k[np.r_[True, key[1:] != key[:-1]]] if k.size else k
    populated = first[s["payload_on_land"][first] & (s["payload_people_near"][first] > 0)]
    threat = s["threat_id"][populated]
    out = np.zeros(shape, np.int64)
    np.add.at(out, (row[populated], threat), heads[threat])
    return out


def threat_class_summary(run: RunReader) -> list[dict[str, Any]] | None:
    """One entry per threat class of the raid (None without a raid or a Monte Carlo).

    Each entry: ``threat_class``, ``missiles``, ``warheads``; ``missiles_detected`` and
    ``first_detection_s`` (median after launch over those detected, None if none);
    ``missiles_with_fire_control`` and ``fire_control_s`` (median first warhead
    fire-control track after launch); ``shots_per_trial`` and ``kills_per_trial`` (warheads)
    by layer; ``leakers`` (mean and standard error per trial) and ``p_no_leaker``.
    """
    if not (run.has("threats") and run.has("objects") and run.has("trials")):
        return None
    threats, objects = run.columns("threats"), run.columns("objects")
    trial_ids = np.sort(np.asarray(run.columns("trials")["trial"]))
    n = int(trial_ids.size)
    if not n or not threats["threat_id"].size:
        return None
    classes = list(dict.fromkeys(str(c) for c in threats["threat_class"]))
    class_of = np.asarray([classes.index(str(c)) for c in threats["threat_class"]])
    shape = (n, int(threats["threat_id"].max()) + 1)
    missile_class = np.full(shape[1], -1)
    missile_class[threats["threat_id"]] = class_of
    rv = objects["kind"] == "rv"
    order = np.argsort(objects["object_id"][rv])
    rv_ids = objects["object_id"][rv][order]
    rv_threat = objects["threat_id"][rv][order]
    rv_class = missile_class[rv_threat]
    shots = run.columns("engagements") if run.has("engagements") else _no_shots()
    row = np.searchsorted(trial_ids, shots["trial"])
    killed = _killed_layer(shots, row, rv_ids, rv_threat, shape)
    threatening = objects["asset_id"][rv][order] >= 0
    leaked = ((killed < 0) & threatening) @ _onehot(rv_class, len(classes))
    if run.manifest.get("run", {}).get("shortfall") == "detonates":
        heads = np.bincount(rv_threat, minlength=shape[1])
        leaked += _shortfall(shots, row, heads, shape) @ _onehot(missile_class, len(classes))
    timelines = run.columns("threat_timelines") if run.has("threat_timelines") else None
    shot_threat = _shot_missile(run, shots)
    out = []
    for c, name in enumerate(classes):
        ids = threats["threat_id"][class_of == c]
        entry: dict[str, Any] = {
            "threat_class": name,
            "missiles": int(ids.size),
            "warheads": int(np.sum(rv_class == c)),
        }
        if timelines is not None:
            mine = np.isin(timelines["threat_id"], ids)
            seen = np.asarray(timelines["first_detection_s"][mine], float)
            fire = np.asarray(timelines["rv_fire_control_s"][mine], float)
            entry |= {
                "missiles_detected": int(np.isfinite(seen).sum()),
                "first_detection_s": _median(seen),
                "missiles_with_fire_control": int(np.isfinite(fire).sum()),
                "fire_control_s": _median(fire),
            }
        at = np.isin(shot_threat, ids)
        entry["shots_per_trial"] = {
            layer: float(np.sum(at & (shots["layer"] == layer)) / n) for layer in LAYERS
        }
        entry["kills_per_trial"] = {
            layer: float(np.sum((killed == k) & (rv_class == c)) / n)
            for k, layer in enumerate(LAYERS)
        }
        entry["leakers"] = _stat(leaked[:, c].astype(float))
        entry["p_no_leaker"] = float(np.mean(leaked[:, c] == 0))
        out.append(entry)
    return out


def _shot_missile(run: RunReader, shots: ColumnData) -> IntArray:
    """Each shot's missile: its target's, or for a shot at a track on no object of the
    engagement model (an untold spent stage) the missile of the object the track is on
    (``tracks``); -1 for a ghost track."""
    out = np.asarray(shots["threat_id"], np.int64).copy()
    untold = np.flatnonzero((out < 0) & (shots["track_id"] >= 0))
    if untold.size and run.has("tracks"):
        tracks = run.columns("tracks")
        order = np.argsort(tracks["track_id"])
        at = np.minimum(
            np.searchsorted(tracks["track_id"], shots["track_id"][untold], sorter=order),
            order.size - 1,
        )
        row = order[at]
        found = tracks["track_id"][row] == shots["track_id"][untold]
        out[untold[found]] = tracks["threat_id"][row[found]]
    return out


def _onehot(index: IntArray, n: int) -> IntArray:
    """(len(index), n) int64: 1 where column ``j == index[i]``."""
    return np.asarray(index[:, None] == np.arange(n), dtype=np.int64)


def _no_shots() -> ColumnData:
    """Empty engagement columns (a run without a kill chain's shots)."""
    empty = np.empty(0, np.int64)
    names = ("trial", "threat_id", "target_object_id", "track_id", "intercept_time_s")
    return {
        **dict.fromkeys(names, empty),
        **{name: np.empty(0, bool) for name in ("kill", "payload_landed", "payload_on_land")},
        "payload_people_near": np.empty(0, float),
        "layer": np.empty(0, object),
    }
