"""Predicted-intercept-point windows of batteries against sampled trajectories."""

import dataclasses

import numpy as np
import pytest

from goldendome.interceptors.ground_based import interceptor_types
from goldendome.interceptors.intercept_window import (
    InterceptWindows,
    intercept_windows,
    sub_point_distance_m,
)
from goldendome.physics.constants import R_EARTH_MEAN_M
from tests.interceptors.round_kind import ROUND_KIND

KIND = ROUND_KIND
LOW_KIND = dataclasses.replace(KIND, name="low", phase="terminal", min_intercept_altitude_m=0.0)
SITE = np.array([R_EARTH_MEAN_M, 0.0, 0.0])
DIRECTION = np.array([0.6, 0.8, 0.0])  # up 0.6, along the surface 0.8
D0_M, SPEED_M_S = 3_000e3, 3_000.0
T_S = np.arange(0.0, 1_000.0, 10.0)


def incoming(t_s: np.ndarray = T_S) -> tuple[np.ndarray, np.ndarray]:
    """One object flying straight at the site at 3 km/s from 3,000 km away at t = 0."""
    s = D0_M - SPEED_M_S * t_s
    r = SITE + s[:, None] * DIRECTION
    return r[None], (0.6 * s)[None]  # (1, n_t, 3) and its height above the site's sphere


def test_straight_in_meets_at_the_closed_form_time_while_coasting():
    r, alt = incoming()
    windows = intercept_windows([KIND], SITE[None], T_S, r, alt)
    ready = 100.0
    intercept, launch = windows.earliest(ready)
    # v (t - ready - t_b / 2) = D0 - u t while the interceptor coasts:
    expected = (D0_M + 4_000.0 * (ready + 20.0)) / (SPEED_M_S + 4_000.0)
    assert intercept.shape == launch.shape == (1, 1)
    assert intercept[0, 0] == pytest.approx(expected, abs=0.5)
    assert launch[0, 0] == ready  # at the crossing the launch leaves when ready
    # The fly-out covers the distance to where the object then is.
    gap = D0_M - SPEED_M_S * intercept[0, 0]
    assert KIND.reach_m(intercept[0, 0] - launch[0, 0]) == pytest.approx(gap, rel=1e-4)


def test_straight_in_meets_at_the_closed_form_time_while_boosting():
    r, alt = incoming()
    windows = intercept_windows([LOW_KIND], SITE[None], T_S, r, alt)
    ready = 950.0
    intercept, _ = windows.earliest(ready)
    # a (t - ready)^2 / 2 = D0 - u t with a = 100 m/s^2: a quadratic in x = t - ready.
    a = 100.0
    x = (-SPEED_M_S + np.sqrt(SPEED_M_S**2 + 2 * a * (D0_M - SPEED_M_S * ready))) / a
    assert x < LOW_KIND.burn_time_s  # the meeting is during the burn
    assert intercept[0, 0] == pytest.approx(ready + x, abs=0.5)


def test_launch_by_is_sample_time_less_fly_out_time():
    r, alt = incoming()
    windows = intercept_windows([KIND], SITE[None], T_S, r, alt)
    distance = D0_M - SPEED_M_S * T_S
    assert np.allclose(windows.distance_m[0, 0], distance, rtol=1e-9)
    finite = np.isfinite(windows.launch_by_s[0, 0])
    expected = T_S - KIND.time_to_reach_s(distance)
    assert np.allclose(windows.launch_by_s[0, 0][finite], expected[finite])


def test_altitude_band_excludes_samples():
    r, alt = incoming()
    windows = intercept_windows([KIND], SITE[None], T_S, r, alt)
    inside = (alt[0] >= 100e3) & (alt[0] <= 1_000e3)
    assert 0 < inside.sum() < T_S.size
    assert np.array_equal(np.isfinite(windows.launch_by_s[0, 0]), inside)
    # Before entering the band (1,000 km up until t = 444 s) there is no intercept, so the
    # earliest one for an early launch is the first sample inside, launched late.
    intercept, launch = windows.earliest(0.0)
    first = T_S[inside][0]
    assert intercept[0, 0] == first
    assert launch[0, 0] == pytest.approx(first - KIND.time_to_reach_s(D0_M - SPEED_M_S * first))
    assert launch[0, 0] > 0.0
    # The last chance is the last sample above 100 km.
    assert windows.latest_intercept_s()[0, 0] == T_S[inside][-1]


