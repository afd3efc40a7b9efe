"""Gated global-nearest-neighbour association of measurements to tracks.

The cost of pairing track ``i`` with measurement ``j`` is the normalized innovation squared
``d2 = y^T S^-1 y`` over the components the measurement has (``S = H P H^T + R``); a pair
is allowed only when ``d2`` is below the chi-square quantile of the gate probability for
that many degrees of freedom. Among the allowed pairs, the assignment with the least total
cost is found by ``scipy.optimize.linear_sum_assignment``; forbidden pairs carry a cost no
assignment can afford, and are dropped from the answer.
"""

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.stats import chi2

from goldendome.physics._types import FloatArray, IntArray
from goldendome.physics.angles import wrap_angle
from goldendome.tracking.measurement import predict as predict_measurement

#: Probability that a true measurement falls inside its track's gate.
GATE_PROBABILITY = 0.999
_ANGLES = [1, 2]


def pair_nis(
    x_eci: FloatArray,
    covariance: FloatArray,
    z: FloatArray,
    sigma: FloatArray,
    origin_r: FloatArray,
    origin_v: FloatArray,
    rotation: FloatArray,
) -> tuple[FloatArray, IntArray]:
    """Normalized innovation squared of every (track, measurement) pair.

    Parameters
    ----------
    x_eci : (n_track, 6), covariance : (n_track, 6, 6)
        Track states and covariances at the measurements' time, ECI.
    z, sigma : (n_meas, 4)
        Measurements and their noise (NaN where not measured).
    origin_r, origin_v : (n_meas, 3); rotation : (n_meas, 3, 3)
        Sensor frames (see :mod:`goldendome.sensors.base`).

    Returns
    -------
    nis : (n_track, n_meas) float64
    dof : (n_meas,) int64
        Measured components of each measurement.
    """
    n_t, n_m = x_eci.shape[0], z.shape[0]
    ti, mj = np.repeat(np.arange(n_t), n_m), np.tile(np.arange(n_m), n_t)
    z_hat, h = predict_measurement(x_eci[ti], origin_r[mj], origin_v[mj], rotation[mj])
    measured = np.isfinite(z[mj])
    y = np.where(measured, z[mj] - z_hat, 0.0)
    y[:, _ANGLES] = wrap_angle(y[:, _ANGLES])
    h = np.where(measured[:, :, None], h, 0.0)
    r = np.where(measured, np.nan_to_num(sigma[mj]) ** 2, 1.0)
    s = np.einsum("pij,pjk,plk->pil", h, covariance[ti], h) + r[:, :, None] * np.eye(4)
    d2 = np.einsum("pi,pi->p", y, np.linalg.solve(s, y[..., None])[..., 0])
    return d2.reshape(n_t, n_m), np.isfinite(z).sum(axis=1).astype(np.int64)


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
    gate = chi2.ppf(GATE_PROBABILITY, np.maximum(dof, 1))[None, :]
    allowed = np.isfinite(nis) & (nis <= gate)
    big = 1e6 * (1.0 + float(np.nanmax(np.where(allowed, nis, 0.0))))
    rows, cols = linear_sum_assignment(np.where(allowed, nis, big))
    keep = allowed[rows, cols]
    return rows[keep].astype(np.int64), cols[keep].astype(np.int64)
