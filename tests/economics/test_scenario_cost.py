"""A scenario's life-cycle cost (goldendome.run.cost): the breakdown sums to the lines, the
draws are seeded from the scenario seed, and the tornado ranks what drives the spread."""

import numpy as np
import pytest

from goldendome.economics import cost_line, cost_table
from goldendome.interceptors.sbi_mass import sbi_mass
from goldendome.run.cost import scenario_cost
from goldendome.scenario import default_scenario_text, load_scenario_text

UNCERTAIN = (
    "\n[economics]\ndraws = 2000\n[economics.uncertain.sbi_layer]\n"
    "unit_cost_musd = { low = 13.0, mode = 22.0, high = 40.0 }\n"
    "[economics.uncertain.c2]\n"
    "o_and_s_musd_per_unit_year = { low = 400.0, mode = 500.0, high = 600.0 }\n"
)


def _spec(extra: str = "", seed: int | None = None):
    text = default_scenario_text() + extra
    if seed is not None:
        text = text.replace("seed = 2029", f"seed = {seed}")
    return load_scenario_text(text, "s.toml")


def test_the_breakdown_adds_up_by_layer_element_category_and_year():
    cost = scenario_cost(_spec())
    b = cost.breakdown
    total = cost.total_usd
    assert sum(b.by_layer_usd().values()) == pytest.approx(total)
    assert sum(b.by_category_usd().values()) == pytest.approx(total)
    assert b.by_year_usd().sum() == pytest.approx(total)
    assert b.years.tolist() == list(range(2027, 2047))
    # The SBI layer is the catalog's line for 7,800 SBIs fielded over four years, launched at
    # the mass the SBI mass model gives the scenario's kill vehicle.
    mass = float(sbi_mass(4_000.0, 2_500.0, 10.0).total_kg)
    sbi = cost_line(
        "sbi", 7800, 2026, name="sbi_layer", deploy_years=4, development_years=4, mass_kg=mass
    )
    alone = cost_table([sbi], 2027, 20, 2026).total_usd
    assert b.by_element_usd()["sbi_layer"] == pytest.approx(alone)
    assert cost.simulation is None
    assert cost.tornado == []


def test_base_year_and_years_change_the_dollars_and_the_horizon():
    spec = _spec()
    base = scenario_cost(spec)
    later = scenario_cost(spec, base_year=2030)
    short = scenario_cost(spec, years=10)
    assert later.total_usd > base.total_usd  # more, smaller dollars
    assert short.breakdown.years.size == 10
    assert short.total_usd < base.total_usd


def test_percentiles_come_from_the_scenario_seed_and_bracket_the_point():
    a, b = scenario_cost(_spec(UNCERTAIN)), scenario_cost(_spec(UNCERTAIN))
    other = scenario_cost(_spec(UNCERTAIN, seed=7))
    assert a.simulation is not None
    assert other.simulation is not None
    assert np.array_equal(a.simulation.total_usd, b.simulation.total_usd)
    assert not np.array_equal(a.simulation.total_usd, other.simulation.total_usd)
    p10, p50, p90 = a.percentiles_usd()
    assert p10 < p50 < p90
    assert a.simulation.total_usd.size == 2000
    # The SBI unit cost drives the spread far more than C2's O&S.
    assert [(r.line, r.field) for r in a.tornado] == [
        ("sbi_layer", "unit_cost_usd"),
        ("c2", "o_and_s_usd_per_unit_year"),
    ]
    assert a.tornado[0].low_usd < a.total_usd < a.tornado[0].high_usd


def test_the_sbi_layer_is_replaced_on_the_service_life_its_readiness_uses():
    """One service life for the SBIs: ``[sbi] service_life_years`` (readiness) sets the SBI
    line's replacement cycle, unless ``[economics]`` names another; a longer life means
    fewer generations bought and launched in 20 years."""
    five = scenario_cost(_spec())
    eight_spec = load_scenario_text(
        default_scenario_text(), "s.toml", overrides={"sbi.service_life_years": 8.0}
    )
    eight = scenario_cost(eight_spec)
    assert eight.line("sbi_layer").service_life_years == 8.0
    assert five.line("sbi_layer").service_life_years == 5.0
    assert eight.total_usd < five.total_usd
    named = _spec("\n[economics.elements.sbi_layer]\nservice_life_years = 6.0\n")
    assert scenario_cost(named).line("sbi_layer").service_life_years == 6.0


def _with(overrides: dict[str, float], extra: str = ""):
    return load_scenario_text(default_scenario_text() + extra, "s.toml", overrides=overrides)


def test_the_sbi_launch_mass_comes_from_the_mass_model_of_the_scenarios_kill_vehicle():
    """Issue 16: the SBI mass model of 'Uncertainty and countermeasures' sets the launch
    mass; the default kill vehicle (4 km/s, 2.5 km/s divert, 10 g) weighs 1,477 kg with its
    carrier, so launching four generations of 7,800 at $500/kg costs 7,800 x 4 x 1,477 x 500."""
    cost = scenario_cost(_spec())
    used = cost.inputs.masses["sbi_layer"]
    assert used.source == "mass model"
    assert used.mass_kg == pytest.approx(1_477.4, abs=0.1)
    assert cost.line("sbi_layer").mass_kg == used.mass_kg
    launched = cost.breakdown.cost_usd[cost.inputs.lines.index(cost.line("sbi_layer"))]
    launch = launched[:, 2].sum()  # first generation's launch
    assert launch == pytest.approx(7_800 * used.mass_kg * 500.0)
    # A faster interceptor is heavier (rocket equation), so its layer costs more to launch.
    faster = scenario_cost(_with({"sbi.delta_v_km_s": 5.0}))
    assert faster.inputs.masses["sbi_layer"].mass_kg > used.mass_kg
    assert faster.total_usd > cost.total_usd


def test_a_mass_stated_in_economics_wins_and_says_so():
    stated = scenario_cost(_spec("\n[economics.elements.sbi_layer]\nmass_kg = 2000.0\n"))
    used = stated.inputs.masses["sbi_layer"]
    assert (used.source, used.mass_kg) == ("stated", 2_000.0)
    assert "[economics.elements.sbi_layer] mass_kg" in used.note
    model = scenario_cost(_spec())
    # Four generations of 7,800 launched at $500/kg: the mass difference, and nothing else.
    extra = 4 * 7_800 * (2_000.0 - model.inputs.masses["sbi_layer"].mass_kg) * 500.0
    assert stated.total_usd - model.total_usd == pytest.approx(extra, rel=1e-9)


def test_without_a_booster_for_the_delta_v_the_catalog_mass_is_used_and_named():
    # 12 km/s at 10 g: no two-stage solid booster of data/sbi_mass.toml reaches it.
    cost = scenario_cost(_with({"sbi.delta_v_km_s": 12.0}))
    used = cost.inputs.masses["sbi_layer"]
    assert (used.source, used.mass_kg) == ("catalog", 2_000.0)
    assert "no booster" in used.note
    assert "mass_kg" in used.note


def test_the_catalog_mass_range_draws_around_the_modelled_mass():
    cost = scenario_cost(_spec("\n[economics]\ndraws = 500\ncatalog_ranges = true\n"))
    mass = [r for r in cost.tornado if (r.line, r.field) == ("sbi_layer", "mass_kg")]
    assert len(mass) == 1  # the published 1,250-2,400 kg around the model's 1,477 kg
    assert mass[0].low_usd < cost.total_usd < mass[0].high_usd
