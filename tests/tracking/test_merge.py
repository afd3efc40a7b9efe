"""Merging coincident tracks: which of a merged pair lives on."""

import numpy as np

from goldendome.tracking.merge import coincident

R_M = 7_000e3


def _pair(separation_m: float, sigma_m: float) -> tuple[np.ndarray, np.ndarray]:
    """Two states ``separation_m`` apart along x, same velocity, each with isotropic
    position sigma ``sigma_m`` and velocity sigma 10 m/s."""
    x = np.array([[R_M, 0.0, 0.0, 0.0, 7e3, 0.0], [R_M + separation_m, 0.0, 0.0, 0.0, 7e3, 0.0]])
    p = np.tile(np.diag([sigma_m**2] * 3 + [100.0] * 3), (2, 1, 1))
    return x, p


def test_two_tracks_of_one_state_merge_and_the_older_lives_on_without_update_counts():
    x, p = _pair(100.0, 1_000.0)
    ids = np.array([7, 3])
    drop = coincident(ids, x, p, radius_m=20e3, probability=0.99)
    assert drop.tolist() == [True, False]  # track 7 is younger


def test_the_track_updated_more_often_lives_on_even_if_younger():
    # A warhead's track (id 3) that the radars lost beside its stage's track (id 7), which
    # the infrared layer kept updating: the stage's track must not end, or the warhead's
    # would go on with the stage's measurements and become the stage's.
    x, p = _pair(3_000.0, 5_000.0)
    ids = np.array([3, 7])
    drop = coincident(ids, x, p, radius_m=20e3, probability=0.99, updates=np.array([60, 140]))
    assert drop.tolist() == [True, False]


def test_as_many_updates_the_older_lives_on():
    x, p = _pair(100.0, 1_000.0)
    ids = np.array([3, 7])
    drop = coincident(ids, x, p, radius_m=20e3, probability=0.99, updates=np.array([9, 9]))
    assert drop.tolist() == [False, True]


def test_tracks_apart_beyond_their_errors_do_not_merge_whatever_their_updates():
    x, p = _pair(3_000.0, 100.0)
    drop = coincident(np.array([3, 7]), x, p, radius_m=20e3, probability=0.99,
                      updates=np.array([1, 50]))  # fmt: skip
    assert not drop.any()
