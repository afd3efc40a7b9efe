"""A run's summary, computed from its stored tables alone (what ``goldendome run`` prints
and ``--json`` returns).

Nothing here reruns physics or imports the simulator: any run folder of this schema version
gives back its summary (``summarize_folder(path)``). P(zero leakers) carries a Wilson score
interval (95%: z = 1.96; Wilson, JASA 22, 1927), which stays inside [0, 1] and behaves when
every trial ends the same way; means carry their standard error. Quantities that do not
exist (a threat never tracked) are None.
"""

import math
from pathlib import Path
from typing import Any

import numpy as np

from goldendome.results.class_summary import threat_class_summary
from goldendome.results.cost_summary import cost_summary
from goldendome.results.parameter_band import band_from_tables
from goldendome.results.reader import RunReader, open_run
from goldendome.results.shortfall_summary import shortfall_summary
from goldendome.results.window_summary import engagement_windows

Z95 = 1.959963984540054


def wilson_interval(successes: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval of a binomial proportion (NaN, NaN for ``n = 0``)."""
    if n == 0:
        return math.nan, math.nan
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def mean_with_error(values: np.ndarray[Any, Any]) -> dict[str, float]:
    """Mean and its standard error (NaN for fewer than two values)."""
    n = values.size
    sem = float(values.std(ddof=1) / math.sqrt(n)) if n > 1 else math.nan
    return {"mean": float(values.mean()) if n else math.nan, "stderr": sem}


def _json_safe(value: Any) -> Any:
    """``value`` with every NaN float replaced by None (JSON has no NaN)."""
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_safe(v) for v in value]
    return value


def _rows(run: RunReader, name: str) -> list[dict[str, Any]]:
    return run.rows(name) if run.has(name) else []


def _names(rows: list[dict[str, Any]], key: str) -> dict[int, str]:
    return {int(r[key]): str(r["name"]) for r in rows}


def _sbi(run: RunReader, layers: list[dict[str, Any]]) -> dict[str, Any] | None:
    facts = run.manifest.get("run", {})
    if not run.has("sbi_threats") or facts.get("sbi_layer") is None:
        return None
    threats = _rows(run, "sbi_threats")
    opps = run.columns("sbi_opportunities")
    layer = next(r for r in layers if r["name"] == facts["sbi_layer"])
    return {
        "layer": layer["name"],
        "satellites": layer["n_satellites"],
        "kill_vehicle": facts.get("kill_vehicle"),
        "opportunities": int(opps["threat_id"].size),
        "distinct_sbis_in_reach": int(np.unique(opps["satellite_id"]).size),
        "shots_every_missile_gets": min((int(t["shots_assigned"]) for t in threats), default=0),
        "threats": threats,
    }


def _boost_shots(manifest: dict[str, Any]) -> int:
    """The boost doctrine's shots per missile, as the manifest records it (1 if absent)."""
    return int(manifest.get("run", {}).get("boost_shots", 1))


def _sensing(run: RunReader) -> dict[str, Any] | None:
    if not run.has("sensors"):
        return None
    sensors = _rows(run, "sensors")
    name = _names(sensors, "sensor_id")
    timelines = _rows(run, "threat_timelines")
    for t in timelines:
        first = int(t["first_detected_by"])
        t["first_detected_by"] = name[first] if first >= 0 else ""
        ids = [int(s) for s in str(t["tracked_by"]).split(",") if s]
        t["tracked_by"] = ", ".join(name[s] for s in ids)
    tracks = run.columns("tracks")
    assigned = int(tracks["measurements"].sum())
    return {
        "measurements": int(sum(int(s["detections"]) for s in sensors)),
        "tracks": int(tracks["track_id"].size),
        "track_purity": float(tracks["measurements_on_object"].sum() / assigned)
        if assigned
        else math.nan,
        "sensors": sensors,
        "timelines": timelines,
        "discrimination": _calls(run),
    }


def _calls(run: RunReader) -> dict[str, Any] | None:
    """Per kind, objects and the expected number called decoy, unknown and warhead in a
    trial, and the expected number the battle manager engages (``object_calls``, at the
    ranges' means)."""
    if not run.has("object_calls"):
        return None
    c = run.columns("object_calls")
    p = np.stack([c["p_called_decoy"], c["p_unknown"], c["p_called_warhead"]], axis=-1)
    engaged = np.stack(
        [c["engaged_if_called_decoy"], c["engaged_if_unknown"], c["engaged_if_called_warhead"]],
        axis=-1,
    )
    out = {}
    for kind in ("rv", "decoy"):
        mine = c["kind"] == kind
        calls = p[mine].sum(axis=0)
        out[kind] = {
            "objects": int(mine.sum()),
            "called_decoy": float(calls[0]),
            "unknown": float(calls[1]),
            "called_warhead": float(calls[2]),
            "engaged": float(np.sum(p[mine] * engaged[mine])),
        }
    return out


def kill_chain_summary(run: RunReader) -> dict[str, Any] | None:
    """The Monte Carlo's figures from the ``trials`` and ``engagements`` tables."""
    if not run.has("trials"):
        return None
    col = {k: np.asarray(v, float) for k, v in run.columns("trials").items()}
    n = int(col["trial"].size)
    if not n:
        return {"trials": 0}
    zero = int(np.sum(col["leakers"] == 0))
    lo, hi = wilson_interval(zero, n)
    names = [str(r["interceptor"]) for r in _rows(run, "interceptor_types")]
    order = np.argsort(col["trial"])
    shots = run.columns("engagements") if run.has("engagements") else None
    fired = {}
    for name in names:
        counts = np.zeros(n)
        if shots is not None:
            mine = shots["trial"][shots["interceptor"] == name]
            where = np.searchsorted(col["trial"][order], mine)
            counts[order] = np.bincount(where, minlength=n)[:n]
        fired[name] = mean_with_error(counts)
    saved, total = col["interceptors_saved_by_filter"], col["interceptors_fired"]
    objects = run.columns("objects")
    rv_ids = objects["object_id"][objects["kind"] == "rv"]
    given = run.columns("fire_control")["object_id"] if run.has("fire_control") else np.empty(0)
    sites = _names(_rows(run, "sites"), "site_id")
    return {
        "trials": n,
        "warheads": int(rv_ids.size),
        "decoys": int(np.sum(objects["kind"] == "decoy")),
        "p_zero_leakers": zero / n,
        "p_zero_leakers_95": [lo, hi],
        # Over the parameters given as ranges (None without ranges).
        "parameter_band": band_from_tables(col, run.columns("trial_parameters"))
        if run.has("trial_parameters")
        else None,
        "expected_leakers": mean_with_error(col["leakers"]),
        "expected_rvs_through": mean_with_error(col["rvs_through"]),
        "expected_damage": mean_with_error(col["damage"]),
        "p_any_asset_hit": float(np.mean(col["assets_hit"] > 0)),
        "kills_by_layer": {
            "boost_missiles": mean_with_error(col["missiles_killed_in_boost"]),
            "boost_rvs": mean_with_error(col["rvs_killed_boost"]),
            "midcourse_rvs": mean_with_error(col["rvs_killed_midcourse"]),
            "terminal_rvs": mean_with_error(col["rvs_killed_terminal"]),
        },
        "decoys_engaged": mean_with_error(col["decoys_engaged"]),
        "interceptors_fired": fired,
        "interceptors_fired_total": mean_with_error(total),
        "cost_usd": mean_with_error(col["cost_usd"]),
        "iron_dome_saving": {
            "interceptors": mean_with_error(saved),
            "share_of_engage_all": float(saved.sum() / max((total + saved).sum(), 1.0)),
            "leakers_prevented": mean_with_error(col["leakers_if_engage_all"] - col["leakers"]),
        },
        "rvs_never_given_fire_control": int(np.sum(~np.isin(rv_ids, given))),
        # Surface shots by what their track was in truth (absent from runs before tracks
        # were engaged: None).
        "shots_on_tracks": {
            role: mean_with_error(col[f"shots_on_{role}_tracks"])
            if f"shots_on_{role}_tracks" in col
            else None
            for role in ("duplicate", "ghost", "stage", "decoy")
        },
        "rvs_never_engaged": mean_with_error(col["rvs_never_engaged"])
        if "rvs_never_engaged" in col
        else None,
        # Warheads spared for what discrimination called them (absent before decoy types).
        "rvs_spared_by_call": mean_with_error(col["rvs_spared_by_call"])
        if "rvs_spared_by_call" in col
        else None,
        "magazines": [
            {
                "site": sites[int(b["site_id"])],
                "interceptor": b["interceptor"],
                "rounds": b["rounds"],
            }
            for b in _rows(run, "batteries")
        ],
    }


def summarize_folder(path: str | Path) -> dict[str, Any]:
    """The summary of the run folder at ``path``, from its stored tables (JSON-ready).

    Raises
    ------
    goldendome.results.reader.RunFolderError
        If ``path`` is not a run folder of this schema version.
    """
    run = open_run(path)
    m, facts = run.manifest, run.manifest.get("run", {})
    layers = _rows(run, "layers")
    layer_name = _names(layers, "layer_id")
    sites = {int(s["site_id"]): s for s in _rows(run, "sites")}
    coverage = [
        {
            "site": str(sites[int(c["site_id"])]["name"]),
            "role": str(sites[int(c["site_id"])]["role"]),
            "layer": layer_name[int(c["layer_id"])],
            **{k: v for k, v in c.items() if k not in ("site_id", "layer_id")},
        }
        for c in _rows(run, "site_coverage")
    ]
    objects = run.columns("objects") if run.has("objects") else {"kind": np.empty(0)}
    assets = _rows(run, "defended_assets")
    kill_chain = kill_chain_summary(run)
    summary: dict[str, Any] = _json_safe(
        {
            "scenario": m["scenario_name"],
            "seed": m["seed"],
            "epoch_utc": facts.get("epoch_utc"),
            "duration_s": facts.get("duration_s"),
            "step_s": facts.get("step_s"),
            "n_times": facts.get("n_times"),
            "layers": layers,
            "site_coverage": coverage,
            "threats": _rows(run, "threats"),
            "objects": {
                "reentry_vehicles": int(np.sum(objects["kind"] == "rv")),
                "decoys": int(np.sum(objects["kind"] == "decoy")),
            },
            "space_based_interceptors": _sbi(run, layers),
            "engagement_windows": engagement_windows(run, _boost_shots(m)),
            "boost_shortfall": shortfall_summary(run, facts.get("shortfall") == "detonates"),
            "sensing": _sensing(run),
            "kill_chain": kill_chain,
            # Per threat class (absent from summaries stored before it: not computed).
            "threat_classes": threat_class_summary(run),
            "cost": cost_summary(run, kill_chain),
            "defended_assets": len(assets),
            "defended_population": sum(int(a["population"]) for a in assets),
            "run_folder": str(run.path),
        }
    )
    return summary
