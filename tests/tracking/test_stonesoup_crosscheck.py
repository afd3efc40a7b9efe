"""Cross-check of the batched EKF against Stone Soup's extended Kalman filter.

Both filters run on the same simulated radar measurements of the ballistic scenario of
``test_ekf``. Stone Soup has no gravity transition model, so it gets one that wraps the same
propagation (:func:`goldendome.tracking.motion.propagate` for the mean and the transition
matrix, :func:`~goldendome.tracking.motion.process_noise` for Q): the comparison then
tests everything else independently, namely Stone Soup's ``ExtendedKalmanPredictor``
(``F P F^T + Q``), its measurement models (their own ``h(x)`` and Jacobians), angle
handling and ``ExtendedKalmanUpdater`` against ours.

Conventions: Stone Soup's measurement is [elevation, bearing, range, range rate], bearing
measured from the sensor frame's x axis toward y; ours is [range, azimuth, elevation,
range rate], azimuth from y toward x. Within the same frame, bearing = pi/2 - azimuth. The
frame itself (east-north-up at the radar, turned into ECI) is handed to Stone Soup through
its ``rotation_offset`` Euler angles, checked to rebuild our rotation matrix.

Tolerance: the two filters evaluate the same equations in float64 in a different order, so
they may differ only by round-off. We require agreement to 1e-8 of the posterior sigma of
each state component over 31 recursive updates of 12 runs (observed: about 1e-11, that is
nanometers; a modelling difference such as a sign, an angle convention or a missing term
shows up at order 0.01 to 1 sigma and more, as Stone Soup's inexact finite-difference
Jacobian below did before it was replaced).
"""

from datetime import datetime, timedelta

import numpy as np
import pytest
from scipy.spatial.transform import Rotation
from stonesoup.base import Property
from stonesoup.models.base import TimeVariantModel
from stonesoup.models.measurement.nonlinear import (
    CartesianToElevationBearing,
    CartesianToElevationBearingRangeRate,
)
from stonesoup.models.transition.nonlinear import GaussianTransitionModel
from stonesoup.predictor.kalman import ExtendedKalmanPredictor
from stonesoup.types.angle import Bearing, Elevation
from stonesoup.types.array import CovarianceMatrix, StateVector
from stonesoup.types.detection import Detection
from stonesoup.types.hypothesis import SingleHypothesis
from stonesoup.types.state import GaussianState
from stonesoup.updater.kalman import ExtendedKalmanUpdater

from goldendome.tracking import ekf
from goldendome.tracking.motion import process_noise, propagate
from tests.tracking.ballistic_track import (
    P0,
    Q_M2_S3,
    SIGMA,
    T_S,
    radar_measurements,
    run_filter,
    site_frames,
    truth_runs,
)

EPOCH = datetime(2029, 1, 1)
AGREEMENT = 1e-8  # of the posterior sigma


class GravityTransition(GaussianTransitionModel, TimeVariantModel):  # type: ignore[misc]
    """Stone Soup transition model: point-mass + J2 coast, white-noise acceleration."""

    q_m2_s3: float = Property(doc="White-noise acceleration spectral density, m^2/s^3.")

    @property
    def ndim_state(self) -> int:
        return 6

    def function(self, state, noise=False, time_interval=None, **kwargs):
        x, _ = propagate(np.asarray(state.state_vector, float).T, time_interval.total_seconds())
        return StateVector(x[0])

    def jacobian(self, state, time_interval=None, **kwargs):
        _, stm = propagate(np.asarray(state.state_vector, float).T, time_interval.total_seconds())
        return stm[0]

    def covar(self, time_interval=None, **kwargs):
        dt = np.array([time_interval.total_seconds()])
        return CovarianceMatrix(process_noise(dt, self.q_m2_s3)[0])


class AnglesOnly(CartesianToElevationBearing):  # type: ignore[misc]
    """Stone Soup's elevation-bearing model with its own analytic Jacobian.

    ``CartesianToElevationBearing`` falls back on Stone Soup's forward-difference
    ``functions.jacobian``, whose step ``1e8 * np.spacing(x)`` is negative for a negative
    coordinate and is then clamped to 1e-8 ("at least 1e-8"): at ECI coordinates of
    -5,000 km the angle differences lose most of their digits (errors of 10-20% in Jacobian
    entries here). Its rows are taken instead from Stone Soup's analytic Jacobian of
    ``CartesianToElevationBearingRangeRate`` for the same frame.
    """

    def jacobian(self, state, **kwargs):
        full = CartesianToElevationBearingRangeRate(
            ndim_state=self.ndim_state,
            mapping=self.mapping,
            velocity_mapping=(3, 4, 5),
            noise_covar=np.eye(4),
            translation_offset=self.translation_offset,
            rotation_offset=self.rotation_offset,
        )
        return full.jacobian(state, **kwargs)[:2]


def rotation_offset(rotation: np.ndarray) -> StateVector:
    """Stone Soup Euler angles whose ``rotx(-a) @ roty(b) @ rotz(-c)`` is ``rotation``."""
    alpha, beta, gamma = Rotation.from_matrix(rotation).as_euler("XYZ")
    return StateVector([-alpha, beta, -gamma])


