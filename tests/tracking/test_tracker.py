"""Association, triangulation and the multi-sensor tracker on simple known geometry."""

import numpy as np
import pytest

from goldendome.tracking.association import gnn_assign, pair_nis
from goldendome.tracking.measurement import predict
from goldendome.tracking.motion import propagate
from goldendome.tracking.tracker import run_tracker
from goldendome.tracking.triangulation import line_of_sight_eci, triangulate_pairs

R0 = np.array([6.9e6, 0.0, 0.0])


def _radar_frame(n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A radar at the origin of a frame whose axes are ECI's: x east, y north, z up."""
    return np.zeros((n, 3)), np.zeros((n, 3)), np.repeat(np.eye(3)[None], n, axis=0)


def _measure(x: np.ndarray, sigma: np.ndarray, rng: np.random.Generator):
    o_r, o_v, rot = _radar_frame(x.shape[0])
    z, _ = predict(x, o_r, o_v, rot)
    return z + rng.standard_normal(z.shape) * sigma, o_r, o_v, rot


def test_gnn_pairs_each_track_with_its_own_measurement_and_gates_out_strangers():
    rng = np.random.default_rng(0)
    x = np.array([[1e6, 2e6, 3e5, 0, 0, 0], [1.2e6, 2e6, 3e5, 0, 0, 0]], dtype=float)
    p = np.repeat(np.diag([100.0**2] * 3 + [10.0**2] * 3)[None], 2, axis=0)
    sigma = np.tile([10.0, 1e-4, 1e-4, 1.0], (3, 1))
    far = np.array([[5e6, -1e6, 1e6, 0, 0, 0]])
    z, o_r, o_v, rot = _measure(np.concatenate([x[::-1], far]), sigma, rng)
    nis, dof = pair_nis(x, p, z, sigma, o_r, o_v, rot)
    tracks, meas = gnn_assign(nis, dof)
    assert sorted(zip(tracks.tolist(), meas.tolist(), strict=True)) == [(0, 1), (1, 0)]
    assert (dof == 4).all()


def test_two_lines_of_sight_triangulate_the_object():
    target = np.array([R0[0] + 300e3, 500e3, 200e3])
    origins = np.array([[7.3e6, -1.5e6, 0.0], [7.0e6, 1.8e6, 1.0e6]])
    rot = np.repeat(np.eye(3)[None], 2, axis=0)
    x = np.concatenate([np.repeat(target[None], 2, 0), np.zeros((2, 3))], axis=1)
    z, _ = predict(x, origins, np.zeros((2, 3)), rot)
    z[:, [0, 3]] = np.nan
    assert np.allclose(line_of_sight_eci(z, rot)[0], (target - origins[0]) / 1.7e6, atol=0.2)
    states, pairs = triangulate_pairs(z, origins, rot, gate_m=1e3)
    assert pairs.tolist() == [[0, 1]]
    assert np.linalg.norm(states[0, :3] - target) < 1.0


def test_tracker_follows_two_radar_objects_to_fire_control_quality():
    rng = np.random.default_rng(5)
    t = np.arange(0.0, 200.0, 5.0)
    x0 = np.array([[*R0, -2e3, 5e3, 1e3], [R0[0], 50e3, 0.0, -2e3, 5e3, -1e3]])
    rows = []
    for tk in t:
        x, _ = propagate(x0, np.full(2, tk))  # ballistic truth under J2
        sigma = np.tile([20.0, 2e-4, 2e-4, 1.0], (2, 1))
        z, o_r, o_v, rot = _measure(x, sigma, rng)
        rows.append((np.zeros(2, int), np.full(2, tk), z, sigma, o_r, o_v, rot, np.arange(2)))
    cols = [np.concatenate([r[i] for r in rows]) for i in range(8)]
    log = run_tracker(*cols[:7])
    truth_id = cols[7]
    assert (log.assigned >= 0).all()
    assert len(log) >= 2
    main = [np.bincount(log.assigned[truth_id == j]).argmax() for j in (0, 1)]
    assert main[0] != main[1]
    for j, track in enumerate(main):
        mine = log.assigned == track
        assert np.mean(truth_id[mine] == j) == pytest.approx(1.0)
        assert log.firm_s[track] == 10.0  # the third hit, 3-of-60 s
        assert log.fire_control_s[track] <= 60.0  # cross-range sigma 1.4 km per look at 7,000 km
        assert log.sensors[track] == {0: 0.0}
