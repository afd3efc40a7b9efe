"""Parameters given as ranges: the distributions, one draw per trial from the trial's own
stream, a drawn kill probability acting as the truth, and the band fitted afterwards."""

import dataclasses

import numpy as np
import pytest

from goldendome.engagement.ranges import (
    HitRecord,
    RangedParameter,
    Triangular,
    Uniform,
    draw_parameters,
)
from goldendome.engagement.trial import run_trial
from goldendome.results.parameter_band import parameter_band
from tests.engagement.kill_chain_fixture import synthetic_setup


@pytest.mark.parametrize(
    ("dist", "mean", "low", "high"),
    [
        (Uniform(0.5, 0.8), 0.65, 0.5, 0.8),
        (Triangular(0.4, 0.5, 0.9), 0.6, 0.4, 0.9),
        (HitRecord(12, 20), 13 / 22, 0.0, 1.0),
    ],
)
def test_each_distribution_draws_within_its_bounds_around_its_mean(dist, mean, low, high):
    rng = np.random.default_rng(4)
    draws = np.array([dist.draw(rng) for _ in range(20_000)])
    assert dist.mean == pytest.approx(mean)
    assert draws.min() >= low
    assert draws.max() <= high
    # 4 standard errors of the sample mean
    assert abs(draws.mean() - mean) < 4 * draws.std() / np.sqrt(draws.size)


def test_a_test_record_is_the_laplace_posterior():
    rng = np.random.default_rng(5)
    draws = np.array([HitRecord(12, 20).draw(rng) for _ in range(20_000)])
    # Beta(13, 9): variance a b / ((a + b)^2 (a + b + 1)) = 117 / 10626
    assert draws.var() == pytest.approx(117 / 10626, rel=0.05)


def test_draws_follow_the_order_given_and_the_generator_only():
    ranges = (RangedParameter("a", Uniform(0, 1)), RangedParameter("b", Uniform(2, 3)))
    a = draw_parameters(ranges, np.random.default_rng(9))
    b = draw_parameters(ranges, np.random.default_rng(9))
    np.testing.assert_array_equal(a, b)
    assert 2 <= a[1] <= 3


def _kill_share(setup, trials: int = 300) -> float:
    rows = [
        run_trial(setup, k, np.random.SeedSequence(3, spawn_key=(k,)))[0] for k in range(trials)
    ]
    return float(np.mean([1 - r.rvs_through / 9 for r in rows]))


def test_a_drawn_kill_probability_is_the_truth_while_the_plan_keeps_the_mean():
    """A battery planned at 0.6 whose range draws 0.15 every trial kills as 0.15 does."""
    point = synthetic_setup(sspk=0.15)
    ranged = dataclasses.replace(
        synthetic_setup(sspk=0.6),
        ranges=(RangedParameter("gbi", Uniform(0.15, 0.15)),),
        battery_ranges=np.array([[0, 0]]),
    )
    a, b = _kill_share(point), _kill_share(ranged)
    se = np.sqrt(a * (1 - a) / (300 * 9))
    assert abs(a - b) < 4 * se + 0.02
    assert _kill_share(synthetic_setup(sspk=0.6)) > b + 0.2


def test_the_band_ranks_the_input_that_matters_and_calls_the_other_noise():
    rng = np.random.default_rng(11)
    n = 4000
    draws = np.column_stack([rng.uniform(0.4, 0.8, n), rng.uniform(0, 1, n)])
    p = 1 / (1 + np.exp(-(8 * (draws[:, 0] - 0.6))))
    zero = (rng.random(n) < p).astype(float)
    leakers = np.where(zero == 1, 0.0, 1.0 + rng.poisson(1.0, n))
    band = parameter_band(["matters", "noise"], draws, zero, leakers)
    first, second = band["drivers"]
    assert first["parameter"] == "matters"
    assert first["z_score"] > 10
    assert abs(second["z_score"]) < 3
    lo, hi = band["p_zero_leakers"]
    # p at the 10th and 90th percentile of x1: 1/(1+exp(-8*(0.44-0.6))) ... x1 at 0.76
    assert lo == pytest.approx(1 / (1 + np.exp(1.28)), abs=0.04)
    assert hi == pytest.approx(1 / (1 + np.exp(-1.28)), abs=0.04)


def test_inputs_that_do_nothing_give_a_narrow_band_once_the_fits_noise_is_out():
    """Six irrelevant inputs, 200 trials, P(zero leakers) 0.58 whatever they are: the raw
    percentiles of the fitted chance spread by the fit's own noise; the band does not."""
    rng = np.random.default_rng(21)
    n = 200
    draws = rng.uniform(0, 1, (n, 6))
    zero = (rng.random(n) < 0.58).astype(float)
    leakers = np.where(zero == 1, 0.0, 1.0)
    band = parameter_band([f"x{k}" for k in range(6)], draws, zero, leakers)
    lo, hi = band["p_zero_leakers"]
    raw_lo, raw_hi = band["p_zero_leakers_raw"]
    assert hi - lo < 0.06
    assert raw_hi - raw_lo > 2 * (hi - lo)
    assert lo - 0.01 <= zero.mean() <= hi + 0.01
