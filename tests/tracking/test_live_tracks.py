"""The live tracks' closed-form bound on the largest position variance."""

import numpy as np

from goldendome.tracking.live_tracks import LAM_MARGIN, largest_eigenvalue_bound


def test_the_bound_is_never_below_the_largest_eigenvalue_and_close_to_it():
    rng = np.random.default_rng(0)
    q, _ = np.linalg.qr(rng.normal(size=(4000, 3, 3)))
    scales = 10.0 ** rng.uniform(-2.0, 12.0, (4000, 3))
    scales[:1000, 1] = scales[:1000, 0]  # two equal eigenvalues
    scales[1000:1500] = scales[1000:1500, :1]  # three (isotropic)
    p6 = np.zeros((4000, 6, 6))
    p6[:, :3, :3] = q @ (scales[:, :, None] * np.eye(3)) @ np.swapaxes(q, 1, 2)
    p6[:, :3, :3] = 0.5 * (p6[:, :3, :3] + np.swapaxes(p6[:, :3, :3], 1, 2))
    bound = largest_eigenvalue_bound(p6)
    exact = np.linalg.eigvalsh(p6[:, :3, :3])[:, -1]
    assert (bound >= exact).all()
    assert (bound <= exact * (1.0 + 10 * LAM_MARGIN)).all()


def test_updates_count_each_time_once_and_follow_the_kept_tracks():
    from goldendome.tracking.live_tracks import LiveTracks

    live = LiveTracks(confirm_hits=3)
    p = np.tile(np.eye(6), (3, 1, 1))
    live.add(np.array([0, 1, 2]), np.zeros((3, 6)), p, 0.0)
    live.hit(np.array([0, 1]), 10.0)
    live.hit(np.array([0]), 10.0)  # a second measurement at the same time
    live.hit(np.array([0]), 20.0)
    assert live.updates.tolist() == [3, 2, 1]
    live.keep(np.array([False, True, True]))
    assert live.updates.tolist() == [2, 1]
