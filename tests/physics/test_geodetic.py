"""Geodetic <-> ECEF on WGS-84 against truth and against pymap3d."""

import numpy as np
import pymap3d

from goldendome.physics.constants import WGS84_A_M, WGS84_B_M
from goldendome.physics.geodetic import ecef_to_geodetic, geodetic_to_ecef

ONE_MILLIMETER = 1e-3
ONE_MICRO_ARCSEC_RAD = 4.85e-12


def random_geodetic(rng: np.random.Generator, n: int, max_height_m: float):
    lat = np.arcsin(rng.uniform(-1.0, 1.0, n))
    lon = rng.uniform(-np.pi, np.pi, n)
    h = rng.uniform(-5_000.0, max_height_m, n)
    # The poles and the equator, on the surface and at GEO height.
    lat[:6] = [np.pi / 2, -np.pi / 2, 0.0, 0.0, np.pi / 2, 0.0]
    h[:6] = [0.0, 0.0, 0.0, 35_786e3, 35_786e3, -5_000.0]
    return lat, lon, h


def test_round_trip_recovers_truth_to_a_millimeter_up_to_beyond_geo(rng):
    lat, lon, h = random_geodetic(rng, 100_000, max_height_m=43_000e3)
    r = geodetic_to_ecef(lat, lon, h)
    lat2, lon2, h2 = ecef_to_geodetic(r)
    assert np.abs(geodetic_to_ecef(lat2, lon2, h2) - r).max() < ONE_MILLIMETER
    assert np.abs(h2 - h).max() < ONE_MILLIMETER
    # Latitude error expressed as arc length at the point's distance from the center.
    assert (np.abs(lat2 - lat) * np.linalg.norm(r, axis=-1)).max() < ONE_MILLIMETER


def test_forward_matches_pymap3d(rng):
    lat, lon, h = random_geodetic(rng, 10_000, max_height_m=43_000e3)
    x, y, z = pymap3d.geodetic2ecef(lat, lon, h, deg=False)
    assert np.abs(np.stack([x, y, z], axis=-1) - geodetic_to_ecef(lat, lon, h)).max() < 1e-6


def test_inverse_matches_pymap3d_near_the_surface(rng):
    # pymap3d 3.2's ecef2geodetic drifts from the exact solution with height (8 mm at
    # 1,000 km, 3 m at 10,000 km, measured), so the comparison stays below 100 km.
    lat, lon, h = random_geodetic(rng, 10_000, max_height_m=100e3)
    h[3:5] = 0.0
    r = geodetic_to_ecef(lat, lon, h)
    lat_ref, lon_ref, h_ref = pymap3d.ecef2geodetic(r[:, 0], r[:, 1], r[:, 2], deg=False)
    lat2, lon2, h2 = ecef_to_geodetic(r)
    assert np.abs(h2 - h_ref).max() < ONE_MILLIMETER
    assert (np.abs(lat2 - lat_ref) * WGS84_A_M).max() < ONE_MILLIMETER
    mask = np.abs(lat) < np.pi / 2 - 1e-9  # longitude is arbitrary at the poles
    assert (np.abs(np.angle(np.exp(1j * (lon2 - lon_ref)))[mask]) * WGS84_A_M).max() < 1e-3


def test_known_points():
    assert np.allclose(geodetic_to_ecef(0.0, 0.0, 0.0), [WGS84_A_M, 0.0, 0.0], atol=1e-9)
    assert np.allclose(geodetic_to_ecef(np.pi / 2, 0.0, 0.0), [0.0, 0.0, WGS84_B_M], atol=1e-9)
    lat, _, h = ecef_to_geodetic(np.array([0.0, 0.0, -WGS84_B_M - 1000.0]))
    assert abs(lat + np.pi / 2) < ONE_MICRO_ARCSEC_RAD
    assert abs(h - 1000.0) < ONE_MILLIMETER


def test_scalar_and_batch_agree(rng):
    lat, lon, h = random_geodetic(rng, 12, max_height_m=1e6)
    batch = geodetic_to_ecef(lat.reshape(3, 4), lon.reshape(3, 4), h.reshape(3, 4))
    assert batch.shape == (3, 4, 3)
    one = geodetic_to_ecef(lat[5], lon[5], h[5])
    assert one.shape == (3,)
    assert np.array_equal(one, batch[1, 1])
    lat_b, _, h_b = ecef_to_geodetic(batch)
    assert lat_b.shape == (3, 4)
    lat_1, _, h_1 = ecef_to_geodetic(one)
    assert lat_1.shape == ()
    assert lat_1 == lat_b[1, 1]
    assert h_1 == h_b[1, 1]
