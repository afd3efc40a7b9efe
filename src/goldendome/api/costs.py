"""Life-cycle cost for the command line and notebooks: a scenario's cost, the published
presets, the closed-form estimator beside ``goldendome size``, and the cost-effectiveness
frontier over several architectures."""

import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from goldendome.economics import (
    PresetResult,
    QuickEstimate,
    estimate,
    preset_names,
    quick_defaults,
    run_preset,
)
from goldendome.economics.frontier import dominated
from goldendome.scenario.spec import ScenarioSpec

if TYPE_CHECKING:
    from goldendome.run.cost import ScenarioCost

__all__ = [
    "closed_form_beside",
    "cost_preset",
    "cost_preset_names",
    "frontier",
    "preset_report",
    "quick_cost_estimate",
    "quick_defaults",
    "scenario_cost",
    "scenario_cost_report",
]


def scenario_cost(
    spec: ScenarioSpec,
    base_year: int | None = None,
    years: int | None = None,
    draws: int | None = None,
) -> "ScenarioCost":
    """What ``spec``'s architecture costs over its ``[economics]`` horizon (see
    :func:`goldendome.run.cost.scenario_cost`); a :class:`~goldendome.economics.CostError`
    (a ScenarioError) names every bad input."""
    from goldendome.run.cost import scenario_cost as cost

    return cost(spec, base_year, years, draws)


def _b(usd: float) -> float | None:
    return None if not math.isfinite(usd) else usd


def scenario_cost_report(cost: "ScenarioCost") -> dict[str, Any]:
    """A scenario's cost as plain data (what ``goldendome cost --json`` prints)."""
    b = cost.breakdown
    p10, p50, p90 = cost.percentiles_usd()
    return {
        "scenario": cost.scenario,
        "base_year": b.base_year,
        "first_year": int(b.years[0]),
        "years": int(b.years.size),
        "total_usd": b.total_usd,
        "by_layer_usd": b.by_layer_usd(),
        "by_category_usd": b.by_category_usd(),
        "by_year_usd": {
            str(y): float(v) for y, v in zip(b.years.tolist(), b.by_year_usd(), strict=True)
        },
        "by_year_category_usd": {
            str(y): dict(zip(b.categories, split.tolist(), strict=True))
            for y, split in zip(b.years.tolist(), b.cost_usd.sum(axis=0), strict=True)
        },
        "sbi_mass": {
            name: {"mass_kg": used.mass_kg, "source": used.source, "note": used.note}
            for name, used in cost.inputs.masses.items()
        },
        "elements": [
            {
                "element": line.name,
                "layer": line.layer,
                "item": cost.inputs.items[line.name],
                "quantity": line.quantity,
                "unit_cost_usd": line.unit_cost_usd,
                "total_usd": b.by_element_usd()[line.name],
                "by_category_usd": dict(
                    zip(b.categories, b.cost_usd[i].sum(axis=0).tolist(), strict=True)
                ),
            }
            for i, line in enumerate(cost.inputs.lines)
        ],
        "uncertainty": None
        if cost.simulation is None
        else {
            "draws": int(cost.simulation.total_usd.size),
            "seed": cost.seed,
            "stream": "economics",
            "p10_usd": _b(p10),
            "p50_usd": _b(p50),
            "p90_usd": _b(p90),
            "tornado": [
                {"element": r.line, "input": r.field, "low_usd": r.low_usd, "high_usd": r.high_usd}
                for r in cost.tornado
            ],
        },
    }


def cost_preset_names() -> list[str]:
    """The published-estimate presets ``goldendome cost --preset`` knows."""
    return preset_names()


def cost_preset(name: str) -> PresetResult:
    """A published estimate rebuilt from its stated inputs (CostError for an unknown name)."""
    return run_preset(name)


def preset_report(result: PresetResult) -> dict[str, Any]:
    """A preset's result as plain data."""
    b = result.breakdown
    return {
        "name": result.name,
        "label": result.label,
        "kind": result.kind,
        "base_year": b.base_year,
        "first_year": int(b.years[0]),
        "years": int(b.years.size),
        "model_usd": result.model_usd,
        "published_usd": result.published_usd,
        "residual_pct": result.residual_pct,
        "by_layer_usd": b.by_layer_usd(),
        "by_element_usd": b.by_element_usd(),
        "by_category_usd": b.by_category_usd(),
        "drivers": result.drivers,
        "assumptions": result.assumptions,
        "buys_quantity": None if math.isnan(result.buys_quantity) else result.buys_quantity,
        "sbi_mass_kg": None if math.isnan(result.sbi_mass_kg) else result.sbi_mass_kg,
        "sbi_mass_note": result.sbi_mass_note,
        "parts": [
            {
                "part": part.name,
                "published_usd": part.published_usd,
                "model_usd": part.model_usd,
                "residual_usd": part.residual_usd,
                "residual_pct": part.residual_pct,
                "lines": part.lines,
                "categories": part.categories,
                "derivation": part.derivation,
                "source": part.source,
                "tag": part.tag,
            }
            for part in result.parts
        ],
    }


