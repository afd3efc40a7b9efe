"""The radar horizon against the textbook's 4/3-Earth formula.

Source: M. I. Skolnik, *Introduction to Radar Systems*, 3rd ed. (McGraw-Hill, 2001), ch. 8 (propagation),
and Federal Standard 1037C, "radar line-of-sight equation" (effective Earth radius 4/3 of the
true one): d_km ~ 4.12 (sqrt(h1_m) + sqrt(h2_m)), terrain ignored. The textbook example: a
target at 30 m seen from a 10 m mast at about 35 km (4.12 x (3.162 + 5.477) = 35.59 km).

Tolerance: 0.1 km at these heights, and 0.1% on the constant: the textbook's 4.12 is
sqrt(2 x 4/3 x 6,371 km) = 4.1218 rounded to three digits (0.04%), and our tangent distance
sqrt(2 k R h + h^2) adds the h^2 term the textbook drops (under 0.1% below 10 km).
"""

import numpy as np

from goldendome.sensors.radar_horizon import horizon_distance_m, radar_horizon_range_m

TEXTBOOK_KM_PER_SQRT_M = 4.12


def test_a_30_m_target_from_a_10_m_mast() -> None:
    ours_km = float(radar_horizon_range_m(10.0, 30.0)) / 1e3
    textbook_km = TEXTBOOK_KM_PER_SQRT_M * (np.sqrt(10.0) + np.sqrt(30.0))
    assert abs(textbook_km - 35.59) < 0.01
    assert abs(ours_km - textbook_km) < 0.1  # 35.61 km: +0.02 km
    assert 35.0 < ours_km < 36.0  # "about 35 km"


def test_the_textbook_constant_over_mast_and_aircraft_heights() -> None:
    height_m = np.array([1.0, 10.0, 30.0, 100.0, 1_000.0, 9_000.0])
    constant = horizon_distance_m(height_m) / 1e3 / np.sqrt(height_m)
    assert np.abs(constant / TEXTBOOK_KM_PER_SQRT_M - 1.0).max() < 1e-3  # 4.1218-4.1220
