"""The closed-form SBI estimator against the physics it shortcuts and published geometry.

Validation source (tests/validation/published.toml, [[absentee_ratio_uniform]]):
spherical-cap geometry (Garwin; APS 2003): reach 500 / 1,000 / 2,000 km -> absentee ratio
650 / 163 / 40.9 with R_E = 6,371 km; tolerance 2%.
"""

import math
import tomllib
from pathlib import Path

import numpy as np
import pytest

from goldendome.economics.quick import (
    absentee_ratio,
    booster_mass_kg,
    estimate,
    kill_vehicle_reach_m,
    quick_defaults,
)
from goldendome.interceptors.space_based import KillVehicle
from goldendome.physics.constants import G0_M_S2

PUBLISHED = Path(__file__).parents[1] / "validation" / "published.toml"
CASES = tomllib.loads(PUBLISHED.read_text())["absentee_ratio_uniform"][0]["cases"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['reach_km']:.0f} km")
def test_a_uniform_shell_gives_the_published_absentee_ratio(case):
    _, ratio = absentee_ratio(case["reach_km"] * 1e3, math.pi / 2, 6_371e3)
    assert ratio == pytest.approx(case["absentee_ratio"], rel=0.02)


def test_a_latitude_band_concentrates_the_constellation():
    _, everywhere = absentee_ratio(1e6, math.pi / 2)
    _, band = absentee_ratio(1e6, math.radians(30.0))
    assert band == pytest.approx(everywhere * 0.5)  # sin 30 deg: half the sphere's area


def test_reach_is_the_kill_vehicles_own():
    vehicle = KillVehicle(delta_v_m_s=4_000.0, acceleration_m_s2=98.0)
    t = np.linspace(0.0, 300.0, 61)
    assert kill_vehicle_reach_m(t, 4_000.0, 98.0) == pytest.approx(vehicle.reach_m(t))


def test_the_rocket_equation_with_no_structure_is_tsiolkovsky():
    ve = 290.0 * G0_M_S2
    booster = booster_mass_kg(60.0, 4_000.0, 290.0, 0.0)
    assert booster == pytest.approx(60.0 * (math.exp(4_000.0 / ve) - 1.0))


def test_an_impossible_booster_is_nan_not_an_error():
    assert np.isnan(booster_mass_kg(60.0, 8_000.0, 290.0, 0.2))
    result = estimate(delta_v_m_s=np.array([4_000.0, 8_000.0]), inert_fraction=0.2)
    assert np.isfinite(result.total_usd[0])
    assert np.isnan(result.total_usd[1])


def test_the_count_scales_with_salvo_and_shots():
    one = estimate(salvo=1, shots_per_missile=1.0)
    ten = estimate(salvo=10, shots_per_missile=2.0)
    assert ten.sbi_count == pytest.approx(np.ceil(one.absentee_ratio * 20 - 1e-9))


def test_twenty_years_at_a_five_year_life_buy_four_generations():
    d = quick_defaults()
    r = estimate()
    assert r.procurement_usd == pytest.approx(4 * r.sbi_count * d["unit_cost_usd"])
    assert r.total_usd == pytest.approx(r.procurement_usd + r.launch_usd + r.o_and_s_usd)


def test_a_grid_of_designs_equals_one_design_at_a_time():
    dv = np.array([3_500.0, 4_000.0, 4_500.0])[:, None]
    acc = np.array([100.0, 200.0])[None, :]
    grid = estimate(delta_v_m_s=dv, acceleration_m_s2=acc)
    assert grid.sbi_count.shape == (3, 2)
    for i in range(3):
        for j in range(2):
            one = estimate(delta_v_m_s=dv[i, 0], acceleration_m_s2=acc[0, j])
            assert grid.total_usd[i, j] == pytest.approx(float(one.total_usd))
    # More delta-v reaches farther and needs fewer SBIs.
    assert np.all(np.diff(grid.sbi_count, axis=0) <= 0)


def test_a_kill_vehicle_that_cannot_climb_in_time_gives_nan():
    slow = estimate(acceleration_m_s2=20.0, delta_v_m_s=2_000.0)
    assert slow.fraction_in_reach == 0.0
    assert np.isnan(slow.sbi_count)
    assert np.isnan(slow.total_usd)


def test_an_unknown_input_is_named():
    with pytest.raises(TypeError, match="unknown estimator input"):
        estimate(delta_v=4.0)
