"""Coverage figures of merit in STK's vocabulary, from the assets in view of grid points.

Input is the number of assets (satellites) that see each grid point at each sample time,
``n_in_view (n_point, n_time)``, or the full visibility cube ``covered (n_point, n_time,
n_asset)`` reduced by :func:`assets_in_view`. A point is *covered* when at least
``min_assets`` assets see it.

Sampled time is read as a step function: each sample stands for the time nearer to it than
to its neighbors (cell edges half-way between samples, the outer cells ending at the first
and last sample), so a change of coverage is placed half-way between the two samples that
bracket it (error at most half a step per transition). The window is ``t_s[-1] - t_s[0]``.

Figures follow the STK Coverage definitions (AGI, STK Help, "Figures of Merit": Coverage
Time, N Asset Coverage, Number of Accesses, Revisit Time, Time Average Gap, Age Of Data):

- *coverage time* and *fraction*: time with at least ``min_assets`` assets in view;
  *fold fraction* ``[:, N - 1]``: share of time with at least ``N`` assets, N = 1..n_fold;
- *intervals*: number of coverage intervals;
- *gaps* (revisit time): count, mean and longest duration. Like STK ("optimistic"), a gap
  that touches the window's start or end is measured from or to that edge, so its duration
  is a lower bound; it is counted, and ``gap_at_start`` / ``gap_at_end`` flag it. A point
  never covered has one gap, the whole window; a point always covered has none (0 s);
- *time-average gap*: ``sum(gap**2) / window``, the gap a random moment falls into;
- *age of data*: time since the end of the last coverage interval, 0 while covered.
  Over a gap of length g it rises from 0 to g, so its mean over the window is
  ``sum(gap**2) / (2 window)`` and its maximum the longest gap. Before the first access it
  is counted from the window start (STK's static statistics do the same), a lower bound
  flagged by ``gap_at_start``;
- *assets in view*: time-weighted mean, minimum and maximum over the samples.
"""

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from goldendome.physics._types import ArrayLike, BoolArray, FloatArray, IntArray


@dataclass(frozen=True)
class CoverageFigures:
    """Figures of merit of ``n_point`` grid points over one window.

    Attributes
    ----------
    window_s : float, seconds
        Length of the window, ``t_s[-1] - t_s[0]``.
    min_assets : int
        Assets needed for a point to count as covered (gaps and age of data use it).
    coverage_time_s, coverage_fraction : (n_point,) float64, seconds and 1
        Time (and share of the window) with at least ``min_assets`` assets in view.
    fold_fraction : (n_point, n_fold) float64
        Column ``N - 1``: share of the window with at least ``N`` assets in view.
    n_intervals, n_gaps : (n_point,) int64
        Coverage intervals and gaps (gaps touching the window edges included).
    gap_mean_s, gap_max_s : (n_point,) float64, seconds
        Mean and longest gap (revisit time); 0 where there is no gap.
    gap_at_start, gap_at_end : (n_point,) bool
        A gap is open at the window's start (end): its duration is a lower bound.
    time_average_gap_s : (n_point,) float64, seconds
        ``sum(gap**2) / window_s``.
    age_of_data_mean_s, age_of_data_max_s : (n_point,) float64, seconds
        Mean and maximum over the window of the time since the last coverage ended.
    assets_mean : (n_point,) float64
        Time-weighted mean number of assets in view.
    assets_min, assets_max : (n_point,) int64
        Fewest and most assets in view at a sample.
    """

    window_s: float
    min_assets: int
    coverage_time_s: FloatArray
    coverage_fraction: FloatArray
    fold_fraction: FloatArray
    n_intervals: IntArray
    n_gaps: IntArray
    gap_mean_s: FloatArray
    gap_max_s: FloatArray
    gap_at_start: BoolArray
    gap_at_end: BoolArray
    time_average_gap_s: FloatArray
    age_of_data_mean_s: FloatArray
    age_of_data_max_s: FloatArray
    assets_mean: FloatArray
    assets_min: IntArray
    assets_max: IntArray

    @property
    def n_points(self) -> int:
        """Number of grid points."""
        return int(self.coverage_fraction.shape[0])


def assets_in_view(covered: ArrayLike) -> IntArray:
    """Number of assets that see each point at each time.

    Parameters
    ----------
    covered : (n_point, n_time, n_asset) bool
        Whether each asset sees each point at each time.

    Returns
    -------
    (n_point, n_time) int64
    """
    cube = np.asarray(covered, dtype=np.bool_)
    if cube.ndim != 3:
        raise ValueError(
            f"covered must be a (n_point, n_time, n_asset) array, got shape {cube.shape}; "
            "add the missing axes, e.g. covered[None] for one point."
        )
    return np.asarray(np.count_nonzero(cube, axis=2), dtype=np.int64)


def sample_durations_s(t_s: ArrayLike) -> FloatArray:
    """Time each sample stands for: from half-way to the previous sample to half-way to the
    next one, the first and last samples ending at the window's edges.

    Parameters
    ----------
    t_s : (n_time,) float64, seconds
        Strictly increasing sample times, at least two.

    Returns
    -------
    (n_time,) float64, seconds
        Sums to ``t_s[-1] - t_s[0]``.
    """
    return np.diff(_cell_edges_s(_times(t_s)))


