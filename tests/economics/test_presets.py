"""Presets rebuilt from published studies' stated inputs, beside the published figures.

Sources (data/cost_presets.toml cites each input):
* CBO, Potential Costs of a National Missile Defense System (12 May 2026): $1.191 trillion
  over 20 years (2026 dollars); 7,800 SBIs at $22M, a 5-year life, $500/kg launch, $723B
  to acquire plus $1B a year to operate: $743B (as quoted by osintsights.com).
* CBO letter of 5 May 2025: launch savings cut the 20-year costs of earlier SBI
  constellations by 30 to 40 percent ($264B -> $161B; $831B -> $542B, 2025 dollars).
"""

import math

import pytest

from goldendome.economics import CostError, preset_names, run_preset
from goldendome.economics.presets import cost_presets

CBO_2026_SBI_USD = 743e9
CBO_2026_TOTAL_USD = 1_191e9


def test_cbo_2026_sbi_layer_within_two_percent_of_cbos_743_billion():
    result = run_preset("cbo-2026")
    sbi = result.breakdown.by_element_usd()["sbi"]
    development = result.breakdown.cost_usd[0, :, 0].sum()  # the assumed $10B, not in CBO's $743B
    assert development == pytest.approx(10e9)
    assert sbi - development == pytest.approx(CBO_2026_SBI_USD, rel=0.02)  # +-$15B


def test_cbo_2026_total_is_reported_with_its_residual():
    result = run_preset("cbo-2026")
    assert result.published_usd == CBO_2026_TOTAL_USD
    assert result.residual_pct == pytest.approx(
        100 * (result.model_usd - CBO_2026_TOTAL_USD) / CBO_2026_TOTAL_USD
    )
    # Issue 16 asks for 10%; the preset is about 19% under CBO. CBO's upper, lower, regional,
    # sensor and C2 quantities are not public and the preset's assumed ones come to about
    # $210B against CBO's implied $450B: the gap is reported, not tuned away.
    assert -30.0 < result.residual_pct < 0.0
    assert result.assumptions  # the assumed quantities are listed


@pytest.mark.parametrize("size", ["low", "high"])
def test_cbo_2025_cheaper_launch_cuts_the_total_30_to_40_percent(size):
    before = run_preset(f"cbo-2025-{size}-old-launch").model_usd
    after = run_preset(f"cbo-2025-{size}").model_usd
    assert 0.30 <= 1 - after / before <= 0.40


def test_cbo_2025_low_within_ten_percent_of_161_billion():
    assert run_preset("cbo-2025-low").model_usd == pytest.approx(161e9, rel=0.10)  # +-$16B


@pytest.mark.parametrize("name", ["white-house-175", "white-house-185"])
def test_a_budget_preset_buys_the_most_sbis_the_budget_allows(name):
    result = run_preset(name)
    assert result.model_usd <= result.published_usd
    assert result.buys_quantity > 0
    assert abs(result.residual_pct) < 1.0
    # A three-year $175B buys each SBI once; ten years at $185B buys them twice and runs them.
    assert result.buys_quantity < 7_800


def test_every_preset_runs_and_lists_its_drivers():
    for name in preset_names():
        result = run_preset(name)
        assert result.model_usd > 0
        assert math.isfinite(result.residual_pct)
        assert len(result.drivers) > 40
    assert {"cbo-2026", "cbo-2025-low", "aei-2025-low", "aei-2025-high", "white-house-185"} <= set(
        cost_presets()
    )


def test_an_unknown_preset_lists_the_presets():
    with pytest.raises(CostError, match='preset = "cbo-2027": unknown preset; presets: cbo-2026'):
        run_preset("cbo-2027")
