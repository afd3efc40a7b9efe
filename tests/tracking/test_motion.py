"""Ballistic motion model: gravity gradient, propagation with its transition matrix, Q."""

import numpy as np
import pytest

from goldendome.physics.gravity import gravity_acceleration
from goldendome.physics.integrators import rk4_step
from goldendome.tracking.motion import (
    gravity_gradient,
    process_noise,
    propagate,
    propagate_reference,
)

ONE_MILLIMETER = 1e-3


def random_states(rng: np.random.Generator, n: int) -> np.ndarray:
    """Exo-atmospheric states: 200-1,500 km altitude, 3-7.5 km/s, all directions."""
    u = rng.normal(size=(n, 3))
    u /= np.linalg.norm(u, axis=1, keepdims=True)
    r = u * rng.uniform(6.58e6, 7.88e6, size=(n, 1))
    w = rng.normal(size=(n, 3))
    w -= np.sum(w * u, axis=1, keepdims=True) * u
    w /= np.linalg.norm(w, axis=1, keepdims=True)
    v = (w + 0.2 * rng.normal(size=(n, 1)) * u) * rng.uniform(3e3, 7.5e3, size=(n, 1))
    return np.concatenate([r, v], axis=1)


def fine_truth(x0: np.ndarray, dt_s: float, h_s: float = 0.5) -> np.ndarray:
    """Independent reference: RK4 at ``h_s`` on the physics layer's own integrator."""

    def rhs(_t: np.ndarray, y: np.ndarray) -> np.ndarray:
        return np.concatenate([y[:, 3:], gravity_acceleration(y[:, :3], zonal_degree=2)], 1)

    y = x0.copy()
    n_steps = round(dt_s / h_s)
    for _ in range(n_steps):
        y = rk4_step(rhs, np.zeros(len(y)), y, dt_s / n_steps)
    return y


@pytest.mark.parametrize("zonal_degree", [0, 2])
def test_gravity_gradient_matches_central_differences(rng, zonal_degree):
    r = random_states(rng, 200)[:, :3]
    step_m = 10.0
    fd = np.stack(
        [
            (
                gravity_acceleration(r + step_m * e, zonal_degree=zonal_degree)
                - gravity_acceleration(r - step_m * e, zonal_degree=zonal_degree)
            )
            / (2.0 * step_m)
            for e in np.eye(3)
        ],
        axis=-1,
    )
    grad = gravity_gradient(r, zonal_degree=zonal_degree)
    assert grad.shape == (200, 3, 3)
    # Central differences err by ~ |g'''| h^2 / 6 ~ 1e-18 1/s^2; gradients are ~ 1e-6 1/s^2.
    assert np.abs(grad - fd).max() < 1e-14
    assert np.array_equal(grad, np.swapaxes(grad, 1, 2)) or np.allclose(
        grad, np.swapaxes(grad, 1, 2), rtol=0, atol=1e-20
    )
    single = gravity_gradient(r[0], zonal_degree=zonal_degree)
    assert single.shape == (3, 3)
    assert np.allclose(single, grad[0], rtol=1e-15, atol=0)


def test_gravity_gradient_rejects_unsupported_degree():
    with pytest.raises(ValueError, match=r"zonal_degree must be 0 .* or 2"):
        gravity_gradient(np.array([7e6, 0.0, 0.0]), zonal_degree=3)


def test_propagate_agrees_with_fine_rk4_truth(rng):
    x0 = random_states(rng, 50)
    x, _ = propagate(x0, 300.0)  # 30 sub-steps of 10 s
    truth = fine_truth(x0, 300.0)
    assert np.abs(x[:, :3] - truth[:, :3]).max() < ONE_MILLIMETER
    assert np.abs(x[:, 3:] - truth[:, 3:]).max() < 1e-5  # m/s


def test_propagate_per_track_steps_and_zero_step(rng):
    x0 = random_states(rng, 4)
    dt = np.array([0.0, 3.0, 25.0, 61.0])
    x, stm = propagate(x0, dt)
    assert np.array_equal(x[0], x0[0])
    assert np.array_equal(stm[0], np.eye(6))
    for k in range(4):  # the batch equals each track alone
        xk, stmk = propagate(x0[k : k + 1], dt[k : k + 1])
        assert np.array_equal(xk[0], x[k])
        assert np.array_equal(stmk[0], stm[k])
    # 61 s is 7 equal sub-steps of 8.71 s: close to the fine truth.
    assert np.abs(x[3, :3] - fine_truth(x0[3:], 61.0, h_s=61.0 / 122)[0, :3]).max() < 1e-4


