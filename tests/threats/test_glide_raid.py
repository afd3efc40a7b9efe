"""The raid's view of boost-glide vehicles (goldendome.threats.glide_raid): the booster's
flight with the glide in place of its ballistic coast, the glider as a released object from
burnout, and the flights taken, put and joined along the object axis."""

import numpy as np

from goldendome.physics.geodesy import great_circle_distance_m
from goldendome.scenario.catalog import launch_areas, targets, threat_classes
from goldendome.threats.boost_glide import fly_hgv
from goldendome.threats.flight import BURNOUT, IMPACT, REENTRY, fly
from goldendome.threats.glide_raid import (
    concat_flights,
    glide_missile_flight,
    glider_flight,
    put_flights,
    take_flights,
)

#: The glide dives onto its target (fly_hgv's aim); the impact state is put on the ground there.
ONE_KILOMETRE = 1_000.0


def _df17_on_kadena():
    vehicle = threat_classes()["df-17-class"].build_glide()
    area, goal = launch_areas()["bohai"], targets()["kadena-ab"]
    t = np.arange(0.0, 900.0, 10.0)
    hgv = fly_hgv(vehicle, [area.latitude_rad] * 2, [area.longitude_rad] * 2,
                  [goal.latitude_rad] * 2, [goal.longitude_rad] * 2, [0.0, 30.0], t)  # fmt: skip
    return hgv, fly(hgv.launches, t), goal


def test_the_missile_flight_after_burnout_is_the_glide_and_ends_on_the_target():
    hgv, booster, goal = _df17_on_kadena()
    missile = glide_missile_flight(booster, hgv)
    assert np.array_equal(missile.y_eci, hgv.y_eci, equal_nan=True)
    assert np.array_equal(missile.event_t_s[:, BURNOUT], booster.event_t_s[:, BURNOUT])
    assert np.all(np.isnan(missile.event_t_s[:, REENTRY]))  # a glider never comes back in
    assert np.array_equal(missile.event_t_s[:, IMPACT], hgv.impact_t_s)
    lat, lon = missile.impact_lat_lon_rad()
    assert np.all(great_circle_distance_m(lat, lon, goal.latitude_rad, goal.longitude_rad)
                  < ONE_KILOMETRE)  # fmt: skip
    # The ballistic booster alone would have come down somewhere else.
    b_lat, b_lon = booster.impact_lat_lon_rad()
    assert np.all(great_circle_distance_m(b_lat, b_lon, lat, lon) > 10 * ONE_KILOMETRE)


def test_the_glider_starts_at_burnout():
    hgv, booster, _ = _df17_on_kadena()
    missile = glide_missile_flight(booster, hgv)
    glider = glider_flight(missile)
    burnout = missile.event_t_s[:, BURNOUT]
    assert np.array_equal(glider.t_start_s, burnout)
    before = glider.t_s[None, :] < burnout[:, None]
    assert np.all(np.isnan(glider.y_eci[before]))
    after = (glider.t_s[None, :] >= burnout[:, None]) & np.isfinite(missile.y_eci[..., 0])
    assert np.array_equal(glider.y_eci[after], missile.y_eci[after])
    assert np.array_equal(glider.flight_time_s(), hgv.impact_t_s - burnout)


def test_take_put_and_concat_keep_each_flight_whole():
    hgv, booster, _ = _df17_on_kadena()
    missile = glide_missile_flight(booster, hgv)
    swapped = put_flights(missile, np.array([0, 1]), take_flights(missile, np.array([1, 0])))
    assert np.array_equal(swapped.y_eci[0], missile.y_eci[1], equal_nan=True)
    assert np.array_equal(swapped.event_t_s[1], missile.event_t_s[0], equal_nan=True)
    both = concat_flights([take_flights(missile, np.array([0])), booster])
    assert both.y_eci.shape[0] == 3
    assert np.array_equal(both.y_eci[0], missile.y_eci[0], equal_nan=True)
    assert np.array_equal(both.status[1:], booster.status)
