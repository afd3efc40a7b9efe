"""Track regimes from the track's own state, and the threatened asset along a non-ballistic
track's path (goldendome.tracking.regime)."""

import math

import numpy as np
import pytest

from goldendome.interceptors.ground_based import TARGET_REGIMES
from goldendome.physics.atmosphere import us76_density_kg_m3
from goldendome.physics.constants import MU_EARTH_M3_S2, R_EARTH_MEAN_M
from goldendome.physics.frames import state_ecef_to_eci
from goldendome.physics.geodetic import geodetic_to_ecef
from goldendome.tracking.regime import (
    AIR_REACH_M,
    GLIDE_LIFT_TO_DRAG,
    Regime,
    classify_regime,
    glide_density_ok,
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
        (30.0, 2_000.0, 4.0, Regime.GLIDE),  # pulling up, still under 5 deg
        (70.0, 7_000.0, 0.0, Regime.GLIDE),  # fast and high: the ceiling is about 72 km
        (30.0, 2_000.0, 8.0, Regime.BALLISTIC),  # past 5 deg: no equilibrium glide
        # A depressed SLBM warhead (russian-raid) at 96 km: too thin air to glide in.
        (96.0, 4_800.0, -6.8, Regime.BALLISTIC),
        (96.0, 4_800.0, -1.0, Regime.BALLISTIC),  # even nearly level
        (70.0, 4_800.0, 0.0, Regime.BALLISTIC),  # above the 58 km ceiling at 4.8 km/s
        # A boost-glide missile's spent stage falling through the glide band past 5 deg.
        (50.0, 5_000.0, -7.0, Regime.BALLISTIC),
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


def test_the_glide_ceiling_is_the_equilibrium_glide_of_a_light_glider_with_a_margin():
    """Equilibrium glide, rho v^2 / (2 w) = g - v^2 / r (Tracy & Wright, Science & Global
    Security 28:3, 2020): the catalog's gliders (w = beta / (L/D), 3,800-5,000 kg/m^2) glide
    at 4.8 km/s near 45 km; the rule's ceiling, 5 times thinner air, lies within 55-62 km,
    and climbs with speed (less weight left to hold up). Tolerance: the 250 m grid."""
    h = np.arange(15e3, 100e3, 250.0)

    def ceiling_km(v):
        return h[glide_density_ok(h, v, R_EARTH_MEAN_M + h)].max() / 1e3

    assert 55.0 <= ceiling_km(4_800.0) <= 62.0
    assert ceiling_km(3_000.0) < ceiling_km(4_800.0) < ceiling_km(7_000.0) < 80.0
    # The balance itself at 45 km, 4.8 km/s for the catalog's heavier glider (w = 5,000):
    r = R_EARTH_MEAN_M + 45e3
    need = 2 * 5_000.0 * (MU_EARTH_M3_S2 / r**2 - 4_800.0**2 / r) / 4_800.0**2
    assert need == pytest.approx(float(us76_density_kg_m3(45e3)), rel=0.5)
    assert not glide_density_ok(np.nan, 4_800.0, r)


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
