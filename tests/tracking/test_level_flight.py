"""Tracks of manoeuvring atmospheric targets (issue 18): the level-flight model and the
tracker's choice of it from a track's own state.

Synthetic truths, flown in ECI by RK4 at 0.5 s with the level-flight acceleration plus a
manoeuvre: a glider at 40 km and 3 km/s weaving with a 2 g cross-range acceleration
(period 120 s) while drag takes 3 m/s^2 off its speed, and a cruise missile at 60 m and
200 m/s that turns 90 deg at 1 g (a waypoint) half-way. A radar at 45 N, 100 W
(:mod:`tests.tracking.ballistic_track`: 20 m in range, 0.5 mrad in angle, 1 m/s in range
rate) measures each every 10 s over 600 s, except for a 90 s gap (150-240 s) that the track
must coast through; the horizon is not modelled (the test is of the filter). Tolerances are
in metres, from the measurement noise (at 60-500 km from the radar 0.5 mrad is 30-250 m
across the line of sight) and from what the manoeuvre can do in the gap (2 g unmodelled for
up to 90 s); the figures measured with seeds 1-4 are given beside each bound.
"""

import numpy as np
import pytest

from goldendome.physics.constants import G0_M_S2
from goldendome.physics.geodetic import geodetic_to_ecef
from goldendome.physics.topocentric import enu_axes_ecef
from goldendome.tracking.level_association import level_fixes
from goldendome.tracking.level_flight import level_acceleration, propagate_level
from goldendome.tracking.manoeuvre import level_regime, manoeuvre_noise
from goldendome.tracking.measurement import predict as predict_measurement
from goldendome.tracking.regime import Regime
from goldendome.tracking.tracker import TrackerSettings, run_tracker
from tests.tracking.ballistic_track import SIGMA, site_frames

T_S = np.arange(0.0, 601.0, 10.0)
STEP_S = 0.5


def _start(lat_deg: float, lon_deg: float, altitude_m: float, speed: float, az_deg: float):
    lat, lon = np.radians(lat_deg), np.radians(lon_deg)
    east, north, _ = enu_axes_ecef(lat, lon)
    az = np.radians(az_deg)
    v = speed * (np.sin(az) * east + np.cos(az) * north)
    return np.concatenate([geodetic_to_ecef(lat, lon, altitude_m), v])


def _fly(x0: np.ndarray, manoeuvre) -> np.ndarray:
    """Truth (n_t, 6) at ``T_S``: level flight plus ``manoeuvre(t, r, v)`` (m/s^2, (3,))."""

    def rhs(t: float, y: np.ndarray) -> np.ndarray:
        r, v = y[None, :3], y[None, 3:]
        return np.concatenate([v[0], level_acceleration(r, v)[0] + manoeuvre(t, y[:3], y[3:])])

    y, t, out = x0.copy(), 0.0, [x0.copy()]
    for t_next in T_S[1:]:
        while t < t_next - 1e-9:
            k1 = rhs(t, y)
            k2 = rhs(t + STEP_S / 2, y + STEP_S / 2 * k1)
            k3 = rhs(t + STEP_S / 2, y + STEP_S / 2 * k2)
            k4 = rhs(t + STEP_S, y + STEP_S * k3)
            y, t = y + STEP_S / 6 * (k1 + 2 * k2 + 2 * k3 + k4), t + STEP_S
        out.append(y.copy())
    return np.array(out)


def _across(r: np.ndarray, v: np.ndarray) -> np.ndarray:
    n = np.cross(r, v)
    return n / np.linalg.norm(n)


def glider_truth() -> np.ndarray:
    def weave(t, r, v):
        lateral = 2.0 * G0_M_S2 * np.sin(2 * np.pi * t / 120.0) * _across(r, v)
        return lateral - 3.0 * v / np.linalg.norm(v)

    return _fly(_start(42.0, -104.0, 40e3, 3_000.0, 45.0), weave)


