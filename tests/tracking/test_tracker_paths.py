"""The tracker's fast path against its references on a small raid seen by a radar and two
infrared satellites: the tree search, the same tests without the tree, and every pair's NIS
give the same tracks; compiled triangulation equals the NumPy original; progress by scans."""

import numpy as np
import pytest

from goldendome.tracking.measurement import predict
from goldendome.tracking.motion import propagate
from goldendome.tracking.tracker import PROGRESS_STAGE, TrackLog, run_tracker
from goldendome.tracking.triangulation import triangulate_pairs, triangulate_pairs_reference

R0 = np.array([6.9e6, 0.0, 0.0])
RADAR = np.zeros(3)
SATELLITES = np.array([[7.6e6, -2.0e6, 1.0e6], [7.4e6, 2.2e6, -0.8e6]])


def _frame(origin: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A sensor at ``origin`` with a frame whose axes are ECI's."""
    return np.tile(origin, (n, 1)), np.zeros((n, 3)), np.repeat(np.eye(3)[None], n, axis=0)


def _raid(seed: int) -> tuple[tuple[np.ndarray, ...], np.ndarray]:
    """Eight objects in two clusters for 300 s: radar every 10 s, infrared every 20 s."""
    rng = np.random.default_rng(seed)
    x0 = np.zeros((8, 6))
    x0[:, :3] = R0 + np.repeat([[0.0, 0.0, 0.0], [0.0, 3e5, 1e5]], 4, axis=0)
    x0[:, :3] += rng.normal(0.0, 5e3, (8, 3))
    x0[:, 3:] = np.array([-2e3, 5e3, 1e3]) + rng.normal(0.0, 30.0, (8, 3))
    rows = []
    for tk in np.arange(0.0, 300.0, 10.0):
        x, _ = propagate(x0, np.full(8, tk))
        seen = np.flatnonzero(rng.random(8) < 0.9)
        sigma = np.tile([30.0, 3e-4, 3e-4, 1.0], (seen.size, 1))
        frame = _frame(RADAR, seen.size)
        z, _ = predict(x[seen], *frame)
        rows.append((0, tk, z + rng.normal(size=z.shape) * sigma, sigma, *frame, seen))
        if tk % 20 == 0:
            for s, origin in enumerate(SATELLITES):
                sigma = np.tile([np.nan, 2e-5, 2e-5, np.nan], (8, 1))
                frame = _frame(origin, 8)
                z, _ = predict(x, *frame)
                z = z + rng.normal(size=z.shape) * np.nan_to_num(sigma)
                z[:, [0, 3]] = np.nan
                rows.append((1 + s, tk, z, sigma, *frame, np.arange(8)))
    cols = [
        np.concatenate([np.full(r[2].shape[0], r[0]) for r in rows]),
        np.concatenate([np.full(r[2].shape[0], r[1]) for r in rows]),
        *(np.concatenate([r[k] for r in rows]) for k in range(2, 7)),
    ]
    truth = np.concatenate([r[7] for r in rows])
    order = rng.permutation(truth.size)  # rows need not be sorted
    return tuple(c[order] for c in cols), truth[order]


def _same(a: TrackLog, b: TrackLog) -> None:
    assert np.array_equal(a.assigned, b.assigned)
    for name in ("created_s", "firm_s", "fire_control_s"):
        assert np.array_equal(getattr(a, name), getattr(b, name), equal_nan=True), name
    assert a.sensors == b.sensors
    assert np.array_equal(a.history.track, b.history.track)
    assert np.array_equal(a.history.t_s, b.history.t_s)
    assert np.allclose(a.history.x_eci, b.history.x_eci, rtol=1e-12, atol=1e-6)
    assert np.allclose(a.history.position_sigma_m, b.history.position_sigma_m, rtol=1e-9)


@pytest.mark.parametrize("seed", [0, 1])
def test_the_tree_search_gives_the_tracks_every_pair_gives(seed):
    cols, truth = _raid(seed)
    fast = run_tracker(*cols)
    _same(fast, run_tracker(*cols, candidates="numpy"))
    _same(fast, run_tracker(*cols, candidates="all"))
    # And the tracks are real: every object has a firm track that mostly holds it.
    firm = np.flatnonzero(np.isfinite(fast.firm_s))
    owners = {int(np.bincount(truth[fast.assigned == k]).argmax()) for k in firm}
    assert owners == set(range(8))
    assert np.isfinite(fast.fire_control_s).sum() >= 4
    assert {1, 2} <= set().union(*(s.keys() for s in fast.sensors))  # infrared fused in


def test_progress_counts_scans_up_to_all_of_them():
    cols, _ = _raid(2)
    calls: list[tuple[str, int, int]] = []
    run_tracker(*cols, progress=lambda *c: calls.append(c))
    assert {c[0] for c in calls} == {PROGRESS_STAGE}
    done = [c[1] for c in calls]
    assert done == sorted(done)
    assert done[-1] == calls[-1][2] > len(calls) > 1


@pytest.mark.parametrize("seed", range(4))
def test_compiled_triangulation_equals_the_numpy_original(seed):
    rng = np.random.default_rng(seed)
    targets = R0 + rng.normal(0.0, 2e5, (12, 3))
    origin = np.concatenate([np.tile(SATELLITES[0], (12, 1)), np.tile(SATELLITES[1], (12, 1))])
    x = np.zeros((24, 6))
    x[:, :3] = np.concatenate([targets, targets[rng.permutation(12)]])
    rot = np.repeat(np.eye(3)[None], 24, axis=0)
    z, _ = predict(x, origin, np.zeros((24, 3)), rot)
    z[:, 1:3] += rng.normal(0.0, 1e-4, (24, 2))
    states, pairs = triangulate_pairs(z, origin, rot, 30e3)
    ref_states, ref_pairs = triangulate_pairs_reference(z, origin, rot, 30e3)
    assert pairs.tolist() == ref_pairs.tolist()
    assert len(pairs) >= 6
    assert np.allclose(states, ref_states, rtol=1e-12, atol=1e-6)
