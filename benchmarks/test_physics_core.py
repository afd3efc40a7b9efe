"""Physics core: batch frame conversion of 1e6 points against pymap3d, in the same process."""

import numpy as np
import pymap3d
import pytest

from goldendome.physics.geodetic import ecef_to_geodetic, geodetic_to_ecef

N_POINTS = 1_000_000


@pytest.fixture(scope="module")
def points():
    rng = np.random.default_rng(0)
    lat = np.arcsin(rng.uniform(-1, 1, N_POINTS))
    lon = rng.uniform(-np.pi, np.pi, N_POINTS)
    h = rng.uniform(0.0, 2e6, N_POINTS)
    return lat, lon, h, geodetic_to_ecef(lat, lon, h)


@pytest.mark.benchmark(group="ecef_to_geodetic 1e6 points")
def test_ecef_to_geodetic_goldendome(benchmark, points):
    benchmark.extra_info["role"] = "goldendome"
    _, _, h = benchmark(ecef_to_geodetic, points[3])
    assert np.abs(h - points[2]).max() < 1e-3


@pytest.mark.benchmark(group="ecef_to_geodetic 1e6 points")
def test_ecef_to_geodetic_pymap3d(benchmark, points):
    benchmark.extra_info["role"] = "reference"
    r = points[3]
    benchmark(pymap3d.ecef2geodetic, r[:, 0], r[:, 1], r[:, 2], deg=False)


@pytest.mark.benchmark(group="geodetic_to_ecef 1e6 points")
def test_geodetic_to_ecef_goldendome(benchmark, points):
    benchmark.extra_info["role"] = "goldendome"
    r = benchmark(geodetic_to_ecef, *points[:3])
    assert r.shape == (N_POINTS, 3)


@pytest.mark.benchmark(group="geodetic_to_ecef 1e6 points")
def test_geodetic_to_ecef_pymap3d(benchmark, points):
    benchmark.extra_info["role"] = "reference"
    benchmark(pymap3d.geodetic2ecef, *points[:3], deg=False)
