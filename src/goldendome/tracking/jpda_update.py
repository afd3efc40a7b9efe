"""The JPDA update of a scan's tracks: every gated measurement weighted by its association
probability, the mixture reduced to one Gaussian per track.

For each gated pair the extended Kalman update (:func:`goldendome.tracking.ekf.update`)
gives the state ``x_ij`` and covariance ``P_ij`` the track would have were the measurement
its own; with the track's prior as the missed hypothesis (``x_i0``, ``P_i0``), the track
takes the moments of the mixture weighted by the marginals ``beta``
(:mod:`goldendome.tracking.jpda`),

    x_i = sum_j beta_ij x_ij,   P_i = sum_j beta_ij (P_ij + (x_ij - x_i)(x_ij - x_i)^T),

which is Stone Soup's JPDA update (``gm_reduce_single``) and, for measurements sharing
one ``S``, the textbook PDA update with its spread-of-innovations term. Pairs whose weight
is below ``min_beta`` are left out of the mixture (their weight goes to the prior), so a
track far more likely missed costs no update.

The likelihood ratio of a pair takes the clutter density at each measurement as
``kappa / sqrt(det(2 pi R))``: ``kappa`` false measurements per volume of the measurement's
own noise, so that the ratio, ``log(P_D / kappa) - NIS / 2 - log(det S / det R) / 2``, has
no units and one setting serves angle-only and radar measurements alike
(:func:`log_likelihood_ratio`).
"""

import math
from typing import NamedTuple

import numpy as np

from goldendome.physics._types import FloatArray, IntArray
from goldendome.physics.angles import wrap_angle
from goldendome.tracking import ekf
from goldendome.tracking.association import GATE_PROBABILITY, measured_patterns
from goldendome.tracking.jpda import jpda_marginals
from goldendome.tracking.measurement import predict as predict_measurement
from goldendome.tracking.measurement import variance

_ANGLES = [1, 2]


def innovations(
    x_eci: FloatArray,
    covariance: FloatArray,
    z: FloatArray,
    sigma: FloatArray,
    origin_r: FloatArray,
    origin_v: FloatArray,
    rotation: FloatArray,
    *,
    predicted: tuple[FloatArray, FloatArray] | None = None,
) -> tuple[FloatArray, FloatArray, IntArray]:
    """NIS and ``log(det S / det R)`` of ``n`` listed pairs (row ``k`` of every argument is
    pair ``k``), over each measurement's measured components.

    Parameters
    ----------
    x_eci : (n, 6) float64; covariance : (n, 6, 6) float64
    z, sigma : (n, 4) float64
        NaN where a component is not measured.
    origin_r, origin_v : (n, 3) float64; rotation : (n, 3, 3) float64
    predicted : ((n, 4) float64, (n, 4, 6) float64), optional
        :func:`goldendome.tracking.measurement.predict` of these rows, if already computed.

    Returns
    -------
    nis : (n,) float64
    log_det_ratio : (n,) float64
        ``log det(H P H^T + R) - log det R`` (>= 0).
    dof : (n,) int64
    """
    measured = np.isfinite(z)
    dof = measured.sum(axis=1).astype(np.int64)
    nis, ratio = np.zeros(z.shape[0]), np.zeros(z.shape[0])
    if z.shape[0] == 0:
        return nis, ratio, dof
    z_hat, h_all = (
        predicted
        if predicted is not None
        else predict_measurement(x_eci, origin_r, origin_v, rotation)
    )
    for comp, rows in measured_patterns(measured):
        h = h_all[rows][:, comp]
        y = z[rows][:, comp] - z_hat[rows][:, comp]
        angles = (comp == _ANGLES[0]) | (comp == _ANGLES[1])
        y[:, angles] = wrap_angle(y[:, angles])
        r = variance(sigma[rows][:, comp])
        # S / sqrt(r_i r_j): unit diagonal scale, whose determinant is det S / det R.
        scale = 1.0 / np.sqrt(r)
        s = (h @ covariance[rows] @ np.swapaxes(h, 1, 2)) * scale[:, :, None] * scale[:, None, :]
        s += np.eye(comp.size)
        yn = y * scale
        nis[rows] = np.einsum("pi,pi->p", yn, np.linalg.solve(s, yn[..., None])[..., 0])
        ratio[rows] = np.linalg.slogdet(s)[1]
    return nis, ratio, dof


def log_likelihood_ratio(nis: FloatArray, log_det_ratio: FloatArray, prob_detect: float,
                         kappa: float) -> FloatArray:  # fmt: skip
    """``log(P_D N(y; 0, S) / lambda)`` with ``lambda = kappa / sqrt(det(2 pi R))``."""
    return np.asarray(math.log(prob_detect / kappa) - 0.5 * (nis + log_det_ratio), np.float64)


