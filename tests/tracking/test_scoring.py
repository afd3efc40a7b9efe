"""Track owners: a track is on the object that made at least half its measurements."""

import numpy as np

from goldendome.tracking.scoring import OWNER_SHARE, track_owners
from goldendome.tracking.tracker import TrackLog


def _log(n_tracks: int, assigned: list[int]) -> TrackLog:
    never = np.full(n_tracks, np.nan)
    return TrackLog(
        created_s=np.zeros(n_tracks),
        firm_s=never,
        fire_control_s=never.copy(),
        sensors=[{} for _ in range(n_tracks)],
        assigned=np.array(assigned, dtype=np.int64),
    )


def test_one_track_one_object():
    owner = track_owners(_log(1, [0, 0]), np.array([3, 3]), n_objects=4)
    assert owner.tolist() == [3]
    assert owner.dtype == np.int64


def test_majority_half_confused_and_unused_tracks_batch():
    # Track 0: object 1 made 2 of 3. Track 1: objects 0, 1, 2 one each (confused).
    # Track 2: objects 2 and 0 one each (half is enough; the tie goes to the lower id).
    # Track 3: no measurement. One measurement on no track (-1).
    assigned = [0, 0, 0, 1, 1, 1, 2, 2, -1]
    truth = np.array([1, 1, 0, 0, 1, 2, 2, 0, 3])
    owner = track_owners(_log(4, assigned), truth, n_objects=4)
    assert OWNER_SHARE == 0.5
    assert owner.tolist() == [1, -1, 0, -1]


def test_no_assignment_gives_no_owners():
    assert track_owners(_log(2, [-1, -1]), np.array([0, 1]), 2).tolist() == [-1, -1]


def test_a_track_that_followed_the_boosting_missile_and_then_its_warhead_is_the_warhead_s():
    # Track 0: 6 measurements of missile 0 in boost, then 3 of its RV (object 2): the RV's.
    # Track 1: 4 of missile 0 in boost alone: the missile's.
    # Track 2: 3 of the spent stage (object 0 after burnout), 1 of the RV: the stage's.
    assigned = [0] * 9 + [1] * 4 + [2] * 4
    truth = np.array([0] * 6 + [2] * 3 + [0] * 4 + [0, 0, 0, 2])
    boosting = np.array([True] * 6 + [False] * 3 + [True] * 4 + [False] * 4)
    owner = track_owners(_log(3, assigned), truth, n_objects=3, boosting=boosting)
    assert owner.tolist() == [2, 0, 0]
    # Counted alike, the boost's six measurements would make track 0 the missile's.
    assert track_owners(_log(3, assigned), truth, n_objects=3).tolist() == [0, 0, 0]
