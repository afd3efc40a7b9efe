"""Spent upper stages: separated at burnout, flown on beside the payload, fallen short."""

import numpy as np

from goldendome.physics.geodesy import geodesic_inverse
from goldendome.scenario.catalog import launch_areas, targets, threat_classes
from goldendome.threats.ballistic import Launches
from goldendome.threats.flight import BURNOUT, IMPACT
from goldendome.threats.glide_raid import take_flights
from goldendome.threats.stages import RETRO_M_S, fly_stages
from goldendome.threats.targeting import aim

H18 = threat_classes()["hwasong-18-class"].build_rocket()
AREA = launch_areas()["nk-inland"]
GOAL = targets()["los-angeles"]


def aimed_flight():
    launch = Launches.of([H18], [AREA.latitude_rad], AREA.longitude_rad, 0.0, 0.0)
    return aim(launch, [GOAL.latitude_rad], [GOAL.longitude_rad]).flight


def test_the_stage_leaves_at_burnout_pushed_back_and_lands_short():
    missile = aimed_flight()
    t_out = np.linspace(0.0, 2_400.0, 241)
    stage = fly_stages(missile, np.random.default_rng(2), t_out)
    burnout_s = missile.event_t_s[0, BURNOUT]
    assert stage.t_start_s[0] == burnout_s
    assert np.isnan(stage.y_eci[0, t_out < burnout_s]).all()
    # Separation: about RETRO_M_S backward along the velocity (plus 0.5 m/s per axis).
    v_missile = missile.event_x_eci[0, BURNOUT, 3:]
    dv = stage.x_start_eci[0, 3:] - v_missile
    along = np.dot(dv, v_missile) / np.linalg.norm(v_missile)
    assert -RETRO_M_S - 2.5 < along < -RETRO_M_S + 2.5
    # It flies on to impact and lands short of the target: slower and draggier than the
    # warhead (the retro push alone takes some 10-30 km off an ICBM's range).
    assert stage.status[0] == 0
    lat, lon = stage.impact_lat_lon_rad()
    short_m, _, _ = geodesic_inverse(lat, lon, GOAL.latitude_rad, GOAL.longitude_rad)
    assert 5e3 < short_m[0] < 500e3
    assert stage.event_t_s[0, IMPACT] > burnout_s + 1_000.0


def test_a_missile_with_no_burnout_has_an_empty_stage_row_and_the_others_keep_theirs():
    # A cruise missile's row has no burnout: its stage row is empty (NaN, never impacting),
    # and the ballistic missile's stage is the one it gets flown alone (same dispersion draw).
    missile = aimed_flight()
    t_out = np.linspace(0.0, 2_400.0, 241)
    alone = fly_stages(missile, np.random.default_rng(2), t_out)
    both = take_flights(missile, np.array([0, 0]))
    both.event_t_s[1, BURNOUT] = np.nan
    both.event_x_eci[1, BURNOUT] = np.nan
    rng = np.random.default_rng(2)
    stages = fly_stages(both, rng, t_out)
    assert np.isnan(stages.y_eci[1]).all()
    assert np.isnan(stages.event_t_s[1]).all()
    assert stages.status[1] == 1
    assert np.array_equal(stages.y_eci[0], alone.y_eci[0], equal_nan=True)
    assert stages.event_t_s[0, IMPACT] == alone.event_t_s[0, IMPACT]