def test_transition_matrix_matches_finite_differences(rng):
    x0 = random_states(rng, 3)
    dt = np.array([10.0, 120.0, 600.0])
    _, stm = propagate(x0, dt)
    steps = np.array([1.0, 1.0, 1.0, 1e-3, 1e-3, 1e-3])  # m and m/s
    fd = np.empty_like(stm)
    for j in range(6):
        plus, _ = propagate(x0 + steps[j] * np.eye(6)[j], dt)
        minus, _ = propagate(x0 - steps[j] * np.eye(6)[j], dt)
        fd[:, :, j] = (plus - minus) / (2.0 * steps[j])
    # Differences of states ~1e7 m lose ~1e-9 m / step: compare with a relative tolerance.
    scale = np.abs(stm).max(axis=(1, 2), keepdims=True)
    assert np.abs(stm - fd).max(axis=(1, 2)).max() < 1e-6 * scale.max()
    assert np.all(np.abs(stm - fd) < 1e-6 * scale)


def test_transition_matrix_is_symplectic(rng):
    """Gravity is a Hamiltonian flow, so Phi^T J Phi = J (Liouville: det Phi = 1)."""
    x0 = random_states(rng, 20)
    _, stm = propagate(x0, 900.0)
    j = np.block([[np.zeros((3, 3)), np.eye(3)], [-np.eye(3), np.zeros((3, 3))]])
    lhs = np.swapaxes(stm, 1, 2) @ j @ stm
    # RK4 is not symplectic: its defect is ~1e-9 of the products' size |Phi|^2 (~1e6 s here).
    size = np.abs(stm).max(axis=(1, 2))[:, None, None] ** 2
    assert np.all(np.abs(lhs - j) < 1e-8 * size)
    assert np.allclose(np.linalg.det(stm), 1.0, atol=1e-6)


def test_propagate_rejects_bad_input(rng):
    x0 = random_states(rng, 2)
    with pytest.raises(ValueError, match="dt_s must be finite and non-negative"):
        propagate(x0, [1.0, -1.0])
    with pytest.raises(ValueError, match="dt_s must be finite"):
        propagate(x0, [1.0, np.nan])
    with pytest.raises(ValueError, match=r"x_eci must have shape \(n, 6\)"):
        propagate(x0[:, :3], 1.0)
    with pytest.raises(ValueError, match="max_step_s must be positive"):
        propagate(x0, 1.0, max_step_s=0.0)


def test_propagate_keeps_nan_rows_to_themselves(rng):
    x0 = random_states(rng, 3)
    x0[1] = np.nan
    x, stm = propagate(x0, 20.0)
    assert np.isnan(x[1]).all()
    assert np.isfinite(x[[0, 2]]).all()
    assert np.isfinite(stm[[0, 2]]).all()


def test_process_noise_is_the_white_noise_acceleration_model():
    dt = np.array([0.0, 1.0, 10.0])
    q = np.array([5.0, 2.0, 0.5])
    big_q = process_noise(dt, q)
    assert big_q.shape == (3, 6, 6)
    assert np.array_equal(big_q[0], np.zeros((6, 6)))
    expected = 0.5 * np.block(
        [[1000.0 / 3.0 * np.eye(3), 50.0 * np.eye(3)], [50.0 * np.eye(3), 10.0 * np.eye(3)]]
    )
    assert np.allclose(big_q[2], expected, rtol=1e-15)
    assert np.all(np.linalg.eigvalsh(big_q[1:]) > 0.0)
    assert process_noise(np.array([1.0]), 2.0).shape == (1, 6, 6)
    with pytest.raises(ValueError, match="q_m2_s3 must be finite and non-negative"):
        process_noise(dt, -1.0)


@pytest.mark.parametrize("zonal_degree", [0, 2])
def test_compiled_propagation_equals_the_numpy_reference(zonal_degree):
    rng = np.random.default_rng(11)
    r = rng.normal(size=(300, 3))
    r *= rng.uniform(6.5e6, 8e6, (300, 1)) / np.linalg.norm(r, axis=1, keepdims=True)
    x = np.concatenate([r, rng.normal(0.0, 4e3, (300, 3))], axis=1)
    dt = rng.uniform(0.0, 45.0, 300)
    dt[:10] = 0.0  # left as they are
    fast, stm = propagate(x, dt, zonal_degree=zonal_degree)
    ref, stm_ref = propagate_reference(x, dt, zonal_degree=zonal_degree)
    assert np.allclose(fast, ref, rtol=1e-13, atol=1e-8)
    assert np.allclose(stm, stm_ref, rtol=1e-12, atol=1e-12)
    assert np.array_equal(fast[:10], x[:10])
    assert np.array_equal(stm[:10], np.broadcast_to(np.eye(6), (10, 6, 6)))
