"""Life-cycle cost of a missile-defense architecture: pure functions on arrays.

Every amount is in dollars (``_usd``) of one stated dollar year; files write millions
(``_musd``). Public surface, by concept:

Learning curves (:mod:`~goldendome.economics.learning`; Crawford unit theory by default,
Wright cumulative-average theory on request)
    ``unit_cost_usd``, ``cumulative_cost_usd``, ``average_cost_usd``, ``lot_cost_usd``,
    ``first_unit_from_average_usd``
Schedules to dollars per year
    ``build_schedule``, ``procurement_by_year_usd`` (:mod:`.procurement`);
    ``launch_cost_by_year_usd``, ``launches_needed``, ``mass_launch_cost_usd`` (:mod:`.launch`);
    ``replenishment_by_year``, ``fielded_by_year``, ``o_and_s_by_year_usd`` (:mod:`.sustainment`);
    ``development_by_year_usd``, ``ground_segment_by_year_usd``, ``spread_by_year_usd``
    (:mod:`.schedule`)
Dollars (:mod:`.dollars`)
    ``DeflatorTable``, ``to_constant_usd``, ``to_then_year_usd``, ``discount_factor``,
    ``present_value_usd``; the embedded table is ``deflator_table()``
Cost lines and tables (:mod:`.lines`, :mod:`.table`)
    ``CostLine`` (one element's inputs), ``CATEGORIES``, ``line_cost_usd``,
    ``cost_array_usd`` (``(..., n_line, n_year, n_category)``), ``cost_table`` ->
    ``CostBreakdown`` (totals by layer, element, category, year; ``tidy()`` long table;
    ``then_year()``; ``present_value_usd()``)
Catalog (:mod:`.catalog`; ``data/cost_catalog.toml``)
    ``cost_catalog``, ``cost_item``, ``cost_line`` (an entry in base-year dollars),
    ``default_uncertainty`` (triangular ranges from the catalog)
Uncertainty (:mod:`.uncertainty`)
    ``Distribution`` (triangular / uniform / lognormal by low, mode, high), ``simulate``
    (P10/P50/P90 over seeded draws), ``tornado`` (inputs by swing)
Presets (:mod:`.presets`; ``data/cost_presets.toml``)
    ``preset_names``, ``preset``, ``preset_lines``, ``run_preset`` -> ``PresetResult``
Quick estimator (:mod:`.quick`; ``data/cost_quick_estimator.toml``)
    ``estimate`` -> ``QuickEstimate``, ``quick_defaults``, ``kill_vehicle_reach_m``,
    ``booster_mass_kg``
Contract (:mod:`.base`)
    ``CostSource`` (a Protocol: ``cost_lines(base_year)``), ``CatalogSelection`` of
    ``CatalogEntry`` (the plain implementation, the shape of a scenario's ``[economics]``)
Errors (:mod:`.errors`)
    ``CostError`` (a ``ScenarioError``: every problem names key, value and rule)

A scenario's ``[economics]`` table maps onto :func:`cost_line` (catalog item, quantity,
overrides), :func:`cost_table` (first year, years, base year) and
:func:`~goldendome.economics.uncertainty.simulate` (distributions per line field).
"""

from goldendome.economics.base import CatalogEntry, CatalogSelection, CostSource
from goldendome.economics.catalog import (
    cost_catalog,
    cost_item,
    cost_line,
    default_uncertainty,
    deflator_table,
)
from goldendome.economics.dollars import (
    DeflatorTable,
    discount_factor,
    present_value_usd,
    to_constant_usd,
    to_then_year_usd,
)
from goldendome.economics.errors import CostError
from goldendome.economics.launch import (
    launch_cost_by_year_usd,
    launches_needed,
    mass_launch_cost_usd,
)
from goldendome.economics.learning import (
    average_cost_usd,
    cumulative_cost_usd,
    first_unit_from_average_usd,
    lot_cost_usd,
    unit_cost_usd,
)
from goldendome.economics.lines import CATEGORIES, CostLine, line_cost_usd
from goldendome.economics.presets import (
    PresetResult,
    preset,
    preset_lines,
    preset_names,
    run_preset,
)
from goldendome.economics.procurement import build_schedule, procurement_by_year_usd
from goldendome.economics.quick import QuickEstimate, estimate, quick_defaults
from goldendome.economics.schedule import (
    development_by_year_usd,
    ground_segment_by_year_usd,
    spread_by_year_usd,
)
from goldendome.economics.sustainment import (
    fielded_by_year,
    o_and_s_by_year_usd,
    replenishment_by_year,
)
from goldendome.economics.table import CostBreakdown, cost_array_usd, cost_table
from goldendome.economics.uncertainty import Distribution, Simulation, TornadoRow, simulate, tornado

__all__ = [
    "CATEGORIES",
    "CatalogEntry",
    "CatalogSelection",
    "CostBreakdown",
    "CostError",
    "CostLine",
    "CostSource",
    "DeflatorTable",
    "Distribution",
    "PresetResult",
    "QuickEstimate",
    "Simulation",
    "TornadoRow",
    "average_cost_usd",
    "build_schedule",
    "cost_array_usd",
    "cost_catalog",
    "cost_item",
    "cost_line",
    "cost_table",
    "cumulative_cost_usd",
    "default_uncertainty",
    "deflator_table",
    "development_by_year_usd",
    "discount_factor",
    "estimate",
    "fielded_by_year",
    "first_unit_from_average_usd",
    "ground_segment_by_year_usd",
    "launch_cost_by_year_usd",
    "launches_needed",
    "line_cost_usd",
    "lot_cost_usd",
    "mass_launch_cost_usd",
    "o_and_s_by_year_usd",
    "present_value_usd",
    "preset",
    "preset_lines",
    "preset_names",
    "procurement_by_year_usd",
    "quick_defaults",
    "replenishment_by_year",
    "run_preset",
    "simulate",
    "spread_by_year_usd",
    "to_constant_usd",
    "to_then_year_usd",
    "tornado",
    "unit_cost_usd",
]
