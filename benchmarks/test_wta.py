"""Weapon-target assignment: 200 weapons x 50 targets (the issue's goal: at most 10 ms).

The compiled greedy plus local search (``assign_greedy``) and the compiled greedy alone
against the same marginal-return greedy written plainly in NumPy, one vectorized round per
weapon fired (the reference; it does no local search, so the heuristic's ratio shows what
the search costs). Each target takes 1 to 4 shots, 125 in all for 200 weapons. A second
group gives the targets 1 to 8 shots (more than the weapons: all fire, and the local search
has far more to rearrange). A third times the heuristic against the exact integer program
(``assign_exact``, SciPy's HiGHS) on an instance small enough for it, 10 weapons x 6
targets; ``extra_info`` records how much of the optimum the heuristic saves. Numba compiles
before the timing starts.
"""

import numpy as np
import pytest

from goldendome.engagement._wta_kernel import warm_up
from goldendome.engagement.wta import (
    assign_exact,
    assign_greedy,
    expected_value_saved,
)

LARGE = "WTA 200 weapons x 50 targets"
SCARCE = "WTA 200 weapons x 50 targets, 1-8 shots each"
SMALL = "WTA 10 weapons x 6 targets"


def _instance(n_weapons, n_targets, seed, most_shots=4):
    """Each weapon reaches about half the targets, pk 0.3-0.9; 1 to 4 shots per target."""
    rng = np.random.default_rng(seed)
    pk = rng.uniform(0.3, 0.9, (n_weapons, n_targets))
    pk[rng.random(pk.shape) < 0.5] = 0.0
    return pk, rng.uniform(1.0, 10.0, n_targets), rng.integers(1, most_shots + 1, n_targets)


def numpy_greedy(pk, value, max_shots):
    """Marginal-return greedy: the best (free weapon, target with shots left) pair each round."""
    n_w, n_t = pk.shape
    out = np.full(n_w, -1, dtype=np.int64)
    survival, shots = np.ones(n_t), np.zeros(n_t, dtype=np.int64)
    gain = value * pk
    gain[:, max_shots <= 0] = 0.0
    for _ in range(n_w):
        i, j = np.unravel_index(np.argmax(gain), gain.shape)
        if gain[i, j] <= 0.0:
            break
        out[i] = j
        shots[j] += 1
        survival[j] *= 1.0 - pk[i, j]
        gain[i, :] = 0.0
        gain[:, j] = 0.0 if shots[j] >= max_shots[j] else value[j] * survival[j] * pk[:, j]
        gain[out >= 0, j] = 0.0
    return out


@pytest.fixture(scope="module")
def large():
    warm_up()
    problem = _instance(200, 50, seed=2029)
    assign_greedy(*problem)
    return problem


@pytest.mark.benchmark(group=LARGE)
def test_greedy_with_local_search(benchmark, large):
    benchmark.extra_info.update(role="goldendome greedy + local search (numba)")
    found = benchmark.pedantic(assign_greedy, args=large, rounds=30, warmup_rounds=1)
    saved = expected_value_saved(large[0], large[1], found)
    plain = expected_value_saved(large[0], large[1], numpy_greedy(*large))
    benchmark.extra_info.update(value_saved=saved, vs_plain_greedy=saved / plain)
    assert saved >= plain


@pytest.mark.benchmark(group=LARGE)
def test_greedy_only(benchmark, large):
    benchmark.extra_info.update(role="goldendome greedy only (numba)")
    found = benchmark.pedantic(assign_greedy, args=(*large, False), rounds=30, warmup_rounds=1)
    assert np.array_equal(found, numpy_greedy(*large))


@pytest.mark.benchmark(group=LARGE)
def test_numpy_greedy_reference(benchmark, large):
    benchmark.extra_info.update(role="reference")
    found = benchmark.pedantic(numpy_greedy, args=large, rounds=10)
    assert (found >= 0).sum() > 100


@pytest.fixture(scope="module")
def scarce():
    warm_up()
    problem = _instance(200, 50, seed=2029, most_shots=8)
    assign_greedy(*problem)
    return problem


@pytest.mark.benchmark(group=SCARCE)
def test_scarce_greedy_with_local_search(benchmark, scarce):
    benchmark.extra_info.update(role="goldendome greedy + local search (numba)")
    found = benchmark.pedantic(assign_greedy, args=scarce, rounds=10, warmup_rounds=1)
    saved = expected_value_saved(scarce[0], scarce[1], found)
    plain = expected_value_saved(scarce[0], scarce[1], numpy_greedy(*scarce))
    benchmark.extra_info.update(value_saved=saved, vs_plain_greedy=saved / plain)
    assert (found >= 0).all()  # every weapon is needed
    assert saved >= plain


@pytest.mark.benchmark(group=SCARCE)
def test_scarce_numpy_greedy_reference(benchmark, scarce):
    benchmark.extra_info.update(role="reference")
    found = benchmark.pedantic(numpy_greedy, args=scarce, rounds=10)
    assert np.array_equal(found, assign_greedy(*scarce, local_search=False))


@pytest.fixture(scope="module")
def small():
    warm_up()
    return _instance(10, 6, seed=7)


@pytest.mark.benchmark(group=SMALL)
def test_heuristic_small(benchmark, small):
    benchmark.extra_info.update(role="goldendome greedy + local search (numba)")
    found = benchmark.pedantic(assign_greedy, args=small, rounds=30, warmup_rounds=1)
    exact = expected_value_saved(small[0], small[1], assign_exact(*small))
    ratio = expected_value_saved(small[0], small[1], found) / exact
    benchmark.extra_info.update(fraction_of_optimum=ratio)
    assert ratio >= 0.99


@pytest.mark.benchmark(group=SMALL)
def test_exact_reference(benchmark, small):
    benchmark.extra_info.update(role="reference")
    found = benchmark.pedantic(assign_exact, args=small, rounds=3)
    assert (found >= 0).any()