def quick_cost_estimate(**inputs: float) -> QuickEstimate:
    """The closed-form SBI estimator (:func:`goldendome.economics.estimate`)."""
    return estimate(**inputs)


def closed_form_beside(report: dict[str, Any]) -> dict[str, Any] | None:
    """The closed-form estimate of a ``goldendome size`` answer's question, with the ratio of
    its SBI count to the physics answer's (None when the search found no constellation).

    The estimator takes the question's salvo, shots, kill vehicle and delays, the threat's
    burnout time and altitude, and the answer's altitude; the latitude band is the answer's
    inclination (satellites spread over +-inclination).
    """
    best = report.get("best")
    if best is None:
        return None
    a = report["assumptions"]
    inputs = {
        "salvo": float(a["salvo_simultaneous_launches"]),
        "shots_per_missile": float(a["shots_per_missile"]),
        "delta_v_m_s": a["kill_vehicle_delta_v_km_s"] * 1e3,
        "acceleration_m_s2": a["kill_vehicle_acceleration_g"] * 9.80665,
        "delay_s": a["detection_delay_s"] + a["decision_delay_s"],
        "boost_time_s": a["threat_burnout_s"],
        "intercept_altitude_m": a["threat_burnout_altitude_km"] * 1e3,
        "orbit_altitude_m": best["altitude_km"] * 1e3,
        "latitude_band_rad": math.radians(best["inclination_deg"]),
    }
    r = estimate(**inputs)
    count = float(r.sbi_count)
    return {
        "inputs": inputs,
        "absentee_ratio": float(r.absentee_ratio),
        "sbi_count": None if math.isnan(count) else count,
        "physics_sbi_count": best["satellites"],
        "ratio_to_physics": None if math.isnan(count) else count / best["satellites"],
        "total_usd": _b(float(r.total_usd)),
        "sbi_mass_kg": _b(float(r.sbi_mass_kg)),
    }


def frontier(
    sources: list[str | Path],
    *,
    runs_dir: Path = Path("runs"),
    trials: int | None = None,
    workers: int | None = None,
) -> list[dict[str, Any]]:
    """The cost-effectiveness frontier over several architectures.

    Each source is a run folder (its stored summary is read) or a scenario file (it is run
    with ``trials`` and ``workers``, writing a run folder under ``runs_dir``). An
    architecture is dominated when another costs no more, has no lower P(zero leakers) and
    no more expected leakers, and is better in one of them.

    Returns
    -------
    list of dict
        One per source, cheapest first: ``source``, ``scenario``, ``run_folder``,
        ``total_usd``, ``p_zero_leakers``, ``expected_leakers``, ``dominated`` and
        ``dominated_by``.
    """
    from goldendome.api.runs import read_scenario, run_spec
    from goldendome.results.reader import open_run
    from goldendome.results.summary import summarize_folder

    rows = []
    for source in sources:
        path = Path(source)
        if path.is_dir() and (path / "manifest.json").exists():
            open_run(path)  # refuses a folder of another schema version
            summary = summarize_folder(path)
        else:
            spec, text = read_scenario(path)
            summary = run_spec(
                spec, text, runs_dir=runs_dir, trials=trials, workers=workers
            ).summary
        cost, kc = summary.get("cost") or {}, summary.get("kill_chain") or {}
        rows.append(
            {
                "source": str(source),
                "scenario": summary["scenario"],
                "run_folder": summary["run_folder"],
                "total_usd": cost.get("total_usd", math.nan),
                "p_zero_leakers": kc.get("p_zero_leakers", math.nan),
                "expected_leakers": (kc.get("expected_leakers") or {}).get("mean", math.nan),
            }
        )
    cost_usd = np.array([r["total_usd"] for r in rows], float)
    p_zero = np.array([r["p_zero_leakers"] for r in rows], float)
    leakers = np.array([r["expected_leakers"] for r in rows], float)
    beaten = dominated(cost_usd, p_zero, leakers)
    for i, row in enumerate(rows):
        row["dominated"] = bool(beaten[i].any())
        row["dominated_by"] = [rows[j]["source"] for j in np.flatnonzero(beaten[i])]
    return sorted(rows, key=lambda r: r["total_usd"])
