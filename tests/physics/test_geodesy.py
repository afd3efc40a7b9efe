"""Tests for goldendome.physics.geodesy: great circles on a sphere, WGS-84 geodesics."""

import math

import numpy as np
import pytest
from scipy.integrate import quad

from goldendome.physics.constants import R_EARTH_MEAN_M, TWO_PI, WGS84_A_M, WGS84_B_M, WGS84_E2
from goldendome.physics.geodesy import (
    geodesic_direct,
    geodesic_inverse,
    great_circle_azimuth_rad,
    great_circle_destination,
    great_circle_distance_m,
)

ONE_MILLIMETER = 1e-3
ONE_MICROMETER = 1e-6
ONE_NANORADIAN = 1e-9
# Karney (2013) tabulates angles to 1e-11 deg; 1e-11 deg = 1.7e-13 rad.
KARNEY_ANGLE_TOLERANCE_RAD = math.radians(1e-10)

# WGS-84 quarter meridian, pole to equator: 10,001,965.729 m ("Meridian arc", Wikipedia,
# table of quarter meridians; also GeographicLib's documentation). Checked below against a
# direct numerical integration of the meridian arc.
WGS84_QUARTER_MERIDIAN_M = 10_001_965.729


def _random_points(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Points uniform on the sphere, latitude and longitude in radians."""
    return np.arcsin(rng.uniform(-1.0, 1.0, n)), rng.uniform(-np.pi, np.pi, n)


# --- WGS-84 geodesics ----------------------------------------------------------------------


def test_karney_direct_example() -> None:
    # Karney, "Algorithms for geodesics", J. Geodesy 87 (2013), table 2: from 40 deg N,
    # azimuth 30 deg, 10,000 km -> 41.79331020506 deg N, 137.84490004377 deg E, azi2
    # 149.09016931807 deg.
    lat2, lon2, back_az = geodesic_direct(math.radians(40.0), 0.0, math.radians(30.0), 10.0e6)
    assert abs(lat2 - math.radians(41.79331020506)) < KARNEY_ANGLE_TOLERANCE_RAD
    assert abs(lon2 - math.radians(137.84490004377)) < KARNEY_ANGLE_TOLERANCE_RAD
    assert abs(back_az - math.radians(149.09016931807 + 180.0)) < KARNEY_ANGLE_TOLERANCE_RAD


def test_karney_inverse_example() -> None:
    # Karney (2013), table 5: (-30 deg, 0) to (29.9 deg, 179.8 deg), nearly antipodal:
    # s12 = 19,989,832.827610 m, azi1 = 161.890524 deg (table gives 6 decimals here).
    dist, az1, az2 = geodesic_inverse(
        math.radians(-30.0), 0.0, math.radians(29.9), math.radians(179.8)
    )
    assert abs(dist - 19_989_832.827610) < ONE_MILLIMETER
    assert abs(az1 - math.radians(161.890524)) < math.radians(1e-6)
    # The forward azimuth at the end, followed backwards, must return to the start.
    lat, lon, _ = geodesic_direct(math.radians(29.9), math.radians(179.8), az2, -dist)
    assert abs(lat - math.radians(-30.0)) < ONE_NANORADIAN
    assert abs(np.angle(np.exp(1j * lon))) < ONE_NANORADIAN


def test_karney_short_line_example() -> None:
    # Karney (2013), table 3: (-30.12345, 0) to (-30.12344, 0.00005) deg: s12 = 4.944208 m,
    # azi1 = 77.043533 deg, azi2 = 77.043508 deg.
    dist, az1, az2 = geodesic_inverse(
        math.radians(-30.12345), 0.0, math.radians(-30.12344), math.radians(0.00005)
    )
    assert abs(dist - 4.944208) < ONE_MICROMETER
    assert abs(az1 - math.radians(77.043533)) < math.radians(1e-6)
    assert abs(az2 - math.radians(77.043508)) < math.radians(1e-6)


def test_quarter_meridian_and_quarter_equator() -> None:
    meridian_integral, _ = quad(
        lambda phi: WGS84_A_M * (1 - WGS84_E2) / (1 - WGS84_E2 * math.sin(phi) ** 2) ** 1.5,
        0.0,
        0.5 * math.pi,
        epsabs=1e-9,
    )
    assert abs(meridian_integral - WGS84_QUARTER_MERIDIAN_M) < ONE_MILLIMETER
    dist, az1, az2 = geodesic_inverse(0.0, 0.3, 0.5 * math.pi, 0.3)
    assert abs(dist - meridian_integral) < ONE_MILLIMETER
    assert abs(az1) < ONE_NANORADIAN
    assert abs(az2) < ONE_NANORADIAN
    # Along the equator the geodesic is the equator itself: a quarter is pi/2 * a.
    dist, az1, az2 = geodesic_inverse(0.0, -1.0, 0.0, -1.0 + 0.5 * math.pi)
    assert abs(dist - 0.5 * math.pi * WGS84_A_M) < ONE_MILLIMETER
    assert abs(az1 - 0.5 * math.pi) < ONE_NANORADIAN
    assert abs(az2 - 0.5 * math.pi) < ONE_NANORADIAN


def test_equatorial_antipodes_and_coincident_points() -> None:
    # Between antipodes on the equator the shortest path runs over a pole (the equator is
    # longer, pi * a > 2 * quarter meridian): two quarter meridians.
    dist, _, _ = geodesic_inverse(0.0, 0.0, 0.0, math.pi)
    assert abs(dist - 2.0 * WGS84_QUARTER_MERIDIAN_M) < ONE_MILLIMETER
    assert math.pi * WGS84_A_M > 2.0 * WGS84_QUARTER_MERIDIAN_M
    dist, az1, az2 = geodesic_inverse(0.7, 1.1, 0.7, 1.1)
    assert dist == 0.0
    assert np.isfinite(az1)
    assert np.isfinite(az2)


def test_geodesic_round_trip_batch() -> None:
    rng = np.random.default_rng(11)
    n = 20_000
    lat1, lon1 = _random_points(rng, n)
    az = rng.uniform(0.0, TWO_PI, n)
    dist = rng.uniform(0.0, 19.9e6, n)
    lat2, lon2, back_az = geodesic_direct(lat1, lon1, az, dist)
    dist_back, az1_back, az2_back = geodesic_inverse(lat1, lon1, lat2, lon2)
    assert np.abs(dist_back - dist).max() < ONE_MILLIMETER
    # Karney's inverse may pick a different but equally short geodesic for (nearly)
    # antipodal pairs; elsewhere the azimuths must agree.
    unique = dist < 19.0e6
    wrap = np.abs(np.angle(np.exp(1j * (az1_back - az))))
    assert wrap[unique].max() < ONE_NANORADIAN
    wrap2 = np.abs(np.angle(np.exp(1j * (az2_back + np.pi - back_az))))
    assert wrap2[unique].max() < ONE_NANORADIAN
    assert np.all((back_az >= 0) & (back_az < TWO_PI) & (az1_back >= 0) & (az1_back < TWO_PI))


def test_geodesic_scalar_and_batch_agree() -> None:
    rng = np.random.default_rng(12)
    lat1, lon1 = _random_points(rng, 4)
    lat2, lon2 = _random_points(rng, 4)
    batch = geodesic_inverse(lat1, lon1, lat2, lon2)
    direct_batch = geodesic_direct(lat1, lon1, batch[1], batch[0])
    for i in range(4):
        single = geodesic_inverse(lat1[i], lon1[i], lat2[i], lon2[i])
        assert all(np.shape(v) == () for v in single)
        assert all(single[k] == batch[k][i] for k in range(3))
        single_direct = geodesic_direct(lat1[i], lon1[i], batch[1][i], batch[0][i])
        assert all(single_direct[k] == direct_batch[k][i] for k in range(3))
    # Broadcasting: one start against a (2, 4) grid of ends.
    dist, _, _ = geodesic_inverse(lat1[0], lon1[0], np.tile(lat2, (2, 1)), lon2)
    assert dist.shape == (2, 4)
    one_to_many, _, _ = geodesic_inverse(lat1[0], lon1[0], lat2, lon2)
    assert np.array_equal(dist[0], one_to_many)
    assert np.array_equal(dist[1], one_to_many)


# --- Great circles --------------------------------------------------------------------------


def test_great_circle_known_values() -> None:
    quarter = 0.5 * math.pi * R_EARTH_MEAN_M
    assert abs(great_circle_distance_m(0.0, 0.0, 0.5 * math.pi, 2.0) - quarter) < ONE_MILLIMETER
    assert abs(great_circle_distance_m(0.0, 0.0, 0.0, 0.5 * math.pi) - quarter) < ONE_MILLIMETER
    assert great_circle_distance_m(0.3, -2.0, 0.3, -2.0) == 0.0
    antipode = great_circle_distance_m(0.4, 0.1, -0.4, 0.1 + math.pi)
    assert abs(antipode - math.pi * R_EARTH_MEAN_M) < ONE_MILLIMETER
    # The nautical mile (1,852 m) is one arc-minute on a sphere of radius
    # 1,852 m * 21,600 / (2 pi) = 6,366,707.02 m.
    nm = great_circle_distance_m(0.0, 0.0, math.radians(1.0 / 60.0), 0.0, radius_m=6_366_707.0)
    assert abs(nm - 1_852.0) < 0.1
    # Cardinal azimuths from a point on the equator.
    az = great_circle_azimuth_rad(0.0, 0.0, [0.1, 0.0, -0.1, 0.0], [0.0, 0.1, 0.0, -0.1])
    assert np.abs(az - np.array([0.0, 0.5, 1.0, 1.5]) * math.pi).max() < ONE_NANORADIAN


def test_great_circle_coincident_points_are_finite() -> None:
    lat = np.array([0.0, 0.5, -1.2, 0.5 * math.pi])
    lon = np.array([0.0, 3.0, -3.1, 1.0])
    assert np.array_equal(great_circle_distance_m(lat, lon, lat, lon), np.zeros(4))
    assert np.all(np.isfinite(great_circle_azimuth_rad(lat, lon, lat, lon)))


def test_great_circle_destination_round_trip() -> None:
    rng = np.random.default_rng(13)
    n = 20_000
    lat1, lon1 = _random_points(rng, n)
    az = rng.uniform(0.0, TWO_PI, n)
    dist = rng.uniform(0.0, 19.0e6, n)
    lat2, lon2 = great_circle_destination(lat1, lon1, az, dist)
    assert np.abs(great_circle_distance_m(lat1, lon1, lat2, lon2) - dist).max() < ONE_MILLIMETER
    az_back = great_circle_azimuth_rad(lat1, lon1, lat2, lon2)
    assert np.abs(np.angle(np.exp(1j * (az_back - az)))).max() < ONE_NANORADIAN
    # A zero distance stays at the start.
    lat3, lon3 = great_circle_destination(lat1, lon1, az, 0.0)
    assert np.abs(lat3 - lat1).max() < ONE_NANORADIAN
    assert np.abs(np.angle(np.exp(1j * (lon3 - lon1)))).max() < ONE_NANORADIAN


def test_great_circle_destination_from_pole() -> None:
    # From the north pole every azimuth heads south; a quarter circle lands on the equator.
    lat2, _ = great_circle_destination(0.5 * math.pi, 0.0, 1.0, 0.5 * math.pi * R_EARTH_MEAN_M)
    assert abs(lat2) < ONE_NANORADIAN


def test_great_circle_scalar_and_batch_agree() -> None:
    rng = np.random.default_rng(14)
    lat1, lon1 = _random_points(rng, 4)
    lat2, lon2 = _random_points(rng, 4)
    d = great_circle_distance_m(lat1, lon1, lat2, lon2)
    a = great_circle_azimuth_rad(lat1, lon1, lat2, lon2)
    dest = great_circle_destination(lat1, lon1, a, d)
    for i in range(4):
        assert great_circle_distance_m(lat1[i], lon1[i], lat2[i], lon2[i]) == d[i]
        assert great_circle_azimuth_rad(lat1[i], lon1[i], lat2[i], lon2[i]) == a[i]
        single = great_circle_destination(lat1[i], lon1[i], a[i], d[i])
        assert single[0] == dest[0][i]
        assert single[1] == dest[1][i]
        assert np.shape(single[0]) == ()
    sites_to_points = great_circle_distance_m(lat1[:, None], lon1[:, None], lat2, lon2)
    assert sites_to_points.shape == (4, 4)
    assert np.allclose(np.diag(sites_to_points), d, rtol=0.0, atol=ONE_MILLIMETER)


def test_sphere_and_ellipsoid_agree_within_flattening_bound() -> None:
    # Using geodetic latitudes on a sphere of radius R errs by at most the spread of the
    # ellipsoid's radii of curvature around R: meridian radius a(1-e2) at the equator
    # (6,335.4 km, sphere long by 0.56 %) to polar radius a/sqrt(1-e2) (6,399.6 km).
    bound = max(
        R_EARTH_MEAN_M / (WGS84_A_M * (1.0 - WGS84_E2)) - 1.0,
        1.0 - R_EARTH_MEAN_M / (WGS84_A_M**2 / WGS84_B_M),
    )
    assert 0.0055 < bound < 0.0057
    rng = np.random.default_rng(15)
    n = 20_000
    lat1, lon1 = _random_points(rng, n)
    lat2, lon2 = _random_points(rng, n)
    sphere = great_circle_distance_m(lat1, lon1, lat2, lon2)
    ellipsoid, _, _ = geodesic_inverse(lat1, lon1, lat2, lon2)
    relative = np.abs(sphere / ellipsoid - 1.0)
    assert relative.max() < bound
    assert np.median(relative) < 0.002


def test_bad_latitude_and_radius_raise() -> None:
    with pytest.raises(ValueError, match=r"lat1_rad must lie in \[-pi/2, pi/2\] radians"):
        great_circle_distance_m(45.0, 0.0, 0.0, 0.0)
    with pytest.raises(ValueError, match="not degrees"):
        geodesic_inverse(0.0, 0.0, -91.0, 0.0)
    with pytest.raises(ValueError, match="radius_m must be a positive length"):
        great_circle_destination(0.0, 0.0, 0.0, 1.0, radius_m=0.0)
