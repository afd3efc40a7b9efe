"""Flying objects in groups gives the flights one call gives, with progress between groups."""

import numpy as np

from goldendome.physics.constants import R_EARTH_MEAN_M
from goldendome.threats.flight import Flight, fly_bodies
from goldendome.threats.groups import fly_in_groups


def _bodies(n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Bodies thrown up at 6-7 km/s from 300 km, some with drag, starting at staggered times."""
    rng = np.random.default_rng(7)
    up = rng.normal(size=(n, 3))
    up /= np.linalg.norm(up, axis=1, keepdims=True)
    side = np.cross(up, [0.0, 0.0, 1.0])
    side /= np.linalg.norm(side, axis=1, keepdims=True)
    x0 = np.concatenate(
        [(R_EARTH_MEAN_M + 300e3) * up, rng.uniform(6e3, 7e3, (n, 1)) * side + 500.0 * up], 1
    )
    beta = np.where(np.arange(n) % 3 == 0, 0.0, rng.uniform(100.0, 5_000.0, n))
    return x0, beta, rng.uniform(0.0, 30.0, n)


def test_groups_give_the_flights_of_one_call_and_report_progress() -> None:
    n = 150
    x0, beta, t0 = _bodies(n)
    t_out = np.arange(0.0, 1_200.0, 20.0)
    whole = fly_bodies(x0, beta, t0, t_out)
    calls: list[tuple[int, int]] = []

    def group(idx: np.ndarray) -> Flight:
        return fly_bodies(x0[idx], beta[idx], t0[idx], t_out)

    joined = fly_in_groups(group, n, t_out.size, lambda d, t: calls.append((d, t)), max_bytes=1)
    assert calls == [(0, n), (64, n), (128, n), (150, n)]  # at least 64 objects per group
    for name in ("y_eci", "event_t_s", "event_x_eci", "status", "x_start_eci", "t_start_s"):
        np.testing.assert_array_equal(getattr(joined, name), getattr(whole, name))
    np.testing.assert_array_equal(joined.t_s, whole.t_s)


def test_no_objects_fly_once_empty() -> None:
    x0, beta, t0 = _bodies(1)
    flight = fly_in_groups(
        lambda idx: fly_bodies(x0[idx], beta[idx], t0[idx], [0.0, 1.0]), 0, 2, max_bytes=1
    )
    assert flight.y_eci.shape == (0, 2, 6)
