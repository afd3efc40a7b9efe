"""Gated global-nearest-neighbour association of measurements to tracks.

The cost of pairing track ``i`` with measurement ``j`` is the normalized innovation squared
``d2 = y^T S^-1 y`` over the components the measurement has (``S = H P H^T + R``); a pair
is allowed only when ``d2`` is below the chi-square quantile of the gate probability for
that many degrees of freedom. Among the allowed pairs, the assignment with the least total
cost is found by ``scipy.optimize.linear_sum_assignment``; forbidden pairs carry a cost no
assignment can afford, and are dropped from the answer. Tracks and measurements with no
allowed pair are left out of that (cubic) problem, and :func:`pair_nis` can screen out
pairs certainly outside their gates before computing their NIS exactly.

The tracker works on candidate pairs instead of the dense matrix: :func:`pairs_nis` gives
the NIS of listed pairs (those :mod:`goldendome.tracking.pregate` keeps), and
:func:`gnn_assign_pairs` solves the same least-cost problem one connected component of the
allowed pairs at a time, which has the same optimum (a matching's cost and size add up over
components) without a matrix of every track by every measurement.
"""

import functools

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.stats import chi2

from goldendome.physics._types import BoolArray, FloatArray, IntArray
from goldendome.physics.angles import wrap_angle
from goldendome.tracking._components import edge_components, group_edges, star_choices
from goldendome.tracking.measurement import predict as predict_measurement
from goldendome.tracking.measurement import variance

#: Probability that a true measurement falls inside its track's gate.
GATE_PROBABILITY = 0.999


@functools.cache
def gate_threshold(probability: float, dof: int) -> float:
    """The chi-square gate holding ``probability`` of a ``dof``-component NIS (cached: the
    tracker asks for the same few every scan)."""
    return float(chi2.ppf(probability, dof))


#: Gates at GATE_PROBABILITY by degrees of freedom (index 0 unused; 1 to 4 components).
_GATES = np.array([np.nan, *(gate_threshold(GATE_PROBABILITY, d) for d in range(1, 5))])
_ANGLES = [1, 2]


def pair_nis(
    x_eci: FloatArray,
    covariance: FloatArray,
    z: FloatArray,
    sigma: FloatArray,
    origin_r: FloatArray,
    origin_v: FloatArray,
    rotation: FloatArray,
    *,
    gate_probability: float | None = None,
) -> tuple[FloatArray, IntArray]:
    """Normalized innovation squared of every (track, measurement) pair.

    Measurements taken from the same sensor frame with the same measured components form a
    group (a scan is usually one); each track's predicted measurement, Jacobian and
    ``H P H^T`` are computed once per group. With ``gate_probability``, pairs are first
    screened by a lower bound on their NIS: with ``R_max`` the group's largest measurement
    variance per component, ``S = H P H^T + R <= H P H^T + R_max``, so
    ``y^T S^-1 y >= y^T (H P H^T + R_max)^-1 y``. A pair whose bound is already above the
    gate is certainly outside it and gets ``inf``; every pair inside the gate keeps its
    exact NIS, so the association is unchanged.

    Parameters
    ----------
    x_eci : (n_track, 6), covariance : (n_track, 6, 6)
        Track states and covariances at the measurements' time, ECI.
    z, sigma : (n_meas, 4)
        Measurements and their noise (NaN where not measured).
    origin_r, origin_v : (n_meas, 3); rotation : (n_meas, 3, 3)
        Sensor frames (see :mod:`goldendome.physics.measurements`).
    gate_probability : float, optional
        Gate of the screening (see :data:`GATE_PROBABILITY`); None computes every pair.

    Returns
    -------
    nis : (n_track, n_meas) float64
        ``inf`` for pairs screened out.
    dof : (n_meas,) int64
        Measured components of each measurement.
    """
    n_t, n_m = x_eci.shape[0], z.shape[0]
    measured = np.isfinite(z)
    nis = np.full((n_t, n_m), np.inf)
    if n_t == 0 or n_m == 0:
        return nis, measured.sum(axis=1).astype(np.int64)
    frames = np.column_stack([origin_r, origin_v, rotation.reshape(n_m, 9), measured])
    _, group = np.unique(frames, axis=0, return_inverse=True)
    for g in range(int(group.max()) + 1):
        cols = np.flatnonzero(group.ravel() == g)
        frame = (origin_r[cols[0]], origin_v[cols[0]], rotation[cols[0]])
        nis[:, cols] = _group_nis(x_eci, covariance, z[cols], sigma[cols], frame, gate_probability)
    return nis, measured.sum(axis=1).astype(np.int64)


