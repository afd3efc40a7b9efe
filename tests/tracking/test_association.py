"""Gate screening in the association: a screened pair is certainly outside its gate, every
pair inside keeps its exact NIS, and the assignment does not change."""

import numpy as np
from scipy.stats import chi2

from goldendome.tracking.association import (
    GATE_PROBABILITY,
    gnn_assign,
    measured_patterns,
    pair_nis,
)
from goldendome.tracking.measurement import predict


def _scene(seed: int, angles_only: bool):
    """Tracks scattered 30 km around a point 600 km up, measured by one sensor frame."""
    rng = np.random.default_rng(seed)
    n_t, n_m = 30, 20
    x = np.column_stack(
        [
            rng.normal(0.0, 3e4, (n_t, 3)) + np.array([7.0e6, 0.0, 0.0]),
            rng.normal(0.0, 1e3, (n_t, 3)),
        ]
    )
    a = rng.normal(size=(n_t, 6, 6))
    p = a @ np.swapaxes(a, 1, 2) * 1e3 + np.eye(6) * 1e2
    o_r = np.tile([6.4e6, 0.0, 0.0], (n_m, 1))
    o_v = np.zeros((n_m, 3))
    rot = np.tile(np.eye(3)[[1, 2, 0]], (n_m, 1, 1))
    z, _ = predict(x[rng.integers(0, n_t, n_m)] + rng.normal(0.0, 300.0, (n_m, 6)), o_r, o_v, rot)
    sigma = np.column_stack([rng.uniform(50, 150, n_m), np.full((n_m, 2), 3e-3), np.ones(n_m)])
    z[:, 3] = np.nan
    if angles_only:
        z[:, 0] = np.nan
    z[: n_m // 4, 0] = np.nan  # a second group: the same frame, fewer components
    return x, p, z, sigma, o_r, o_v, rot


def test_screening_keeps_every_pair_inside_the_gate_exactly_and_the_assignment():
    for seed, angles_only in [(0, False), (1, True), (2, False)]:
        args = _scene(seed, angles_only)
        full, dof = pair_nis(*args)
        screened, _ = pair_nis(*args, gate_probability=GATE_PROBABILITY)
        gate = np.broadcast_to(chi2.ppf(GATE_PROBABILITY, np.maximum(dof, 1)), full.shape)
        inside = full <= gate
        assert inside.sum() >= 10  # the scene has pairs to keep
        assert (~inside).sum() >= 100  # and pairs to screen out
        assert np.allclose(screened[inside], full[inside], rtol=1e-12, atol=0.0)
        assert np.all(screened[~inside] > gate[~inside])
        t_full, m_full = gnn_assign(full, dof)
        t_scr, m_scr = gnn_assign(screened, dof)
        assert sorted(zip(t_full, m_full, strict=True)) == sorted(zip(t_scr, m_scr, strict=True))


def test_measured_patterns_groups_rows_as_unique_rows_would():
    # The bit-code grouping must give the groups np.unique(measured, axis=0) gives, rows in
    # increasing order, and leave out rows with nothing measured.
    rng = np.random.default_rng(3)
    measured = rng.random((500, 4)) < 0.6
    patterns, which = np.unique(measured, axis=0, return_inverse=True)
    want = {
        tuple(np.flatnonzero(p).tolist()): np.flatnonzero(which.ravel() == g).tolist()
        for g, p in enumerate(patterns)
        if p.any()
    }
    got = {tuple(comp.tolist()): rows.tolist() for comp, rows in measured_patterns(measured)}
    assert got == want
    assert measured_patterns(np.zeros((0, 4), bool)) == []
