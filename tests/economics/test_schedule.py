"""Schedules to dollars per year: procurement, launch, replenishment, O&S, development."""

import math

import numpy as np
import pytest

from goldendome.economics.launch import launch_cost_by_year_usd, launches_needed
from goldendome.economics.procurement import build_schedule, procurement_by_year_usd
from goldendome.economics.schedule import development_by_year_usd, ground_segment_by_year_usd
from goldendome.economics.sustainment import (
    fielded_by_year,
    o_and_s_by_year_usd,
    replenishment_by_year,
)


def replacements_loop(items, life):
    """Each unit fielded in year i is bought again at i + k L (split between whole years)."""
    n = len(items)
    out = [0.0] * n
    for i, x in enumerate(items):
        k = 1
        while i + k * life < n:
            t = i + k * life
            base, frac = math.floor(t), t - math.floor(t)
            out[base] += x * (1 - frac)
            if base + 1 < n:
                out[base + 1] += x * frac
            k += 1
    return out


def test_a_build_spreads_its_quantity_evenly_inside_the_horizon():
    items = build_schedule(7_800.0, 2, 4, 20)
    assert items.sum() == pytest.approx(7_800)
    assert np.count_nonzero(items) == 4
    assert items[2] == items[5] == 1_950


def test_procurement_follows_one_learning_curve_over_the_years():
    items = np.array([10.0, 20.0, 0.0, 30.0])
    cost = procurement_by_year_usd(items, 100.0, 0.9)
    b = math.log2(0.9)
    units = [100.0 * k**b for k in range(1, 61)]
    assert cost == pytest.approx([sum(units[:10]), sum(units[10:30]), 0.0, sum(units[30:])])


@pytest.mark.parametrize("life", [3.0, 4.3, 5.0, 5.5, 7.9, 19.5, 25.0])
def test_replenishment_matches_the_generation_loop(life):
    items = build_schedule(1_000.0, 1, 4, 20)
    assert replenishment_by_year(items, life) == pytest.approx(replacements_loop(items, life))


def test_replenishment_for_a_batch_of_lives_equals_one_at_a_time():
    items = build_schedule(100.0, 0, 3, 20)
    lives = np.array([4.0, 5.0, 6.5, np.inf])
    batch = replenishment_by_year(items, lives)
    assert batch.shape == (4, 20)
    for row, life in zip(batch, lives, strict=True):
        assert row == pytest.approx(replenishment_by_year(items, life))
    assert batch[-1].sum() == 0.0  # an infinite life is never replaced


def test_five_year_life_buys_four_generations_in_twenty_years():
    items = build_schedule(7_800.0, 0, 1, 20)
    assert replenishment_by_year(items, 5.0).sum() == pytest.approx(3 * 7_800)


def test_launch_priced_per_kg_pays_for_mass():
    cost = launch_cost_by_year_usd(np.array([100.0, 0.0]), 2_000.0, 50.0, price_usd_per_kg=500.0)
    assert cost == pytest.approx([100 * 2_000 * 500, 0.0])


def test_launch_priced_per_launch_rounds_each_year_up_and_learns():
    assert launches_needed(22, 21) == 2
    flat = launch_cost_by_year_usd(np.array([22.0, 21.0]), 500.0, 21.0, price_usd_per_launch=74e6)
    assert flat == pytest.approx([2 * 74e6, 74e6])
    learning = launch_cost_by_year_usd(
        np.array([21.0, 21.0]), 500.0, 21.0, price_usd_per_launch=74e6, slope=0.9
    )
    assert learning[1] == pytest.approx(0.9 * 74e6)  # the second launch of the run


def test_o_and_s_counts_fielded_units_and_a_fixed_cost_once_fielded():
    fielded = fielded_by_year(np.array([0.0, 10.0, 10.0, 0.0]))
    assert fielded == pytest.approx([0, 10, 20, 20])
    ops = o_and_s_by_year_usd(fielded, 1e6, 5e6)
    assert ops == pytest.approx([0.0, 15e6, 25e6, 25e6])


def test_development_and_ground_segment_spread_over_their_years():
    dev = development_by_year_usd(np.array([8e9, 4e9]), 1, 4, 10)
    assert dev.shape == (2, 10)
    assert dev.sum(axis=1) == pytest.approx([8e9, 4e9])
    buy, run = ground_segment_by_year_usd(6e9, 1e8, 0, 3, 10)
    assert buy.sum() == pytest.approx(6e9)
    assert run == pytest.approx([0, 0, 0] + [1e8] * 7)
