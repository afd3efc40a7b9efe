"""A cruise missile is valued at each look against the asset its track heads for then, not the
first one it threatened (goldendome.engagement.picture.KillChainSetup.threat_at, and the
battle manager's looks in goldendome.engagement.battle.fight_layer).

A hand-made cruise missile at 60 m and 200 m/s flies due east along the equator from 3.6 W
straight at city A at (0, 0); at 500 s (at 2.88 W) it turns due north toward city B at
(2.5 N, 2.88 W). Before the turn B lies 278 km off its path, after it A lies 320 km off: both
outside the 100 km cross-track tolerance of a cruise missile's path
(goldendome.tracking.regime). As the russian-raid's Kalibr-class missiles are first read as
threatening one city and then turn toward their target, the track threatens A first and B
from the turn on.
"""

import dataclasses
import math

import numpy as np

from goldendome.engagement import battle
from goldendome.engagement.battle import Fight, fight_layer
from goldendome.engagement.picture import Battery
from goldendome.engagement.targets import TrackTargets
from goldendome.interceptors.ground_based import interceptor_types
from goldendome.interceptors.intercept_window import InterceptWindows
from goldendome.physics.constants import OMEGA_EARTH_RAD_S, R_EARTH_MEAN_M
from goldendome.scenario.doctrine import DoctrineSpec, LayerDoctrine
from goldendome.tracking.regime import Regime
from tests.engagement.kill_chain_fixture import T_S, synthetic_setup
from tests.engagement.level_flier import level_state

FIRE_CONTROL_S, TURN_S, END_S, STEP_S, SPEED_M_S = 100.0, 500.0, 1_500.0, 10.0, 200.0
UPDATES_S = np.arange(FIRE_CONTROL_S, END_S, STEP_S)
LON_TURN_DEG = -3.6 + math.degrees(SPEED_M_S / R_EARTH_MEAN_M) * (TURN_S - FIRE_CONTROL_S)
#: Cities A, B and C (C: under a ballistic track's predicted impact), degrees; worth.
CITY_LAT_DEG = np.array([0.0, 2.5, 40.0])
CITY_LON_DEG = np.array([0.0, LON_TURN_DEG, -75.0])
CITY_WORTH = np.array([1.0, 1e6, 1e3])


def _state(t_s, lat_deg, lon_deg, heading_deg):
    """ECI state at ``t_s`` of the level flier at 60 m and ``SPEED_M_S``."""
    return level_state(t_s, lat_deg, lon_deg, heading_deg, SPEED_M_S)


def _flight(t_s):
    deg_per_s = math.degrees(SPEED_M_S / R_EARTH_MEAN_M)
    if t_s < TURN_S:
        return _state(t_s, 0.0, -3.6 + deg_per_s * (t_s - FIRE_CONTROL_S), 90.0)
    return _state(t_s, deg_per_s * (t_s - TURN_S), LON_TURN_DEG, 0.0)


def _targets(updates_s):
    """Target 0: the cruise missile's track; target 1: a ballistic track onto city C."""
    x = np.stack([_flight(t) for t in updates_s])
    m = updates_s.size
    nan6 = np.full((1, 6), np.nan)
    return TrackTargets(
        track_id=np.array([0, 1]), owner=np.array([0, 1]), proxy=np.array([0, 1]),
        on_stage=np.zeros(2, bool), fire_control_s=np.full(2, FIRE_CONTROL_S),
        last_update_s=np.array([updates_s[-1], END_S]),
        impact_lat_rad=np.array([np.nan, np.radians(40.0)]),
        impact_lon_rad=np.array([np.nan, np.radians(-75.0)]),
        impact_sigma_m=np.array([np.nan, 1e3]),
        update_start=np.array([0, m, m + 1]),
        update_t_s=np.append(updates_s, FIRE_CONTROL_S),
        update_position_sigma_m=np.full(m + 1, 50.0),
        update_velocity_sigma_m_s=np.full(m + 1, 5.0),
        regime=np.array([int(Regime.AIR_BREATHING), int(Regime.BALLISTIC)]),
        regime_s=np.full(2, FIRE_CONTROL_S),
        regime_x_eci=np.concatenate([x[:1], nan6]),
        regime_theta_rad=np.array([OMEGA_EARTH_RAD_S * FIRE_CONTROL_S, np.nan]),
        update_x_eci=np.concatenate([x, nan6]),
    )  # fmt: skip


