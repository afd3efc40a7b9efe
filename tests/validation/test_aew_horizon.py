"""The airborne early-warning horizon against the textbook's 4/3-Earth formula.

Source: M. I. Skolnik, *Introduction to Radar Systems*, 3rd ed. (McGraw-Hill, 2001), ch. 8
(propagation), and Federal Standard 1037C, "radar line-of-sight equation": d_km ~ 4.12
(sqrt(h1_m) + sqrt(h2_m)), terrain ignored. An E-7 on station at 9,000 m and a cruise missile
at 30 m: 4.12 x (94.87 + 5.48) = 413.4 km (against 35.6 km from a 10 m mast: the aircraft's
horizon advantage).

Tolerance: 1 km on the horizon (our tangent distances sqrt(2 k R h + h^2) with R = 6,371 km
against the textbook's rounded constant 4.12: +0.07% at 9 km), and on the simulated E-7
(``e-7-mesa`` site at 9,000 m, a 5 m^2 target flying in at 30 m and 250 m/s, 10 s frames) a
first detection between the horizon and 3 km inside it (one frame is 2.5 km).
"""

import numpy as np

from goldendome.physics.kinds import ObjectKind
from goldendome.sensors.radar import Radar
from goldendome.sensors.radar_horizon import radar_horizon_range_m
from tests.sensors.air_targets import THETA0, meridian_states, scene_of

TEXTBOOK_KM_PER_SQRT_M = 4.12
PLATFORM_M, TARGET_M = 9_000.0, 30.0


def test_the_e7_horizon_against_a_sea_skimmer() -> None:
    textbook_km = TEXTBOOK_KM_PER_SQRT_M * (np.sqrt(PLATFORM_M) + np.sqrt(TARGET_M))
    ours_km = float(radar_horizon_range_m(PLATFORM_M, TARGET_M)) / 1e3
    assert abs(textbook_km - 413.4) < 0.1
    assert abs(ours_km - textbook_km) < 1.0  # 413.7 km: +0.3 km


def test_a_simulated_e7_first_sees_the_target_at_its_horizon() -> None:
    t_s = np.arange(0.0, 1_000.0, 10.0)
    r, v = meridian_states(40.0, -100.0, np.array([600.0]), np.array([TARGET_M]),
                           np.array([250.0]), t_s)  # fmt: skip
    e7 = Radar.from_degrees("E-7", "e-7-mesa", 40.0, -100.0, PLATFORM_M, 0.0, theta0_rad=THETA0)
    m = e7.measure(scene_of(r, v, t_s, ObjectKind.BOOSTER), np.random.default_rng(7))
    first_km = float(m.z[np.argmin(m.t_s), 0]) / 1e3
    horizon_km = float(radar_horizon_range_m(PLATFORM_M, TARGET_M)) / 1e3
    assert horizon_km - 3.0 <= first_km <= horizon_km + 0.05
