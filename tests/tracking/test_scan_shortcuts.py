"""The scan's shortcuts give the numbers of the longer way, bit for bit (tracking/scan.py,
1a0655c): the variance without ``np.nan_to_num``, the EKF update and the JPDA innovations
fed the pairs' predicted measurements instead of predicting them again, and the live
tracks' recent update times shifted without ``np.roll``."""

import numpy as np

from goldendome.tracking import ekf
from goldendome.tracking.jpda_update import innovations
from goldendome.tracking.live_tracks import LiveTracks
from goldendome.tracking.measurement import predict as predict_measurement
from goldendome.tracking.measurement import variance


def test_variance_is_nan_to_num_squared_for_nan_finite_and_infinite_sigmas():
    sigma = np.array([[np.nan, 0.0, 3.5e-6, 12.0], [np.inf, np.nan, 1e150, 2.0]])
    with np.errstate(over="ignore"):
        expected = np.nan_to_num(sigma) ** 2
    assert np.array_equal(variance(sigma), expected)
    assert variance(sigma)[1, 0] == np.inf


def _pairs(n: int, seed: int):
    """``n`` tracks about 1,000 km from a sensor, each paired with a noisy measurement of
    range, angles and (on every other row) range rate."""
    rng = np.random.default_rng(seed)
    r = rng.normal(0.0, 3e5, (n, 3)) + np.array([6.9e6, 0.0, 1e6])
    v = rng.normal(0.0, 2e3, (n, 3)) + np.array([0.0, 7e3, 0.0])
    x = np.column_stack([r, v])
    a = rng.normal(size=(n, 6, 6))
    p = a @ np.swapaxes(a, 1, 2) * 1e4 + np.eye(6) * 1e3
    o_r = np.tile([6.378e6, 0.0, 0.0], (n, 1))
    o_v = np.tile([0.0, 465.0, 0.0], (n, 1))
    rot = np.tile(np.eye(3), (n, 1, 1))
    z_hat, _ = predict_measurement(x, o_r, o_v, rot)
    sigma = np.tile([50.0, 1e-3, 1e-3, 5.0], (n, 1))
    z = z_hat + rng.normal(size=(n, 4)) * sigma
    z[::2, 3] = np.nan
    return x, p, z, sigma, o_r, o_v, rot


def test_update_and_innovations_fed_their_prediction_give_the_same_numbers():
    x, p, z, sigma, o_r, o_v, rot = _pairs(9, seed=3)
    predicted = predict_measurement(x, o_r, o_v, rot)
    plain = ekf.update(x, p, z, sigma, o_r, o_v, rot)
    fed = ekf.update(x, p, z, sigma, o_r, o_v, rot, predicted=predicted)
    for a, b in zip(plain, fed, strict=True):
        assert np.array_equal(a, b)
    assert not np.array_equal(plain.x_eci, x)  # the update did move the states
    plain_i = innovations(x, p, z, sigma, o_r, o_v, rot)
    fed_i = innovations(x, p, z, sigma, o_r, o_v, rot, predicted=predicted)
    for a, b in zip(plain_i, fed_i, strict=True):
        assert np.array_equal(a, b)
    # A subset of the rows' prediction is that subset's own prediction (jpda_step keeps some).
    keep = np.array([0, 2, 3, 7])
    sub = predict_measurement(x[keep], o_r[keep], o_v[keep], rot[keep])
    assert np.array_equal(sub[0], predicted[0][keep])
    assert np.array_equal(sub[1], predicted[1][keep])


def test_recent_times_shift_left_as_np_roll_did():
    live = LiveTracks(confirm_hits=3)
    live.add(np.array([0, 1, 2]), np.zeros((3, 6)), np.tile(np.eye(6), (3, 1, 1)), 0.0)
    before = live.recent.copy()
    live.hit(np.array([2, 0, 2]), 10.0)  # a track listed twice is hit once
    expected = before.copy()
    for k in (0, 2):
        expected[k] = np.roll(before[k], -1)
        expected[k, -1] = 10.0
    assert np.array_equal(live.recent, expected)
    assert live.updates.tolist() == [2, 1, 2]  # a start counts as one update
