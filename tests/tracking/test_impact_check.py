"""The impact check: the earliest fire-control track of each released object, flown to the
ground and compared with the truth."""

import numpy as np
import pytest

from goldendome.tracking.impact import predict_impact
from goldendome.tracking.impact_check import fire_control_impacts
from goldendome.tracking.tracker import TrackLog

THETA0 = 0.3
P = np.diag([1.0e4] * 3 + [1.0] * 3)


def _state(offset_m_s: float) -> np.ndarray:
    """An ICBM-like state at 1,000 km descending at 7 km/s (velocity shifted a little)."""
    return np.array([7.371e6, 0.0, 0.0, -2_000.0, 6_500.0 + offset_m_s, 1_000.0])


def _log(tracks: list[tuple[float, np.ndarray]]) -> TrackLog:
    """Tracks with one state each, taken at their fire-control time."""
    t = np.array([t for t, _ in tracks])
    return TrackLog(
        created_s=t,
        firm_s=t.copy(),
        fire_control_s=t.copy(),
        fire_control_x_eci=np.stack([x for _, x in tracks]),
        fire_control_covariance=np.repeat(P[None], len(tracks), axis=0),
        sensors=[{0: tk} for tk in t.tolist()],
    )


def test_a_perfect_prediction_misses_by_nothing():
    x = _state(0.0)
    truth = predict_impact(x[None], P[None], THETA0 + 7.292115e-5 * 100.0)
    log = _log([(100.0, x)])
    out = fire_control_impacts(
        log, np.array([1]), 1, truth.latitude_rad, truth.longitude_rad, THETA0
    )
    assert out.object.tolist() == [1]
    assert out.fire_control_s.tolist() == [100.0]
    assert out.impact_miss_m[0] == pytest.approx(0.0, abs=1.0)
    assert out.impact_sigma_m[0] == pytest.approx(truth.sigma_m[0], rel=1e-6)


def test_earliest_track_per_object_boosters_left_out_sorted_by_object():
    # Tracks: 0 on booster 0 (not scored), 1 and 2 on object 3 (track 2 earlier), 3 on 2.
    log = _log([(50.0, _state(0.0)), (200.0, _state(5.0)), (150.0, _state(10.0)),
                (120.0, _state(-5.0))])  # fmt: skip
    log.fire_control_s[0] = 50.0
    owner = np.array([0, 3, 3, 2])
    lat, lon = np.zeros(3), np.zeros(3)  # truth of objects 1, 2, 3 (n_missiles = 1)
    out = fire_control_impacts(log, owner, 1, lat, lon, THETA0)
    assert out.object.tolist() == [2, 3]
    assert out.fire_control_s.tolist() == [120.0, 150.0]
    assert out.impact_miss_m.shape == out.impact_sigma_m.shape == (2,)
    assert np.isfinite(out.impact_miss_m).all()
    alone = fire_control_impacts(_log([(150.0, _state(10.0))]), np.array([3]), 1, lat, lon, THETA0)
    assert alone.impact_miss_m[0] == out.impact_miss_m[1]


def test_no_fire_control_gives_empty_arrays():
    log = _log([(100.0, _state(0.0))])
    log.fire_control_s[0] = np.nan
    out = fire_control_impacts(log, np.array([1]), 1, np.zeros(1), np.zeros(1), THETA0)
    assert len(out) == 0
    assert out.object.dtype == np.int64
