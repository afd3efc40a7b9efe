"""Scoring tracks against the truth, after the fact: which object each track is on.

The tracker never reads which object made a measurement; only afterwards is each track
given an owner: the object that made most of its measurements, if that object made at
least :data:`OWNER_SHARE` of them. A track that wandered among objects is on none of them,
however precise its covariance says it is.

Measurements of a missile in powered flight are a special case: the missile carries its
payload until burnout, when the spent stage drops back and the bus with the warheads flies
on. A track that followed the boosting missile and then the bus and its warhead is the
warhead's track, whichever way the measurements' count goes, so measurements flagged
``boosting`` vote only in tracks with no other measurements (a track of the boost alone is
the missile's).
"""

import numpy as np

from goldendome.physics._types import BoolArray, IntArray
from goldendome.physics.measurements import Measurements
from goldendome.physics.scene import SceneObjects
from goldendome.tracking.tracker import TrackLog

#: Least share of a track's measurements one object must have made for the track to be on it.
OWNER_SHARE = 0.5


def track_owners(
    log: TrackLog, truth_object: IntArray, n_objects: int, boosting: BoolArray | None = None
) -> IntArray:
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
    boosting : (n_measurement,) bool, optional
        Measurements of a missile in powered flight (see the module notes); None: every
        measurement votes alike.

    Returns
    -------
    (n_track,) int64
        Object id of each track's owner, -1 for a track with none (see the module notes).
    """
    owner = np.full(len(log), -1, dtype=np.int64)
    used = log.assigned >= 0
    if not used.any():
        return owner
    if boosting is not None:
        coast = used & ~boosting
        # Boost measurements vote only where a track has no coasting measurement.
        has_coast = np.bincount(log.assigned[coast], minlength=len(log)) > 0
        used = coast | (used & boosting & ~has_coast[np.maximum(log.assigned, 0)])
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


def boosting_measured(scene: SceneObjects, m: Measurements) -> BoolArray:
    """Which measurements were made of an object in powered flight (truth, for scoring).

    Parameters
    ----------
    scene : SceneObjects
        The objects the sensors measured, ``boosting (n_object, n_time)``.
    m : Measurements
        Their measurements (``m.object`` -1: a false alarm, never boosting); each taken at
        the scene's sample nearest its time.

    Returns
    -------
    (n_measurement,) bool
    """
    t = scene.t_s
    if not len(m) or not t.size:
        return np.zeros(len(m), dtype=bool)
    k = np.clip(np.searchsorted(t, m.t_s), 1, max(t.size - 1, 1))
    k = np.where(np.abs(t[k - 1] - m.t_s) <= np.abs(t[np.minimum(k, t.size - 1)] - m.t_s), k - 1, k)
    k = np.clip(k, 0, t.size - 1)
    real = m.object >= 0
    out = np.zeros(len(m), dtype=bool)
    out[real] = scene.boosting[m.object[real], k[real]]
    return out