def test_ground_range_limit_excludes_samples():
    r, alt = incoming()
    computed = intercept_windows([KIND], SITE[None], T_S, r, alt)
    ground = sub_point_distance_m(SITE, r)[None]  # (1, 1, n_t)
    s = D0_M - SPEED_M_S * T_S  # the angle at the Earth's center, seen from the geometry
    expected = R_EARTH_MEAN_M * np.arctan2(0.8 * s, R_EARTH_MEAN_M + 0.6 * s)
    assert np.allclose(ground[0, 0], expected, rtol=1e-12, atol=1e-6)
    given = intercept_windows([KIND], SITE[None], T_S, r, alt, ground_range_m=ground)
    assert np.array_equal(computed.launch_by_s, given.launch_by_s, equal_nan=True)
    far = ground.copy()
    far[..., 50:60] = 3_000e3  # beyond 2,000 km
    clipped = intercept_windows([KIND], SITE[None], T_S, r, alt, ground_range_m=far)
    assert np.isnan(clipped.launch_by_s[0, 0, 50:60]).all()
    assert np.array_equal(
        clipped.launch_by_s[0, 0, 60:], given.launch_by_s[0, 0, 60:], equal_nan=True
    )


def test_ready_after_every_launch_by_gives_nan():
    r, alt = incoming()
    windows = intercept_windows([KIND], SITE[None], T_S, r, alt)
    late = np.nanmax(windows.launch_by_s) + 1.0
    intercept, launch = windows.earliest(late)
    assert np.isnan(intercept).all()
    assert np.isnan(launch).all()


def test_objects_not_flying_give_nan():
    r, alt = incoming()
    r2 = np.concatenate([r, np.full_like(r, np.nan)])
    alt2 = np.concatenate([alt, np.full_like(alt, np.nan)])
    r2[0, :30] = np.nan  # the first object appears at t = 300 s
    alt2[0, :30] = np.nan
    windows = intercept_windows([KIND], SITE[None], T_S, r2, alt2)
    assert np.isnan(windows.launch_by_s[0, 1]).all()
    assert np.isnan(windows.distance_m[0, 1]).all()
    assert np.isnan(windows.launch_by_s[0, 0, :30]).all()
    intercept, launch = windows.earliest(0.0)
    assert np.isnan(intercept[0, 1])
    assert np.isnan(launch[0, 1])
    assert intercept[0, 0] >= 300.0
    assert np.isnan(windows.latest_intercept_s()[0, 1])


def test_later_ready_never_gives_an_earlier_intercept():
    r, alt = incoming()
    windows = intercept_windows([KIND], SITE[None], T_S, r, alt)
    ready = np.linspace(0.0, 900.0, 181)
    intercepts = np.array([windows.earliest(x)[0][0, 0] for x in ready])
    found = np.isfinite(intercepts)
    assert found[0]
    assert not found[-1]
    assert np.all(np.diff(intercepts[found]) >= 0.0)
    assert np.all(np.diff(found.astype(int)) <= 0)  # once lost, never found again


def test_batch_matches_one_pair_at_a_time_and_ready_broadcasts():
    types = interceptor_types()
    kinds = [types["gbi"], types["sm-3-iia"], KIND]
    sites = np.stack([SITE, SITE * 1.0000001, [0.0, R_EARTH_MEAN_M, 0.0]])
    r_one, alt_one = incoming()
    r = np.concatenate(
        [r_one, r_one + np.array([0.0, 0.0, 50e3]), np.full_like(r_one, np.nan), r_one]
    )
    alt = np.concatenate([alt_one, alt_one, np.full_like(alt_one, np.nan), alt_one + 20e3])
    ready = np.array([[0.0, 50.0, 0.0, 400.0]])  # (1, n_object) broadcasts over batteries
    windows = intercept_windows(kinds, sites, T_S, r, alt)
    assert windows.launch_by_s.shape == windows.distance_m.shape == (3, 4, T_S.size)
    intercept, launch = windows.earliest(ready)
    assert intercept.shape == launch.shape == (3, 4)
    assert windows.latest_intercept_s().shape == (3, 4)
    assert np.isfinite(intercept[0, 0])
    assert np.isnan(intercept[:, 2]).all()
    for b, kind in enumerate(kinds):
        for o in range(4):
            one = intercept_windows([kind], sites[b : b + 1], T_S, r[o : o + 1], alt[o : o + 1])
            assert np.array_equal(one.launch_by_s[0, 0], windows.launch_by_s[b, o], equal_nan=True)
            i1, l1 = one.earliest(ready[0, o])
            assert np.array_equal(i1[0, 0], intercept[b, o], equal_nan=True)
            assert np.array_equal(l1[0, 0], launch[b, o], equal_nan=True)
    with pytest.raises(ValueError, match=r"ready_s must broadcast to \(n_battery, n_object\)"):
        windows.earliest(np.zeros(3))


