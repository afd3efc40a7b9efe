"""Tests for goldendome.physics.visibility: Earth occlusion, grazing altitude, horizon and
coverage geometry."""

import math

import numpy as np
import pytest

from goldendome.physics.constants import R_EARTH_MEAN_M, WGS84_A_M, WGS84_B_M
from goldendome.physics.geodetic import ecef_to_geodetic, geodetic_to_ecef
from goldendome.physics.visibility import (
    SURFACE_TOLERANCE_M,
    grazing_altitude_m,
    horizon_elevation_rad,
    line_of_sight,
    max_ground_range_m,
)

ONE_MILLIMETER = 1e-3
ONE_MICRORADIAN = 1e-6
N_SAMPLES = 10_000
# Altitude sampling error of 10,000 samples over segments up to ~17,000 km long (spacing
# 1.7 km): the altitude near its minimum is parabolic, (0.85 km)^2 / (2 * 6,400 km) < 0.1 m.
SAMPLING_TOLERANCE_M = 0.5
# Documented stand-in error of the (a + h, b + h) ellipsoid for a non-zero grazing altitude.
STAND_IN_RELATIVE_ERROR = 1.4e-6
# Geostationary radius, 42,164.17 km (Vallado 2013, sec. 2.2).
GEO_RADIUS_M = 42_164_170.0
IR_GRAZING_ALTITUDE_M = 50_000.0


def _random_positions(rng: np.random.Generator, n: int, h_min: float, h_max: float) -> np.ndarray:
    lat = np.arcsin(rng.uniform(-1.0, 1.0, n))
    lon = rng.uniform(-np.pi, np.pi, n)
    return geodetic_to_ecef(lat, lon, rng.uniform(h_min, h_max, n))


def _sampled_min_altitude(r1: np.ndarray, r2: np.ndarray, ellipsoid: bool) -> np.ndarray:
    """Brute force: lowest altitude among N_SAMPLES points evenly spread on each segment."""
    t = np.linspace(0.0, 1.0, N_SAMPLES)
    points = r1[:, None, :] + t[None, :, None] * (r2 - r1)[:, None, :]
    if ellipsoid:
        return np.asarray(ecef_to_geodetic(points)[2].min(axis=1))
    return np.asarray(np.linalg.norm(points, axis=-1).min(axis=1) - R_EARTH_MEAN_M)


