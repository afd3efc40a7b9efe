"""A new track's velocity prior from a live track beside it: objects released from one bus,
or flying one arc seconds apart, share their velocity to within tens of m/s.

A track started from one radar measurement knows its velocity along the line of sight
only, and one started from two crossing infrared lines of sight knows none of it (the prior
is the Earth's surface velocity with a 5 km/s sigma, :mod:`goldendome.tracking.tracker`).
Ten seconds later its gate spans tens of kilometres and holds every object of its cluster,
so which one it takes next is a coin toss, and the track wanders among them. A cluster
member is no stranger to the tracks already on its cluster, though: when a live track
whose velocity is known to ``max_sigma_m_s`` lies within ``radius_m`` of the new one, the
new track takes that track's velocity, with its covariance plus ``spread_m_s`` squared on
each axis for the difference between the objects (the position and its covariance stay
the measurement's). Where no such neighbour exists the wide prior stands.
"""

import numpy as np
from scipy.spatial import cKDTree

from goldendome.physics._types import FloatArray
from goldendome.tracking.live_tracks import LiveTracks, largest_sigma


def borrow_velocity(
    live: LiveTracks,
    x_eci: FloatArray,
    covariance: FloatArray,
    *,
    radius_m: float,
    spread_m_s: float,
    max_sigma_m_s: float,
) -> tuple[FloatArray, FloatArray]:
    """New tracks' states with the velocity of their nearest known-velocity neighbour.

    Parameters
    ----------
    live : LiveTracks
        The live tracks, predicted to the new tracks' time.
    x_eci : (n, 6) float64, m and m/s
    covariance : (n, 6, 6) float64
        The new tracks' states and covariances from their measurements.
    radius_m : float, m
        Farthest neighbour whose velocity is taken.
    spread_m_s : float, m/s
        One-sigma velocity difference added to the neighbour's velocity covariance.
    max_sigma_m_s : float, m/s
        Largest velocity sigma (root of the largest eigenvalue) of a neighbour.

    Returns
    -------
    x_eci : (n, 6) float64
    covariance : (n, 6, 6) float64
        Copies, changed where a neighbour was found.
    """
    x, p = x_eci.copy(), covariance.copy()
    if not len(live) or not x.shape[0]:
        return x, p
    known = np.flatnonzero(largest_sigma(live.p, 3) <= max_sigma_m_s)
    ok = np.isfinite(x[:, 0])
    if not known.size or not ok.any():
        return x, p
    dist, k = cKDTree(live.x[known, :3]).query(x[ok, :3], distance_upper_bound=radius_m)
    near = np.isfinite(dist)
    rows = np.flatnonzero(ok)[near]
    src = known[k[near]]
    x[rows, 3:] = live.x[src, 3:]
    p[rows, 3:, :] = 0.0
    p[rows, :, 3:] = 0.0
    p[rows, 3:, 3:] = live.p[src, 3:, 3:] + spread_m_s**2 * np.eye(3)
    return x, p
