"""Predicted impact points: a vacuum arc lands where its own flight lands, and the ground
uncertainty follows the covariance."""

import numpy as np

from goldendome.physics.geodetic import ecef_to_geodetic
from goldendome.tracking.impact import predict_impact
from goldendome.tracking.motion import propagate


def _arc() -> np.ndarray:
    """An ICBM-like state at 1,000 km, descending toward the ground at 7 km/s."""
    r = 7.371e6
    return np.array([[r, 0.0, 0.0, -2_000.0, 6_500.0, 1_000.0]])


def test_impact_is_where_the_propagated_state_reaches_the_ground():
    x = _arc()
    p = np.diag([1.0, 1.0, 1.0, 0.01, 0.01, 0.01])[None]
    hit = predict_impact(x, p, theta_rad=0.3)
    assert 60.0 < hit.time_s[0] < 1_500.0
    landed, _ = propagate(x, hit.time_s)
    assert abs(ecef_to_geodetic(landed[:, :3])[2][0]) < 50.0  # within 50 m of the ground
    # 1 m and 0.1 m/s: ~0.1 m/s x ~600 s of flight, stretched by the shallow descent.
    assert 10.0 < hit.sigma_m[0] < 1_000.0


def test_ground_sigma_grows_with_velocity_uncertainty():
    x = _arc()
    tight = predict_impact(x, np.diag([100.0**2] * 3 + [1.0] * 3)[None], 0.0).sigma_m[0]
    loose = predict_impact(x, np.diag([100.0**2] * 3 + [10.0**2] * 3)[None], 0.0).sigma_m[0]
    assert loose > 3 * tight


def test_a_state_that_never_comes_down_has_no_impact():
    circular = np.array([[7.0e6, 0.0, 0.0, 0.0, 7_546.0, 0.0]])
    hit = predict_impact(circular, np.eye(6)[None], 0.0)
    assert np.isnan(hit.time_s[0])
    assert np.isnan(hit.sigma_m[0])