def _group_nis(
    x_eci: FloatArray,
    covariance: FloatArray,
    z: FloatArray,
    sigma: FloatArray,
    frame: tuple[FloatArray, FloatArray, FloatArray],
    gate_probability: float | None,
) -> FloatArray:
    """NIS (n_track, n_group) of one group: one sensor frame (origin r, v (3,), rotation
    (3, 3)) and the same measured components."""
    n_t, n_m = x_eci.shape[0], z.shape[0]
    comp = np.flatnonzero(np.isfinite(z[0]))
    out = np.full((n_t, n_m), np.inf)
    if comp.size == 0:
        out[:] = 0.0
        return out
    o_r, o_v, rot = (np.broadcast_to(a, (n_t, *a.shape)) for a in frame)
    z_hat, h = predict_measurement(x_eci, o_r, o_v, rot)
    h = h[:, comp]
    hph = h @ covariance @ np.swapaxes(h, 1, 2)  # (n_t, c, c)
    y = z[None][..., comp] - z_hat[:, None, comp]  # (n_t, n_m, c)
    angles = np.isin(comp, _ANGLES)
    y[..., angles] = wrap_angle(y[..., angles])
    r = variance(sigma[:, comp])  # (n_m, c)
    eye = np.eye(comp.size)
    if gate_probability is None:
        ti, mj = np.repeat(np.arange(n_t), n_m), np.tile(np.arange(n_m), n_t)
    else:
        s_low = hph + r.max(axis=0) * eye
        w = np.linalg.solve(np.linalg.cholesky(s_low), np.swapaxes(y, 1, 2))
        bound = np.einsum("tcm,tcm->tm", w, w)
        ti, mj = np.nonzero(bound <= gate_threshold(gate_probability, comp.size))
    s = hph[ti] + r[mj][:, :, None] * eye
    yp = y[ti, mj]
    out[ti, mj] = np.einsum("pi,pi->p", yp, np.linalg.solve(s, yp[..., None])[..., 0])
    return out


def gnn_assign(nis: FloatArray, dof: IntArray) -> tuple[IntArray, IntArray]:
    """Least-cost one-to-one pairs of tracks and measurements inside their gates.

    Parameters
    ----------
    nis : (n_track, n_meas) float64
    dof : (n_meas,) int64

    Returns
    -------
    tracks, measurements : (n_pair,) int64
        Matched indices.
    """
    if nis.size == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    gate = _GATES[np.clip(dof, 1, _GATES.size - 1)][None, :]
    allowed = np.isfinite(nis) & (nis <= gate)
    # Tracks and measurements with no pair inside a gate cannot be matched: leave them out
    # of the (cubic) assignment problem.
    t_in, m_in = np.flatnonzero(allowed.any(axis=1)), np.flatnonzero(allowed.any(axis=0))
    allowed = allowed[np.ix_(t_in, m_in)]
    cost = nis[np.ix_(t_in, m_in)]
    big = 1e6 * (1.0 + float(np.max(np.where(allowed, cost, 0.0), initial=0.0)))
    rows, cols = linear_sum_assignment(np.where(allowed, cost, big))
    keep = allowed[rows, cols]
    return t_in[rows[keep]].astype(np.int64), m_in[cols[keep]].astype(np.int64)


def gates(dof: IntArray) -> FloatArray:
    """The gate at :data:`GATE_PROBABILITY` of each number of measured components (0 counts
    as 1, as :func:`gnn_assign` does)."""
    return np.asarray(_GATES[np.clip(dof, 1, _GATES.size - 1)], dtype=np.float64)


def measured_patterns(measured: BoolArray) -> list[tuple[IntArray, IntArray]]:
    """The rows of each pattern of measured components, patterns with none left out.

    Parameters
    ----------
    measured : (n, k) bool
        Which components of each row are measured (``k`` at most 62).

    Returns
    -------
    list of ((m,) int64, (r,) int64)
        Per pattern, in increasing order of its components read as bits (component 0 the
        lowest): the measured components and the rows (increasing) with that pattern. A
        bit code per row instead of ``np.unique(measured, axis=0)``, which sorts the rows
        as byte strings: the same groups, at a fraction of the cost.
    """
    if not measured.shape[0]:
        return []
    code = measured.astype(np.int64) @ (np.int64(1) << np.arange(measured.shape[1], dtype=np.int64))
    order = np.argsort(code, kind="stable")
    values, starts = np.unique(code[order], return_index=True)
    bounds = np.append(starts, order.size)
    out = []
    for g, value in enumerate(values.tolist()):
        if value == 0:
            continue
        comp = np.flatnonzero((value >> np.arange(measured.shape[1])) & 1)
        out.append((comp, order[bounds[g] : bounds[g + 1]]))
    return out


