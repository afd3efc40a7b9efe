"""Tests for goldendome.physics.topocentric, checked against pymap3d (an independent,
widely used implementation of the same ENU/AER conventions, WGS-84 by default)."""

import numpy as np
import pymap3d

from goldendome.physics.constants import TWO_PI
from goldendome.physics.geodetic import geodetic_to_ecef
from goldendome.physics.topocentric import (
    aer_to_enu,
    ecef_to_aer,
    ecef_to_enu,
    enu_to_aer,
    enu_to_ecef,
)

ONE_MILLIMETER = 1e-3
ONE_NANORADIAN = 1e-9
N = 2_000


def _random_case(rng: np.random.Generator, n: int) -> tuple[np.ndarray, ...]:
    """Random sites (including the poles and the equator) and targets up to GEO distance."""
    lat = rng.uniform(-np.pi / 2, np.pi / 2, n)
    lat[:3] = [np.pi / 2, -np.pi / 2, 0.0]
    lon = rng.uniform(-np.pi, np.pi, n)
    h = rng.uniform(-100.0, 5_000.0, n)
    origin = geodetic_to_ecef(lat, lon, h)
    direction = rng.normal(size=(n, 3))
    direction /= np.linalg.norm(direction, axis=-1, keepdims=True)
    distance = 10.0 ** rng.uniform(2.0, 7.6, n)  # 100 m to about 40,000 km
    target = origin + direction * distance[:, None]
    return lat, lon, h, origin, target


