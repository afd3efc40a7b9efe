"""Boost-glide vehicles and cruise missiles."""

import math

import numpy as np

from goldendome.physics.constants import MU_EARTH_M3_S2, OMEGA_EARTH_RAD_S, R_EARTH_MEAN_M
from goldendome.physics.frames import state_eci_to_ecef
from goldendome.physics.geodesy import great_circle_distance_m
from goldendome.physics.geodetic import ecef_to_geodetic
from goldendome.scenario.catalog import launch_areas, targets, threat_classes
from goldendome.threats.boost_glide import fly_hgv
from goldendome.threats.cruise import fly_cruise
from goldendome.threats.glide import END_SPEED_M_S, glide


def test_straight_glide_matches_the_equilibrium_glide_range_formula():
    # Equilibrium glide with constant L/D, no turn: s = (L/D) r / 2 ln[(g r - v_f^2) / (g r - v0^2)]
    # (Vinh, Busemann & Culp, Hypersonic and Planetary Entry Flight Mechanics, 1980, ch. 6).
    # The model's r and g vary with the 30-60 km glide altitude; tolerance 2%.
    vehicle = threat_classes()["avangard-class"].build_glide()
    v0 = 6_000.0
    track = glide(vehicle, [0.0], [0.0], [0.0], [math.pi / 2], [v0], [0.0], [math.pi])
    ok = np.isfinite(track.t_s[0])
    flown = great_circle_distance_m(0.0, 0.0, track.lat_rad[0, ok][-1], track.lon_rad[0, ok][-1])
    h = np.mean(track.altitude_m[0, ok])
    r = R_EARTH_MEAN_M + h
    g = MU_EARTH_M3_S2 / r**2
    v_end = track.speed_m_s[0, ok][-1]
    expected = (
        vehicle.lift_to_drag * R_EARTH_MEAN_M / 2 * math.log((g * r - v_end**2) / (g * r - v0**2))
    )
    assert abs(flown - expected) <= 0.02 * expected
    assert not track.reached[0]
    assert v_end < END_SPEED_M_S + 10.0
    assert np.all(np.abs(track.bank_rad[0, ok]) < 1e-9)  # straight: no bank


def test_hgv_reaches_its_target_gliding_in_the_atmosphere():
    area, goal = launch_areas()["bohai"], targets()["kadena-ab"]
    vehicle = threat_classes()["df-17-class"].build_glide()
    t = np.arange(0.0, 1_200.0, 1.0)
    f = fly_hgv(
        vehicle,
        [area.latitude_rad],
        area.longitude_rad,
        [goal.latitude_rad],
        [goal.longitude_rad],
        [0.0],
        t,
    )
    assert f.reached[0]
    assert f.miss_m[0] < 1_000.0
    assert f.burnout_t_s[0] < f.pullup_t_s[0] < f.dive_t_s[0] < f.impact_t_s[0]
    assert np.nanmin(f.glide.altitude_m) > 20e3
    assert np.nanmax(f.glide.altitude_m) < 70e3
    # The sampled trajectory is continuous through pull-up: no jumps above 20 km per second.
    x = state_eci_to_ecef(f.y_eci[0], OMEGA_EARTH_RAD_S * t)
    ok = np.isfinite(x[:, 0])
    steps = np.linalg.norm(np.diff(x[ok, :3], axis=0), axis=-1)
    assert steps.max() < 20e3
    _, _, h = ecef_to_geodetic(x[ok, :3])
    assert h[-1] < 2e3


def test_cross_range_turn_costs_range():
    area, goal = launch_areas()["bohai"], targets()["kadena-ab"]
    vehicle = threat_classes()["df-17-class"].build_glide()
    t = np.arange(0.0, 1_500.0, 5.0)
    straight = fly_hgv(
        vehicle,
        [area.latitude_rad],
        area.longitude_rad,
        [goal.latitude_rad],
        [goal.longitude_rad],
        [0.0],
        t,
    )
    turning = fly_hgv(
        vehicle,
        [area.latitude_rad],
        area.longitude_rad,
        [goal.latitude_rad],
        [goal.longitude_rad],
        [0.0],
        t,
        cross_range_deg=10.0,
    )
    assert np.nanmax(np.abs(turning.glide.bank_rad)) > np.radians(10.0)
    assert turning.miss_m[0] > straight.miss_m[0]


def test_cruise_missile_flies_its_route_at_constant_speed_and_altitude():
    spec = threat_classes()["kh-101-class"]
    missile = spec.build_cruise()
    area, near, far = launch_areas()["chukotka"], targets()["anchorage"], targets()["seattle"]
    t = np.arange(0.0, 20_000.0, 10.0)
    f = fly_cruise(
        missile,
        [[area.latitude_rad, near.latitude_rad], [area.latitude_rad, far.latitude_rad]],
        [[area.longitude_rad, near.longitude_rad], [area.longitude_rad, far.longitude_rad]],
        [0.0, 0.0],
        t,
    )
    assert f.reachable.tolist() == [True, False]
    assert abs(f.arrival_t_s[0] - f.route_length_m[0] / missile.speed_m_s) < 1e-6
    x = state_eci_to_ecef(f.y_eci[0], OMEGA_EARTH_RAD_S * t)
    ok = np.isfinite(x[:, 0])
    assert np.allclose(np.linalg.norm(x[ok, 3:], axis=-1), missile.speed_m_s, rtol=1e-9)
    _, _, h = ecef_to_geodetic(x[ok, :3])
    assert np.allclose(h, missile.cruise_altitude_m, atol=1e-3)
    # Out of range: it comes down where its fuel runs out, at its maximum range.
    flown = great_circle_distance_m(
        area.latitude_rad, area.longitude_rad, f.end_lat_rad[1], f.end_lon_rad[1]
    )
    assert abs(flown - missile.max_range_m) < 0.01 * missile.max_range_m
