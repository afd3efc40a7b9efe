"""Pre-gating: the compiled search returns exactly the pairs inside their gates (what every
pair's NIS gives), its track tests keep every gated pair, and updates keep it valid."""

import numpy as np
import pytest

from goldendome.tracking.association import gates, gnn_assign, gnn_assign_pairs, pairs_nis
from goldendome.tracking.measurement import predict
from goldendome.tracking.pregate import BIG_SIGMA_M, Forest, Lines, candidates_reference

ORIGIN = np.array([6.4e6, 0.0, 0.0])
#: ECI to a frame with x east-like, y north-like, z up (radial) at ORIGIN.
ROT = np.eye(3)[[1, 2, 0]]


def _tracks(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Tracks 300-1,500 km from the sensor in clusters of ten 20 km wide, with covariances
    from 30 m to 100 km, elongated."""
    centre = np.column_stack([ORIGIN[0] + rng.uniform(3e5, 1.5e6, n // 10),
                              rng.normal(0.0, 4e5, (n // 10, 2))])  # fmt: skip
    x = np.zeros((n, 6))
    x[:, :3] = np.repeat(centre, 10, axis=0) + rng.normal(0.0, 2e4, (n, 3))
    x[:, 3:] = rng.normal(0.0, 3e3, (n, 3))
    axes = rng.normal(size=(n, 6, 6))
    q, _ = np.linalg.qr(axes)
    scale = 10.0 ** rng.uniform(1.5, 5.0, (n, 1)) * np.array([1.0, 0.3, 0.1, 0.01, 0.01, 0.01])
    p = q @ (scale[:, :, None] ** 2 * np.eye(6)) @ np.swapaxes(q, 1, 2)
    return x, 0.5 * (p + np.swapaxes(p, 1, 2))


def _scan(
    rng: np.random.Generator, x: np.ndarray, p: np.ndarray, n: int, radar: bool
) -> tuple[np.ndarray, ...]:
    """One frame's measurements of some of the tracks, drawn from their covariances."""
    k = rng.integers(0, x.shape[0], n)
    pick = x[k].copy()
    pick[:, :3] += np.einsum(
        "nij,nj->ni", np.linalg.cholesky(p[k, :3, :3]), rng.normal(size=(n, 3))
    )
    o_r, o_v = np.tile(ORIGIN, (n, 1)), np.zeros((n, 3))
    rot = np.tile(ROT, (n, 1, 1))
    z, _ = predict(pick, o_r, o_v, rot)
    sigma = np.column_stack([rng.uniform(20, 200, n), np.full((n, 2), 2e-4), np.ones(n)])
    z[:, 3] = np.nan
    sigma[:, 3] = np.nan
    if not radar:
        z[:, 0] = sigma[:, 0] = np.nan
    return z, sigma, o_r, o_v, rot


def _every_pair(x, p, frames):
    """The gated pairs by every pair's NIS (NumPy), as a set, with their NIS."""
    z, sigma, o_r, o_v, rot = frames
    ti, mj = (
        np.repeat(np.arange(x.shape[0]), z.shape[0]),
        np.tile(np.arange(z.shape[0]), x.shape[0]),
    )
    nis, dof = pairs_nis(x[ti], p[ti], z[mj], sigma[mj], o_r[mj], o_v[mj], rot[mj])
    ok = nis <= gates(dof)
    return dict(zip(zip(ti[ok].tolist(), mj[ok].tolist(), strict=True), nis[ok], strict=True))


@pytest.mark.parametrize("radar", [True, False])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_search_finds_exactly_the_gated_pairs_with_their_nis(seed, radar):
    rng = np.random.default_rng(seed)
    x, p = _tracks(rng, 400)
    lam = np.linalg.eigvalsh(p[:, :3, :3])[:, -1]
    assert (lam >= BIG_SIGMA_M**2).any()
    assert (lam < BIG_SIGMA_M**2).any()
    frames = _scan(rng, x, p, 40, radar)
    z, sigma, _, _, rot = frames
    lines = Lines(z, sigma, ORIGIN, rot, gates(np.isfinite(z).sum(axis=1)))
    ti, mj, nis = Forest(x[:, :3], lam).candidates(lines, x, p)
    expected = _every_pair(x, p, frames)
    found = dict(zip(zip(ti.tolist(), mj.tolist(), strict=True), nis, strict=True))
    assert len(found) == ti.size  # each pair once
    assert found.keys() == expected.keys()
    assert len(expected) > 40
    keys = list(expected)
    assert np.allclose([found[k] for k in keys], [expected[k] for k in keys], rtol=1e-9)


@pytest.mark.parametrize("seed", [3, 4])
def test_the_track_tests_keep_every_gated_pair(seed):
    rng = np.random.default_rng(seed)
    x, p = _tracks(rng, 300)
    lam = np.linalg.eigvalsh(p[:, :3, :3])[:, -1]
    for radar in (True, False):
        frames = _scan(rng, x, p, 30, radar)
        z, sigma, _, _, rot = frames
        lines = Lines(z, sigma, ORIGIN, rot, gates(np.isfinite(z).sum(axis=1)))
        ti, mj = candidates_reference(x, p, lam, lines)
        kept = set(zip(ti.tolist(), mj.tolist(), strict=True))
        gated = set(_every_pair(x, p, frames))
        assert gated <= kept
        assert len(kept) < 0.5 * x.shape[0] * z.shape[0]  # and they rule most pairs out


def test_tracks_moved_after_the_forest_was_built_are_still_found():
    rng = np.random.default_rng(5)
    x, p = _tracks(rng, 200)
    p[:, :3, :3] = np.eye(3) * 50.0**2  # all in the trees
    lam = np.full(200, 50.0**2)
    forest = Forest(x[:, :3], lam)
    moved = np.arange(0, 200, 7)
    x[moved, :3] += rng.normal(0.0, 3e5, (moved.size, 3))
    forest.refresh(moved, x[moved, :3], lam[moved])
    frames = _scan(rng, x, p, 30, radar=True)
    z, sigma, _, _, rot = frames
    lines = Lines(z, sigma, ORIGIN, rot, gates(np.isfinite(z).sum(axis=1)))
    ti, mj, _ = forest.candidates(lines, x, p)
    assert set(zip(ti.tolist(), mj.tolist(), strict=True)) == set(_every_pair(x, p, frames))


@pytest.mark.parametrize("seed", range(5))
def test_assignment_by_components_equals_the_dense_assignment(seed):
    rng = np.random.default_rng(seed)
    n_t, n_m = 40, 30
    nis = np.where(rng.random((n_t, n_m)) < 0.08, rng.uniform(0.0, 20.0, (n_t, n_m)), np.inf)
    dof = rng.integers(2, 4, n_m)
    ti, mj = np.nonzero(np.isfinite(nis))
    tracks, meas = gnn_assign_pairs(ti, mj, nis[ti, mj], gates(dof)[mj])
    dense_t, dense_m = gnn_assign(nis, dof)
    assert sorted(zip(tracks.tolist(), meas.tolist(), strict=True)) == sorted(
        zip(dense_t.tolist(), dense_m.tolist(), strict=True)
    )
