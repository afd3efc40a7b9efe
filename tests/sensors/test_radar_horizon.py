"""The radar horizon: one value and a batch, the inverse, and the limits."""

import numpy as np

from goldendome.sensors.radar_horizon import (
    horizon_distance_m,
    lowest_visible_height_m,
    radar_horizon_range_m,
)


def test_one_value_and_a_batch_agree() -> None:
    radar = np.array([10.0, 30.0, 9_000.0])
    target = np.array([[30.0], [60.0]])
    batch = radar_horizon_range_m(radar, target)
    assert batch.shape == (2, 3)
    for i in range(2):
        for j in range(3):
            one = radar_horizon_range_m(float(radar[j]), float(target[i, 0]))
            assert one.shape == ()
            assert float(one) == batch[i, j]


def test_the_horizon_grows_with_height_and_starts_at_zero() -> None:
    d = horizon_distance_m(np.array([-5.0, 0.0, 1.0, 100.0, 10_000.0]))
    assert d[0] == 0.0
    assert d[1] == 0.0
    assert np.all(np.diff(d[1:]) > 0)


def test_the_lowest_visible_height_inverts_the_horizon() -> None:
    radar_m, target_m = 9_000.0, np.array([0.0, 15.0, 60.0, 500.0, 3_000.0])
    reach = radar_horizon_range_m(radar_m, target_m)
    back = lowest_visible_height_m(radar_m, reach)
    assert np.abs(back - target_m).max() < 1e-6  # meters
    inside = lowest_visible_height_m(radar_m, horizon_distance_m(radar_m) * np.array([0.0, 0.5]))
    assert np.all(inside == 0.0)


def test_more_refraction_sees_farther() -> None:
    standard = radar_horizon_range_m(10.0, 30.0)
    ducting = radar_horizon_range_m(10.0, 30.0, k=4.0)
    no_refraction = radar_horizon_range_m(10.0, 30.0, k=1.0)
    assert no_refraction < standard < ducting
