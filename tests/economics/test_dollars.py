"""Then-year and constant dollars through the embedded deflator, and discounting."""

import numpy as np
import pytest

from goldendome.economics import CostError, deflator_table
from goldendome.economics.dollars import (
    DeflatorTable,
    discount_factor,
    present_value_usd,
    to_constant_usd,
    to_then_year_usd,
)


def test_constant_and_then_year_dollars_round_trip():
    table = deflator_table()
    years = np.arange(2026, 2046)
    ty = to_then_year_usd(np.full(20, 1e9), years, 2026, table)
    assert np.all(np.diff(ty) > 0)  # prices rise: the same real dollar costs more later
    back = to_constant_usd(ty, years, 2026, table)
    assert np.allclose(back, 1e9, rtol=1e-12)


def test_projected_years_rise_at_the_stated_two_percent():
    table = deflator_table()
    assert table.at(2031) / table.at(2030) == pytest.approx(1.02)
    assert table.first_year == 2000
    assert table.last_year == 2060


def test_a_base_year_outside_the_table_names_key_value_and_rule():
    with pytest.raises(CostError) as info:
        to_constant_usd(1.0, 2026, 1990, deflator_table())
    text = str(info.value)
    assert "base_year = 1990" in text
    assert "outside the deflator table (2000 to 2060" in text


def test_a_small_table_converts_by_its_ratio():
    table = DeflatorTable(2020, np.array([100.0, 110.0]), "test")
    assert to_constant_usd(110.0, 2021, 2020, table) == pytest.approx(100.0)


def test_discounting():
    assert discount_factor(2030, 2026, 0.0) == 1.0
    assert discount_factor(2027, 2026, 0.03) == pytest.approx(1 / 1.03)
    pv = present_value_usd(np.ones(3), np.array([2026, 2027, 2028]), 2026, 0.1)
    assert pv == pytest.approx(1 + 1 / 1.1 + 1 / 1.21)
    with pytest.raises(CostError, match=r"discount_rate = -1\.5"):
        discount_factor(2027, 2026, -1.5)
