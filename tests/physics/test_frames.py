"""ECI <-> ECEF rotations: round trips, known rotations, and the transport velocity."""

import numpy as np

from goldendome.physics.constants import OMEGA_EARTH_RAD_S
from goldendome.physics.frames import (
    ecef_to_eci,
    eci_to_ecef,
    state_ecef_to_eci,
    state_eci_to_ecef,
)

ONE_MICROMETER = 1e-6


def test_quarter_turn():
    r = eci_to_ecef(np.array([1.0, 0.0, 5.0]), np.pi / 2)
    assert np.allclose(r, [0.0, -1.0, 5.0], atol=1e-15)


def test_round_trip_batch_with_broadcast_angles(rng):
    r = rng.normal(0.0, 7e6, size=(5, 40, 3))
    theta = rng.uniform(0, 2 * np.pi, size=(1, 40))
    back = ecef_to_eci(eci_to_ecef(r, theta), theta)
    assert back.shape == (5, 40, 3)
    assert np.abs(back - r).max() < ONE_MICROMETER


def test_state_round_trip_and_fixed_point_has_zero_ecef_velocity(rng):
    x = np.concatenate([rng.normal(0, 7e6, (100, 3)), rng.normal(0, 7e3, (100, 3))], axis=-1)
    theta = rng.uniform(0, 2 * np.pi, 100)
    assert np.abs(state_ecef_to_eci(state_eci_to_ecef(x, theta), theta) - x).max() < 1e-6
    # A point fixed on the Earth moves in ECI with omega x r; in ECEF its velocity is zero.
    r_ecef = np.array([6_378_137.0, 0.0, 0.0])
    fixed = np.concatenate([r_ecef, np.zeros(3)])
    x_eci = state_ecef_to_eci(fixed, 0.3)
    assert np.isclose(np.linalg.norm(x_eci[3:]), OMEGA_EARTH_RAD_S * 6_378_137.0, rtol=1e-12)
    assert np.abs(state_eci_to_ecef(x_eci, 0.3)[3:]).max() < 1e-9


def test_one_state_and_batch_agree(rng):
    x = rng.normal(0, 7e6, (4, 6))
    batch = state_eci_to_ecef(x, np.full(4, 1.1))
    assert np.array_equal(state_eci_to_ecef(x[2], 1.1), batch[2])