def _pairs(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of LEO/MEO positions, many near the visibility boundary."""
    return _random_positions(rng, n, 100e3, 3_000e3), _random_positions(rng, n, 100e3, 3_000e3)


def test_obvious_cases() -> None:
    # Opposite sides of the Earth at 500 km: the segment passes through the center.
    a = geodetic_to_ecef(0.3, 0.2, 500e3)
    b = geodetic_to_ecef(-0.3, 0.2 + math.pi, 500e3)
    assert not line_of_sight(a, b)
    assert not line_of_sight(a, b, ellipsoid=False)
    assert grazing_altitude_m(a, b) < -6_000e3
    # Two satellites 100 km apart: visible, lowest point close to their altitude.
    c = geodetic_to_ecef(0.3, 0.2 + 100e3 / 6.9e6, 500e3)
    assert line_of_sight(a, c)
    assert line_of_sight(a, c, ellipsoid=False)
    assert 499e3 < grazing_altitude_m(a, c) <= 500e3
    # A site on the ellipsoid sees the zenith, not a point 1 degree below its horizon.
    site = geodetic_to_ecef(0.7, -1.2, 0.0)
    up = geodetic_to_ecef(0.7, -1.2, 1_000e3)
    assert line_of_sight(site, up)
    assert abs(grazing_altitude_m(site, up)) < ONE_MILLIMETER
    assert not line_of_sight(geodetic_to_ecef(0.0, 0.0, 0.0), geodetic_to_ecef(0.0, 0.6, 1e4))


def test_ellipsoid_matters_near_the_pole() -> None:
    # A chord between two points 10 km up across the pole (4 deg of arc apart) dips about
    # 4 km below them. It clears the ellipsoid (polar radius b) but not the mean sphere
    # (R exceeds b by 14.2 km).
    r1 = geodetic_to_ecef(math.radians(88.0), 0.0, 10e3)
    r2 = geodetic_to_ecef(math.radians(88.0), math.pi, 10e3)
    low = grazing_altitude_m(r1, r2)
    assert R_EARTH_MEAN_M - WGS84_B_M > 14e3
    assert 5e3 < low < 7e3
    assert line_of_sight(r1, r2)
    assert not line_of_sight(r1, r2, ellipsoid=False)


@pytest.mark.parametrize("ellipsoid", [True, False])
@pytest.mark.parametrize("grazing_m", [0.0, IR_GRAZING_ALTITUDE_M])
def test_agrees_with_brute_force_sampling(ellipsoid: bool, grazing_m: float) -> None:
    rng = np.random.default_rng(21 + int(ellipsoid) + int(grazing_m))
    r1, r2 = _pairs(rng, 150)
    visible = line_of_sight(r1, r2, grazing_altitude_m=grazing_m, ellipsoid=ellipsoid)
    brute = _sampled_min_altitude(r1, r2, ellipsoid)
    expected = brute >= grazing_m
    # Disagreement is allowed only within the sampling error (and, for a non-zero grazing
    # altitude on the ellipsoid, the documented stand-in error) of the boundary.
    band = SAMPLING_TOLERANCE_M + (STAND_IN_RELATIVE_ERROR * grazing_m if ellipsoid else 0.0)
    clear_cut = np.abs(brute - grazing_m) > band
    assert np.array_equal(visible[clear_cut], expected[clear_cut])
    assert clear_cut.mean() > 0.95
    assert 20 < visible.sum() < 130  # both outcomes well represented


@pytest.mark.parametrize("ellipsoid", [True, False])
def test_grazing_altitude_matches_refined_brute_force(ellipsoid: bool) -> None:
    rng = np.random.default_rng(31 + int(ellipsoid))
    r1, r2 = _pairs(rng, 100)
    low = grazing_altitude_m(r1, r2, ellipsoid=ellipsoid)
    # Brute force in two stages: N_SAMPLES points, then N_SAMPLES more around the lowest.
    t = np.linspace(0.0, 1.0, N_SAMPLES)
    d = r2 - r1
    alt = _sampled_min_altitude(r1, r2, ellipsoid)
    points = r1[:, None, :] + t[None, :, None] * d[:, None, :]
    i = (ecef_to_geodetic(points)[2] if ellipsoid else np.linalg.norm(points, axis=-1)).argmin(1)
    lo, hi = t[np.maximum(i - 1, 0)], t[np.minimum(i + 1, N_SAMPLES - 1)]
    t2 = lo[:, None] + (hi - lo)[:, None] * t[None, :]
    points = r1[:, None, :] + t2[:, :, None] * d[:, None, :]
    if ellipsoid:
        refined = ecef_to_geodetic(points)[2].min(axis=1)
    else:
        refined = np.linalg.norm(points, axis=-1).min(axis=1) - R_EARTH_MEAN_M
    above = refined > 0.0
    assert 20 < above.sum() < 80
    assert np.abs(low - refined)[above].max() < ONE_MILLIMETER
    assert np.all(refined <= alt + ONE_MILLIMETER)
    # Below the surface the value is a depth estimate, but its sign is exact.
    assert np.array_equal(low > 0.0, above)


def test_line_of_sight_consistent_with_grazing_altitude() -> None:
    rng = np.random.default_rng(41)
    r1, r2 = _pairs(rng, 2_000)
    low = grazing_altitude_m(r1, r2)
    for h in (0.0, IR_GRAZING_ALTITUDE_M, 300e3):
        visible = line_of_sight(r1, r2, grazing_altitude_m=h)
        clear_cut = np.abs(low - h) > STAND_IN_RELATIVE_ERROR * h + SURFACE_TOLERANCE_M
        assert np.array_equal(visible[clear_cut], (low >= h)[clear_cut])


def test_broadcast_sites_against_satellites() -> None:
    rng = np.random.default_rng(51)
    n_site, n_sat = 5, 40
    sites = _random_positions(rng, n_site, 0.0, 0.0)[:, None, :]
    sats = _random_positions(rng, n_sat, 300e3, 2_000e3)[None, :, :]
    visible = line_of_sight(sites, sats)
    low = grazing_altitude_m(sites, sats)
    ir = line_of_sight(sites, sats, grazing_altitude_m=np.full((n_site, 1), 1e3))
    assert visible.shape == low.shape == ir.shape == (n_site, n_sat)
    for i in range(n_site):
        for j in range(n_sat):
            assert visible[i, j] == line_of_sight(sites[i, 0], sats[0, j])
            assert low[i, j] == grazing_altitude_m(sites[i, 0], sats[0, j])
    assert 0 < visible.sum() < visible.size
    # A ground site never clears a grazing altitude above itself.
    assert not ir.any()


def test_scalar_and_batch_agree() -> None:
    rng = np.random.default_rng(61)
    r1, r2 = _pairs(rng, 6)
    for ellipsoid in (True, False):
        vis = line_of_sight(r1, r2, ellipsoid=ellipsoid)
        low = grazing_altitude_m(r1, r2, ellipsoid=ellipsoid)
        for k in range(6):
            single = line_of_sight(r1[k], r2[k], ellipsoid=ellipsoid)
            assert single.shape == ()
            assert single == vis[k]
            assert grazing_altitude_m(r1[k], r2[k], ellipsoid=ellipsoid) == low[k]
    # A degenerate segment (one point) is judged by that point's altitude.
    assert line_of_sight(r1[0], r1[0])
    assert not line_of_sight(0.5 * r1[0], 0.5 * r1[0])


def test_horizon_elevation() -> None:
    # From GEO the Earth's angular radius is rho = asin(R / (R + H)) = 8.69 deg (SMAD 3rd
    # ed., sec. 5.2, with R = 6,371 km), so the limb is at -(90 - 8.69) = -81.31 deg.
    el = horizon_elevation_rad(GEO_RADIUS_M - R_EARTH_MEAN_M)
    assert abs(math.degrees(el) - (-81.309)) < 1e-3
    assert horizon_elevation_rad(0.0) == 0.0
    # Elevation of the 50 km limb from 500 km up, against a direct computation.
    r_o, r_t = R_EARTH_MEAN_M + 500e3, R_EARTH_MEAN_M + IR_GRAZING_ALTITUDE_M
    ir = horizon_elevation_rad(500e3, IR_GRAZING_ALTITUDE_M)
    assert abs(ir - (-math.acos(r_t / r_o))) < ONE_MICRORADIAN
    assert horizon_elevation_rad(500e3, IR_GRAZING_ALTITUDE_M) > horizon_elevation_rad(500e3)
    # Batch, broadcasting and the failure value (observer below the shell: no limb).
    batch = horizon_elevation_rad(np.array([[0.0], [500e3]]), np.array([0.0, 100e3]))
    assert batch.shape == (2, 2)
    assert batch[0, 0] == 0.0
    assert np.isnan(batch[0, 1])
    assert batch[1, 1] == horizon_elevation_rad(500e3, 100e3)
    # A tiny height above the surface keeps full precision: el ~ -sqrt(2 h / R).
    assert abs(horizon_elevation_rad(1.0) + math.sqrt(2.0 / R_EARTH_MEAN_M)) < 1e-10


def test_max_ground_range_smad_case() -> None:
    # Hand computation with the formulas of SMAD 3rd ed. (Larson and Wertz 1999), sec. 5.2,
    # R = 6,378.14 km, satellite at H = 1,000 km, minimum elevation 10 deg:
    # sin rho = R/(R+H) -> rho = 59.8216 deg; sin eta = cos(eps) sin(rho) -> eta = 58.3568
    # deg; lambda = 90 - eps - eta = 21.6432 deg; ground range = lambda * R = 2,409.31 km.
    radius = 6_378_140.0
    ground = max_ground_range_m(0.0, 1_000e3, math.radians(10.0), radius_m=radius)
    assert abs(math.degrees(ground / radius) - 21.6432) < 1e-4
    assert abs(ground - 2_409.31e3) < 10.0


def test_max_ground_range_geometry() -> None:
    rng = np.random.default_rng(71)
    n = 1_000
    h_o = rng.uniform(0.0, 2_000e3, n)
    h_t = rng.uniform(0.0, 40_000e3, n)
    el = rng.uniform(-0.5, 1.5, n)
    ground = max_ground_range_m(h_o, h_t, el)
    ok = np.isfinite(ground)
    assert 100 < ok.sum() < n
    # Place the object at that central angle and measure its elevation from the observer.
    lam = ground[ok] / R_EARTH_MEAN_M
    r_o = R_EARTH_MEAN_M + h_o[ok]
    r_t = R_EARTH_MEAN_M + h_t[ok]
    dx, dy = r_t * np.cos(lam) - r_o, r_t * np.sin(lam)
    measured = np.arctan2(dx, dy)
    assert np.abs(measured - el[ok]).max() < ONE_MICRORADIAN
    # And the line of sight to it clears the Earth (sphere of the same radius).
    r1 = np.stack([r_o, 0 * r_o, 0 * r_o], axis=-1)
    r2 = np.stack([r_t * np.cos(lam), r_t * np.sin(lam), 0 * r_t], axis=-1)
    assert line_of_sight(r1, r2, ellipsoid=False).all()
    # Elevation 0 from the ground reaches the horizon: cos(lambda) = R / (R + h).
    horizon = max_ground_range_m(0.0, 500e3, 0.0)
    expected = math.acos(R_EARTH_MEAN_M / (R_EARTH_MEAN_M + 500e3)) * R_EARTH_MEAN_M
    assert abs(horizon - expected) < ONE_MILLIMETER
    # Looking below the horizon from the ground: blocked by the Earth.
    assert np.isnan(max_ground_range_m(0.0, 500e3, -0.01))
    # A satellite looking down at its limb sees the ground at the horizon elevation.
    el_limb = horizon_elevation_rad(800e3)
    limb = max_ground_range_m(800e3, 0.0, el_limb)
    assert abs(limb + el_limb * R_EARTH_MEAN_M) < ONE_MILLIMETER


def test_scalar_shapes_of_spherical_formulas() -> None:
    assert np.shape(max_ground_range_m(0.0, 500e3, 0.1)) == ()
    batch = max_ground_range_m(0.0, np.array([500e3, 1_000e3]), np.array([[0.1], [0.2]]))
    assert batch.shape == (2, 2)
    assert batch[1, 0] == max_ground_range_m(0.0, 500e3, 0.2)


def test_bad_input_raises() -> None:
    with pytest.raises(ValueError, match="positions must have 3 components"):
        line_of_sight(np.zeros((4, 2)), np.zeros((4, 2)))
    with pytest.raises(ValueError, match="grazing_altitude_m must exceed -b/2"):
        line_of_sight(np.zeros(3), np.ones(3), grazing_altitude_m=-WGS84_A_M)
    with pytest.raises(ValueError, match="radius_m must be a positive length"):
        horizon_elevation_rad(1e3, radius_m=-1.0)
    with pytest.raises(ValueError, match="not degrees"):
        max_ground_range_m(0.0, 500e3, 10.0)