def _angle_diff(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.abs(np.angle(np.exp(1j * (a - b))))


def test_ecef_to_enu_matches_pymap3d() -> None:
    rng = np.random.default_rng(1)
    lat, lon, h, origin, target = _random_case(rng, N)
    enu = ecef_to_enu(target, lat, lon, origin)
    e, n, u = pymap3d.ecef2enu(*target.T, lat, lon, h, deg=False)
    assert np.abs(enu - np.stack([e, n, u], axis=-1)).max() < ONE_MILLIMETER


def test_ecef_to_aer_matches_pymap3d() -> None:
    rng = np.random.default_rng(2)
    lat, lon, h, origin, target = _random_case(rng, N)
    az, el, rng_m = ecef_to_aer(target, lat, lon, origin)
    az_ref, el_ref, rng_ref = pymap3d.ecef2aer(*target.T, lat, lon, h, deg=False)
    assert np.all((az >= 0.0) & (az < TWO_PI))
    assert _angle_diff(az, az_ref).max() < ONE_NANORADIAN
    assert np.abs(el - el_ref).max() < ONE_NANORADIAN
    assert np.abs(rng_m - rng_ref).max() < ONE_MILLIMETER


def test_enu_to_aer_matches_pymap3d() -> None:
    rng = np.random.default_rng(3)
    enu = rng.normal(size=(N, 3)) * 1.0e6
    az, el, rng_m = enu_to_aer(enu)
    az_ref, el_ref, rng_ref = pymap3d.enu2aer(*enu.T, deg=False)
    assert _angle_diff(az, az_ref).max() < ONE_NANORADIAN
    assert np.abs(el - el_ref).max() < ONE_NANORADIAN
    assert np.abs(rng_m - rng_ref).max() < ONE_MILLIMETER


def test_cardinal_directions() -> None:
    # From the equator at longitude 0, +z is north, +y is east, +x is up.
    origin = geodetic_to_ecef(0.0, 0.0, 0.0)
    for offset, az_expected, el_expected in [
        ((0.0, 0.0, 1.0e3), 0.0, 0.0),
        ((0.0, 1.0e3, 0.0), np.pi / 2, 0.0),
        ((0.0, 0.0, -1.0e3), np.pi, 0.0),
        ((0.0, -1.0e3, 0.0), 1.5 * np.pi, 0.0),
        ((1.0e3, 0.0, 0.0), 0.0, np.pi / 2),
    ]:
        az, el, rng_m = ecef_to_aer(origin + np.array(offset), 0.0, 0.0, origin)
        assert abs(az - az_expected) < ONE_NANORADIAN
        assert abs(el - el_expected) < ONE_NANORADIAN
        assert abs(rng_m - 1.0e3) < ONE_MILLIMETER


def test_round_trips() -> None:
    rng = np.random.default_rng(4)
    lat, lon, _, origin, target = _random_case(rng, N)
    enu = ecef_to_enu(target, lat, lon, origin)
    assert np.abs(enu_to_ecef(enu, lat, lon, origin) - target).max() < ONE_MILLIMETER
    assert np.abs(aer_to_enu(*enu_to_aer(enu)) - enu).max() < ONE_MILLIMETER
    # The rotation preserves lengths.
    length_error = np.linalg.norm(enu, axis=-1) - np.linalg.norm(target - origin, axis=-1)
    assert np.abs(length_error).max() < ONE_MILLIMETER


def test_azimuth_half_open_interval() -> None:
    # A target a hair west of due north gives an azimuth just below 2 pi, never 2 pi itself.
    az, _, _ = enu_to_aer(np.array([[-1e-300, 1.0, 0.0], [-0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]))
    assert np.all((az >= 0.0) & (az < TWO_PI))


def test_scalar_and_batch_agree() -> None:
    rng = np.random.default_rng(5)
    lat, lon, _, origin, target = _random_case(rng, 5)
    az, el, rng_m = ecef_to_aer(target, lat, lon, origin)
    for i in range(5):
        az_i, el_i, rng_i = ecef_to_aer(target[i], lat[i], lon[i], origin[i])
        assert np.shape(az_i) == ()
        assert np.shape(el_i) == ()
        assert np.shape(rng_i) == ()
        assert az_i == az[i]
        assert el_i == el[i]
        assert rng_i == rng_m[i]
    assert ecef_to_enu(target[0], lat[0], lon[0], origin[0]).shape == (3,)
    assert aer_to_enu(az[0], el[0], rng_m[0]).shape == (3,)


def test_broadcast_sites_against_satellites() -> None:
    rng = np.random.default_rng(6)
    n_site, n_sat = 4, 7
    lat = rng.uniform(-1.4, 1.4, (n_site, 1))
    lon = rng.uniform(-np.pi, np.pi, (n_site, 1))
    sites = geodetic_to_ecef(lat, lon, 0.0)  # (n_site, 1, 3)
    sats = geodetic_to_ecef(rng.uniform(-1.4, 1.4, n_sat), rng.uniform(-3, 3, n_sat), 5.0e5)
    az, el, rng_m = ecef_to_aer(sats[None, :, :], lat, lon, sites)
    assert az.shape == el.shape == rng_m.shape == (n_site, n_sat)
    for i in range(n_site):
        for j in range(n_sat):
            az_ij, el_ij, rng_ij = ecef_to_aer(sats[j], lat[i, 0], lon[i, 0], sites[i, 0])
            assert abs(az[i, j] - az_ij) < ONE_NANORADIAN
            assert abs(el[i, j] - el_ij) < ONE_NANORADIAN
            assert abs(rng_m[i, j] - rng_ij) < ONE_MILLIMETER


def test_enu_axes_are_orthonormal_and_right_handed():
    from goldendome.physics.topocentric import enu_axes_ecef

    rng = np.random.default_rng(5)
    lat = np.arcsin(rng.uniform(-1, 1, 100))
    lon = rng.uniform(-np.pi, np.pi, 100)
    east, north, up = enu_axes_ecef(lat, lon)
    for a in (east, north, up):
        assert np.allclose(np.linalg.norm(a, axis=-1), 1.0)
    assert np.allclose(np.cross(east, north), up)
    assert np.allclose(np.sum(east * up, -1), 0.0, atol=1e-15)
    assert enu_axes_ecef(0.1, 0.2)[0].shape == (3,)
