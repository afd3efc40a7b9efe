"""Coverage figures of merit on hand-built visibility patterns with known answers."""

import numpy as np
import pytest

from goldendome.sensors.coverage import assets_in_view, coverage_figures, sample_durations_s

T_1000_S = np.arange(1000.0)  # 1 s steps, window 999 s


def periodic(n_time: int, period: int, on: int, shift: int = 0) -> np.ndarray:
    """Covered (1 asset) for the first ``on`` samples of every ``period``, shifted right."""
    i = np.arange(n_time) - shift
    return (np.mod(i, period) < on).astype(np.int64)[None, :]


def test_always_covered_has_no_gap_and_no_age():
    f = coverage_figures(np.ones((1, 1000), np.int64), T_1000_S)
    assert f.window_s == 999.0
    assert f.coverage_fraction[0] == 1.0
    assert f.coverage_time_s[0] == 999.0
    assert (f.n_intervals[0], f.n_gaps[0]) == (1, 0)
    assert f.gap_mean_s[0] == f.gap_max_s[0] == 0.0
    assert not f.gap_at_start[0]
    assert not f.gap_at_end[0]
    assert f.age_of_data_mean_s[0] == f.age_of_data_max_s[0] == f.time_average_gap_s[0] == 0.0


def test_never_covered_is_one_gap_the_whole_window_flagged_at_both_ends():
    f = coverage_figures(np.zeros((1, 1000), np.int64), T_1000_S)
    assert f.coverage_fraction[0] == 0.0
    assert (f.n_intervals[0], f.n_gaps[0]) == (0, 1)
    assert f.gap_mean_s[0] == f.gap_max_s[0] == 999.0
    assert f.gap_at_start[0]
    assert f.gap_at_end[0]
    # Age of data counted from the window start: rises 0 -> 999 s, mean half of it.
    assert f.age_of_data_max_s[0] == 999.0
    assert f.age_of_data_mean_s[0] == pytest.approx(499.5)
    assert f.assets_mean[0] == 0.0


def test_periodic_passes_give_known_gaps_and_an_open_gap_at_the_end():
    # Covered on samples 0-19, 100-119, ..., 900-919: transitions half-way between samples,
    # so interior gaps last 80 s, the first pass 19.5 s (it starts at the window's start)
    # and the last gap 920-999 is cut by the window's end at 79.5 s.
    f = coverage_figures(periodic(1000, 100, 20), T_1000_S)
    assert (f.n_intervals[0], f.n_gaps[0]) == (10, 10)
    assert f.coverage_time_s[0] == pytest.approx(19.5 + 9 * 20.0)
    assert f.coverage_fraction[0] == pytest.approx(199.5 / 999.0)
    assert f.gap_max_s[0] == pytest.approx(80.0)
    assert f.gap_mean_s[0] == pytest.approx((9 * 80.0 + 79.5) / 10)
    assert not f.gap_at_start[0]
    assert f.gap_at_end[0]
    squares = 9 * 80.0**2 + 79.5**2
    assert f.time_average_gap_s[0] == pytest.approx(squares / 999.0)
    assert f.age_of_data_mean_s[0] == pytest.approx(squares / (2 * 999.0))
    assert f.age_of_data_max_s[0] == pytest.approx(80.0)


def test_gap_open_at_the_start_is_counted_from_the_window_start_and_flagged():
    # Passes on samples 50-69, 150-169, ...: the first gap runs 0 -> 49.5 s.
    f = coverage_figures(periodic(1000, 100, 20, shift=50), T_1000_S)
    assert f.gap_at_start[0]
    assert f.gap_at_end[0]
    assert (f.n_intervals[0], f.n_gaps[0]) == (10, 11)
    gaps = [49.5] + [80.0] * 9 + [999.0 - 969.5]
    assert f.gap_mean_s[0] == pytest.approx(np.mean(gaps))
    assert f.gap_max_s[0] == pytest.approx(80.0)
    assert f.coverage_fraction[0] == pytest.approx(200.0 / 999.0)


