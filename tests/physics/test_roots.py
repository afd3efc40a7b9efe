"""Batched root finding and maximization."""

import numpy as np

from goldendome.physics.roots import maximize_on_grid, solve_bracketed, solve_on_grid


def test_solve_bracketed_batch_with_unbracketed_members():
    target = np.array([2.0, 9.0, 100.0])
    x = solve_bracketed(lambda x: x**2, [0.0, 0.0, 0.0], [5.0, 5.0, 5.0], target, x_tol=1e-12)
    assert np.allclose(x[:2], np.sqrt(target[:2]), atol=1e-10)
    assert np.isnan(x[2])


def test_solve_bracketed_survives_nan_values():
    def f(x):
        return np.where(np.abs(x - 0.7) < 0.05, np.nan, x)

    x = solve_bracketed(f, [0.0], [1.0], [0.3], x_tol=1e-10)
    assert abs(x[0] - 0.3) < 1e-8


def test_solve_on_grid_takes_the_first_crossing():
    x = solve_on_grid(np.sin, [0.0], [3 * np.pi], [0.5], x_tol=1e-12, n_grid=40)
    assert abs(x[0] - np.pi / 6) < 1e-9
    x = solve_on_grid(np.sin, [0.0], [3 * np.pi], [0.5], x_tol=1e-12, n_grid=40, from_end=True)
    assert abs(x[0] - (2 * np.pi + 5 * np.pi / 6)) < 1e-9


def test_maximize_keeps_the_best_point_near_a_discontinuity():
    def cliff(x):
        return np.where(x < 0.6, x, -1.0)  # rises, then falls off a cliff

    x, fx = maximize_on_grid(cliff, [0.0], [1.0], x_tol=1e-9)
    assert 0.6 - x[0] < 1e-6
    assert fx[0] > 0.59
