"""A non-ballistic track's threat is judged again as it flies, on the latest state the battle
manager holds at each update, never a later one (goldendome.engagement.picture,
KillChainSetup.target_threat).

A hand-made cruise missile at 60 m and 200 m/s: read as air-breathing at fire control while
it flies east 200 km north of a city at (0, 0), outside the 100 km cross-track tolerance of
a cruise missile's path (goldendome.tracking.regime); at 500 s it turns toward the city (as
the russian-raid's Kalibr-class missiles turn toward Washington after their first reading).
"""

import math

import numpy as np
import pytest

from goldendome.engagement.discrimination_call import ObjectCalls
from goldendome.engagement.picture import KillChainSetup
from goldendome.engagement.targets import TrackTargets
from goldendome.interceptors.intercept_window import InterceptWindows
from goldendome.physics.constants import OMEGA_EARTH_RAD_S, R_EARTH_MEAN_M
from goldendome.physics.kinds import ObjectKind
from goldendome.scenario.doctrine import DoctrineSpec
from goldendome.tracking.regime import Regime
from tests.engagement.level_flier import level_state

FIRE_CONTROL_S, TURN_S, STEP_S, SPEED_M_S = 100.0, 500.0, 10.0, 200.0
T_S = np.arange(FIRE_CONTROL_S, 1_500.0, STEP_S)


def _state(t_s, lat_deg, lon_deg, heading_deg):
    """ECI state at ``t_s`` of the level flier at 60 m and ``SPEED_M_S``."""
    return level_state(t_s, lat_deg, lon_deg, heading_deg, SPEED_M_S)


def _flight(t_s):
    """Due east along 1.8 N (200 km north of the city) from 3.6 W, then from the turn
    straight at the city (heading and position on the sphere)."""
    deg_per_s = math.degrees(SPEED_M_S / R_EARTH_MEAN_M)
    lat0, lon0 = 1.8, -3.6
    if t_s < TURN_S:
        return _state(t_s, lat0, lon0 + deg_per_s * (t_s - FIRE_CONTROL_S), 90.0)
    lon_turn = lon0 + deg_per_s * (TURN_S - FIRE_CONTROL_S)
    frac = min(deg_per_s * (t_s - TURN_S) / math.hypot(lat0, lon_turn), 1.0)
    heading = math.degrees(math.atan2(-lon_turn, -lat0))  # toward (0, 0), small angles
    return _state(t_s, lat0 * (1 - frac), lon_turn * (1 - frac), heading)


def _setup(t_s, keep_states=True):
    x = np.stack([_flight(t) for t in t_s])
    m = t_s.size
    targets = TrackTargets(
        track_id=np.array([0]), owner=np.array([0]), proxy=np.array([0]),
        on_stage=np.zeros(1, bool), fire_control_s=np.array([FIRE_CONTROL_S]),
        last_update_s=np.array([t_s[-1]]), impact_lat_rad=np.array([np.nan]),
        impact_lon_rad=np.array([np.nan]), impact_sigma_m=np.array([np.nan]),
        update_start=np.array([0, m]), update_t_s=t_s, update_position_sigma_m=np.full(m, 50.0),
        update_velocity_sigma_m_s=np.full(m, 5.0),
        regime=np.array([int(Regime.AIR_BREATHING)]), regime_s=np.array([FIRE_CONTROL_S]),
        regime_x_eci=x[:1], regime_theta_rad=np.array([OMEGA_EARTH_RAD_S * FIRE_CONTROL_S]),
        update_x_eci=x if keep_states else np.empty((0, 6)),
    )  # fmt: skip
    kind = np.array([int(ObjectKind.RV)])
    return KillChainSetup(
        doctrine=DoctrineSpec(), n_missile=1, boost=None, sbi_first_satellite_id=0,
        sbi_sspk=0.0, sbi_unit_cost_usd=0.0, object_kind=kind, object_missile=np.array([0]),
        object_impact_lat_rad=np.zeros(1), object_impact_lon_rad=np.zeros(1),
        object_asset=np.zeros(1, np.int64), calls=ObjectCalls.told_only(np.zeros(1), kind),
        stage_told_probability=0.0, targets=targets, asset_lat_rad=np.zeros(1),
        asset_lon_rad=np.zeros(1), asset_radius_m=np.array([20e3]),
        asset_worth=np.array([1e6]), asset_names=["City"], batteries=[],
        windows=InterceptWindows(T_S, np.empty((0, 1, T_S.size)), np.empty((0, 1, T_S.size))),
        object_r_ecef_m=np.zeros((1, T_S.size, 3)),
    )  # fmt: skip


def test_a_cruise_missile_read_before_its_turn_threatens_the_city_from_the_turn_on():
    setup = _setup(T_S)
    asset, when = setup.target_threat
    assert asset.tolist() == [0]
    assert when.tolist() == [TURN_S]  # the first update flying at the city
    assert setup.target_worth.tolist() == [1e6]
    assert setup.target_engage_from_s.tolist() == [TURN_S]


def test_judged_on_its_first_reading_alone_it_threatens_nothing():
    # The single state of the first reading (the judgement before this fix): 200 km off.
    setup = _setup(T_S, keep_states=False)
    assert setup.target_threat[0].tolist() == [-1]
    assert setup.target_worth.tolist() == [0.0]


@pytest.mark.parametrize("last_s", [TURN_S - STEP_S, TURN_S, 1_000.0])
def test_the_judgement_never_uses_a_later_update(last_s):
    # Updates cut at ``last_s``: a track that ended before the turn threatens nothing; one
    # that reached the turn is judged there, whatever came after.
    asset, when = _setup(T_S[last_s >= T_S]).target_threat
    if last_s < TURN_S:
        assert asset.tolist() == [-1]
        assert when.tolist() == [FIRE_CONTROL_S]
    else:
        assert (asset.tolist(), when.tolist()) == ([0], [TURN_S])