def _setup(updates_s=UPDATES_S, first_launch_s=0.0):
    """One PAC-3 MSE round (SSPK 0.8 against a cruise missile and an RV) able to reach both
    tracks, launching no sooner than ``first_launch_s``; one shot per look."""
    pac3 = interceptor_types()["pac-3-mse"]
    base = synthetic_setup(
        warheads=2, magazine=1,
        doctrine=DoctrineSpec(terminal=LayerDoctrine(shots=1), c2_latency_s=0.0),
    )  # fmt: skip
    launch_by = np.broadcast_to(T_S - 100.0, (1, 2, T_S.size)).copy()
    launch_by[launch_by < first_launch_s] = np.nan
    return dataclasses.replace(
        base,
        targets=_targets(updates_s),
        asset_lat_rad=np.radians(CITY_LAT_DEG),
        asset_lon_rad=np.radians(CITY_LON_DEG),
        asset_radius_m=np.full(3, 20e3),
        asset_worth=CITY_WORTH,
        asset_names=["A", "B", "C"],
        batteries=[Battery(0, "Site", pac3, 1, base.batteries[0].r_ecef_m)],
        windows=InterceptWindows(T_S, launch_by, np.full_like(launch_by, 1e4)),
    )


def test_the_first_judgement_is_city_a_from_fire_control():
    asset, when = _setup().target_threat
    assert asset.tolist() == [0, 2]
    assert when.tolist() == [FIRE_CONTROL_S, FIRE_CONTROL_S]


def test_judged_at_each_time_against_the_city_it_heads_for_then():
    setup = _setup()
    t_s = np.array([FIRE_CONTROL_S, TURN_S - STEP_S, TURN_S, 1_000.0])
    assert setup.threat_at(np.zeros(4, np.int64), t_s).tolist() == [0, 0, 1, 1]
    assert setup.worth_at(np.zeros(4, np.int64), t_s).tolist() == [1.0, 1.0, 1e6, 1e6]
    # The ballistic track keeps its predicted impact's city whenever it is judged.
    assert setup.threat_at(np.ones(2, np.int64), np.array([0.0, 1e4])).tolist() == [2, 2]


def test_the_judgement_never_uses_a_later_update():
    # The track ends before the turn: however late it is judged, it threatens city A.
    setup = _setup(UPDATES_S[UPDATES_S < TURN_S])
    t_s = np.array([TURN_S, 1_000.0])
    assert setup.threat_at(np.zeros(2, np.int64), t_s).tolist() == [0, 0]


def _values_seen(setup, monkeypatch):
    """Fight the terminal layer with the trial's re-judged value; return the values each
    look's assignment was given and the tracks shot at."""
    seen = []
    assign = battle.assign_remembered

    def spy(method, pk, value, shots):
        seen.append(value.tolist())
        return assign(method, pk, value, shots)

    monkeypatch.setattr(battle, "assign_remembered", spy)
    fight = Fight.start(setup, np.random.default_rng(0))
    value = setup.target_worth
    fight_layer(
        fight, setup, "terminal", np.ones(2, bool), value, np.full(2, FIRE_CONTROL_S),
        value_at=setup.worth_at,
    )  # fmt: skip
    shots = fight.shot_columns()
    return seen, shots["track_id"].tolist()


def test_a_look_planned_after_the_turn_values_city_b(monkeypatch):
    # The round can leave only after the turn: the look weighs the cruise missile by city B
    # (1e6) and fires its one round at it rather than at the track on city C (1e3).
    seen, shot_at = _values_seen(_setup(first_launch_s=TURN_S + 100.0), monkeypatch)
    assert seen == [[1e6, 1e3]]
    assert shot_at == [0]


def test_a_look_planned_before_the_turn_values_city_a(monkeypatch):
    # Leaving at once, the look holds only the states before the turn: city A (1), so the
    # one round goes to the track on city C.
    seen, shot_at = _values_seen(_setup(first_launch_s=0.0), monkeypatch)
    assert seen == [[1.0, 1e3]]
    assert shot_at == [1]
