"""What became of each warhead over the Monte Carlo trials, from the stored shots.

Read from the ``objects``, ``trials`` and ``engagements`` tables: a missile killed in boost
takes its warheads with it; a warhead killed later is counted in the layer of its first
killing shot (by intercept time); a warhead no shot killed survived, and it leaked when it
falls inside a defended area (``objects.asset_id``). Shares are per trial: the sum over the
warheads equals the trials table's means (a unit test checks it).
"""

from dataclasses import dataclass
from typing import Any

import numpy as np

from goldendome.results.reader import RunReader

#: Layers in the order a warhead meets them.
LAYERS = ("boost", "midcourse", "terminal")


@dataclass(frozen=True)
class WarheadFates:
    """Per warhead (RV): the share of trials in which each fate befell it.

    Every array has one value per RV, in ``objects`` order; the shares of ``killed`` (one
    row per layer of :data:`LAYERS`) and ``survived`` sum to one per warhead.
    """

    object_id: np.ndarray[Any, Any]
    threat_id: np.ndarray[Any, Any]
    threat_class: np.ndarray[Any, Any]
    killed: np.ndarray[Any, Any]  # (3, n_rv) shares of trials
    survived: np.ndarray[Any, Any]
    leaked: np.ndarray[Any, Any]
    impact_latitude_deg: np.ndarray[Any, Any]
    impact_longitude_deg: np.ndarray[Any, Any]
    asset: np.ndarray[Any, Any]
    trials: int


def _first_kills(e: dict[str, np.ndarray[Any, Any]]) -> dict[str, np.ndarray[Any, Any]]:
    """The killing shots, only the first (by intercept time) on each (trial, object)."""
    k = np.flatnonzero(e["kill"] & (e["target_object_id"] >= 0))
    k = k[np.lexsort((e["intercept_time_s"][k], e["target_object_id"][k], e["trial"][k]))]
    pair = np.stack([e["trial"][k], e["target_object_id"][k]], axis=1)
    first = np.ones(k.size, bool)
    first[1:] = np.any(pair[1:] != pair[:-1], axis=1)
    return {name: e[name][k[first]] for name in ("trial", "target_object_id", "threat_id", "layer")}


def warhead_fates(run: RunReader) -> WarheadFates | None:
    """Each warhead's fates over the trials; None for a folder without trials."""
    if not (run.has("trials") and run.has("objects") and run.has("threats")):
        return None
    n = int(run.columns("trials")["trial"].size)
    objects = run.columns("objects")
    threats = run.columns("threats")
    rv = np.flatnonzero(objects["kind"] == "rv")
    threat_of = objects["threat_id"][rv]
    killed = np.zeros((len(LAYERS), rv.size))
    if n and run.has("engagements"):
        kills = _first_kills(run.columns("engagements"))
        boosted = kills["layer"] == "boost"
        lost = np.bincount(kills["threat_id"][boosted], minlength=threats["threat_id"].size)
        killed[0] = lost[threat_of] / n
        rv_ids = objects["object_id"][rv]
        order = np.argsort(rv_ids)
        for row, layer in enumerate(LAYERS[1:], start=1):
            mine = kills["target_object_id"][kills["layer"] == layer]
            mine = mine[np.isin(mine, rv_ids)]
            where = order[np.searchsorted(rv_ids, mine, sorter=order)]
            killed[row] = np.bincount(where, minlength=rv.size) / n
    survived = np.clip(1.0 - killed.sum(axis=0), 0.0, 1.0) if n else np.zeros(rv.size)
    asset_id = objects["asset_id"][rv]
    names = {}
    if run.has("defended_assets"):
        a = run.columns("defended_assets")
        names = dict(zip(a["asset_id"].tolist(), a["name"].tolist(), strict=True))
    return WarheadFates(
        object_id=objects["object_id"][rv],
        threat_id=threat_of,
        threat_class=threats["threat_class"][threat_of],
        killed=killed,
        survived=survived,
        leaked=np.where(asset_id >= 0, survived, 0.0),
        impact_latitude_deg=objects["impact_latitude_deg"][rv],
        impact_longitude_deg=objects["impact_longitude_deg"][rv],
        asset=np.array([names.get(int(i), "") for i in asset_id], dtype=object),
        trials=n,
    )


def by_class(fates: WarheadFates) -> list[dict[str, Any]]:
    """Per threat class (in raid order): warheads, and per trial the mean killed in each
    layer, surviving and leaking."""
    out = []
    for name in dict.fromkeys(fates.threat_class.tolist()):
        mine = fates.threat_class == name
        row: dict[str, Any] = {"threat_class": str(name), "warheads": int(mine.sum())}
        for i, layer in enumerate(LAYERS):
            row[layer] = float(fates.killed[i, mine].sum())
        row["survived"] = float(fates.survived[mine].sum())
        row["leaked"] = float(fates.leaked[mine].sum())
        out.append(row)
    return out
