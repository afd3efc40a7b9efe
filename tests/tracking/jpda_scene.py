"""Closely spaced objects seen by one radar in angles only, and one JPDA scan of them by
goldendome and by Stone Soup (its ``JPDA`` with ``PDAHypothesiser``, extended Kalman
predictor and updater, and ``gm_reduce_single``), for the cross-check test and the
benchmark.

The objects fly in clusters of ``size`` (a reentry vehicle with its decoys: a few hundred
metres apart, velocities within 5 m/s), the clusters 50 km apart. Each object has a track
whose error is drawn from its covariance; 10 s later the radar of
:mod:`tests.tracking.ballistic_track` measures azimuth and elevation of each object with
probability 0.9, and both trackers predict, gate, weigh and update. Stone Soup is handed
each cluster's tracks and detections on their own (its JPDA enumerates the joint events of
every track it is given at once).
"""

from dataclasses import dataclass
from datetime import timedelta

import numpy as np
from stonesoup.dataassociator.probability import JPDA
from stonesoup.functions import gm_reduce_single
from stonesoup.hypothesiser.probability import PDAHypothesiser
from stonesoup.predictor.kalman import ExtendedKalmanPredictor
from stonesoup.types.array import CovarianceMatrix, StateVector, StateVectors
from stonesoup.types.state import GaussianState
from stonesoup.types.track import Track
from stonesoup.updater.kalman import ExtendedKalmanUpdater

from goldendome.tracking import ekf
from goldendome.tracking.association import GATE_PROBABILITY, pair_nis
from goldendome.tracking.jpda_update import JpdaStep, jpda_step
from goldendome.tracking.motion import propagate
from tests.tracking.ballistic_track import P0, Q_M2_S3, SIGMA, initial_truth, site_frames
from tests.tracking.test_stonesoup_crosscheck import (
    EPOCH,
    GravityTransition,
    detection,
    radar_model,
)

DT_S = 10.0
PROB_DETECT = 0.9
#: Clutter per measurement-noise volume (goldendome's setting; Stone Soup gets the density).
KAPPA = 1e-3


@dataclass(frozen=True)
class Scene:
    """Tracks at time 0 and one scan of angle measurements at ``DT_S``."""

    x0: np.ndarray  # (n, 6) track states
    p0: np.ndarray  # (n, 6, 6)
    cluster: np.ndarray  # (n,) each track's cluster
    z: np.ndarray  # (n_meas, 4) NaN range and range rate
    sigma: np.ndarray  # (n_meas, 4)
    meas_cluster: np.ndarray  # (n_meas,)
    frame: tuple[np.ndarray, np.ndarray, np.ndarray]  # origin r, v (3,), rotation (3, 3)


def make_scene(clusters: int, size: int, seed: int) -> Scene:
    """``clusters`` clusters of ``size`` objects (see the module notes)."""
    rng = np.random.default_rng(seed)
    n = clusters * size
    centre = np.tile(initial_truth(), (n, 1))
    cluster = np.repeat(np.arange(clusters), size)
    centre[:, :3] += np.array([0.0, 0.0, 50e3]) * cluster[:, None]
    truth = centre + np.concatenate([rng.normal(0, 400.0, (n, 3)), rng.normal(0, 5.0, (n, 3))], 1)
    p0 = np.repeat(P0[None] / 4.0, n, axis=0)
    x0 = truth + rng.standard_normal((n, 6)) @ np.linalg.cholesky(P0 / 4.0).T
    moved, _ = propagate(truth, np.full(n, DT_S))
    seen = np.flatnonzero(rng.random(n) < PROB_DETECT)
    o_r, o_v, rot = (f[0] for f in site_frames(np.array([DT_S])))
    frame = (np.tile(o_r, (seen.size, 1)), np.tile(o_v, (seen.size, 1)),
             np.repeat(rot[None], seen.size, axis=0))  # fmt: skip
    from goldendome.tracking.measurement import predict

    z, _ = predict(moved[seen], *frame)
    sigma = np.tile(SIGMA, (seen.size, 1))
    z = z + rng.standard_normal(z.shape) * sigma
    z[:, [0, 3]] = np.nan
    sigma[:, [0, 3]] = np.nan
    return Scene(x0, p0, cluster, z, sigma, cluster[seen], (o_r, o_v, rot))


