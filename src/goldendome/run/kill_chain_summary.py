"""What the trials add up to: P(zero leakers) with its interval, leakers, kills by layer, cost.

P(zero leakers) carries a Wilson score interval (95%: z = 1.96; Wilson, JASA 22, 1927),
which stays inside [0, 1] and behaves when every trial ends the same way. Means carry their
standard error.
"""

import math
from typing import Any

import numpy as np

from goldendome.run.kill_chain_setup import KillChainSetup
from goldendome.run.monte_carlo import interceptor_names

Z95 = 1.959963984540054


def wilson_interval(successes: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval of a binomial proportion (NaN, NaN for ``n = 0``)."""
    if n == 0:
        return math.nan, math.nan
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def _mean(values: np.ndarray) -> dict[str, float]:
    n = values.size
    sem = float(values.std(ddof=1) / math.sqrt(n)) if n > 1 else math.nan
    return {"mean": float(values.mean()) if n else math.nan, "stderr": sem}


def aggregate(records: list[dict[str, Any]], setup: KillChainSetup) -> dict[str, Any]:
    """The run's kill-chain figures from its trial records (JSON-ready, NaN for none)."""
    n = len(records)
    col = {k: np.array([r[k] for r in records], float) for k in (records[0] if records else {})}
    if not n:
        return {"trials": 0}
    zero = int(np.sum(col["leakers"] == 0))
    lo, hi = wilson_interval(zero, n)
    names = interceptor_names(setup)
    fired = {name: _mean(col[f"fired_{name}"]) for name in names}
    saved = col["interceptors_saved_by_filter"]
    total = col["interceptors_fired"]
    rv = int(np.sum(setup.object_kind == 0))
    return {
        "trials": n,
        "warheads": rv,
        "decoys": int(np.sum(setup.object_kind == 1)),
        "p_zero_leakers": zero / n,
        "p_zero_leakers_95": [lo, hi],
        "expected_leakers": _mean(col["leakers"]),
        "expected_rvs_through": _mean(col["rvs_through"]),
        "expected_damage": _mean(col["damage"]),
        "p_any_asset_hit": float(np.mean(col["assets_hit"] > 0)),
        "kills_by_layer": {
            "boost_missiles": _mean(col["missiles_killed_in_boost"]),
            "boost_rvs": _mean(col["rvs_killed_boost"]),
            "midcourse_rvs": _mean(col["rvs_killed_midcourse"]),
            "terminal_rvs": _mean(col["rvs_killed_terminal"]),
        },
        "decoys_engaged": _mean(col["decoys_engaged"]),
        "interceptors_fired": fired,
        "interceptors_fired_total": _mean(total),
        "cost_usd": _mean(col["cost_usd"]),
        "iron_dome_saving": {
            "interceptors": _mean(saved),
            "share_of_engage_all": float(saved.sum() / max((total + saved).sum(), 1.0)),
            "leakers_prevented": _mean(col["leakers_if_engage_all"] - col["leakers"]),
        },
        "rvs_never_given_fire_control": int(
            np.sum((setup.object_kind == 0) & ~np.isfinite(setup.fire_control_s))
        ),
        "magazines": [
            {"site": b.site, "interceptor": b.kind.name, "rounds": b.magazine}
            for b in setup.batteries
        ],
    }
