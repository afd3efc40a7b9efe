"""Learning curves against their definitions, summed unit by unit."""

import math

import numpy as np
import pytest

from goldendome.economics.learning import (
    average_cost_usd,
    cumulative_cost_usd,
    first_unit_from_average_usd,
    lot_cost_usd,
    unit_cost_usd,
)

SLOPES = [1.0, 0.95, 0.9, 0.8, 0.5, 0.3]
QUANTITIES = [0, 1, 2, 7, 16, 17, 40, 1_000, 7_800]


def crawford_loop(a, n, slope):
    b = math.log2(slope)
    return sum(a * k**b for k in range(1, n + 1))


@pytest.mark.parametrize("slope", SLOPES)
def test_crawford_cumulative_is_the_sum_of_its_units(slope):
    for n in QUANTITIES:
        exact = crawford_loop(22e6, n, slope)
        got = float(cumulative_cost_usd(22e6, n, slope))
        assert got == pytest.approx(exact, rel=1e-9, abs=1e-3)


def test_crawford_batch_equals_one_at_a_time():
    n = np.array(QUANTITIES, dtype=float)[:, None]
    slope = np.array(SLOPES)[None, :]
    batch = cumulative_cost_usd(1.0, n, slope)
    assert batch.shape == (len(QUANTITIES), len(SLOPES))
    for i, q in enumerate(QUANTITIES):
        for j, s in enumerate(SLOPES):
            assert batch[i, j] == pytest.approx(crawford_loop(1.0, q, s), rel=1e-9, abs=1e-12)


def test_a_90_percent_curve_takes_10_percent_off_each_doubling():
    assert unit_cost_usd(100.0, [1, 2, 4, 8], 0.9) == pytest.approx([100, 90, 81, 72.9])
    # Wright: the *average* falls 10% per doubling.
    assert average_cost_usd(100.0, [1, 2, 4], 0.9, "wright") == pytest.approx([100, 90, 81])


def test_wright_units_add_up_to_its_cumulative_cost():
    units = unit_cost_usd(50.0, np.arange(1, 101), 0.85, "wright")
    assert units.sum() == pytest.approx(float(cumulative_cost_usd(50.0, 100, 0.85, "wright")))
    assert np.all(np.diff(units) < 0)


def test_no_learning_costs_the_first_unit_every_time():
    assert cumulative_cost_usd(22e6, 7_800, 1.0) == pytest.approx(22e6 * 7_800)
    assert cumulative_cost_usd(22e6, 7_800, 1.0, "wright") == pytest.approx(22e6 * 7_800)


def test_lots_add_up_to_the_run():
    whole = cumulative_cost_usd(1.0, 300, 0.9)
    lots = sum(float(lot_cost_usd(1.0, before, 100, 0.9)) for before in (0, 100, 200))
    assert lots == pytest.approx(float(whole), rel=1e-12)


@pytest.mark.parametrize("theory", ["crawford", "wright"])
def test_first_unit_from_a_stated_average_reproduces_the_average(theory):
    a = first_unit_from_average_usd(22e6, 7_800, 0.9, theory)
    assert a > 22e6  # the first unit costs more than the average
    assert average_cost_usd(a, 7_800, 0.9, theory) == pytest.approx(22e6, rel=1e-12)


def test_fractional_quantities_are_monotone():
    n = np.linspace(0, 40, 401)
    total = cumulative_cost_usd(1.0, n, 0.8)
    assert np.all(np.diff(total) > 0)


def test_an_unknown_theory_is_named():
    with pytest.raises(ValueError, match="learning theory = 'moore'"):
        cumulative_cost_usd(1.0, 10, 0.9, "moore")  # type: ignore[arg-type]