@pytest.mark.parametrize(("n_battery", "n_object"), [(0, 2), (2, 0), (0, 0)])
def test_empty_batteries_or_objects_give_empty_arrays(n_battery, n_object):
    r_one, alt_one = incoming()
    r = np.repeat(r_one, n_object, axis=0)
    alt = np.repeat(alt_one, n_object, axis=0)
    windows = intercept_windows([KIND] * n_battery, np.tile(SITE, (n_battery, 1)), T_S, r, alt)
    assert windows.launch_by_s.shape == (n_battery, n_object, T_S.size)
    assert windows.distance_m.shape == (n_battery, n_object, T_S.size)
    intercept, launch = windows.earliest(0.0)
    assert intercept.shape == launch.shape == (n_battery, n_object)
    assert windows.latest_intercept_s().shape == (n_battery, n_object)


def test_no_samples_gives_nan():
    windows = intercept_windows(
        [KIND], SITE[None], np.zeros(0), np.zeros((1, 0, 3)), np.zeros((1, 0))
    )
    intercept, launch = windows.earliest(0.0)
    assert intercept.shape == (1, 1)
    assert np.isnan(intercept).all()
    assert np.isnan(launch).all()
    assert np.isnan(windows.latest_intercept_s()).all()


def test_bad_shapes_and_times_are_refused_with_sentences():
    r, alt = incoming()
    with pytest.raises(ValueError, match=r"site_r_ecef_m must have shape \(2, 3\)"):
        intercept_windows([KIND, KIND], SITE[None], T_S, r, alt)
    with pytest.raises(ValueError, match=r"r_ecef_m must have shape \(n_object, 100, 3\)"):
        intercept_windows([KIND], SITE[None], T_S, r[:, :5], alt)
    with pytest.raises(ValueError, match=r"altitude_m must have shape \(1, 100\)"):
        intercept_windows([KIND], SITE[None], T_S, r, alt[:, :5])
    with pytest.raises(ValueError, match=r"ground_range_m must have shape \(1, 1, 100\)"):
        intercept_windows([KIND], SITE[None], T_S, r, alt, ground_range_m=alt)
    with pytest.raises(ValueError, match="t_s must be a 1-D array of strictly increasing"):
        intercept_windows([KIND], SITE[None], T_S[::-1], r, alt)


def test_sub_point_distance_on_the_sphere():
    quarter = sub_point_distance_m(SITE, [0.0, 0.0, 7_000e3])  # pole, any altitude
    assert quarter.shape == ()
    assert quarter == pytest.approx(0.5 * np.pi * R_EARTH_MEAN_M)
    batch = sub_point_distance_m(SITE, [[1.0, 0.0, 0.0], [-2.0, 0.0, 0.0], [np.nan, 0.0, 0.0]])
    assert batch.shape == (3,)
    assert batch[0] == 0.0
    assert batch[1] == pytest.approx(np.pi * R_EARTH_MEAN_M)
    assert np.isnan(batch[2])


def test_windows_are_a_plain_record():
    windows = InterceptWindows(
        t_s=np.array([0.0, 10.0]),
        launch_by_s=np.array([[[-5.0, 4.0]]]),
        distance_m=np.array([[[1e5, 1e5]]]),
    )
    intercept, launch = windows.earliest(0.0)
    # launch_by - ready goes from -5 to +4 between 0 and 10 s: crossing at 5/9 of the way.
    assert intercept[0, 0] == pytest.approx(10.0 * 5.0 / 9.0)
    assert launch[0, 0] == 0.0
    assert windows.latest_intercept_s()[0, 0] == 10.0
