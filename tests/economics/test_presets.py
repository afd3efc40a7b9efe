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
    # $211B against CBO's implied $448B: the gap is reported, not tuned away.
    assert -30.0 < result.residual_pct < 0.0
    assert result.assumptions  # the assumed quantities are listed


def test_cbo_2026_parts_put_the_residual_in_the_other_layers():
    """CBO's $1,191B split from public statements: $723B to acquire the SBIs and $1B a year
    to run them (READ-S); the SBIs are 'about 70 percent of acquisition costs', so CBO's
    acquisition is about $1,033B and its other layers' acquisition and O&S about $310B and
    $138B (DERIVED)."""
    result = run_preset("cbo-2026")
    parts = {p.name: p for p in result.parts}
    assert list(parts) == [
        "SBI acquisition", "SBI O&S", "other layers' acquisition", "other layers' O&S",
    ]  # fmt: skip
    # The published parts add up to CBO's total (within the rounding of the derivation).
    assert sum(p.published_usd for p in result.parts) == pytest.approx(
        CBO_2026_TOTAL_USD, abs=0.5e9
    )
    # The model's parts add up to the model's total: every line and category counted once.
    assert sum(p.model_usd for p in result.parts) == pytest.approx(result.model_usd)
    assert parts["SBI acquisition"].model_usd == pytest.approx(723e9, rel=0.02)  # +-$15B
    assert parts["SBI O&S"].model_usd == pytest.approx(20e9, rel=0.01)
    # The other layers carry the residual, both parts under CBO's (shown, not tuned).
    for name in ("other layers' acquisition", "other layers' O&S"):
        assert parts[name].residual_usd < 0
        assert "sbi" not in parts[name].lines
    assert parts["SBI acquisition"].tag == "READ-S"
    assert parts["other layers' O&S"].tag == "DERIVED"


def test_every_preset_with_sbis_says_where_its_sbi_mass_comes_from():
    for name in preset_names():
        result = run_preset(name)
        if math.isnan(result.sbi_mass_kg):
            continue
        assert result.sbi_mass_note is not None
        assert f"{result.sbi_mass_kg:,.0f} kg" in result.sbi_mass_note
        assert "mass model" in result.sbi_mass_note  # why the study's mass, not the model's


def test_a_part_naming_no_line_is_reported():
    from goldendome.economics.presets import PresetCatalog, preset_problems

    cbo = cost_presets()["cbo-2026"]
    bad = cbo.model_copy(update={"part": [cbo.part[0].model_copy(update={"lines": ["sbii"]})]})
    found = preset_problems(PresetCatalog(preset=[bad]))
    assert [(f.path, f.value) for f in found] == [("preset[0].part[0].lines", "sbii")]


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
