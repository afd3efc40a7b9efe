"""Kepler's equation and the element <-> state conversions."""

import numpy as np

from goldendome.physics.constants import MU_EARTH_M3_S2
from goldendome.physics.kepler import elements_to_state, solve_kepler, state_to_elements

ONE_MILLIMETER = 1e-3


def random_elements(rng, n):
    a = rng.uniform(6.6e6, 4.5e7, n)
    e = rng.uniform(0.0, 0.9, n)
    e[:3] = 0.0  # circular members
    inc = rng.uniform(0.01, np.pi - 0.01, n)
    inc[3] = 0.0  # equatorial member
    return (
        a,
        e,
        inc,
        rng.uniform(0, 2 * np.pi, n),
        rng.uniform(0, 2 * np.pi, n),
        rng.uniform(0, 2 * np.pi, n),
    )


def test_kepler_equation_is_satisfied(rng):
    m = rng.uniform(-10, 10, 10_000)
    e = rng.uniform(0, 0.99, 10_000)
    big_e = solve_kepler(m, e)
    assert np.abs(np.angle(np.exp(1j * (big_e - e * np.sin(big_e) - m)))).max() < 1e-12


def test_state_round_trip(rng):
    elements = random_elements(rng, 2_000)
    x = elements_to_state(*elements)
    assert x.shape == (2_000, 6)
    back = elements_to_state(*state_to_elements(x))
    assert np.abs(back[:, :3] - x[:, :3]).max() < ONE_MILLIMETER
    assert np.abs(back[:, 3:] - x[:, 3:]).max() < 1e-6


def test_energy_and_angular_momentum_match_the_elements(rng):
    a, e, inc, raan, argp, m = random_elements(rng, 500)
    x = elements_to_state(a, e, inc, raan, argp, m)
    r = np.linalg.norm(x[:, :3], axis=-1)
    energy = 0.5 * np.sum(x[:, 3:] ** 2, -1) - MU_EARTH_M3_S2 / r
    assert np.allclose(energy, -MU_EARTH_M3_S2 / (2 * a), rtol=1e-12)
    h = np.cross(x[:, :3], x[:, 3:])
    assert np.allclose(
        np.linalg.norm(h, axis=-1), np.sqrt(MU_EARTH_M3_S2 * a * (1 - e**2)), rtol=1e-12
    )
    assert np.allclose(np.arccos(h[:, 2] / np.linalg.norm(h, axis=-1)), inc, atol=1e-12)


def test_one_and_batch():
    one = elements_to_state(7e6, 0.1, 1.0, 2.0, 3.0, 4.0)
    batch = elements_to_state(np.full(3, 7e6), 0.1, 1.0, 2.0, 3.0, np.array([0.0, 4.0, 5.0]))
    assert one.shape == (6,)
    assert np.array_equal(one, batch[1])
