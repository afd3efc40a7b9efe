"""A sweep's analysis from its stored tables: Sobol indices (with 95% confidence intervals)
and Morris screening of each output to each swept input, through SALib, and the Pareto front
of 20-year cost against P(zero leakers).

Sobol indices need the ``sobol`` design (Saltelli's scheme) and Morris screening the
``morris`` design (trajectories); both are computed on the design's unit cube, so an index
or an elementary effect is per the input's whole swept range. Every case the estimator uses
must be complete: a failed or pending case leaves that output out, with a note saying so.
The Pareto front uses every complete case, whatever the design.
"""

import json
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from goldendome.economics.frontier import dominated
from goldendome.results.catalog import SWEEP_MANIFEST
from goldendome.results.run_folder import RunFolder

#: Outputs analysed (when the sweep file asks for them; cost is always on the front).
ANALYSED = ("p_zero_leakers", "expected_leakers", "cost_usd")


@dataclass
class SweepAnalysis:
    """Tables of a sweep's analysis (pandas DataFrames; None where the design gives none)
    and notes on what was left out and why."""

    sobol: Any = None
    morris: Any = None
    pareto: Any = None
    notes: list[str] = field(default_factory=list)


def _problem(params: list[str]) -> dict[str, Any]:
    return {"num_vars": len(params), "names": params, "bounds": [[0.0, 1.0]] * len(params)}


def _outputs(meta: dict[str, Any]) -> list[str]:
    wanted = [o for o in meta.get("outputs", []) if o in ANALYSED]
    return list(dict.fromkeys([*wanted, "cost_usd"]))


def _ys(cases: Any, outputs: list[str], notes: list[str]) -> dict[str, np.ndarray]:
    out = {}
    for name in outputs:
        y = cases[name].to_numpy(np.float64)
        bad = int(np.count_nonzero(~np.isfinite(y)))
        if bad:
            notes.append(f"{name}: {bad} of {y.size} cases are not complete; no indices for it.")
        elif np.ptp(y) == 0.0:
            notes.append(f"{name}: the same in every case ({y[0]:.6g}); it depends on no input.")
        else:
            out[name] = y
    return out


def _sobol(params: list[str], ys: dict[str, np.ndarray], seed: int) -> Any:
    import pandas as pd
    from SALib.analyze import sobol

    rows = []
    for name, y in ys.items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            s = sobol.analyze(_problem(params), y, calc_second_order=False, seed=seed % 2**32)
        for k, path in enumerate(params):
            rows.append(
                {
                    "output": name,
                    "path": path,
                    "s1": s["S1"][k],
                    "s1_conf": s["S1_conf"][k],
                    "st": s["ST"][k],
                    "st_conf": s["ST_conf"][k],
                }
            )
    return pd.DataFrame(rows, columns=["output", "path", "s1", "s1_conf", "st", "st_conf"])


def _morris(
    params: list[str], x: np.ndarray, ys: dict[str, np.ndarray], levels: int, seed: int
) -> Any:
    import pandas as pd
    from SALib.analyze import morris

    rows = []
    for name, y in ys.items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            s = morris.analyze(_problem(params), x, y, num_levels=levels, seed=seed % 2**32)
        for k, path in enumerate(params):
            rows.append(
                {
                    "output": name,
                    "path": path,
                    "mu": s["mu"][k],
                    "mu_star": s["mu_star"][k],
                    "mu_star_conf": s["mu_star_conf"][k],
                    "sigma": s["sigma"][k],
                }
            )
    return pd.DataFrame(rows, columns=["output", "path", "mu", "mu_star", "mu_star_conf", "sigma"])


def pareto(cases: Any) -> Any:
    """Each complete case (once per case id) with ``on_front``: no other case costs no more
    and has no lower P(zero leakers), being better in one (:func:`goldendome.economics.
    frontier.dominated` with the expected leakers held equal)."""
    done = cases[(cases["status"] == "complete")].drop_duplicates("case_key")
    done = done[np.isfinite(done["cost_usd"]) & np.isfinite(done["p_zero_leakers"])]
    cost = done["cost_usd"].to_numpy(np.float64)
    p0 = done["p_zero_leakers"].to_numpy(np.float64)
    beaten = dominated(cost, p0, np.zeros_like(cost)).any(axis=1)
    out = done[["case_key", "cost_usd", "p_zero_leakers", "expected_leakers"]].copy()
    out["on_front"] = ~beaten
    return out.sort_values(["cost_usd", "p_zero_leakers"], kind="stable").reset_index(drop=True)


def analyze_folder(folder: str | Path, write: bool = True) -> SweepAnalysis:
    """Analyse the sweep stored in ``folder`` and (``write``) store its analysis tables there
    (``sweep_sobol``, ``sweep_morris``, ``sweep_pareto``).

    Raises
    ------
    FileNotFoundError
        If ``folder`` holds no sweep tables.
    """
    import pandas as pd

    path = Path(folder)
    if not (path / SWEEP_MANIFEST).is_file() or not (path / "sweep_cases.parquet").is_file():
        raise FileNotFoundError(f"{path}: not a sweep folder (no {SWEEP_MANIFEST} and tables).")
    meta = json.loads((path / SWEEP_MANIFEST).read_text("utf-8"))
    cases = pd.read_parquet(path / "sweep_cases.parquet").sort_values("case")
    inputs = pd.read_parquet(path / "sweep_inputs.parquet")
    params: list[str] = list(meta["parameters"])
    design, seed = str(meta["design"]), int(meta.get("seed", 0))
    out = SweepAnalysis(pareto=pareto(cases))
    if design in ("sobol", "morris"):
        x = inputs.pivot(index="case", columns="path", values="unit_x")[params]
        x = x.reindex(cases["case"]).to_numpy(np.float64)
        ys = _ys(cases, _outputs(meta), out.notes)
        if design == "sobol":
            out.sobol = _sobol(params, ys, seed)
        else:
            levels = int(meta.get("morris_levels", 4))
            out.morris = _morris(params, x, ys, levels, seed)
    else:
        out.notes.append(
            f"design '{design}': Sobol indices need design kind = \"sobol\" and Morris "
            'screening kind = "morris"; only the Pareto front is computed.'
        )
    if write:
        store = RunFolder(path)
        for name, frame in (
            ("sweep_sobol", out.sobol),
            ("sweep_morris", out.morris),
            ("sweep_pareto", out.pareto),
        ):
            if frame is not None:
                store.write_table(name, {c: frame[c].to_numpy() for c in frame.columns})
    return out
