"""Merging live tracks whose states coincide: two tracks on one object are one too many.

Two tracks started on one object (a second initiation before the first track's gate had
shrunk, or JPDA's coalescence, where two tracks sharing a cluster's measurements converge
to the same state) take the same measurements from then on, and downstream each is an
object to engage. At the end of a time step, pairs of live tracks within ``radius_m`` of
each other (a k-d tree of positions finds them) are tested on their whole state: the pair
is one object when

    d^2 = (x_a - x_b)^T (P_a + P_b)^-1 (x_a - x_b) <= threshold,

the 6-degree-of-freedom chi-square quantile at ``probability``. This is the test that the
two estimates are of the same state, taken with their errors independent (which overstates
the spread of two tracks fed by the same measurements, so it merges at least these). Of
a merged pair the track updated at more times lives on and the other ends; between two
updated as often, the older (lower id: firm first, or started first). A duplicate started
beside a live track has fewer updates than it, so the older lives on as before; but two
tracks on two objects flying side by side (a warhead and its spent stage) can also pass
the test once one of them has gone unseen long enough for its covariance to grow (a small,
cold warhead that the radars have lost, beside a stage the infrared layer still sees). If
the older of such a pair lived on, it would end the track that holds the stage and go on
with the stage's measurements: the warhead's track, already at fire control and perhaps
engaged, would become the stage's. The track that has taken more measurements is the
one on the object still being seen. Tracks on two objects a few hundred metres apart are
kept apart once their covariances are smaller than that distance; while both are wider,
they are one track, and the second object gets its own when its measurements fall outside
the first's gate.

Two tracks that both took measurements of one sensor in the time step are never merged:
one measurement goes to one track, so that sensor saw two objects. Without this, a warhead
leaving its post-boost vehicle where only the infrared tracking layer sees them (no radar
near) was lost at every scan: the vehicle's track took its measurements, a track started on
the warhead's, and that new track (its covariance wide, so the state test passes) ended at
once, having fewer updates. The default raid without Japan's two AN/TPY-2s reached fire
control on six of its eight Hwasong-18 warheads 170-450 s after their release.

Under the JPDA a track in a ballistic cluster often takes no measurement outright: its
weight is spread over its neighbours' measurements. The tracker therefore lists, beside the
measurements assigned to a track, every measurement the JPDA gave it a weight of at least
``merge_resolve_beta`` (0 by default, off; 0.3 in the russian-raid and chinese-raid files, a
goldendome assumption), and two tracks are resolved when one
sensor's measurements listed under them are at least two: each may then have taken a
different one. A duplicate that took the one measurement its elder weighed is still merged.
Without this, the russian-raid's Sarmat-class buses lost each warhead's new track at every
scan: a measurement of a warhead leaving its bus, claimed by no track, started a track, and
that track (wide, so the state test passes) was merged into the bus cluster's track, which
had weighed the other measurements of that scan. In the full raid (2 trials, seed 2029) the
first warhead of each bus reached fire control a median 340 s after launch instead of 1,430 s
(9 of 10 buses instead of 10; track purity 0.650 either way).

For level fliers that holds afterwards too (``resolved``, ``remember``): two air-breathing
tracks that a sensor has once resolved stay two objects. A track on a close salvo of cruise
missiles that went unseen for a scan or two grew wide enough (1 g of manoeuvre noise) to
pass the test against its neighbour's track, and the older ended the neighbour's, which
held a missile its sensor was still measuring. Ballistic tracks keep the one-step rule: a
duplicate pair on one warhead may each take a measurement of one scan once (one of them
its neighbour's), and remembering that kept it apart for good.
"""

import numpy as np
from scipy.spatial import cKDTree
from scipy.stats import chi2

from goldendome.physics._types import BoolArray, FloatArray, IntArray


