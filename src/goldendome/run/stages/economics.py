"""The economics stage: the architecture's life-cycle cost, stored beside its outcomes.

Writes ``cost`` (dollars by element, year and category), ``cost_elements`` (each element's
catalog item, quantity and unit cost, with the interceptor type a magazine or the SBI layer
fires, so the summary prices the rounds a raid expends) and ``cost_estimate`` (the horizon,
the total and, with uncertain inputs, P10/P50/P90). The summary reads these tables alone.
"""

import numpy as np

from goldendome.run.cost import ScenarioCost, scenario_cost
from goldendome.run.sink import Sink
from goldendome.scenario.cost_elements import scenario_elements
from goldendome.scenario.spec import ScenarioSpec


def _interceptors(spec: ScenarioSpec) -> dict[str, str]:
    """Element name -> the interceptor type its rounds are (magazines, the SBI layer)."""
    out = {
        e.name: e.name.rsplit("/", 1)[1] for e in scenario_elements(spec) if e.kind == "magazine"
    }
    if spec.sbi is not None:
        out[spec.sbi.layer] = "sbi"
    return out


def cost_columns(cost: ScenarioCost, spec: ScenarioSpec) -> dict[str, dict[str, np.ndarray]]:
    """The three tables' columns, by table name."""
    b = cost.breakdown
    tidy = b.tidy()
    items = cost.inputs.items
    by_element = b.by_element_usd()
    kinds = {e.name: e.kind for e in scenario_elements(spec)}
    fires = _interceptors(spec)
    lines = cost.inputs.lines
    p10, p50, p90 = cost.percentiles_usd()
    return {
        "cost": {
            "element": tidy["element"].astype(str),
            "layer": tidy["layer"].astype(str),
            "category": tidy["category"].astype(str),
            "year": tidy["year"],
            "cost_usd": tidy["cost_usd"],
        },
        "cost_elements": {
            "element": np.array([ln.name for ln in lines], dtype=object),
            "layer": np.array([ln.layer for ln in lines], dtype=object),
            "kind": np.array([kinds.get(ln.name, "") for ln in lines], dtype=object),
            "item": np.array([items[ln.name] for ln in lines], dtype=object),
            "interceptor": np.array([fires.get(ln.name, "") for ln in lines], dtype=object),
            "quantity": np.array([ln.quantity for ln in lines], dtype=np.float64),
            "unit_cost_usd": np.array([ln.unit_cost_usd for ln in lines], dtype=np.float64),
            "total_usd": np.array([by_element[ln.name] for ln in lines], dtype=np.float64),
        },
        "cost_estimate": {
            "base_year": np.array([b.base_year], dtype=np.int64),
            "first_year": np.array([int(b.years[0])], dtype=np.int64),
            "years": np.array([int(b.years.size)], dtype=np.int64),
            "total_usd": np.array([b.total_usd]),
            "p10_usd": np.array([p10]),
            "p50_usd": np.array([p50]),
            "p90_usd": np.array([p90]),
            "draws": np.array(
                [0 if cost.simulation is None else cost.simulation.total_usd.size], dtype=np.int64
            ),
        },
    }


def run_economics(spec: ScenarioSpec, sink: Sink) -> ScenarioCost:
    """Price the scenario and store the cost tables."""
    cost = scenario_cost(spec)
    for name, columns in cost_columns(cost, spec).items():
        sink.table(name, columns)
    return cost
