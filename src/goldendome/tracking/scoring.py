"""Scoring tracks against the truth, after the fact: which object each track is on.

The tracker never reads which object made a measurement; only afterwards is each track
given an owner: the object that made most of its measurements, if that object made at
least :data:`OWNER_SHARE` of them. A track that wandered among objects is on none of them,
however precise its covariance says it is.
"""

import numpy as np

from goldendome.physics._types import IntArray
from goldendome.tracking.tracker import TrackLog

#: Least share of a track's measurements one object must have made for the track to be on it.
OWNER_SHARE = 0.5


def track_owners(log: TrackLog, truth_object: IntArray, n_objects: int) -> IntArray:
    """The object each track is on, or -1.

    Parameters
    ----------
    log : TrackLog
        The tracker's record; ``log.assigned`` gives each measurement's track (-1: none).
    truth_object : (n_measurement,) int64
        The object that made each measurement (``Measurements.object``), in the order the
        tracker was given them; ids in ``0 .. n_objects - 1``.
    n_objects : int
        Objects of the scene.

    Returns
    -------
    (n_track,) int64
        Object id of each track's owner, -1 for a track with none (see the module notes).
    """
    owner = np.full(len(log), -1, dtype=np.int64)
    used = log.assigned >= 0
    if not used.any():
        return owner
    track, made = log.assigned[used], truth_object[used].astype(np.int64)
    pairs, votes = np.unique(track * n_objects + made, return_counts=True)
    pair_track, pair_object = pairs // n_objects, pairs % n_objects
    # Most votes first, the lowest object id among equals (as an argmax would pick).
    order = np.lexsort((pair_object, -votes, pair_track))
    first = order[np.r_[True, np.diff(pair_track[order]) != 0]]
    total = np.bincount(track, minlength=len(log))
    best = pair_track[first]
    won = votes[first] >= OWNER_SHARE * total[best]
    owner[best[won]] = pair_object[first][won]
    return owner
