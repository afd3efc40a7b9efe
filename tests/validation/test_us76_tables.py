"""Tests of the U.S. Standard Atmosphere 1976 against its published tables.

Reference values: *U.S. Standard Atmosphere, 1976*, NOAA/NASA/USAF, NOAA-S/T 76-1562
(Washington DC, 1976), part 4 tables of temperature, pressure and density versus geometric
altitude (-5 km to 1,000 km).
"""

import time

import numpy as np
import pytest

from goldendome.physics.atmosphere import (
    R0_M,
    us76_density_kg_m3,
    us76_pressure_pa,
    us76_temperature_k,
)

#: Allowed relative deviation from the published tables (1 %).
TABLE_REL_TOL = 0.01
#: Allowed deviation of a published temperature, K (tables give 0.01 K).
TEMPERATURE_TOL_K = 0.01
#: Allowed deviation of a published pressure, Pa (0.5 of the last table digit at 11 km).
PRESSURE_TOL_PA = 0.5

# NOAA-S/T 76-1562 densities, kg/m^3, keyed by altitude in km. The 5 km and 11 km entries
# are the table's rows at geopotential 5 km' and 11 km' (geometric 5.004 km, 11.019 km);
# checked here at geometric 5 km and 11 km they still agree within 0.05 % and 0.25 %.
PUBLISHED_DENSITY_KG_M3 = {
    0: 1.2250,
    1: 1.1117,
    5: 0.73612,
    10: 0.41351,
    11: 0.36391,
    15: 0.19476,
    20: 0.088910,
    25: 0.040084,
    30: 0.018410,
    40: 0.0039957,
    50: 0.0010269,
    60: 3.0968e-4,
    70: 8.2829e-5,
    80: 1.8458e-5,
    86: 6.958e-6,
    90: 3.416e-6,
    100: 5.604e-7,
    110: 9.708e-8,
    120: 2.222e-8,
    150: 2.076e-9,
    200: 2.541e-10,
    250: 6.073e-11,
    300: 1.916e-11,
    400: 2.803e-12,
    500: 5.215e-13,
    600: 1.137e-13,
    700: 3.070e-14,
    800: 1.136e-14,
    900: 5.759e-15,
    1000: 3.561e-15,
}


def _geometric_m(geopotential_m: float) -> float:
    """Geometric altitude of a geopotential height (NOAA-S/T 76-1562, Z = r0 H / (r0 - H))."""
    return R0_M * geopotential_m / (R0_M - geopotential_m)


@pytest.mark.parametrize(("altitude_km", "rho_ref"), sorted(PUBLISHED_DENSITY_KG_M3.items()))
def test_density_matches_published_table(altitude_km: int, rho_ref: float) -> None:
    rho = us76_density_kg_m3(altitude_km * 1000.0)
    assert abs(rho / rho_ref - 1.0) < TABLE_REL_TOL


def test_density_batch_matches_whole_table() -> None:
    altitude_m = np.array(list(PUBLISHED_DENSITY_KG_M3), dtype=float) * 1000.0
    rho_ref = np.array(list(PUBLISHED_DENSITY_KG_M3.values()))
    rel = np.abs(us76_density_kg_m3(altitude_m) / rho_ref - 1.0)
    assert np.all(rel < TABLE_REL_TOL)


def test_sea_level_values() -> None:
    # NOAA-S/T 76-1562 tables, Z = 0: 288.15 K, 101325 Pa.
    assert abs(us76_temperature_k(0.0) - 288.15) < TEMPERATURE_TOL_K
    assert abs(us76_pressure_pa(0.0) - 101_325.0) < PRESSURE_TOL_PA


def test_tropopause_at_geopotential_11_km() -> None:
    # NOAA-S/T 76-1562 tables, H = 11 km': 216.65 K, 2.2632e4 Pa, 3.6392e-1 kg/m^3.
    z = _geometric_m(11_000.0)
    assert abs(us76_temperature_k(z) - 216.65) < TEMPERATURE_TOL_K
    assert abs(us76_pressure_pa(z) - 22_632.0) < PRESSURE_TOL_PA
    assert abs(us76_density_kg_m3(z) / 0.36392 - 1.0) < TABLE_REL_TOL


