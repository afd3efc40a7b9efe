"""The deployment timeline: the fitted schedule keeps every limit, bad input names its key,
and a year's architecture holds only what is fielded."""

import math

import numpy as np
import pytest

from goldendome import api
from goldendome.economics.fielding import FieldingInputs, fit_schedule
from goldendome.economics.fielding_data import capacity_by_year, production_catalog
from goldendome.scenario.loader import parse_toml
from goldendome.studies.timeline import run_timeline, timeline_elements
from goldendome.studies.timeline.architecture import walker_split, year_mapping


def _inputs(**given: object) -> FieldingInputs:
    n_year = 5
    base: dict[str, object] = {
        "target": np.array([10.0]),
        "in_service": np.array([0.0]),
        "capacity": np.full((1, n_year), 4.0),
        "fixed": np.full((1, n_year), np.nan),
        "unit_usd": np.array([1e6]),
        "launch_usd": np.array([0.0]),
        "o_and_s_unit_usd": np.array([0.0]),
        "o_and_s_fixed_usd": np.array([0.0]),
        "one_time_usd": np.array([0.0]),
        "first_index": np.array([0]),
        "life_years": np.array([math.inf]),
        "budget_usd": np.full(n_year, 1e12),
    }
    base.update(given)
    return FieldingInputs(**base)  # type: ignore[arg-type]


def test_production_limit_sets_the_pace() -> None:
    fit = fit_schedule(_inputs())
    np.testing.assert_allclose(fit.built[0], [4, 4, 2, 0, 0])
    np.testing.assert_allclose(fit.fielded[0], [4, 8, 10, 10, 10])
    assert list(fit.limited_by[0]) == ["production", "production", "done", "done", "done"]


def test_budget_shares_money_pro_rata_and_never_overspends() -> None:
    x = _inputs(
        target=np.array([10.0, 10.0]),
        in_service=np.zeros(2),
        capacity=np.full((2, 5), 10.0),
        fixed=np.full((2, 5), np.nan),
        unit_usd=np.array([1e6, 3e6]),
        launch_usd=np.zeros(2),
        o_and_s_unit_usd=np.zeros(2),
        o_and_s_fixed_usd=np.zeros(2),
        one_time_usd=np.zeros(2),
        first_index=np.zeros(2, int),
        life_years=np.full(2, math.inf),
        budget_usd=np.full(5, 20e6),
    )
    fit = fit_schedule(x)
    spent = fit.spend_usd.sum(axis=(0, 2))
    assert np.all(spent <= 20e6 + 1e-3)
    # Year 1: 40 M$ wanted, 20 M$ available: each element gets half of what it could take.
    np.testing.assert_allclose(fit.built[:, 0], [5.0, 5.0])
    assert fit.limited_by[0, 0] == "budget"
    np.testing.assert_allclose(fit.fielded[:, -1], [10.0, 10.0])


def test_units_retire_after_their_service_life_and_are_bought_again() -> None:
    fit = fit_schedule(_inputs(capacity=np.full((1, 5), 10.0), life_years=np.array([2.0])))
    np.testing.assert_allclose(fit.built[0], [10, 0, 10, 0, 10])
    np.testing.assert_allclose(fit.fielded[0], [10, 10, 10, 10, 10])


def test_nothing_before_the_first_year_and_one_time_costs_before_it() -> None:
    fit = fit_schedule(
        _inputs(
            first_index=np.array([2]),
            one_time_usd=np.array([4e6]),
            capacity=np.array([[0, 0, 4, 4, 4.0]]),
        )
    )
    np.testing.assert_allclose(fit.built[0], [0, 0, 4, 4, 2])
    np.testing.assert_allclose(fit.spend_usd[0, :, 0], [2e6, 2e6, 0, 0, 0])


def test_step_profiles_and_launch_limits_from_the_catalog() -> None:
    sbi = production_catalog()["sbi"]
    cap = capacity_by_year(sbi, np.arange(2026, 2032))
    # Nothing before 2028; 82 a year, then 155 (production below 24 launches x 8).
    np.testing.assert_allclose(cap, [0, 0, 82, 82, 155, 155])
    thaad = capacity_by_year(production_catalog()["thaad-interceptor"], np.array([2026, 2040]))
    np.testing.assert_allclose(thaad, [96, 400])  # Lockheed Martin, 29 Jan 2026


def test_walker_split_fills_planes_equally() -> None:
    assert walker_split(235, 60) == (235, 47)
    assert walker_split(7800, 60) == (7800, 60)
    assert walker_split(5, 60) == (5, 5)
    n, planes = walker_split(61, 60)
    assert n % planes == 0
    assert n <= 61


def test_year_mapping_removes_what_is_not_fielded() -> None:
    spec, text = api.read_scenario()
    elements = timeline_elements(spec)
    counts = {el.name: el.target for el in elements}
    counts["sbi_layer"] = 0.0
    counts["THAAD battery (National Capital Region)"] = 0.0
    counts["tracking_layer"] = 55.0
    data = year_mapping(parse_toml(text), elements, counts)
    assert "sbi_layer" not in data["space"]
    assert "sbi" not in data
    assert data["space"]["tracking_layer"]["satellites"] == 55
    assert data["space"]["tracking_layer"]["planes"] in (5, 11)
    names = [site["name"] for site in data["sites"]]
    assert "THAAD battery (National Capital Region)" not in names
    assert "Patriot battalion (National Capital Region)" in names
    api.scenario_from_mapping(data)  # still a valid scenario


def _problems(changes: dict[str, object]) -> str:
    spec, text = api.read_scenario(changes=changes)
    with pytest.raises(api.ScenarioError) as info:
        run_timeline(spec, text, None, kill_chain=False)  # type: ignore[arg-type]
    return info.value.report()


def test_a_first_year_before_the_element_exists_names_the_key() -> None:
    report = _problems({"timeline": {"elements": {"sbi_layer": {"first_year": 2025}}}})
    assert "timeline.elements.sbi_layer.first_year = 2025" in report
    assert "2028" in report


def test_a_schedule_above_the_production_limit_names_the_key() -> None:
    report = _problems({"timeline": {"elements": {"sbi_layer": {"schedule": {"2029": 500}}}}})
    assert "timeline.elements.sbi_layer.schedule.2029 = 500" in report
    assert "82" in report


def test_an_unknown_element_and_budget_are_named() -> None:
    assert "timeline.elements.nope" in _problems({"timeline": {"elements": {"nope": {}}}})
    assert "timeline.budget" in _problems({"timeline": {"budget": "nope"}})


def test_default_timeline_keeps_the_limits_and_the_budget() -> None:
    spec, text = api.read_scenario()
    result = run_timeline(spec, text, None, kill_chain=False)  # type: ignore[arg-type]
    by_year = {y.year: y for y in result.years}
    # No SBI before 2028 (production_rates.toml), at most 82 + 82 by the end of 2029.
    assert by_year[2027].fielded["sbi_layer"] == 0
    assert 0 < by_year[2029].fielded["sbi_layer"] <= 164
    for y in result.years:
        assert sum(y.spend_usd.values()) <= y.budget_usd * (1 + 1e-9)
        assert ("boost" in y.layers) == (y.fielded["sbi_layer"] > 0)
    # Then-year dollars exceed constant 2026 dollars after 2026 (inflation).
    assert by_year[2030].spend_then_year_usd["procurement"] > by_year[2030].spend_usd["procurement"]