def ours(scene: Scene, min_beta: float = 0.0) -> tuple[JpdaStep, np.ndarray, np.ndarray]:
    """goldendome's scan: predict, gate every pair, JPDA; the step and the gated pairs."""
    n, m = scene.x0.shape[0], scene.z.shape[0]
    x, p = ekf.predict(scene.x0, scene.p0, np.full(n, DT_S), Q_M2_S3)
    frames = tuple(np.repeat(f[None], m, axis=0) for f in scene.frame)
    nis, dof = pair_nis(x, p, scene.z, scene.sigma, *frames, gate_probability=GATE_PROBABILITY)
    from goldendome.tracking.association import gates

    ti, mj = np.nonzero(nis <= gates(dof)[None, :])
    step = jpda_step(x, p, (ti, mj), (scene.z, scene.sigma, *frames), scene.z[mj],
                     prob_detect=PROB_DETECT, kappa=KAPPA, min_beta=min_beta)  # fmt: skip
    return step, ti, mj


def clutter_density() -> float:
    """Stone Soup's clutter density (per rad^2) equal to ``KAPPA`` per noise volume."""
    return float(KAPPA / (2.0 * np.pi * SIGMA[1] * SIGMA[2]))


def stonesoup(scene: Scene) -> tuple[np.ndarray, np.ndarray, dict[tuple[int, int], float]]:
    """Stone Soup's JPDA scan, cluster by cluster: posteriors (n, 6), (n, 6, 6) and the
    probability of each (track, measurement) pair it weighed."""
    predictor = ExtendedKalmanPredictor(GravityTransition(q_m2_s3=Q_M2_S3))
    updater = ExtendedKalmanUpdater(measurement_model=None, use_joseph_cov=True)
    hypothesiser = PDAHypothesiser(
        predictor=predictor, updater=updater, clutter_spatial_density=clutter_density(),
        prob_detect=PROB_DETECT, prob_gate=GATE_PROBABILITY,
    )  # fmt: skip
    associator = JPDA(hypothesiser=hypothesiser)
    model = radar_model(*scene.frame, angles_only=True)
    when = EPOCH + timedelta(seconds=DT_S)
    n = scene.x0.shape[0]
    x_out, p_out = np.empty((n, 6)), np.empty((n, 6, 6))
    beta: dict[tuple[int, int], float] = {}
    for c in np.unique(scene.cluster):
        idx = np.flatnonzero(scene.cluster == c)
        tracks = [Track([GaussianState(StateVector(scene.x0[i]), CovarianceMatrix(scene.p0[i]),
                                       timestamp=EPOCH)]) for i in idx]  # fmt: skip
        rows = np.flatnonzero(scene.meas_cluster == c)
        dets = {detection(scene.z[j], when, model, angles_only=True): int(j) for j in rows}
        hyps = associator.associate(set(tracks), set(dets), when)
        for i, track in zip(idx, tracks, strict=True):
            states, weights = [], []
            for h in hyps[track]:
                states.append(updater.update(h) if h else h.prediction)
                weights.append(float(h.probability))
                if h:
                    beta[(int(i), dets[h.measurement])] = float(h.probability)
            means = StateVectors([s.state_vector for s in states])
            covars = np.stack([s.covar for s in states], axis=2)
            mean, covar = gm_reduce_single(means, covars, np.asarray(weights))
            x_out[i], p_out[i] = np.asarray(mean, float).ravel(), np.asarray(covar, float)
    return x_out, p_out, beta