def cruise_truth() -> np.ndarray:
    def turn(t, r, v):
        # 90 deg at 1 g: the turn lasts (pi / 2) v / a, about 32 s at 200 m/s.
        on = 300.0 <= t < 300.0 + (np.pi / 2) * 200.0 / G0_M_S2
        return G0_M_S2 * _across(r, v) if on else np.zeros(3)

    return _fly(_start(44.7, -100.6, 60.0, 200.0, 80.0), turn)


def _measure(truth: np.ndarray, seed: int):
    origin_r, origin_v, rotation = site_frames(T_S)
    z = predict_measurement(truth, origin_r, origin_v, rotation)[0]
    z = z + SIGMA * np.random.default_rng(seed).standard_normal(z.shape)
    n = T_S.size
    return (np.zeros(n, np.int64), T_S.copy(), z, np.tile(SIGMA, (n, 1)), origin_r, origin_v,
            rotation)  # fmt: skip


#: Measurement times kept: all but a 90 s gap.
SEEN = (T_S < 150.0) | (T_S >= 240.0)


def _track(truth: np.ndarray, seed: int, **settings):
    arrays = tuple(a[SEEN] for a in _measure(truth, seed))
    log = run_tracker(*arrays, TrackerSettings(**settings), plume=np.zeros(int(SEEN.sum()), bool))
    h = log.history
    k = np.searchsorted(T_S, h.t_s)
    error_m = np.linalg.norm(h.x_eci[:, :3] - truth[k, :3], axis=1)
    return log, h, error_m


def test_level_acceleration_keeps_the_radius_and_is_centripetal():
    x = _start(30.0, 10.0, 40e3, 3_000.0, 60.0)
    r = np.linalg.norm(x[:3])
    u = x[:3] / r
    v = x[3:] - (u @ x[3:]) * u  # made perpendicular to the radius (geocentric level)
    x[3:] = 3_000.0 * v / np.linalg.norm(v)
    a = level_acceleration(x[None, :3], x[None, 3:])[0]
    # |a| = v^2 / r toward the centre.
    assert np.allclose(a, -(3_000.0**2 / r) * x[:3] / r, rtol=1e-9)
    # After 600 s the radius is within 1 m of the start (RK4 at 10 s).
    x1, _ = propagate_level(x[None], 600.0)
    assert abs(np.linalg.norm(x1[0, :3]) - r) < 1.0


def test_level_transition_matrix_matches_finite_differences_of_the_flow():
    x = _start(30.0, 10.0, 40e3, 3_000.0, 60.0)[None]
    _, stm = propagate_level(x, 30.0)
    dx = np.array([[50.0, -30.0, 20.0, 2.0, -1.0, 3.0]])
    moved, _ = propagate_level(x + dx, 30.0)
    base, _ = propagate_level(x, 30.0)
    # Linear to a few millimetres for a 60 m, 4 m/s displacement.
    assert np.allclose(moved - base, (stm @ dx[0])[None], atol=5e-3)
    # Close to the constant-velocity transition: dr/dv = dt I within 1%.
    assert np.allclose(stm[0, :3, 3:], 30.0 * np.eye(3), atol=0.3)


def test_the_regime_reads_gliders_and_cruise_missiles_and_leaves_powered_tracks_ballistic():
    states = np.stack([glider_truth()[0], cruise_truth()[0],
                       _start(40.0, 0.0, 500e3, 6_500.0, 10.0)])  # fmt: skip
    regime = level_regime(states, np.zeros(3, bool))
    assert regime.tolist() == [Regime.GLIDE, Regime.AIR_BREATHING, Regime.BALLISTIC]
    assert level_regime(states, np.ones(3, bool)).tolist() == [Regime.BALLISTIC] * 3
    # q = a^2 10 s: (3 g)^2 and (1 g)^2.
    q = manoeuvre_noise(regime[:2])
    assert np.allclose(q, [(3 * G0_M_S2) ** 2 * 10.0, G0_M_S2**2 * 10.0])
    with pytest.raises(ValueError, match="level-flight models only"):
        manoeuvre_noise(regime)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_weaving_glider_keeps_one_track_through_a_gap(seed):
    log, h, error_m = _track(glider_truth(), seed)
    assert len(log) == 1
    assert bool(np.all(log.assigned == 0))
    late = h.t_s >= 60.0
    # After the first minute: median within 300 m (measured 150-230 m), and within 10 km
    # on the first update after the gap (measured 6.6-7.0 km: a 2 g weave unmodelled for
    # 90 s moves the glider kilometres; the ballistic model is off by 18 km there).
    assert float(np.median(error_m[late])) < 300.0
    assert float(error_m[late].max()) < 10_000.0


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_turning_cruise_missile_keeps_one_track_within_three_hundred_metres(seed):
    log, h, error_m = _track(cruise_truth(), seed)
    assert len(log) == 1
    assert bool(np.all(log.assigned == 0))
    late = h.t_s >= 60.0
    # 0.5 mrad at 30-90 km is 15-45 m; the gap and the 1 g turn add a lag (measured:
    # median 55-70 m, largest 150-200 m; the ballistic model is off by 25 km after the gap).
    assert float(np.median(error_m[late])) < 100.0
    assert float(error_m[late].max()) < 300.0