def _times(t_s: ArrayLike) -> FloatArray:
    t = np.asarray(t_s, dtype=np.float64)
    if t.ndim != 1 or t.shape[0] < 2:
        raise ValueError(
            f"t_s must be a 1-D array of at least two sample times, got shape {t.shape}; "
            "a coverage window needs a start and an end."
        )
    if not np.all(np.diff(t) > 0.0):
        raise ValueError("t_s must be strictly increasing (seconds since the epoch); sort it.")
    return t


def _cell_edges_s(t: FloatArray) -> FloatArray:
    """``(n_time + 1,)`` edges of the cells each sample stands for."""
    return np.concatenate([t[:1], 0.5 * (t[1:] + t[:-1]), t[-1:]])


def _runs(mask: BoolArray) -> tuple[IntArray, IntArray, IntArray]:
    """Runs of True in each row of ``(n_point, n_time)``: point, first sample, one past last.

    Rows come out in order, and runs in time order within a row.
    """
    n_point, n_time = mask.shape
    padded = np.zeros((n_point, n_time + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    step = np.diff(padded, axis=1)
    point, start = np.nonzero(step == 1)
    _, stop = np.nonzero(step == -1)
    return point.astype(np.int64), start.astype(np.int64), stop.astype(np.int64)


def _per_point_max(point: IntArray, values: FloatArray, n_point: int) -> FloatArray:
    out = np.zeros(n_point, dtype=np.float64)
    np.maximum.at(out, point, values)
    return out


def _fold_fraction(
    count: npt.NDArray[np.int64], weight_s: FloatArray, n_fold: int, window_s: float
) -> FloatArray:
    """Share of the window with at least N assets, N = 1..n_fold, ``(n_point, n_fold)``."""
    n_point, n_time = count.shape
    clipped = np.minimum(count, n_fold)
    index = (np.arange(n_point)[:, None] * (n_fold + 1) + clipped).ravel()
    weights = np.broadcast_to(weight_s, (n_point, n_time)).ravel()
    hist = np.bincount(index, weights=weights, minlength=n_point * (n_fold + 1))
    hist = hist.reshape(n_point, n_fold + 1)
    at_least = np.cumsum(hist[:, :0:-1], axis=1)[:, ::-1]
    return np.asarray(at_least / window_s, dtype=np.float64)


def coverage_figures(
    n_in_view: ArrayLike, t_s: ArrayLike, *, min_assets: int = 1, n_fold: int = 3
) -> CoverageFigures:
    """Coverage figures of merit of grid points from the assets in view over time.

    Parameters
    ----------
    n_in_view : (n_point, n_time) int
        Assets that see each point at each sample (see :func:`assets_in_view`).
    t_s : (n_time,) float64, seconds
        Strictly increasing sample times, at least two.
    min_assets : int
        Assets needed for a point to count as covered (STK's "Min # Assets").
    n_fold : int
        Highest N for which the share of time with at least N assets is reported.

    Returns
    -------
    CoverageFigures
        Arrays of ``(n_point,)`` (``fold_fraction``: ``(n_point, n_fold)``).
    """
    t = _times(t_s)
    count = np.asarray(n_in_view)
    if count.ndim != 2 or count.shape[1] != t.shape[0]:
        raise ValueError(
            f"n_in_view must be (n_point, n_time) with n_time = {t.shape[0]} (the length of "
            f"t_s), got shape {count.shape}."
        )
    if not np.issubdtype(count.dtype, np.integer) or (count.size and count.min() < 0):
        raise ValueError("n_in_view must hold non-negative integer counts of assets in view.")
    if min_assets < 1 or n_fold < 1:
        raise ValueError(
            f"min_assets and n_fold must be at least 1, got {min_assets} and {n_fold}."
        )
    count = count.astype(np.int64, copy=False)
    n_point = count.shape[0]
    edges = _cell_edges_s(t)
    weight = np.diff(edges)
    window = float(t[-1] - t[0])
    covered = count >= min_assets

    coverage_time = covered.astype(np.float64) @ weight
    n_intervals = np.bincount(_runs(covered)[0], minlength=n_point)
    g_point, g_start, g_stop = _runs(~covered)
    gap = edges[g_stop] - edges[g_start]
    n_gaps = np.bincount(g_point, minlength=n_point)
    gap_sum = np.bincount(g_point, weights=gap, minlength=n_point)
    gap_sq_sum = np.bincount(g_point, weights=gap * gap, minlength=n_point)
    gap_max = _per_point_max(g_point, gap, n_point)
    return CoverageFigures(
        window_s=window,
        min_assets=int(min_assets),
        coverage_time_s=coverage_time,
        coverage_fraction=coverage_time / window,
        fold_fraction=_fold_fraction(count, weight, n_fold, window),
        n_intervals=n_intervals.astype(np.int64),
        n_gaps=n_gaps.astype(np.int64),
        gap_mean_s=gap_sum / np.maximum(n_gaps, 1),
        gap_max_s=gap_max,
        gap_at_start=~covered[:, 0],
        gap_at_end=~covered[:, -1],
        time_average_gap_s=gap_sq_sum / window,
        age_of_data_mean_s=np.asarray(0.5 * gap_sq_sum / window, dtype=np.float64),
        age_of_data_max_s=gap_max.copy(),
        assets_mean=(count @ weight) / window,
        assets_min=count.min(axis=1),
        assets_max=count.max(axis=1),
    )