def radar_model(origin_r, origin_v, rotation, angles_only=False):
    """Stone Soup's radar model for one epoch, in our east-north-up frame."""
    common = {
        "ndim_state": 6,
        "mapping": (0, 1, 2),
        "translation_offset": StateVector(origin_r),
        "rotation_offset": rotation_offset(rotation),
    }
    if angles_only:
        model = AnglesOnly(noise_covar=np.diag(SIGMA[[2, 1]] ** 2), **common)
    else:
        model = CartesianToElevationBearingRangeRate(
            noise_covar=np.diag(SIGMA[[2, 1, 0, 3]] ** 2),
            velocity_mapping=(3, 4, 5),
            velocity=StateVector(origin_v),
            **common,
        )
    assert np.allclose(model.rotation_matrix, rotation, rtol=0, atol=1e-14)
    return model


def detection(z, timestamp, model, angles_only=False) -> Detection:
    """Our [range, azimuth, elevation, range rate] as a Stone Soup detection."""
    angles = [Elevation(z[2]), Bearing(np.pi / 2 - z[1])]
    vector = StateVector(angles if angles_only else [*angles, z[0], z[3]])
    return Detection(vector, timestamp=timestamp, measurement_model=model)


def stonesoup_filter(x0, p0, z, angles_only=False):
    """Stone Soup EKF over ``T_S`` for each run (a Python loop); posteriors (n_t, n, ...)."""
    predictor = ExtendedKalmanPredictor(GravityTransition(q_m2_s3=Q_M2_S3))
    updater = ExtendedKalmanUpdater(measurement_model=None, use_joseph_cov=True)
    frames = site_frames(T_S)
    models = [radar_model(*(f[k] for f in frames), angles_only) for k in range(T_S.size)]
    xs = np.empty((T_S.size, *x0.shape))
    ps = np.empty((T_S.size, *p0.shape))
    for i in range(x0.shape[0]):
        state = GaussianState(StateVector(x0[i]), CovarianceMatrix(p0[i]), timestamp=EPOCH)
        for k, t in enumerate(T_S):
            timestamp = EPOCH + timedelta(seconds=float(t))
            prior = predictor.predict(state, timestamp=timestamp) if k else state
            meas = detection(z[i, k], timestamp, models[k], angles_only)
            state = updater.update(SingleHypothesis(prior, meas))
            xs[k, i] = np.asarray(state.state_vector, float)[:, 0]
            ps[k, i] = np.asarray(state.covar, float)
    return xs, ps


@pytest.fixture(scope="module")
def scenario():
    rng = np.random.default_rng(2029)
    n = 12
    truth = truth_runs(n, Q_M2_S3, rng)
    z = radar_measurements(truth, rng)
    x0 = truth[:, 0] + rng.standard_normal((n, 6)) @ np.linalg.cholesky(P0).T
    return x0, np.broadcast_to(P0, (n, 6, 6)).copy(), z


def assert_agree(ours, theirs):
    (xs, ps), (xs_ss, ps_ss) = ours, theirs
    sigma = np.sqrt(np.diagonal(ps, axis1=-2, axis2=-1))
    worst = np.abs(xs - xs_ss) / sigma
    assert worst.max() < AGREEMENT, worst.max()
    # Covariances: each element relative to the product of the two sigmas.
    scale = sigma[..., :, None] * sigma[..., None, :]
    assert (np.abs(ps - ps_ss) / scale).max() < AGREEMENT


def test_full_filter_agrees_with_stonesoup(scenario):
    x0, p0, z = scenario
    xs, ps, _, _ = run_filter(x0, p0, z)
    assert_agree((xs, ps), stonesoup_filter(x0, p0, z))


def test_angles_only_filter_agrees_with_stonesoup(scenario):
    """Our NaN-masked update against Stone Soup's two-component (elevation, bearing) model."""
    x0, p0, z = scenario
    z_angles = z.copy()
    z_angles[..., [0, 3]] = np.nan
    xs, ps, _, dof = run_filter(x0, p0, z_angles)
    assert np.all(dof == 2)
    assert_agree((xs, ps), stonesoup_filter(x0, p0, z, angles_only=True))


def test_single_update_across_the_azimuth_cut(scenario):
    """One update where the measured azimuth and the prediction sit on either side of +-pi
    (Stone Soup's bearing is near -pi/2 there, ours near pi): both wrap the residual."""
    x0, p0, z = scenario
    frames = site_frames(T_S[:1])
    rotation = frames[2][0]
    # Turn the frame about its up axis so the target sits at azimuth ~ +-pi.
    az = z[0, 0, 1]
    c, s = np.cos(np.pi - az), np.sin(np.pi - az)
    turn = np.array([[c, s, 0.0], [-s, c, 0.0], [0.0, 0.0, 1.0]])  # azimuth += pi - az
    rotation = turn @ rotation
    zk = z[0, 0].copy()
    zk[1] = ekf.wrap_angle(zk[1] + np.pi - az + 2e-4)  # just past pi: lands near -pi
    assert zk[1] < -3.1
    ours = ekf.update(
        x0[:1], p0[:1], zk[None], SIGMA[None], frames[0][:1], frames[1][:1], rotation[None]
    )
    model = radar_model(frames[0][0], frames[1][0], rotation)
    prior = GaussianState(StateVector(x0[0]), CovarianceMatrix(p0[0]), timestamp=EPOCH)
    post = ExtendedKalmanUpdater(measurement_model=None, use_joseph_cov=True).update(
        SingleHypothesis(prior, detection(zk, EPOCH, model))
    )
    theirs = (np.asarray(post.state_vector, float).T, np.asarray(post.covar, float)[None])
    assert_agree((ours.x_eci, ours.covariance), theirs)
