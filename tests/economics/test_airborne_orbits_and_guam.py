"""The Russian and Chinese raids' air-defense elements in the cost catalog: an airborne orbit
station is a continuous orbit of several aircraft (the catalog's ``units_per_element``), and
the Guam Defense System's platform ashore has its own line (neither is a one-aircraft or
uncosted element any more)."""

import pytest

from goldendome.economics import cost_line, cost_table
from goldendome.economics.catalog import cost_item
from goldendome.scenario.cost_elements import scenario_cost_inputs
from goldendome.scenario.loader import load_scenario


@pytest.mark.parametrize("item", ["e7-wedgetail", "e2d-hawkeye"])
def test_one_airborne_orbit_buys_and_flies_several_aircraft(item: str):
    per_orbit = cost_item(item).units_per_element
    assert 3.0 <= per_orbit <= 5.0  # a continuous orbit: about 3-5 aircraft (assumption)
    orbit = cost_line(item, 1.0, 2026)
    assert orbit.quantity == per_orbit
    one = cost_table([orbit], 2027, 20, 2026).total_usd
    two = cost_table([cost_line(item, 2.0, 2026)], 2027, 20, 2026).total_usd
    assert two == pytest.approx(2.0 * one)  # learning slope 1: orbits add up


def test_items_that_are_not_orbits_keep_one_unit_per_element():
    assert cost_line("sbi", 7800, 2026).quantity == 7800
    assert cost_line("nasams-battery", 1, 2026).quantity == 1


def test_the_raids_cost_each_orbit_station_as_four_aircraft_and_the_guam_platform():
    inputs = scenario_cost_inputs(load_scenario("russian-raid"))
    lines = {line.name: line for line in inputs.lines}
    for station in ("E-7 Wedgetail orbit (interior Alaska)", "E-7 Wedgetail orbit (Cook Inlet)"):
        assert inputs.items[station] == "e7-wedgetail"
        assert lines[station].quantity == cost_item("e7-wedgetail").units_per_element
    guam = "Guam Defense System (Aegis, Guam)"
    assert inputs.items[guam] == "guam-defense-system"
    assert lines[guam].quantity == 1
    assert lines[guam].unit_cost_usd > 1e9  # billions, as an Aegis Ashore site
    # The space AMTI layer and the Alaskan NASAMS batteries are costed too.
    assert inputs.items["amti_layer"] == "amti-sat"
    assert inputs.items["NASAMS battery (Fort Greely)"] == "nasams-battery"
