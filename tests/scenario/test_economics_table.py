"""The scenario's ``[economics]`` table: defaults, overrides, distributions, and every bad
input named by key, value and rule."""

import pytest

from goldendome.economics import CostError
from goldendome.interceptors.ground_based import interceptor_types
from goldendome.scenario import ScenarioError, default_scenario_text, load_scenario_text
from goldendome.scenario.cost_elements import (
    PLATFORM_ITEMS,
    RADAR_ITEMS,
    ROUND_ITEMS,
    scenario_cost_inputs,
    scenario_elements,
)
from goldendome.sensors.radar_type import radar_types


def _with(table: str):
    return load_scenario_text(default_scenario_text() + "\n" + table, "s.toml")


def _problems(table: str) -> list[str]:
    with pytest.raises(ScenarioError) as info:
        _with(table)
    return [str(p) for p in info.value.problems]


def test_every_radar_and_interceptor_type_has_a_cost_line():
    assert set(radar_types()) <= set(RADAR_ITEMS)
    assert set(interceptor_types()) <= set(ROUND_ITEMS)
    assert set(interceptor_types()) <= set(PLATFORM_ITEMS)


def test_the_default_scenario_prices_every_element_with_its_quantity():
    spec = load_scenario_text(default_scenario_text(), "default")
    elements = {e.name: e for e in scenario_elements(spec)}
    assert elements["sbi_layer"].item == "sbi"
    assert elements["sbi_layer"].quantity == 7800
    assert elements["warning_geo"].quantity == 4
    assert elements["Fort Greely (GBI)/gbi"].quantity == 40
    assert elements["Aegis BMD destroyer (off Hawaii)"].item == "ddg51"
    assert elements["c2"].item == "c2"
    inputs = scenario_cost_inputs(spec)
    names = [line.name for line in inputs.lines]
    assert "Fort Greely (GBI)/ngi" not in names  # an empty magazine costs nothing
    assert (inputs.first_year, inputs.years, inputs.base_year) == (2027, 20, 2026)
    assert inputs.uncertain == {}


def test_overrides_are_in_base_year_millions_and_can_leave_an_element_out():
    spec = _with(
        "[economics]\nbase_year = 2024\nyears = 10\n"
        "[economics.elements.sbi_layer]\nunit_cost_musd = 18.0\nquantity = 1000\n"
        '[economics.elements."Fort Greely (GBI)"]\ninclude = false\n'
    )
    inputs = scenario_cost_inputs(spec)
    sbi = next(line for line in inputs.lines if line.name == "sbi_layer")
    assert sbi.unit_cost_usd == 18e6
    assert sbi.quantity == 1000
    assert "Fort Greely (GBI)" not in [line.name for line in inputs.lines]
    assert (inputs.years, inputs.base_year) == (10, 2024)


def test_distributions_and_catalog_ranges_become_uncertain_inputs():
    spec = _with(
        "[economics]\ncatalog_ranges = true\n[economics.uncertain.c2]\n"
        "o_and_s_musd_per_unit_year = { low = 200.0, mode = 500.0, high = 900.0 }\n"
    )
    uncertain = scenario_cost_inputs(spec).uncertain
    d = uncertain[("c2", "o_and_s_usd_per_unit_year")]
    assert (d.kind, d.low, d.mode, d.high) == ("triangular", 200e6, 500e6, 900e6)
    assert ("sbi_layer", "unit_cost_usd") in uncertain  # from the catalog's range


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (
            "[economics.elements.sbi_layer]\nunit_cost_musd = -5.0",
            "economics.elements.sbi_layer.unit_cost_musd = -5.0: a cost must be positive",
        ),
        (
            "[economics.elements.sbi_layer]\nunit_cost_musd = 0.0",
            "economics.elements.sbi_layer.unit_cost_musd = 0.0: a cost must be positive",
        ),
        (
            "[economics.elements.c2]\ndevelopment_musd = -1.0",
            "economics.elements.c2.development_musd = -1.0: a cost must not be negative",
        ),
        (
            '[economics.elements.sbi_layer]\nitem = "sbii"',
            'economics.elements.sbi_layer.item = "sbii": unknown cost line '
            "(data/cost_catalog.toml); closest: sbi",
        ),
        (
            "[economics]\nbase_year = 1990",
            "economics.base_year = 1990: base year outside the deflator table (2000 to",
        ),
        (
            "[economics.elements.sbi_layer]\nlearning_slope = 1.2",
            "economics.elements.sbi_layer.learning_slope = 1.2: learning slope must be in (0, 1]",
        ),
        (
            "[economics.elements.sbi_layer]\nlearning_slope = 0.0",
            "economics.elements.sbi_layer.learning_slope = 0.0: learning slope must be in (0, 1]",
        ),
        (
            "[economics.elements.sbi_lyr]\nunit_cost_musd = 5.0",
            "economics.elements.sbi_lyr: not an element of this scenario",
        ),
        (
            "[economics.uncertain.sbi_layer]\n"
            "unit_cost_musd = { low = 30.0, mode = 22.0, high = 40.0 }",
            "economics.uncertain.sbi_layer.unit_cost_musd: a distribution needs low <= mode",
        ),
        (
            "[economics.uncertain.sbi_layer]\n"
            "learning_slope = { low = 0.8, mode = 0.9, high = 1.1 }",
            "economics.uncertain.sbi_layer.learning_slope: high = 1.1 must be at most 1",
        ),
        (
            "[economics.elements.c2]\nunit_cost = 3.0",
            "economics.elements.c2.unit_cost = 3.0: unknown key; closest: unit_cost_musd",
        ),
    ],
)
def test_bad_economics_input_names_the_key(table: str, expected: str):
    found = _problems(table)
    assert any(p.startswith(expected) for p in found), found


def test_every_economics_problem_is_reported_at_once():
    found = _problems(
        "[economics]\nbase_year = 1990\n[economics.elements.sbi_layer]\nunit_cost_musd = -1.0\n"
        "[economics.elements.nowhere]\nquantity = 3.0\n"
    )
    assert len(found) == 3


def test_a_base_year_outside_the_deflator_table_is_a_cost_error_naming_it():
    spec = _with("[economics.elements.c2]\nquantity = 2.0")
    assert scenario_cost_inputs(spec).lines[-1].quantity == 2.0
    with pytest.raises(CostError, match="base_year = 1990: outside the deflator table"):
        scenario_cost_inputs(spec, base_year=1990)


def test_the_json_schema_holds_the_economics_table():
    from goldendome.scenario.spec import ScenarioSpec

    schema = ScenarioSpec.model_json_schema(by_alias=True)
    assert "economics" in schema["properties"]
    assert "EconomicsSpec" in schema["$defs"]
    assert "unit_cost_musd" in schema["$defs"]["ElementCostSpec"]["properties"]
