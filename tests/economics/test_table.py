"""A set of lines as a (n_line, n_year, n_category) table, its totals and tidy rows."""

import numpy as np
import pytest

from goldendome.economics import CostError, CostLine, cost_array_usd, cost_table, deflator_table

LINES = [
    CostLine(
        "sbi",
        "space",
        quantity=100,
        unit_cost_usd=20e6,
        service_life_years=5,
        mass_kg=1e3,
        launch_usd_per_kg=1e3,
    ),
    CostLine("lrdr", "ground", quantity=2, unit_cost_usd=1.5e9, o_and_s_usd_per_unit_year=5e7),
    CostLine("tpy2", "ground", quantity=4, unit_cost_usd=3.3e8),
]


def test_the_table_holds_every_line_year_and_category():
    table = cost_table(LINES, 2027, 20, base_year=2026)
    assert table.cost_usd.shape == (3, 20, 5)
    assert table.years[0] == 2027
    assert table.base_year == 2026
    assert sum(table.by_layer_usd().values()) == pytest.approx(table.total_usd)
    assert table.by_layer_usd()["ground"] == pytest.approx(
        table.by_element_usd()["lrdr"] + table.by_element_usd()["tpy2"]
    )
    assert table.by_year_usd().sum() == pytest.approx(table.total_usd)


def test_tidy_rows_add_up_to_the_total():
    table = cost_table(LINES, 2027, 20)
    rows = table.tidy()
    assert set(rows) == {"layer", "element", "category", "year", "cost_usd"}
    assert rows["cost_usd"].sum() == pytest.approx(table.total_usd)
    assert np.all(rows["cost_usd"] != 0)
    ground = rows["cost_usd"][rows["layer"] == "ground"].sum()
    assert ground == pytest.approx(table.by_layer_usd()["ground"])


def test_then_year_dollars_exceed_constant_dollars_after_the_base_year():
    table = cost_table(LINES, 2027, 20, base_year=2026)
    then = table.then_year(deflator_table())
    assert then.total_usd > table.total_usd
    assert then.present_value_usd(0.0) == pytest.approx(then.total_usd)
    assert table.present_value_usd(0.03) < table.total_usd


def test_draws_for_one_line_broadcast_across_all_lines():
    cost = cost_array_usd(LINES, 20, {"lrdr": {"unit_cost_usd": np.array([1e9, 2e9])}})
    assert cost.shape == (2, 3, 20, 5)
    assert np.allclose(cost[0, 0], cost[1, 0])  # the SBIs do not change
    assert cost[1, 1].sum() - cost[0, 1].sum() == pytest.approx(2 * 1e9)


def test_an_unknown_line_and_a_duplicate_name_are_errors():
    with pytest.raises(CostError, match=r"lines\[sbj\]: unknown cost line; known: lrdr, sbi, tpy2"):
        cost_array_usd(LINES, 20, {"sbj": {"unit_cost_usd": np.ones(2)}})
    with pytest.raises(CostError, match="two cost lines have this name"):
        cost_table([*LINES, LINES[0]], 2027, 20)
    with pytest.raises(CostError, match="years = 0"):
        cost_table(LINES, 2027, 0)