def reduce_mixture(
    track: IntArray,
    beta: FloatArray,
    x_pair: FloatArray,
    p_pair: FloatArray,
    x_prior: FloatArray,
    p_prior: FloatArray,
) -> tuple[FloatArray, FloatArray]:
    """Moments of each track's mixture (see the module notes).

    Parameters
    ----------
    track : (n_pair,) int64
        Each pair's track, an index ``0 .. n - 1`` into the priors.
    beta : (n_pair,) float64
        Each pair's weight; a track's missed weight is one minus the sum of its pairs'.
    x_pair, p_pair : (n_pair, 6), (n_pair, 6, 6) float64
        The updated states and covariances of the pairs.
    x_prior, p_prior : (n, 6), (n, 6, 6) float64

    Returns
    -------
    x, p : (n, 6), (n, 6, 6) float64
    """
    n = x_prior.shape[0]
    miss = 1.0 - np.bincount(track, weights=beta, minlength=n)
    miss = np.clip(miss, 0.0, 1.0)
    x = miss[:, None] * x_prior
    np.add.at(x, track, beta[:, None] * x_pair)
    d0 = x_prior - x
    p = miss[:, None, None] * (p_prior + d0[:, :, None] * d0[:, None, :])
    d = x_pair - x[track]
    np.add.at(p, track, beta[:, None, None] * (p_pair + d[:, :, None] * d[:, None, :]))
    return x, 0.5 * (p + np.swapaxes(p, 1, 2))


class JpdaStep(NamedTuple):
    """Result of :func:`jpda_step`.

    Attributes
    ----------
    tracks : (n_updated,) int64
        Indices (into the priors) of the tracks with a gated measurement, increasing.
    x_eci, covariance : (n_updated, 6), (n_updated, 6, 6) float64
        Their posteriors.
    pair_track, pair_measurement : (n_kept,) int64
        The pairs kept in the mixtures (weight at least ``min_beta``).
    beta : (n_kept,) float64
        Their association probabilities.
    """

    tracks: IntArray
    x_eci: FloatArray
    covariance: FloatArray
    pair_track: IntArray
    pair_measurement: IntArray
    beta: FloatArray


def jpda_step(
    x_eci: FloatArray,
    covariance: FloatArray,
    pairs: tuple[IntArray, IntArray],
    frames: tuple[FloatArray, FloatArray, FloatArray, FloatArray, FloatArray],
    z_update: FloatArray,
    *,
    prob_detect: float,
    kappa: float,
    min_beta: float,
) -> JpdaStep:
    """One scan's JPDA: likelihoods, marginals, updates and mixture reduction.

    Parameters
    ----------
    x_eci : (n_track, 6) float64; covariance : (n_track, 6, 6) float64
        The tracks predicted to the scan's time.
    pairs : ((n_pair,) int64, (n_pair,) int64)
        Track and measurement index of each pair inside its gate.
    frames : tuple of arrays
        ``z, sigma (n_meas, 4), origin_r, origin_v (n_meas, 3), rotation (n_meas, 3, 3)``:
        the measurements as associated (NaN where a component is not used to associate).
    z_update : (n_pair, 4) float64
        The measurement each pair's update uses (it may add components, such as range rate).
    prob_detect, kappa, min_beta : float
        ``P_D``, clutter per noise volume (module notes), least weight kept.

    Returns
    -------
    JpdaStep
    """
    ti, mj = pairs
    z, sigma, o_r, o_v, rot = frames
    # The pairs' predicted measurements, once: the likelihoods and the updates both use them.
    z_hat, h = predict_measurement(x_eci[ti], o_r[mj], o_v[mj], rot[mj])
    nis, log_det, _ = innovations(x_eci[ti], covariance[ti], z[mj], sigma[mj], o_r[mj],
                                  o_v[mj], rot[mj], predicted=(z_hat, h))  # fmt: skip
    log_l = log_likelihood_ratio(nis, log_det, prob_detect, kappa)
    miss = math.log1p(-prob_detect * GATE_PROBABILITY)
    beta, _, _, _ = jpda_marginals(ti, mj, log_l, miss)
    keep = beta >= min_beta
    ti, mj, beta, zu = ti[keep], mj[keep], beta[keep], z_update[keep]
    tracks, local = np.unique(ti, return_inverse=True)
    up = ekf.update(x_eci[ti], covariance[ti], zu, sigma[mj], o_r[mj], o_v[mj], rot[mj],
                    predicted=(z_hat[keep], h[keep]))  # fmt: skip
    x, p = reduce_mixture(local.ravel(), beta, up.x_eci, up.covariance, x_eci[tracks],
                          covariance[tracks])  # fmt: skip
    return JpdaStep(tracks, x, p, ti, mj, beta)