def test_temperature_86_km_and_1000_km() -> None:
    # NOAA-S/T 76-1562: 186.87 K at 86 km (kinetic, after the M/M0 correction), 1000 K at
    # 1,000 km (the exospheric limit is reached to 0.001 K).
    assert abs(us76_temperature_k(86_000.0) - 186.87) < TEMPERATURE_TOL_K
    assert abs(us76_temperature_k(1_000_000.0) - 1000.0) < TEMPERATURE_TOL_K


def test_temperature_and_pressure_continuous_at_86_km() -> None:
    below, above = 86_000.0 - 1e-3, 86_000.0
    assert abs(us76_temperature_k(below) - us76_temperature_k(above)) < TEMPERATURE_TOL_K
    p_below, p_above = us76_pressure_pa(below), us76_pressure_pa(above)
    assert abs(p_below / p_above - 1.0) < TABLE_REL_TOL


def test_pressure_upper_atmosphere_matches_table() -> None:
    # NOAA-S/T 76-1562 tables: 86 km 3.7338e-1 Pa, 1,000 km 7.5138e-9 Pa.
    p = us76_pressure_pa(np.array([86_000.0, 1_000_000.0]))
    assert np.all(np.abs(p / np.array([3.7338e-1, 7.5138e-9]) - 1.0) < TABLE_REL_TOL)


def test_density_decreases_monotonically() -> None:
    altitude_m = np.arange(0.0, 1_000_000.0 + 1.0, 10.0)
    rho = us76_density_kg_m3(altitude_m)
    assert np.all(np.isfinite(rho))
    assert np.all(np.diff(rho) < 0.0)


def test_scalar_returns_zero_dimensional_array() -> None:
    rho = us76_density_kg_m3(30_000.0)
    assert rho.shape == ()
    assert rho.dtype == np.float64
    assert abs(rho / PUBLISHED_DENSITY_KG_M3[30] - 1.0) < TABLE_REL_TOL


def test_batch_shape_3_by_4_matches_elementwise() -> None:
    altitude_m = np.linspace(-4_000.0, 1_200_000.0, 12).reshape(3, 4)
    for func in (us76_density_kg_m3, us76_temperature_k, us76_pressure_pa):
        batch = func(altitude_m)
        assert batch.shape == (3, 4)
        single = np.array([func(a) for a in altitude_m.ravel()]).reshape(3, 4)
        np.testing.assert_array_equal(batch, single)


def test_nan_propagates() -> None:
    altitude_m = np.array([np.nan, 10_000.0, np.nan, 300_000.0])
    for func in (us76_density_kg_m3, us76_temperature_k, us76_pressure_pa):
        out = func(altitude_m)
        assert np.isnan(out[[0, 2]]).all()
        assert np.isfinite(out[[1, 3]]).all()


def test_below_sea_level_extrapolates_first_layer() -> None:
    # NOAA-S/T 76-1562 tables, Z = -5 km: 320.68 K, 1.7776e5 Pa, 1.9311 kg/m^3.
    assert abs(us76_temperature_k(-5_000.0) - 320.68) < TEMPERATURE_TOL_K
    assert abs(us76_pressure_pa(-5_000.0) / 1.7776e5 - 1.0) < TABLE_REL_TOL
    assert abs(us76_density_kg_m3(-5_000.0) / 1.9311 - 1.0) < TABLE_REL_TOL
    assert np.isnan(us76_density_kg_m3(-5_001.0))


def test_above_1000_km_exponential_tail() -> None:
    rho = us76_density_kg_m3(np.array([1_000_000.0, 1_100_000.0, 1_200_000.0]))
    # Continuous at 1,000 km, decreasing, with one scale height: equal ratios per 100 km.
    assert rho[1] < rho[0]
    assert abs((rho[1] / rho[0]) / (rho[2] / rho[1]) - 1.0) < 1e-12
    assert np.isnan(us76_temperature_k(1_100_000.0))
    assert np.isnan(us76_pressure_pa(1_100_000.0))


def test_setup_is_fast() -> None:
    from goldendome.physics import atmosphere

    atmosphere._upper_table.cache_clear()
    start = time.perf_counter()
    us76_density_kg_m3(200_000.0)
    assert time.perf_counter() - start < 0.3
