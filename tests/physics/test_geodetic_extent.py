"""The kernels the architecture stage streams satellites through, against their NumPy
references: geodetic height band and latitude reach, and satellites in view from inertial
positions."""

import numpy as np
import pytest

from goldendome.physics.elevation_counts import (
    in_view_counts,
    in_view_counts_eci,
    in_view_counts_eci_reference,
    up_vectors,
)
from goldendome.physics.frames import eci_to_ecef
from goldendome.physics.geodetic import geodetic_to_ecef
from goldendome.physics.geodetic_extent import geodetic_extent, geodetic_extent_reference


def _tracks(n: int = 40, n_t: int = 25, seed: int = 3) -> np.ndarray:
    """Random points from 200 km to GEO altitude at every latitude, poles included."""
    rng = np.random.default_rng(seed)
    lat = rng.uniform(-np.pi / 2, np.pi / 2, (n, n_t))
    lat[0, 0], lat[1, 0] = np.pi / 2, -np.pi / 2
    lon = rng.uniform(-np.pi, np.pi, (n, n_t))
    height = rng.uniform(200e3, 36_000e3, (n, n_t))
    return geodetic_to_ecef(lat, lon, height)


def test_extent_matches_the_numpy_reference() -> None:
    r = _tracks()
    found = geodetic_extent(r)
    np.testing.assert_allclose(found, geodetic_extent_reference(r), rtol=1e-14, atol=1e-9)
    lat_known = np.abs(np.arcsin(r[..., 2] / np.linalg.norm(r, axis=-1))).max(axis=1)
    assert np.all(found[:, 2] >= lat_known - 1e-12)  # geodetic latitude >= geocentric
    assert found[0, 2] == pytest.approx(np.pi / 2)


def test_extent_of_known_heights() -> None:
    lat = np.radians([[10.0, -45.0, 80.0]])
    r = geodetic_to_ecef(lat, np.radians([[0.0, 120.0, -60.0]]), np.array([[400e3, 380e3, 420e3]]))
    low, high, reach = geodetic_extent(r)[0]
    assert low == pytest.approx(380e3, abs=1e-6)
    assert high == pytest.approx(420e3, abs=1e-6)
    assert reach == pytest.approx(np.radians(80.0), abs=1e-12)


def test_extent_rejects_a_wrong_shape() -> None:
    with pytest.raises(ValueError, match="n_track, n_time, 3"):
        geodetic_extent(np.zeros((4, 3)))


def test_counts_from_inertial_positions_equal_those_from_earth_fixed() -> None:
    r_eci = _tracks(60, 30, seed=5)
    theta = np.linspace(0.0, 2.0, 30)
    lat, lon = np.radians([64.3, 39.1, -35.0]), np.radians([-149.2, -121.4, 149.1])
    up = up_vectors(lat, lon)
    sites = geodetic_to_ecef(lat, lon, np.array([170.0, 60.0, 500.0]))
    masks = np.radians([3.0, 0.0, -2.0])
    found = in_view_counts_eci(r_eci, theta, up, sites, masks)
    assert np.array_equal(found, in_view_counts_eci_reference(r_eci, theta, up, sites, masks))
    assert np.array_equal(found, in_view_counts(eci_to_ecef(r_eci, theta), up, sites, masks))
    assert found.sum() > 0
