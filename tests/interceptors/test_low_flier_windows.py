"""Intercept windows against low fliers and by target regime, and the manoeuvre rule
(issue 18)."""

import dataclasses

import numpy as np
import pytest

from goldendome.interceptors.ground_based import interceptor_types
from goldendome.interceptors.intercept_window import intercept_windows
from goldendome.interceptors.manoeuvre import ManoeuvreRule
from goldendome.physics.constants import WGS84_A_M
from goldendome.sensors.radar_horizon import radar_horizon_range_m

NASAMS = interceptor_types()["nasams"]
T_S = np.arange(0.0, 100.0, 10.0)
SITE = np.array([[WGS84_A_M, 0.0, 0.0]])


def _flier(ground_m, altitude_m):
    """One object, still, ``ground_m`` east of the site along the equator at an altitude."""
    lon = ground_m / WGS84_A_M
    r = (WGS84_A_M + altitude_m) * np.array([np.cos(lon), np.sin(lon), 0.0])
    return np.broadcast_to(r, (1, T_S.size, 3)).copy(), np.full((1, T_S.size), altitude_m)


def _feasible(kind, ground_m, altitude_m, regime=2, horizon=radar_horizon_range_m):
    r, alt = _flier(ground_m, altitude_m)
    w = intercept_windows(
        [kind], SITE, T_S, r, alt, target_regime=np.full((1, T_S.size), regime),
        radar_horizon_m=horizon,
    )  # fmt: skip
    return bool(np.isfinite(w.launch_by_s).all())


def test_the_radar_horizon_bounds_a_surface_battery_against_a_low_flier():
    # Textbook check (Skolnik, 4/3 Earth): a 30 m target from a 10 m mast at about 35 km.
    assert radar_horizon_range_m(10.0, 30.0) == pytest.approx(35.6e3, rel=0.01)
    # NASAMS (10 m antenna) against a cruise missile at 30 m: seen to 35.6 km, not beyond,
    # though its missile reaches 45 km.
    assert _feasible(NASAMS, 34e3, 30.0)
    assert not _feasible(NASAMS, 38e3, 30.0)
    # At 1 km up it is above the horizon out to the missile's range.
    assert _feasible(NASAMS, 44e3, 1_000.0)
    # Without an antenna height (a fighter's look-down radar) or a horizon rule: no limit.
    look_down = dataclasses.replace(NASAMS, radar_height_m=None)
    assert _feasible(look_down, 44e3, 30.0)
    assert _feasible(NASAMS, 44e3, 30.0, horizon=None)


def test_a_type_meets_only_the_regimes_it_has_a_kill_probability_against():
    assert _feasible(NASAMS, 20e3, 5_000.0, regime=2)  # a cruise missile
    assert not _feasible(NASAMS, 20e3, 5_000.0, regime=0)  # an RV: sspk_rv = 0
    assert not _feasible(NASAMS, 20e3, 5_000.0, regime=1)  # a glider: sspk_glide = 0
    sm6 = interceptor_types()["sm-6"]
    assert all(_feasible(sm6, 20e3, 5_000.0, regime=k) for k in (0, 1, 2))
    # Without regimes (as the run builds them: no truth) the windows are kinematic: NASAMS
    # can meet the object whatever it is; the battle manager decides whether to fire.
    r, alt = _flier(20e3, 5_000.0)
    assert np.isfinite(intercept_windows([NASAMS], SITE, T_S, r, alt).launch_by_s).all()


def test_the_manoeuvre_rule_keeps_the_sspk_above_three_to_one_and_cuts_it_linearly_below():
    rule = ManoeuvreRule(ratio=3.0, glide_accel_g=2.0, cruise_accel_g=1.0)
    accel = np.array([30.0, 6.0, 3.0, 1.5, np.inf])
    assert rule.factor(accel, 1).tolist() == [1.0, 1.0, 0.5, 0.25, 1.0]
    assert rule.factor(accel, 2).tolist() == [1.0, 1.0, 1.0, 0.5, 1.0]
    assert rule.factor(accel, 0).tolist() == [1.0] * 5  # a ballistic target does not turn
    with pytest.raises(ValueError, match="ratio"):
        ManoeuvreRule(ratio=0.0)
