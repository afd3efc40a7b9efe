"""Starting the tentative tracks of a time step from the measurements no track claimed:
one radar measurement each (:mod:`goldendome.tracking.initiation`), or two infrared lines
of sight that cross (:mod:`goldendome.tracking.triangulation`); a new track beside a live
one of known velocity borrows it (:mod:`goldendome.tracking.neighbour_prior`).
"""

from typing import TYPE_CHECKING

import numpy as np
from scipy.spatial import cKDTree

from goldendome.physics._types import BoolArray, FloatArray, IntArray
from goldendome.tracking.initiation import initial_state_from_measurement
from goldendome.tracking.live_tracks import LiveTracks
from goldendome.tracking.neighbour_prior import borrow_velocity
from goldendome.tracking.track_log import LogBuilder
from goldendome.tracking.triangulation import triangulate_pairs

if TYPE_CHECKING:
    from goldendome.tracking.settings import TrackerSettings


def start_tracks(
    live: LiveTracks,
    log: LogBuilder,
    rows: IntArray,
    t: float,
    sensor: IntArray,
    m: tuple[FloatArray, FloatArray, FloatArray, FloatArray, FloatArray],
    st: "TrackerSettings",
    plume: BoolArray | None = None,
) -> None:
    """New tentative tracks from the measurements of time ``t`` no track took; ``plume``
    (one flag per measurement) marks plume reports, and a track started on one is powered."""
    z, sigma, o_r, o_v, rot = (a[rows] for a in m)
    radar = np.isfinite(z[:, 0])
    x, p = initial_state_from_measurement(
        z[radar], sigma[radar], o_r[radar], o_v[radar], rot[radar]
    )
    first, second = rows[radar], np.full(int(radar.sum()), -1, dtype=np.int64)
    ir = np.flatnonzero(~radar)
    if ir.size >= 2:
        x_ir, pairs = triangulate_pairs(z[ir], o_r[ir], rot[ir], st.triangulation_gate_m)
        prior = np.diag([st.ir_position_sigma_m**2] * 3 + [st.ir_velocity_sigma_m_s**2] * 3)
        x = np.concatenate([x, x_ir])
        p = np.concatenate([p, np.repeat(prior[None], pairs.shape[0], axis=0)])
        first = np.concatenate([first, rows[ir[pairs[:, 0]]]])
        second = np.concatenate([second, rows[ir[pairs[:, 1]]]])
    if st.neighbour_radius_m > 0.0:
        x, p = borrow_velocity(live, x, p, radius_m=st.neighbour_radius_m,
                               spread_m_s=st.neighbour_spread_m_s,
                               max_sigma_m_s=st.neighbour_max_sigma_m_s)  # fmt: skip
    ids = log.new_tracks(t, sensor[first])
    log.assigned[first] = ids
    two = second >= 0
    log.assigned[second[two]] = ids[two]
    hot, since = None, None
    if plume is not None:
        hot = plume[first] | np.where(two, plume[np.maximum(second, 0)], False)
        since = inherited_plume_t(live, x, st.neighbour_radius_m)
    live.add(ids, x, p, t, hot)
    if since is not None:
        new = slice(len(live) - ids.size, len(live))
        live.plume_t[new] = np.maximum(live.plume_t[new], since)


def inherited_plume_t(live: LiveTracks, x_eci: FloatArray, radius_m: float) -> FloatArray:
    """The last plume report of the live track nearest each new track within ``radius_m``
    (-inf: none): an object that appears beside a missile that was burning moments ago
    (its spent stage, its bus, a released warhead) is in the same post-boost phase.

    Parameters
    ----------
    live : LiveTracks
        Before the new tracks are added.
    x_eci : (n, 6) float64, m and m/s
    radius_m : float, m

    Returns
    -------
    (n,) float64, s
    """
    out = np.full(x_eci.shape[0], -np.inf)
    ok = np.isfinite(x_eci[:, 0])
    if not len(live) or not ok.any() or radius_m <= 0.0:
        return out
    dist, k = cKDTree(live.x[:, :3]).query(x_eci[ok, :3], distance_upper_bound=radius_m)
    near = np.isfinite(dist)
    rows = np.flatnonzero(ok)[near]
    out[rows] = live.plume_t[k[near]]
    return out
