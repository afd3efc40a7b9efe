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


def test_two_tracks_that_took_measurements_of_one_scan_are_not_merged():
    # A warhead just released from its post-boost vehicle: the tracking layer's sensors see
    # both, the vehicle's track takes one of each sensor's measurements and a new track
    # starts on the others. The new track's covariance is wide enough to pass the state
    # test, but one sensor resolved two objects: ending it would lose the warhead again at
    # every scan.
    x, p = _pair(100.0, 1_000.0)
    ids = np.array([3, 7])
    took = (np.array([3, 3, 7, 7]), np.array([11, 12, 11, 12]))
    drop = coincident(ids, x, p, radius_m=20e3, probability=0.99,
                      updates=np.array([40, 1]), took=took)  # fmt: skip
    assert not drop.any()


def test_tracks_updated_by_different_sensors_still_merge():
    # A duplicate started on another sensor's measurement of the same object is one too many.
    x, p = _pair(100.0, 1_000.0)
    ids = np.array([3, 7])
    took = (np.array([3, 7]), np.array([11, 12]))
    drop = coincident(ids, x, p, radius_m=20e3, probability=0.99,
                      updates=np.array([40, 1]), took=took)  # fmt: skip
    assert drop.tolist() == [False, True]


def test_a_new_track_beside_a_cluster_track_that_weighed_another_measurement_lives_on():
    # A warhead leaving its bus inside a ballistic cluster: the cluster's track (id 3) took
    # no measurement outright (JPDA spread its weight), but weighed two of the early-warning
    # radar's (rows 20 and 21); row 21, claimed by no track, started track 7. The radar saw
    # two objects there, so the new track is not the old one's duplicate.
    x, p = _pair(100.0, 1_000.0)
    ids = np.array([3, 7])
    took = (np.array([3, 3, 7]), np.array([12, 12, 12]), np.array([20, 21, 21]))
    drop = coincident(ids, x, p, radius_m=20e3, probability=0.99,
                      updates=np.array([40, 1]), took=took)  # fmt: skip
    assert not drop.any()


def test_two_tracks_that_weighed_only_one_and_the_same_measurement_still_merge():
    # A duplicate that took the very measurement the old track weighed: one object seen.
    x, p = _pair(100.0, 1_000.0)
    ids = np.array([3, 7])
    took = (np.array([3, 7]), np.array([12, 12]), np.array([21, 21]))
    drop = coincident(ids, x, p, radius_m=20e3, probability=0.99,
                      updates=np.array([40, 1]), took=took)  # fmt: skip
    assert drop.tolist() == [False, True]
