"""Correlated shots in the analytic tier: the beta-binomial closed form against its limits and
against sampling the same model."""

import itertools
import json

import numpy as np
import pytest
from typer.testing import CliRunner

import goldendome.cli.leak  # noqa: F401  (registers the command)
from goldendome.cli.main import app
from goldendome.engagement.correlated import (
    CorrelatedLeakage,
    beta_parameters,
    kill_probability_nodes,
)
from goldendome.engagement.leakage import Layer, Leakage

LAYERS = (Layer(0.8, (2,), name="sbi"), Layer(0.6, (2, 2), survivor_seen=0.9, name="gbi"))


def test_zero_correlation_is_the_independent_closed_form():
    for warheads in (1, 10, 100):
        independent = Leakage(LAYERS, warheads)
        correlated = CorrelatedLeakage(LAYERS, warheads, (0.0, 0.0))
        assert correlated.p_zero_leakers == pytest.approx(independent.p_zero_leakers, abs=1e-15)
        assert correlated.expected_leakers == pytest.approx(independent.expected_leakers)
        assert correlated.expected_shots() == pytest.approx(independent.expected_shots())


def test_full_correlation_makes_each_type_work_for_the_whole_raid_or_not_at_all():
    """rho = 1: the SBIs kill everything with probability 0.8; otherwise the GBIs do with
    0.6; so P(zero leakers) = 1 - 0.2 * 0.4 for any raid size, and 10 warheads leak in the
    other case."""
    c = CorrelatedLeakage(LAYERS, 10, (1.0, 1.0))
    assert c.p_zero_leakers == pytest.approx(1.0 - 0.2 * 0.4, abs=1e-12)
    assert c.expected_leakers == pytest.approx(10 * 0.2 * 0.4, abs=1e-12)
    # GBIs: 2 warheads reach them on average; 2 shots each, and when the GBIs fail (0.4)
    # the survivors are seen (0.9) and shot at twice more.
    assert c.expected_shots()[1] == pytest.approx(10 * 0.2 * (0.6 * 2 + 0.4 * (2 + 0.9 * 2)))


def test_two_shots_outcomes_have_the_stated_correlation():
    """Sample the model: per raid a kill probability from the beta, two shots given it; the
    Pearson correlation of their outcomes is rho within 3 standard errors (1/sqrt(n))."""
    rng = np.random.default_rng(11)
    n = 400_000
    for mean, rho in ((0.8, 0.2), (0.6, 0.5), (0.3, 0.05)):
        p = rng.beta(*beta_parameters(mean, rho), size=n)
        a, b = rng.random(n) < p, rng.random(n) < p
        r = np.corrcoef(a, b)[0, 1]
        assert abs(r - rho) < 3.0 / np.sqrt(n)
        assert abs(a.mean() - mean) < 3.0 * np.sqrt(mean * (1 - mean) / n)


def test_the_closed_form_matches_sampling_the_same_model():
    """P(zero leakers) of 10 warheads through both layers, each layer's kill probability
    drawn per raid: within 3 binomial standard errors of 300,000 sampled raids."""
    rng = np.random.default_rng(5)
    n = 300_000
    for rho in (0.05, 0.3, 0.5, 0.9):
        closed = CorrelatedLeakage(LAYERS, 10, (rho, rho))
        p = [rng.beta(*beta_parameters(layer.sspk, rho), size=n) for layer in LAYERS]
        survive = LAYERS[0].survival_at(p[0]) * LAYERS[1].survival_at(p[1])
        sampled = np.mean((1.0 - survive) ** 10)
        se = np.sqrt(sampled * (1.0 - sampled) / n)
        assert abs(closed.p_zero_leakers - sampled) < 3.0 * se
        assert closed.expected_leakers == pytest.approx(10 * survive.mean(), rel=0.02)


def test_correlation_lowers_p_zero_leakers_for_salvos():
    """Shots that fail together protect a raid less: P(zero leakers) falls as rho grows."""
    p = [CorrelatedLeakage(LAYERS, 10, (r, r)).p_zero_leakers for r in (0.0, 0.1, 0.3, 0.6)]
    assert all(a > b for a, b in itertools.pairwise(p))


def test_quadrature_weights_are_a_distribution_with_the_right_mean():
    for mean, rho in ((0.8, 0.1), (0.5, 0.5), (0.2, 0.9)):
        p, w = kill_probability_nodes(mean, rho, 64)
        assert w.sum() == pytest.approx(1.0)
        assert (w >= 0).all()
        assert ((p >= 0) & (p <= 1)).all()
        assert np.sum(w * p) == pytest.approx(mean, abs=1e-10)
        alpha, beta = beta_parameters(mean, rho)
        variance = alpha * beta / ((alpha + beta) ** 2 * (alpha + beta + 1))
        assert np.sum(w * (p - mean) ** 2) == pytest.approx(variance, rel=1e-8)


def test_bad_correlations_are_refused_with_a_sentence():
    with pytest.raises(ValueError, match=r"correlation = 1\.5"):
        CorrelatedLeakage(LAYERS, 10, (1.5, 0.0))
    with pytest.raises(ValueError, match="one correlation per layer"):
        CorrelatedLeakage(LAYERS, 10, (0.1,))


def test_the_cli_takes_one_correlation_for_all_layers_or_one_each():
    runner = CliRunner()
    base = ["leak", "--sspk", "0.8", "--shots", "2", "--sspk", "0.6", "--shots", "2+2",
            "--survivor-seen", "0.9", "--warheads", "10", "--json"]  # fmt: skip
    plain = json.loads(runner.invoke(app, base).stdout)
    same = json.loads(runner.invoke(app, [*base, "--correlation", "0"]).stdout)
    assert same["p_zero_leakers"] == plain["p_zero_leakers"]
    out = json.loads(runner.invoke(app, [*base, "--correlation", "0.3"]).stdout)
    assert out["p_zero_leakers"] == pytest.approx(
        CorrelatedLeakage(LAYERS, 10, (0.3, 0.3)).p_zero_leakers
    )
    assert [row["correlation"] for row in out["layers"]] == [0.3, 0.3]
    bad = runner.invoke(app, [*base, "--correlation", "0.1", "--correlation", "0.2",
                              "--correlation", "0.3"])  # fmt: skip
    assert bad.exit_code == 2
    assert "one --correlation for all layers or one per layer" in bad.output
    assert runner.invoke(app, [*base, "--correlation", "1.5"]).exit_code == 2


def test_weak_correlations_are_finite_and_join_the_independent_limit_smoothly():
    """Below a correlation of about 0.002 SciPy's Jacobi weights overflow; the narrow beta is
    then taken as a normal. The answers stay finite, fall steadily with rho from the
    independent value, and do not jump where the method switches."""
    rhos = [1e-6, 1e-4, 1e-3, 0.0019, 0.0021, 0.003, 0.01]
    p = [CorrelatedLeakage(LAYERS, 10, (r, r)).p_zero_leakers for r in rhos]
    independent = Leakage(LAYERS, 10).p_zero_leakers
    assert np.isfinite(p).all()
    assert independent - p[0] < 1e-6
    assert all(a > b for a, b in itertools.pairwise([independent, *p]))
    step = p[3] - p[4]  # across the switch, 0.0002 apart in rho
    assert step < 2 * (p[4] - p[5]) * 0.0002 / 0.0009
