"""A cost line laid out by year and category, and the errors bad inputs raise."""

import math

import numpy as np
import pytest

from goldendome.economics import CATEGORIES, CostError, CostLine, line_cost_usd

SBI = CostLine(
    "sbi",
    "space",
    quantity=7_800,
    unit_cost_usd=22e6,
    service_life_years=5.0,
    mass_kg=2_000.0,
    launch_usd_per_kg=500.0,
    o_and_s_usd_per_year=1e9,
    deploy_years=4,
    development_usd=10e9,
    development_years=4,
)


def by_category(cost):
    return dict(zip(CATEGORIES, cost.sum(axis=-2), strict=True))


def test_a_five_year_constellation_is_bought_and_launched_four_times_in_twenty_years():
    cost = line_cost_usd(SBI, 20)
    assert cost.shape == (20, len(CATEGORIES))
    cat = by_category(cost)
    assert cat["procurement"] == pytest.approx(7_800 * 22e6)
    assert cat["launch"] == pytest.approx(7_800 * 2_000 * 500)
    assert cat["replenishment"] == pytest.approx(3 * 7_800 * (22e6 + 2_000 * 500))
    assert cat["o_and_s"] == pytest.approx(20 * 1e9)
    assert cat["development"] == pytest.approx(10e9)


def test_a_ground_element_has_no_launch_cost():
    radar = CostLine(
        "lrdr", "ground", quantity=3, unit_cost_usd=1.5e9, o_and_s_usd_per_unit_year=5e7
    )
    cat = by_category(line_cost_usd(radar, 20))
    assert cat["launch"] == 0.0
    assert cat["replenishment"] == 0.0
    assert cat["o_and_s"] == pytest.approx(3 * 5e7 * 20)


def test_a_one_off_system_runs_its_fixed_o_and_s_once_built():
    c2 = CostLine("c2", "c2", fixed_acquisition_usd=6e9, deploy_years=3, o_and_s_usd_per_year=5e8)
    cost = line_cost_usd(c2, 10)
    assert by_category(cost)["procurement"] == pytest.approx(6e9)
    assert cost[:, CATEGORIES.index("o_and_s")].sum() == pytest.approx(10 * 5e8)


def test_draws_in_one_pass_equal_the_lines_one_at_a_time():
    life = np.array([4.0, 5.0, 6.5])
    cost = np.array([15e6, 22e6, 30e6])
    batch = line_cost_usd(SBI, 20, {"service_life_years": life, "unit_cost_usd": cost})
    assert batch.shape == (3, 20, len(CATEGORIES))
    for k in range(3):
        one = line_cost_usd(SBI.with_values(service_life_years=life[k], unit_cost_usd=cost[k]), 20)
        assert batch[k] == pytest.approx(one)


def test_learning_makes_the_average_the_stated_one_over_the_first_buy():
    line = SBI.with_values(learning_slope=0.9, service_life_years=math.inf)
    assert by_category(line_cost_usd(line, 20))["procurement"] == pytest.approx(7_800 * 22e6)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"unit_cost_usd": 0.0}, "lines[sbi].unit_cost_usd = 0.0: a unit cost must be > 0"),
        (
            {"unit_cost_usd": -5.0},
            "lines[sbi].unit_cost_usd = -5.0: a cost must be a finite number >= 0",
        ),
        (
            {"learning_slope": 1.2},
            "lines[sbi].learning_slope = 1.2: learning slope must be in (0, 1]",
        ),
        (
            {"learning_slope": 0.0},
            "lines[sbi].learning_slope = 0.0: learning slope must be in (0, 1]",
        ),
        (
            {"service_life_years": 0.0},
            "lines[sbi].service_life_years = 0.0: a service life must be > 0 years",
        ),
        (
            {"launch_usd_per_kg": math.nan},
            "lines[sbi].launch_usd_per_kg = nan: a cost must be a finite number >= 0",
        ),
    ],
)
def test_bad_values_name_key_value_and_rule(values, expected):
    with pytest.raises(CostError) as info:
        SBI.with_values(**values)
    assert expected in str(info.value)


def test_every_problem_is_reported_at_once():
    with pytest.raises(CostError) as info:
        SBI.with_values(learning_slope=2.0, o_and_s_usd_per_year=-1.0)
    assert len(info.value.problems) == 2


def test_a_field_that_cannot_be_drawn_is_named():
    with pytest.raises(CostError, match=r"lines\[sbi\].layer: cannot be drawn"):
        line_cost_usd(SBI, 20, {"layer": np.ones(3)})
