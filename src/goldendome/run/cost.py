"""A scenario's life-cycle cost: its elements' cost lines laid out over the horizon, and,
when inputs are uncertain, P10/P50/P90 over seeded draws and the tornado table.

Draws come from the run's ``economics`` stream (:mod:`goldendome.run.streams`), so equal
seeds give equal percentiles. ``goldendome cost`` and the run pipeline share this function;
the pipeline writes the result as the ``cost``, ``cost_elements`` and ``cost_estimate``
tables (:mod:`goldendome.run.stages.economics`).
"""

import math
from dataclasses import dataclass

from goldendome.economics import (
    CostBreakdown,
    CostLine,
    Simulation,
    TornadoRow,
    cost_table,
    simulate,
    tornado,
)
from goldendome.run.streams import Streams
from goldendome.scenario.cost_elements import ScenarioCostInputs, scenario_cost_inputs
from goldendome.scenario.spec import ScenarioSpec


@dataclass(frozen=True)
class ScenarioCost:
    """What a scenario's architecture costs over its horizon.

    Attributes
    ----------
    scenario : str
    breakdown : CostBreakdown
        Constant dollars of ``breakdown.base_year``, by element, year and category.
    inputs : ScenarioCostInputs
        The lines, their catalog items and the distributions.
    simulation : Simulation or None
        Draws of the total (None when no input is uncertain).
    tornado : list of TornadoRow
        Inputs by the swing of the total, largest first (empty when none is uncertain).
    seed : int
        The scenario seed the draws came from (stream ``economics``).
    """

    scenario: str
    breakdown: CostBreakdown
    inputs: ScenarioCostInputs
    simulation: Simulation | None
    tornado: list[TornadoRow]
    seed: int

    @property
    def total_usd(self) -> float:
        """The point estimate over the horizon, dollars."""
        return self.breakdown.total_usd

    def percentiles_usd(self) -> tuple[float, float, float]:
        """P10, P50 and P90 of the total (NaN without uncertain inputs)."""
        if self.simulation is None:
            return math.nan, math.nan, math.nan
        s = self.simulation
        return s.p10_usd, s.p50_usd, s.p90_usd

    def line(self, element: str) -> CostLine:
        """The cost line of ``element`` (KeyError if it has none)."""
        for line in self.inputs.lines:
            if line.name == element:
                return line
        raise KeyError(element)


def scenario_cost(
    spec: ScenarioSpec,
    base_year: int | None = None,
    years: int | None = None,
    draws: int | None = None,
) -> ScenarioCost:
    """Price ``spec`` over its ``[economics]`` horizon (``base_year``, ``years`` and
    ``draws`` override the table's).

    Raises
    ------
    goldendome.economics.CostError
        Bad cost input (an element without a cost line, a base year outside the deflator
        table, a horizon shorter than a year).
    """
    inputs = scenario_cost_inputs(spec, base_year, years)
    breakdown = cost_table(inputs.lines, inputs.first_year, inputs.years, inputs.base_year)
    simulation, rows = None, []
    if inputs.uncertain:
        n = inputs.draws if draws is None else draws
        rng = Streams(spec.seed).generator("economics")
        simulation = simulate(inputs.lines, inputs.uncertain, inputs.years, n, rng)
        rows = tornado(inputs.lines, inputs.uncertain, inputs.years)
    return ScenarioCost(spec.name, breakdown, inputs, simulation, rows, spec.seed)
