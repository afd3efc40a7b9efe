"""Gravity accelerations against numerical gradients of the geopotential."""

import numpy as np
import pytest
from scipy.special import eval_legendre

from goldendome.physics.constants import (
    J2_EARTH,
    J3_EARTH,
    J4_EARTH,
    MU_EARTH_M3_S2,
    R_EARTH_EQUATORIAL_M,
)
from goldendome.physics.gravity import (
    gravity_acceleration,
    two_body_acceleration,
    zonal_acceleration,
)

# Numerical differentiation error floor for the J-term accelerations (~1e-2 m/s^2 scale).
NANO_G = 9.80665e-9


def potential(r, j2, j3, j4):
    """Geopotential V = mu/r [1 - sum J_n (R/r)^n P_n(sin phi)] (Vallado 2013, eq. 8-19)."""
    rn = np.linalg.norm(r, axis=-1)
    s = r[..., 2] / rn
    total = np.ones_like(rn)
    for n, jn in ((2, j2), (3, j3), (4, j4)):
        total -= jn * (R_EARTH_EQUATORIAL_M / rn) ** n * eval_legendre(n, s)
    return MU_EARTH_M3_S2 / rn * total


def numerical_gradient(r, j2, j3, j4, step_m=1.0):
    grad = np.empty_like(r)
    for k in range(3):
        dr = np.zeros(3)
        dr[k] = step_m
        grad[..., k] = (potential(r + dr, j2, j3, j4) - potential(r - dr, j2, j3, j4)) / (
            2 * step_m
        )
    return grad


@pytest.mark.parametrize(
    ("j2", "j3", "j4"),
    [
        (J2_EARTH, 0.0, 0.0),
        (0.0, J3_EARTH, 0.0),
        (0.0, 0.0, J4_EARTH),
        (J2_EARTH, J3_EARTH, J4_EARTH),
    ],
)
def test_zonal_terms_are_the_gradient_of_the_potential(rng, j2, j3, j4):
    r = rng.normal(size=(500, 3))
    r *= rng.uniform(6.4e6, 4.2e7, (500, 1)) / np.linalg.norm(r, axis=-1, keepdims=True)
    analytic = two_body_acceleration(r) + zonal_acceleration(r, j2=j2, j3=j3, j4=j4)
    assert np.abs(analytic - numerical_gradient(r, j2, j3, j4)).max() < 10 * NANO_G


def test_two_body_magnitude_at_the_surface():
    a = two_body_acceleration(np.array([R_EARTH_EQUATORIAL_M, 0.0, 0.0]))
    assert np.isclose(a[0], -MU_EARTH_M3_S2 / R_EARTH_EQUATORIAL_M**2, rtol=1e-15)
    assert a[1] == 0.0
    assert a[2] == 0.0


def test_degree_selection_and_batch_shape(rng):
    r = rng.normal(0, 7e6, (3, 4, 3))
    g4 = gravity_acceleration(r, zonal_degree=4)
    assert g4.shape == (3, 4, 3)
    assert np.array_equal(gravity_acceleration(r[1, 2], zonal_degree=4), g4[1, 2])
    assert np.array_equal(gravity_acceleration(r, zonal_degree=0), two_body_acceleration(r))
    with pytest.raises(ValueError, match="zonal_degree must be 0, 2, 3 or 4"):
        gravity_acceleration(r, zonal_degree=5)
