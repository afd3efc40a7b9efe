"""The cost catalog: every value sourced, every entry usable, bad copies reported clearly."""

import copy
import tomllib
from importlib import resources

import pytest

from goldendome.data.errors import CatalogError
from goldendome.data.loader import parse_catalog
from goldendome.economics import CostError, cost_catalog, cost_item, cost_line, default_uncertainty
from goldendome.economics.catalog import CostCatalog, catalog_problems


def raw_catalog():
    text = resources.files("goldendome.data").joinpath("cost_catalog.toml").read_text("utf-8")
    return tomllib.loads(text)


def check_copy(data):
    found = catalog_problems(parse_catalog(data, CostCatalog, "copy.toml"))
    if found:
        raise CatalogError("copy.toml", found)


def report_for(data):
    with pytest.raises(CatalogError) as info:
        check_copy(data)
    return info.value.report()


def test_every_value_of_every_entry_has_a_source():
    catalog = cost_catalog()
    assert catalog_problems(catalog) == []
    for item in catalog.item:
        assert item.sources["unit_cost_musd"], item.name
        for key, source in item.sources.items():
            assert len(source) > 10, (item.name, key)


@pytest.mark.parametrize("name", [item.name for item in cost_catalog().item])
def test_every_entry_becomes_a_cost_line_in_2026_dollars(name):
    line = cost_line(name, 10, 2026)
    assert line.unit_cost_usd > 0
    if line.mass_kg > 0:
        assert line.launch_usd_per_kg > 0 or line.launch_usd_per_launch > 0


def test_dollar_years_are_converted_through_the_deflator():
    # NGI: $111M in 2021 dollars (CAPE via ACT); more in 2026 dollars by the index ratio.
    line = cost_line("ngi", 21, 2026)
    assert 111e6 * 1.1 < line.unit_cost_usd < 111e6 * 1.3
    assert cost_line("sbi", 1, 2026).unit_cost_usd == pytest.approx(22e6)


def test_catalog_ranges_become_triangular_distributions_around_the_value():
    line = cost_line("sbi", 7_800, 2026)
    dists = default_uncertainty(line, "sbi", 2026)
    unit = dists[("sbi", "unit_cost_usd")]
    assert (unit.low, unit.mode, unit.high) == pytest.approx((13e6, 22e6, 40e6))
    assert ("sbi", "launch_usd_per_kg") in dists


def test_an_unknown_item_names_the_closest():
    with pytest.raises(CostError, match='item = "tpy-2": unknown cost line; closest: tpy2'):
        cost_item("tpy-2")


def test_a_zero_cost_and_a_slope_above_one_name_key_value_and_rule():
    data = copy.deepcopy(raw_catalog())
    data["item"][0]["unit_cost_musd"] = 0.0
    data["item"][1]["learning_slope"] = 1.2
    report = report_for(data)
    assert "item[0].unit_cost_musd = 0.0: a cost must be positive (> 0 M$)" in report
    assert "item[1].learning_slope = 1.2: learning slope must be in (0, 1]" in report


def test_a_value_without_a_source_and_an_unknown_launch_are_reported():
    data = copy.deepcopy(raw_catalog())
    del data["item"][0]["sources"]["mass_kg"]
    data["item"][0]["launch"] = "starship"
    report = report_for(data)
    assert "item[0].mass_kg: every value needs a source in [sources]" in report
    assert 'item[0].launch = "starship": unknown launch; closest: starship-cbo' in report


def test_a_base_year_outside_the_deflator_table_is_an_error():
    with pytest.raises(CostError, match="base_year = 1999: outside the deflator table"):
        cost_line("sbi", 1, 1999)


def test_an_unknown_override_key_names_the_closest():
    with pytest.raises(
        CostError,
        match=r"lines\[sbi\].service_life: unknown cost line key; closest: service_life_years",
    ):
        cost_line("sbi", 10, 2026, service_life=7.0)
