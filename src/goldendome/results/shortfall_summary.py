"""The boost-phase shortfall of a run, from its stored tables: where the warheads of boosters
killed before burnout still land, and on whose land and people.

Read from the ``trials`` table (per trial: shortfall warheads, on land, on populated land, on
US or allied territory, people near them) and the ``engagements`` table (each killing SBI
shot's payload landing point and the country under it).
"""

from collections import Counter
from typing import Any

import numpy as np

from goldendome.results.reader import RunReader


def _mean(values: np.ndarray[Any, Any]) -> float:
    return float(np.mean(values)) if values.size else float("nan")


def shortfall_summary(run: RunReader, detonates: bool) -> dict[str, Any] | None:
    """Per-trial means of the shortfall, the chance it reaches populated land, and where.

    Parameters
    ----------
    run : RunReader
    detonates : bool
        The scenario counts shortfall warheads on populated land as leakers
        (``[sbi] shortfall = "detonates"``).

    Returns
    -------
    dict, or None without the columns
    """
    if not run.has("trials"):
        return None
    t = run.columns("trials")
    if "shortfall_warheads" not in t:
        return None
    populated = np.asarray(t["shortfall_on_populated_land"], float)
    where: Counter[str] = Counter()
    if run.has("engagements"):
        s = run.columns("engagements")
        kill = (s["layer"] == "boost") & s["kill"] & s["payload_landed"]
        land = s["payload_on_land"][kill]
        where.update(np.where(land, s["payload_country"][kill], "sea").tolist())
    total = sum(where.values())
    return {
        "counted_as_leakers": detonates,
        "warheads": _mean(np.asarray(t["shortfall_warheads"], float)),
        "on_land": _mean(np.asarray(t["shortfall_on_land"], float)),
        "on_populated_land": _mean(populated),
        "on_us_or_ally": _mean(np.asarray(t["shortfall_on_us_or_ally"], float)),
        "people_near": _mean(np.asarray(t["shortfall_people_near"], float)),
        "p_any_on_populated_land": _mean(populated > 0),
        "killing_shots_by_country": [
            {"country": c, "share": n / total} for c, n in where.most_common(8)
        ],
    }
