"""The tracker's process noise by flight phase: powered while plume reports come in, then the
drag of the catalog's lightest object estimated from the track's own state."""

import numpy as np

from goldendome.physics.atmosphere import us76_density_kg_m3
from goldendome.physics.constants import R_EARTH_MEAN_M
from goldendome.tracking.process_noise import altitude_band_noise, drag_noise, phase_noise

Q_BALLISTIC, Q_BOOST = 1e-2, 1e4


def _states(altitude_km: list[float], speed_m_s: float = 6_000.0) -> np.ndarray:
    h = np.asarray(altitude_km) * 1e3
    x = np.zeros((h.size, 6))
    x[:, 0] = R_EARTH_MEAN_M + h
    x[:, 4] = speed_m_s
    return x


def test_drag_noise_is_the_floor_above_the_atmosphere_and_the_cap_deep_in_it():
    q = drag_noise(_states([400.0, 150.0, 120.0, 40.0, 10.0]), beta_kg_m2=200.0, time_s=10.0,
                   floor=Q_BALLISTIC, cap=Q_BOOST)  # fmt: skip
    assert np.array_equal(q, [Q_BALLISTIC, Q_BALLISTIC, Q_BALLISTIC, Q_BOOST, Q_BOOST])


def test_drag_noise_between_is_the_squared_deceleration_times_the_time():
    # At 85 km and 6 km/s, beta 200 kg/m^2: a = rho v^2 / (2 beta), q = a^2 * 10 s.
    a = float(us76_density_kg_m3(85e3)) * 6_000.0**2 / 400.0
    q = drag_noise(_states([85.0]), beta_kg_m2=200.0, time_s=10.0, floor=Q_BALLISTIC, cap=Q_BOOST)
    assert Q_BALLISTIC < q[0] < Q_BOOST
    assert abs(q[0] - a * a * 10.0) < 1e-9 * q[0]
    # Heavier objects decelerate less: with beta 5,000 kg/m^2 the noise is 625 times smaller.
    heavy = drag_noise(_states([85.0]), beta_kg_m2=5_000.0, time_s=10.0, floor=0.0, cap=Q_BOOST)
    assert abs(q[0] / heavy[0] - 625.0) < 1e-6


def test_a_coasting_track_on_a_depressed_arc_gets_ballistic_noise_where_the_band_did_not():
    x = _states([120.0, 120.0])
    q = phase_noise(x, np.array([True, False]), q_ballistic=Q_BALLISTIC, q_boost=Q_BOOST,
                    beta_kg_m2=200.0, time_s=10.0)  # fmt: skip
    assert np.array_equal(q, [Q_BOOST, Q_BALLISTIC])
    band = altitude_band_noise(x, q_ballistic=Q_BALLISTIC, q_boost=Q_BOOST,
                               boost_altitude_m=250e3)  # fmt: skip
    assert np.array_equal(band, [Q_BOOST, Q_BOOST])


def test_one_track_and_a_batch_agree():
    x = _states([300.0, 95.0, 80.0, 60.0])
    batch = drag_noise(x, beta_kg_m2=200.0, time_s=10.0, floor=Q_BALLISTIC, cap=Q_BOOST)
    one = [drag_noise(x[k : k + 1], beta_kg_m2=200.0, time_s=10.0, floor=Q_BALLISTIC,
                      cap=Q_BOOST)[0] for k in range(4)]  # fmt: skip
    assert np.array_equal(batch, one)
    assert np.all(np.diff(batch) > 0.0)  # lower is denser
