"""One case of a sweep, run on whichever worker Dask gives it: its trials in that process (no
cluster inside a cluster), its run folder under the sweep's folder, its outputs returned.

A case that raises is returned as ``failed`` with its error; the sweep goes on. Each attempt
writes a new run folder (``cases/<case_key>/<time>-<scenario>/``); the sweep keeps the one
whose result it recorded and removes the others (an attempt cut short by a killed worker or a
killed sweep).
"""

import math
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from goldendome.run.sweeps.cases import Case, case_text
from goldendome.run.sweeps.spec import OUTPUTS


@dataclass(frozen=True)
class SweepShared:
    """What every case of a sweep shares (sent once to each worker)."""

    base_text: str
    source: str
    sweep_dir: str
    trials: int | None
    max_memory_bytes: int | None
    #: numba threads of a case (None: numba's default, all cores): a worker's share of its
    #: machine's cores, so two local workers do not each run kernels on every core.
    threads: int | None = None


def _number(value: Any) -> float:
    """A summary figure as a float; NaN where the summary has none (None or absent)."""
    return math.nan if value is None else float(value)


def outputs_of(summary: dict[str, Any]) -> dict[str, float]:
    """The sweep outputs of a run summary (NaN where the run has none: no raid, no cost, no
    warhead stopped)."""
    kill = summary.get("kill_chain") or {}
    cost = summary.get("cost") or {}
    return {
        "p_zero_leakers": _number(kill.get("p_zero_leakers")),
        "expected_leakers": _number((kill.get("expected_leakers") or {}).get("mean")),
        "cost_usd": _number(cost.get("total_usd")),
        "cost_per_warhead_stopped_usd": _number(cost.get("usd_per_warhead_stopped")),
        "interceptors_expended": _number(cost.get("interceptors_expended")),
    }


def run_case(shared: SweepShared, case: Case) -> dict[str, Any]:
    """Run one case; its result record (JSON-ready).

    Returns
    -------
    dict
        ``case_key``, ``seed``, ``status`` (``complete`` or ``failed``), ``error`` (``""`` or
        ``TypeName: message``), ``trials``, every output of :data:`OUTPUTS`, ``run_folder``
        (relative to the sweep folder, ``""`` when none was made) and ``elapsed_s``.
    """
    from goldendome.run.executor import InProcess
    from goldendome.run.pipeline import TrialOptions, run_scenario

    if shared.threads is not None:
        import numba

        most = int(numba.config.NUMBA_NUM_THREADS)  # type: ignore[attr-defined]
        numba.set_num_threads(min(shared.threads, most))
    t0 = time.perf_counter()
    sweep_dir = Path(shared.sweep_dir)
    runs_dir = sweep_dir / "cases" / case.case_key
    record: dict[str, Any] = {"case_key": case.case_key, "seed": case.seed}
    try:
        spec, text = case_text(shared.base_text, shared.source, case)
        record["trials"] = shared.trials or spec.monte_carlo.trials if spec.threats.raid else 0
        options = TrialOptions(trials=shared.trials, max_memory_bytes=shared.max_memory_bytes)
        stored = run_scenario(
            spec, text, runs_dir, options=options, executor=InProcess(), catalog=False
        )
    except Exception as exc:  # a failed case is data: recorded, and the sweep goes on
        folders = sorted(runs_dir.glob("*/manifest.json")) if runs_dir.is_dir() else []
        record |= {
            "status": "failed",
            "error": f"{type(exc).__name__}: {exc}",
            **dict.fromkeys(OUTPUTS, math.nan),
            "run_folder": str(folders[-1].parent.relative_to(sweep_dir)) if folders else "",
        }
        record.setdefault("trials", 0)
    else:
        record |= {
            "status": "complete",
            "error": "",
            **outputs_of(stored.summary),
            "run_folder": str(stored.folder.path.relative_to(sweep_dir)),
        }
    record["elapsed_s"] = time.perf_counter() - t0
    return record