def coincident(
    ids: IntArray,
    x_eci: FloatArray,
    covariance: FloatArray,
    *,
    radius_m: float,
    probability: float,
    updates: IntArray | None = None,
    took: tuple[IntArray, ...] | None = None,
    resolved: set[tuple[int, int]] | None = None,
    remember: BoolArray | None = None,
) -> BoolArray:
    """Which tracks duplicate a track that lives on (see the module notes).

    Parameters
    ----------
    ids : (n,) int64
        Track ids (older tracks have lower ids).
    x_eci : (n, 6) float64, m and m/s
    covariance : (n, 6, 6) float64
    radius_m : float, m
        Largest distance between two tracks tested.
    probability : float
        Chi-square probability of the 6-dof state test.
    updates : (n,) int64, optional
        Times each track was updated: of a merged pair, the one with more lives on.
        None: the older always does.
    took : ((m,) int64, (m,) int64) or ((m,) int64, (m,) int64, (m,) int64), optional
        Track id and sensor of each measurement a track took in this time step (and,
        optionally, the measurement's row): two tracks that took measurements of one
        sensor's scan are two objects that sensor resolved, never merged. With rows, a
        measurement may appear under several tracks (each that it probably updated), and
        two tracks are resolved when one sensor's measurements under them are at least two
        (module notes). None: no such test.
    resolved : set of (int, int), optional
        Id pairs ``(lower, higher)`` that some sensor has resolved in an earlier time step:
        never merged. Updated in place with the pairs within ``radius_m`` that ``took``
        shows resolved in this one. None: only this step's ``took`` counts.
    remember : (n,) bool, optional
        The tracks whose pairs ``resolved`` records and keeps apart (both of a pair must be;
        None: every track).

    Returns
    -------
    (n,) bool
        True for the tracks to end: each duplicates a track that lives on.
    """
    n = ids.size
    drop = np.zeros(n, bool)
    if n < 2:
        return drop
    pairs = cKDTree(x_eci[:, :3]).query_pairs(radius_m, output_type="ndarray")
    if not pairs.size:
        return drop
    a, b = pairs[:, 0], pairs[:, 1]
    apart = np.zeros(a.size, bool)
    if resolved is not None:
        kept = np.ones(a.size, bool) if remember is None else remember[a] & remember[b]
        lo, hi = np.minimum(ids[a], ids[b]).tolist(), np.maximum(ids[a], ids[b]).tolist()
        if took is not None:
            now = _resolved(ids[a], ids[b], took) & kept
            resolved.update((lo[k], hi[k]) for k in np.flatnonzero(now).tolist())
        apart = kept & np.array([(i, j) in resolved for i, j in zip(lo, hi, strict=True)], bool)
    d = x_eci[a] - x_eci[b]
    s = covariance[a] + covariance[b]
    # Scale to unit diagonal before solving: positions (m) and velocities (m/s) mix.
    scale = 1.0 / np.sqrt(np.diagonal(s, axis1=1, axis2=2))
    sn = s * scale[:, :, None] * scale[:, None, :]
    dn = d * scale
    d2 = np.einsum("pi,pi->p", dn, np.linalg.solve(sn, dn[..., None])[..., 0])
    same = (d2 <= chi2.ppf(probability, 6)) & ~apart
    if took is not None and same.any():
        same[same] = ~_resolved(ids[a[same]], ids[b[same]], took)
    if not same.any():
        return drop
    a, b, d2 = a[same], b[same], d2[same]
    # One of each pair ends; pairs are taken closest first, and a track already ended keeps
    # no one else from living on.
    if updates is None:
        a_lives = ids[a] < ids[b]
    else:
        a_lives = _lives_on(ids[a], ids[b], updates[a], updates[b])
    ends = np.where(a_lives, b, a)
    lives = np.where(a_lives, a, b)
    for k in np.argsort(d2):
        if not drop[lives[k]]:
            drop[ends[k]] = True
    return drop


def _lives_on(id_a: IntArray, id_b: IntArray, n_a: IntArray, n_b: IntArray) -> BoolArray:
    """Whether track ``a`` of each pair lives on: more updates, or as many and older."""
    return np.asarray((n_a > n_b) | ((n_a == n_b) & (id_a < id_b)), dtype=bool)


def _resolved(id_a: IntArray, id_b: IntArray, took: tuple[IntArray, ...]) -> BoolArray:
    """Whether tracks ``a`` and ``b`` of each pair took measurements of a common sensor in
    this time step, at least two measurements between them (one measurement goes to one
    object, so the sensor saw two). Without rows in ``took`` every entry is a measurement
    of its own."""
    out = np.zeros(id_a.size, dtype=bool)
    track, sensor = np.asarray(took[0], np.int64), np.asarray(took[1], np.int64)
    row = np.asarray(took[2], np.int64) if len(took) > 2 else np.arange(track.size)
    ids = np.unique(np.concatenate([id_a, id_b]))
    pos = np.searchsorted(ids, track)
    mine = (pos < ids.size) & (ids[np.minimum(pos, ids.size - 1)] == track)
    if not mine.any():
        return out
    # Each (track, sensor, row) once, then per (track, sensor): how many rows, and one.
    entries = np.unique(np.column_stack([pos[mine], sensor[mine], row[mine]]), axis=0)
    keys, first, count = np.unique(entries[:, :2], axis=0, return_index=True, return_counts=True)
    a, b = np.searchsorted(ids, id_a), np.searchsorted(ids, id_b)
    for s in np.unique(keys[:, 1]).tolist():
        here = keys[:, 1] == s
        n = np.zeros(ids.size, np.int64)
        r = np.full(ids.size, -1, np.int64)
        n[keys[here, 0]] = count[here]
        r[keys[here, 0]] = entries[first[here], 2]
        both = (n[a] > 0) & (n[b] > 0)
        out |= both & ((n[a] > 1) | (n[b] > 1) | (r[a] != r[b]))
    return out