def test_n_asset_coverage_and_min_assets():
    # Steps of 1 s: the end samples stand for half a second each.
    count = np.array([[0, 1, 2, 3, 1]])
    t = np.arange(5.0)
    f = coverage_figures(count, t, n_fold=4)
    assert np.allclose(f.fold_fraction[0], [3.5 / 4, 2.0 / 4, 1.0 / 4, 0.0])
    assert f.assets_mean[0] == pytest.approx(6.5 / 4)
    assert (f.assets_min[0], f.assets_max[0]) == (0, 3)
    two = coverage_figures(count, t, min_assets=2)
    assert two.coverage_fraction[0] == pytest.approx(0.5)
    assert (two.n_intervals[0], two.n_gaps[0]) == (1, 2)
    assert (two.gap_max_s[0], two.gap_mean_s[0]) == pytest.approx((1.5, 1.0))
    assert two.gap_at_start[0]
    assert two.gap_at_end[0]
    assert two.age_of_data_mean_s[0] == pytest.approx((1.5**2 + 0.5**2) / 8)


def test_batch_equals_points_one_by_one_and_a_loop_reference(rng):
    n_point, n_time = 40, 300
    count = rng.integers(0, 3, (n_point, n_time)) * (rng.random((n_point, 1)) < 0.8)
    count[0] = 0
    count[1] = 2
    t = np.cumsum(rng.uniform(1.0, 20.0, n_time))
    batch = coverage_figures(count, t, n_fold=2)
    edges = np.concatenate([t[:1], 0.5 * (t[1:] + t[:-1]), t[-1:]])
    for p in (0, 1, 7, 23):
        one = coverage_figures(count[p : p + 1], t, n_fold=2)
        for name in ("coverage_fraction", "n_gaps", "gap_max_s", "age_of_data_mean_s"):
            assert getattr(one, name)[0] == pytest.approx(getattr(batch, name)[p])
        gaps, start = [], None
        for i, c in enumerate(count[p] > 0):
            if not c and start is None:
                start = i
            if c and start is not None:
                gaps.append(edges[i] - edges[start])
                start = None
        if start is not None:
            gaps.append(edges[-1] - edges[start])
        assert batch.n_gaps[p] == len(gaps)
        assert batch.gap_max_s[p] == pytest.approx(max(gaps, default=0.0))
        assert batch.gap_mean_s[p] == pytest.approx(np.mean(gaps) if gaps else 0.0)
    assert np.allclose(batch.fold_fraction[:, 0], batch.coverage_fraction)
    assert np.all(batch.fold_fraction[:, 1] <= batch.fold_fraction[:, 0])


def test_assets_in_view_and_sample_durations(rng):
    cube = rng.random((5, 7, 4)) < 0.5
    assert np.array_equal(assets_in_view(cube), cube.sum(axis=2))
    t = np.array([0.0, 10.0, 15.0, 40.0])
    assert np.allclose(sample_durations_s(t), [5.0, 7.5, 15.0, 12.5])
    assert sample_durations_s(t).sum() == 40.0


def test_bad_input_is_explained():
    with pytest.raises(ValueError, match="strictly increasing"):
        coverage_figures(np.ones((1, 3), np.int64), [0.0, 2.0, 1.0])
    with pytest.raises(ValueError, match="n_time = 3"):
        coverage_figures(np.ones((1, 4), np.int64), [0.0, 1.0, 2.0])
    with pytest.raises(ValueError, match="non-negative integer"):
        coverage_figures(-np.ones((1, 3), np.int64), [0.0, 1.0, 2.0])
    with pytest.raises(ValueError, match="at least two sample times"):
        coverage_figures(np.ones((1, 1), np.int64), [0.0])
    with pytest.raises(ValueError, match="n_asset"):
        assets_in_view(np.ones((3, 4), bool))
