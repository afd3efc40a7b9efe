"""The analytic tier with correlated shots: issue 15's goal is an answer in under 10 ms.

Group ``correlated leakage, 10 warheads, 2 layers``: the closed form
(:class:`goldendome.engagement.correlated.CorrelatedLeakage`: Gauss-Jacobi quadrature, 64
nodes per layer) against the reference, sampling the same model (100,000 raids, each
layer's kill probability drawn from its beta, NumPy vectorized), which is what one would
write without the closed form. The untimed check: the two agree within 3 standard errors.
"""

import numpy as np
import pytest

from goldendome.engagement.correlated import CorrelatedLeakage, beta_parameters
from goldendome.engagement.leakage import Layer

GROUP = "correlated leakage, 10 warheads, 2 layers"
LAYERS = (Layer(0.8, (2,), name="sbi"), Layer(0.6, (2, 2), survivor_seen=0.9, name="gbi"))
RHO, WARHEADS, RAIDS = 0.3, 10, 100_000


def _closed() -> float:
    return CorrelatedLeakage(LAYERS, WARHEADS, (RHO, RHO)).p_zero_leakers


def _sampled(seed: int = 0) -> tuple[float, float]:
    rng = np.random.default_rng(seed)
    survive = np.ones(RAIDS)
    for layer in LAYERS:
        survive *= layer.survival_at(rng.beta(*beta_parameters(layer.sspk, RHO), size=RAIDS))
    p = float(np.mean((1.0 - survive) ** WARHEADS))
    return p, float(np.sqrt(p * (1.0 - p) / RAIDS))


def test_the_closed_form_agrees_with_sampling():
    p, se = _sampled()
    assert abs(_closed() - p) < 3.0 * se


@pytest.mark.benchmark(group=GROUP)
def test_reference_sampling(benchmark):
    benchmark.extra_info["role"] = "reference"
    benchmark(_sampled)


@pytest.mark.benchmark(group=GROUP)
def test_closed_form(benchmark):
    benchmark.extra_info["role"] = "closed form"
    _closed()  # SciPy's first call loads its special-function tables
    assert benchmark(_closed) > 0.9