def test_the_level_model_coasts_through_the_gap_where_the_ballistic_one_falls():
    after = 240.0  # the first update after the gap
    for truth, ratio in ((glider_truth(), 0.5), (cruise_truth(), 0.05)):
        _, h_level, level = _track(truth, 4)
        _, h_ball, ballistic = _track(truth, 4, level_flight=False)
        # The ballistic model lets the track fall at 1 g for 90 s (40 km less the
        # centripetal part): its error after the gap is several times the level model's
        # (measured: glider 7.0 vs 18.3 km, cruise 0.2 vs 25 km).
        assert level[h_level.t_s == after][0] < ratio * ballistic[h_ball.t_s == after][0]


#: A radar at short range and high signal-to-noise (an SBX-class radar measured a cruise
#: missile 50 km away to 0.1 m and 6 microradians in the mixed raid of
#: docs/tracking_manoeuvring.md).
PRECISE = np.array([0.1, 6e-6, 6e-6, 0.01])


def _track_precise(truth: np.ndarray, seed: int, **settings):
    arrays = list(_measure(truth, seed))
    z = predict_measurement(truth, *arrays[4:])[0]
    arrays[2] = z + PRECISE * np.random.default_rng(seed).standard_normal(z.shape)
    arrays[3] = np.tile(PRECISE, (T_S.size, 1))
    kept = tuple(a[SEEN] for a in arrays)
    log = run_tracker(*kept, TrackerSettings(**settings), plume=np.zeros(int(SEEN.sum()), bool))
    k = np.searchsorted(T_S, log.history.t_s)
    return log, np.linalg.norm(log.history.x_eci[:, :3] - truth[k, :3], axis=1)


def test_a_precise_radar_keeps_one_cruise_track_where_jpda_alone_starts_one_per_measurement():
    truth = cruise_truth()
    log, error_m = _track_precise(truth, 1)
    # JPDA leaves each measurement unclaimed (its clutter density scales with the
    # measurement's precision); the level track takes it by nearest neighbour
    # (tracking.level_association): one track, within 10 m (measured 2 m).
    assert len(log) == 1
    assert float(np.nanmax(error_m[log.history.t_s >= 60.0])) < 10.0
    # Without the level model every one of the 52 measurements starts a track.
    ballistic, _ = _track_precise(truth, 1, level_flight=False)
    assert len(ballistic) == int(SEEN.sum())


def test_level_fixes_go_only_to_unseen_level_tracks_and_free_measurements():
    level = np.array([True, False, True, True])
    seen = np.array([False, False, True, False])
    # Every track gated with measurement 0 (free) and 1 (claimed); track 3 nearer to 0.
    ti, mj = np.repeat(np.arange(4), 2), np.tile([0, 1], 4)
    nis = np.array([2.0, 2.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0])
    tr, mk = level_fixes(level, seen, (ti, mj, nis, np.full(8, 10.0)), np.array([True, False]))
    assert tr.tolist() == [3]
    assert mk.tolist() == [0]
    # Outside the gate: nothing.
    tr, _ = level_fixes(
        level, seen, (ti, mj, nis + 20.0, np.full(8, 10.0)), np.array([True, False])
    )
    assert tr.size == 0