def pairs_nis(
    x_eci: FloatArray,
    covariance: FloatArray,
    z: FloatArray,
    sigma: FloatArray,
    origin_r: FloatArray,
    origin_v: FloatArray,
    rotation: FloatArray,
) -> tuple[FloatArray, IntArray]:
    """Normalized innovation squared of ``n`` listed pairs: row ``k`` of every argument
    belongs to pair ``k`` (a track's state and one measurement with its frame).

    The same arithmetic as :func:`pair_nis` without screening.

    Parameters
    ----------
    x_eci : (n, 6) float64; covariance : (n, 6, 6) float64
    z, sigma : (n, 4) float64
    origin_r, origin_v : (n, 3) float64; rotation : (n, 3, 3) float64

    Returns
    -------
    nis : (n,) float64
    dof : (n,) int64
        Measured components of each pair's measurement.
    """
    measured = np.isfinite(z)
    dof = measured.sum(axis=1).astype(np.int64)
    nis = np.zeros(z.shape[0])
    if z.shape[0] == 0:
        return nis, dof
    z_hat, h_all = predict_measurement(x_eci, origin_r, origin_v, rotation)
    for comp, rows in measured_patterns(measured):
        h = h_all[rows][:, comp]
        hph = h @ covariance[rows] @ np.swapaxes(h, 1, 2)
        y = z[rows][:, comp] - z_hat[rows][:, comp]
        angles = np.isin(comp, _ANGLES)
        y[:, angles] = wrap_angle(y[:, angles])
        r = variance(sigma[rows][:, comp])
        s = hph + r[:, :, None] * np.eye(comp.size)
        nis[rows] = np.einsum("pi,pi->p", y, np.linalg.solve(s, y[..., None])[..., 0])
    return nis, dof


def gnn_assign_pairs(
    tracks: IntArray, measurements: IntArray, nis: FloatArray, gate: FloatArray
) -> tuple[IntArray, IntArray]:
    """:func:`gnn_assign` on listed candidate pairs, one connected component at a time.

    Parameters
    ----------
    tracks, measurements : (n_pair,) int64
        Each candidate pair's track and measurement (any ids; each pair listed once).
    nis, gate : (n_pair,) float64
        Its NIS and its measurement's gate; a pair is allowed when ``nis <= gate``.

    Returns
    -------
    tracks, measurements : (n_match,) int64
        The matched pairs.
    """
    allowed = np.isfinite(nis) & (nis <= gate)
    t_id, m_id, cost = tracks[allowed], measurements[allowed], nis[allowed]
    if t_id.size == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    t_id, m_id = t_id.astype(np.int64), m_id.astype(np.int64)
    n_rows, n_cols = int(t_id.max()) + 1, int(m_id.max()) + 1
    comp, n_t, n_m = edge_components(t_id, m_id, n_rows, n_cols)
    # A component with one track or one measurement: its cheapest pair.
    star = star_choices(comp, n_t, n_m, cost)
    chosen = [star[star >= 0]]
    wanted = np.flatnonzero(star < 0)
    edges, starts, local_r, local_c = group_edges(t_id, m_id, comp, wanted, n_rows, n_cols)
    for k in range(wanted.size):
        a, b = starts[k], starts[k + 1]
        e, lr, lc = edges[a:b], local_r[a:b], local_c[a:b]
        big = 1e6 * (1.0 + float(np.max(cost[e])))
        block = np.full((n_t[wanted[k]], n_m[wanted[k]]), big)
        block[lr, lc] = cost[e]
        edge_at = np.full(block.shape, -1, np.int64)
        edge_at[lr, lc] = e
        r, c = linear_sum_assignment(block)
        picked = edge_at[r, c]
        chosen.append(picked[picked >= 0])
    pick = np.concatenate(chosen)
    return t_id[pick], m_id[pick]
