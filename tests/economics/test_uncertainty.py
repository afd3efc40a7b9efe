"""Distributions, P10/P50/P90 over seeded draws, and the tornado table."""

import numpy as np
import pytest

from goldendome.economics import CostError, CostLine, Distribution, simulate, tornado

SBI = CostLine(
    "sbi",
    "space",
    quantity=7_800,
    unit_cost_usd=22e6,
    service_life_years=5,
    mass_kg=2_000,
    launch_usd_per_kg=500,
)
RADAR = CostLine("lrdr", "ground", quantity=3, unit_cost_usd=1.5e9)
UNCERTAIN = {
    ("sbi", "unit_cost_usd"): Distribution("triangular", 13e6, 22e6, 40e6),
    ("sbi", "service_life_years"): Distribution("triangular", 4.0, 5.0, 8.0),
    ("sbi", "launch_usd_per_kg"): Distribution("lognormal", 200.0, 500.0, 2_700.0),
    ("lrdr", "unit_cost_usd"): Distribution("uniform", 1e9, 1.5e9, 2e9),
}


def test_equal_seeds_give_equal_draws_and_percentiles_are_ordered():
    a = simulate([SBI, RADAR], UNCERTAIN, 20, 2_000, np.random.default_rng(5))
    b = simulate([SBI, RADAR], UNCERTAIN, 20, 2_000, np.random.default_rng(5))
    assert np.array_equal(a.total_usd, b.total_usd)
    assert a.p10_usd < a.p50_usd < a.p90_usd
    assert a.by_category_usd.sum(axis=1) == pytest.approx(a.total_usd)


def test_no_uncertainty_gives_the_point_value():
    sim = simulate([SBI, RADAR], {}, 20, 10, np.random.default_rng(1))
    assert sim.p10_usd == pytest.approx(sim.p90_usd)


def test_a_lognormal_keeps_its_median_and_its_p10_p90(rng):
    draws = Distribution("lognormal", 200.0, 500.0, 2_700.0).sample(200_000, rng)
    p10, p50, p90 = np.percentile(draws, [10, 50, 90])
    assert p50 == pytest.approx(500.0, rel=0.01)
    # The log-spread comes from ln(high / low), centred on the median as given.
    assert p90 / p10 == pytest.approx(2_700 / 200, rel=0.03)


def test_the_tornado_ranks_inputs_by_swing():
    rows = tornado([SBI, RADAR], UNCERTAIN, 20)
    assert (rows[0].line, rows[0].field) == ("sbi", "unit_cost_usd")
    swings = [r.swing_usd for r in rows]
    assert swings == sorted(swings, reverse=True)
    radar = next(r for r in rows if r.line == "lrdr")
    assert radar.high_usd - radar.low_usd == pytest.approx(3 * 1e9)
    life = next(r for r in rows if r.field == "service_life_years")
    assert life.low_usd > life.high_usd  # a shorter life costs more


def test_bad_distributions_and_unknown_inputs_are_named():
    with pytest.raises(CostError, match="needs low <= mode <= high"):
        Distribution("triangular", 5.0, 1.0, 10.0)
    with pytest.raises(CostError, match="must be one of: triangular, uniform, lognormal"):
        Distribution("normal", 1.0, 2.0, 3.0)  # type: ignore[arg-type]
    with pytest.raises(CostError, match=r"lines\[gbi\]: unknown cost line"):
        simulate(
            [SBI],
            {("gbi", "unit_cost_usd"): UNCERTAIN[("sbi", "unit_cost_usd")]},
            20,
            10,
            np.random.default_rng(1),
        )
    with pytest.raises(CostError, match=r"lines\[sbi\].name: cannot be drawn"):
        tornado([SBI], {("sbi", "name"): UNCERTAIN[("sbi", "unit_cost_usd")]}, 20)
