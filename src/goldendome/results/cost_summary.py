"""The architecture's cost beside its outcomes, from a run folder's cost tables and its
Monte Carlo aggregate: the 20-year cost, cost per warhead stopped, and the rounds a raid
expends with what replacing them costs (at the cost catalog's unit costs, base-year dollars).
"""

import math
from typing import Any

import numpy as np

from goldendome.results.reader import RunReader


def _ratio(num: float, den: float) -> float:
    return num / den if den > 0 else math.nan


def _round_costs(elements: list[dict[str, Any]]) -> dict[str, float]:
    """Interceptor type -> replacement cost of one round (quantity-weighted over elements)."""
    sums: dict[str, list[float]] = {}
    for e in elements:
        if e["interceptor"]:
            acc = sums.setdefault(str(e["interceptor"]), [0.0, 0.0])
            acc[0] += float(e["unit_cost_usd"]) * float(e["quantity"])
            acc[1] += float(e["quantity"])
    return {k: _ratio(usd, n) for k, (usd, n) in sums.items()}


def cost_summary(run: RunReader, kill_chain: dict[str, Any] | None) -> dict[str, Any] | None:
    """The ``cost`` entry of a run summary (None for a folder without cost tables).

    Parameters
    ----------
    run : RunReader
    kill_chain : dict or None
        The summary's ``kill_chain`` entry (outcomes and interceptors fired per trial).
    """
    if not run.has("cost_estimate"):
        return None
    est = run.rows("cost_estimate")[0]
    elements = run.rows("cost_elements")
    cost = run.columns("cost")
    total = float(est["total_usd"])
    by_layer: dict[str, float] = {}
    for layer, usd in zip(cost["layer"].tolist(), cost["cost_usd"].tolist(), strict=True):
        by_layer[str(layer)] = by_layer.get(str(layer), 0.0) + float(usd)
    categories = np.unique(cost["category"]).tolist()
    by_category = {str(c): float(cost["cost_usd"][cost["category"] == c].sum()) for c in categories}
    out: dict[str, Any] = {
        "base_year": int(est["base_year"]),
        "first_year": int(est["first_year"]),
        "years": int(est["years"]),
        "total_usd": total,
        "p10_usd": float(est["p10_usd"]),
        "p50_usd": float(est["p50_usd"]),
        "p90_usd": float(est["p90_usd"]),
        "by_layer_usd": by_layer,
        "by_category_usd": by_category,
    }
    if not kill_chain or not kill_chain.get("trials"):
        return out
    unit = _round_costs(elements)
    rounds = []
    for name, stat in kill_chain["interceptors_fired"].items():
        fired = float(stat["mean"])
        usd = unit.get(name, math.nan)
        rounds.append(
            {
                "interceptor": name,
                "fired": fired,
                "unit_cost_usd": usd,
                "replacement_usd": fired * usd,
            }
        )
    replacement = float(sum(r["replacement_usd"] for r in rounds if r["fired"] > 0))
    stopped = kill_chain["warheads"] - float(kill_chain["expected_rvs_through"]["mean"])
    out.update(
        {
            "p_zero_leakers": kill_chain["p_zero_leakers"],
            "expected_leakers": float(kill_chain["expected_leakers"]["mean"]),
            "warheads": kill_chain["warheads"],
            "warheads_stopped": stopped,
            "usd_per_warhead_stopped": _ratio(total, stopped),
            "interceptors_expended": float(kill_chain["interceptors_fired_total"]["mean"]),
            "replacement_usd": replacement,
            "replacement_usd_per_warhead_stopped": _ratio(replacement, stopped),
            "rounds": rounds,
        }
    )
    return out
