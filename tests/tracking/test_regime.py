"""Track regimes from the track's own state, and the threatened asset along a non-ballistic
track's path (goldendome.tracking.regime)."""

import math

import numpy as np
import pytest

from goldendome.interceptors.ground_based import TARGET_REGIMES
from goldendome.physics.constants import MU_EARTH_M3_S2, R_EARTH_MEAN_M
from goldendome.physics.frames import state_ecef_to_eci
from goldendome.physics.geodetic import geodetic_to_ecef
from goldendome.tracking.regime import (
    AIR_REACH_M,
    GLIDE_LIFT_TO_DRAG,
    Regime,
    classify_regime,
    path_threat,
    plausible_reach_m,
)

THETA = 0.7  # any Earth rotation angle: the rules are Earth-fixed


def _state(lat_deg, lon_deg, alt_m, speed_m_s, fpa_deg, heading_deg):
    """ECI state of a flier over (lat, lon) at an altitude, with an Earth-relative speed,
    flight-path angle and heading (deg east of north)."""
    lat, lon = math.radians(lat_deg), math.radians(lon_deg)
    r = geodetic_to_ecef(lat, lon, alt_m)
    up = np.asarray(r) / np.linalg.norm(r)
    east = np.array([-math.sin(lon), math.cos(lon), 0.0])
    north = np.cross(up, east)
    g, h = math.radians(fpa_deg), math.radians(heading_deg)
    horizontal = math.cos(h) * north + math.sin(h) * east
    v = speed_m_s * (math.cos(g) * horizontal + math.sin(g) * up)
    return state_ecef_to_eci(np.concatenate([r, v]), THETA)


def test_the_regime_codes_follow_the_interceptor_catalogs_sspk_order():
    assert tuple(r.label for r in Regime) == TARGET_REGIMES


@pytest.mark.parametrize(
    ("alt_km", "speed", "fpa", "regime"),
    [
        (50.0, 5_000.0, -2.0, Regime.GLIDE),  # a glider at 50 km, nearly level
        (30.0, 2_000.0, 8.0, Regime.GLIDE),  # pulling up, still under 10 deg
        (0.06, 200.0, 0.0, Regime.AIR_BREATHING),  # a Kh-101 class cruise missile
        (10.0, 900.0, -5.0, Regime.AIR_BREATHING),  # a fast cruise missile, high
        (50.0, 6_500.0, -22.0, Regime.BALLISTIC),  # an ICBM's RV reentering
        (60.0, 4_000.0, -12.0, Regime.BALLISTIC),  # a depressed RV: steeper than 10 deg
        (15.0, 300.0, -60.0, Regime.BALLISTIC),  # a decoy falling slowly, steeply
        (300.0, 7_000.0, 0.0, Regime.BALLISTIC),  # midcourse apogee: above 100 km
        (25.0, 1_200.0, 0.0, Regime.BALLISTIC),  # between the two speed bands
        (-130.0, 5_800.0, 0.0, Regime.BALLISTIC),  # a track carried below the ground
        (9.0, 9_000.0, 9.0, Regime.BALLISTIC),  # faster than orbit in dense air: no glide
        (12.0, 3_000.0, 0.0, Regime.BALLISTIC),  # below the glide band (a dive, or noise)
    ],
)
def test_regime_rules_on_synthetic_states(alt_km, speed, fpa, regime):
    x = _state(40.0, -100.0, alt_km * 1e3, speed, fpa, 45.0)
    assert classify_regime(x[None], THETA).tolist() == [int(regime)]


def test_a_nan_state_is_ballistic():
    assert classify_regime(np.full((1, 6), np.nan), THETA).tolist() == [int(Regime.BALLISTIC)]


def test_glide_reach_is_the_equilibrium_glide_range_and_grows_with_speed():
    r = R_EARTH_MEAN_M + 50e3
    v = np.array([2_000.0, 5_000.0])
    reach = plausible_reach_m([Regime.GLIDE] * 2, v, [r, r])
    expected = GLIDE_LIFT_TO_DRAG * R_EARTH_MEAN_M / 2 * -np.log(1 - v**2 * r / MU_EARTH_M3_S2)
    assert reach == pytest.approx(expected, rel=1e-12)
    assert 3_500e3 < reach[1] < 5_000e3  # about 4,200 km at 5 km/s (Acton's formula)
    assert plausible_reach_m([Regime.AIR_BREATHING], [200.0], [r]).tolist() == [AIR_REACH_M]
    assert plausible_reach_m([Regime.BALLISTIC], [7e3], [r]).tolist() == [0.0]


def test_path_threat_takes_the_asset_ahead_on_the_heading_within_tolerance_and_reach():
    # Assets on the equator east of a flier at (0, 0) heading east, and one behind it.
    lon_deg = np.array([10.0, 20.0, -5.0, 12.0, 60.0])
    lat_deg = np.array([2.0, 0.5, 0.0, 5.0, 0.0])
    lat, lon = np.radians(lat_deg), np.radians(lon_deg)
    radius = np.full(5, 20e3)
    glide = _state(0.0, 0.0, 50e3, 5_000.0, 0.0, 90.0)  # reach about 4,200 km (38 deg)
    cruise = _state(0.0, 0.0, 60.0, 200.0, 0.0, 90.0)  # 3,000 km, 100 km tolerance
    ballistic = _state(0.0, 0.0, 300e3, 7_000.0, 0.0, 90.0)
    x = np.stack([glide, cruise, ballistic])
    regime = [Regime.GLIDE, Regime.AIR_BREATHING, Regime.BALLISTIC]
    got = path_threat(x, THETA, regime, lat, lon, radius)
    # The glider: least cross-track among those ahead within 300 km: (0.5 N, 20 E), 56 km
    # off, over (2 N, 10 E), 222 km off; (5 N, 12 E) is 556 km off; 60 E is out of reach.
    # The cruise missile: only the 56 km one lies within 100 km; the ballistic track none.
    assert got.tolist() == [1, 1, -1]
    # Turned back west, the glider threatens the asset behind it at 5 W.
    west = _state(0.0, 0.0, 50e3, 5_000.0, 0.0, 270.0)
    assert path_threat(west[None], THETA, [Regime.GLIDE], lat, lon, radius).tolist() == [2]
    # No assets: nothing threatened.
    empty = np.empty(0)
    assert path_threat(x, THETA, regime, empty, empty, empty).tolist() == [-1, -1, -1]
