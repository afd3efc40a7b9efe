"""The boost-phase engagement windows of a run, per threat class, from its stored tables.

The window is an output of the kill chain, not an input: in each trial a missile's window
opens at the commit (its first sensor report in the trial's boost sample plus the decision
delay) and closes at the engagement deadline (burnout by default). Read from the
``boost_windows`` table (one row per trial and missile) and the ``threats`` table (class and
launch time); all times are seconds after the missile's launch.
"""

from typing import Any

import numpy as np

from goldendome.results.reader import RunReader


def _stats(values: np.ndarray[Any, Any]) -> dict[str, float]:
    """Mean, least and greatest of the finite ``values`` (NaN when there are none)."""
    finite = values[np.isfinite(values)]
    if not finite.size:
        return {"mean": float("nan"), "min": float("nan"), "max": float("nan")}
    return {"mean": float(finite.mean()), "min": float(finite.min()), "max": float(finite.max())}


def engagement_windows(run: RunReader, shots_per_missile: int = 1) -> list[dict[str, Any]] | None:
    """Per threat class: first report, commit, deadline, window and SBIs in reach.

    Parameters
    ----------
    run : RunReader
    shots_per_missile : int
        The boost doctrine's shots per missile: ``p_enough_in_reach`` is the share of
        (trial, missile) rows with at least that many SBIs in reach.

    Returns
    -------
    list of dict, or None
        One entry per class in the order the raid lists them; None without the table.
    """
    if not run.has("boost_windows") or not run.has("threats"):
        return None
    w = run.columns("boost_windows")
    threats = run.columns("threats")
    launch = np.asarray(threats["launch_time_s"], float)[w["threat_id"]]
    classes = np.asarray(threats["threat_class"])[w["threat_id"]]
    report = np.asarray(w["first_report_s"], float) - launch
    commit = np.asarray(w["commit_s"], float) - launch
    end = np.asarray(w["window_end_s"], float) - launch
    reach = np.asarray(w["sbis_in_reach"], float)
    out = []
    for name in dict.fromkeys(np.asarray(threats["threat_class"]).tolist()):
        rows = classes == name
        if not rows.any():
            continue
        length = np.where(np.isfinite(commit[rows]), np.maximum(end[rows] - commit[rows], 0), 0)
        out.append(
            {
                "threat_class": str(name),
                "missiles": int(np.sum(np.asarray(threats["threat_class"]) == name)),
                "rows": int(rows.sum()),
                "first_report_s": _stats(report[rows]),
                "p_reported_in_boost": float(np.mean(np.isfinite(report[rows]))),
                "commit_s": _stats(commit[rows]),
                "deadline_s": _stats(end[rows]),
                "window_s": _stats(length),
                "sbis_in_reach": _stats(reach[rows]),
                "p_enough_in_reach": float(np.mean(reach[rows] >= shots_per_missile)),
            }
        )
    return out
