"""JPDA against Stone Soup's on closely spaced objects (:mod:`tests.tracking.jpda_scene`):
the same association probabilities and the same posterior states, and the exact
enumeration against the cheap approximation where they must agree.

Tolerance: both evaluate the same equations in float64 in a different order (our events
enumerated in compiled code, Stone Soup's through ``itertools.product`` and its
``Probability`` log arithmetic), so they may differ by round-off only: 1e-8 of each
probability and of the posterior sigma (observed about 1e-12). A wrong likelihood (a
missing ``P_D``, ``det S`` or gate probability) or a missing spread term differs at order
0.01 to 1.
"""

import numpy as np
import pytest

from goldendome.tracking.jpda import jpda_marginals
from tests.tracking.jpda_scene import make_scene, ours, stonesoup

AGREEMENT = 1e-8


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_jpda_agrees_with_stonesoup(seed):
    scene = make_scene(clusters=3, size=4, seed=seed)
    step, _ti, mj = ours(scene)
    x_ss, p_ss, beta_ss = stonesoup(scene)
    # Every pair Stone Soup weighed, we weighed with the same probability.
    ours_beta = dict(zip(zip(step.pair_track.tolist(), step.pair_measurement.tolist(),
                             strict=True), step.beta.tolist(), strict=True))  # fmt: skip
    assert set(ours_beta) == set(beta_ss)
    diff = max(abs(ours_beta[k] - beta_ss[k]) for k in beta_ss)
    assert diff < AGREEMENT, diff
    # The clusters were really ambiguous: some measurement is shared by several tracks.
    assert np.bincount(mj).max() >= 3
    assert 0.05 < np.median(step.beta) < 0.95
    x, p = x_ss[step.tracks], p_ss[step.tracks]
    sigma = np.sqrt(np.diagonal(p, axis1=1, axis2=2))
    assert (np.abs(step.x_eci - x) / sigma).max() < AGREEMENT
    scale = sigma[:, :, None] * sigma[:, None, :]
    assert (np.abs(step.covariance - p) / scale).max() < AGREEMENT


def test_single_track_cluster_is_pda_and_cheap_equals_exact_there():
    """One track: the marginals are the PDA weights, L_j / (w_0 + sum L), both ways."""
    log_l = np.log([2.0, 0.5, 1.5])
    tracks, meas = np.zeros(3, np.int64), np.arange(3)
    exact, miss, _, was_exact = jpda_marginals(tracks, meas, log_l, np.log(0.1))
    cheap, miss_c, _, was_cheap = jpda_marginals(tracks, meas, log_l, np.log(0.1), max_events=1)
    want = np.array([2.0, 0.5, 1.5]) / 4.1
    assert was_exact.all()
    assert not was_cheap.any()
    assert np.allclose(exact, want)
    assert np.allclose(cheap, want)
    assert np.isclose(miss[0], 0.1 / 4.1)
    assert np.isclose(miss_c[0], 0.1 / 4.1)


def test_two_tracks_one_measurement_by_hand():
    """Tracks a, b both gate measurement 0; a also gates 1. Events: (-,-), (0,-), (1,-),
    (-,0), (1,0): beta_a0 = L_a0 w_b / Z, and so on."""
    la0, la1, lb0, w = 3.0, 1.0, 2.0, 0.2
    tracks, meas = np.array([0, 0, 1]), np.array([0, 1, 0])
    beta, miss, comp, exact = jpda_marginals(tracks, meas, np.log([la0, la1, lb0]), np.log(w))
    z = w * w + la0 * w + la1 * w + w * lb0 + la1 * lb0
    assert np.allclose(beta, [la0 * w / z, (la1 * w + la1 * lb0) / z, (w * lb0 + la1 * lb0) / z])
    assert np.allclose(miss, [(w * w + w * lb0) / z, (w * w + la0 * w + la1 * w) / z])
    assert exact.all()
    assert (comp == 0).all()
