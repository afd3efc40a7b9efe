"""SLBM flight times, minimum-energy and depressed, against Gronlund & Wright (1992).

Source: L. Gronlund and D. C. Wright, "Depressed Trajectory SLBMs: A Technical Evaluation and
Arms Control Possibilities", Science & Global Security 3 (1992) 101-159, Table 1 (burnout
velocity, apogee and flight time of a 7,400 km minimum-energy trajectory and of depressed
trajectories "DT-h" with apogee h km over 1,850 and 3,000 km). The table is read from a public
transcription of the paper (a research note quoting Table 1), not from the journal's own PDF;
the numbers should be checked against the primary when it is at hand.

Our side: the catalog's slbm-class (Bulava class, three solid stages, 175 s of burn), aimed by
:func:`goldendome.threats.depressed.aim_depressed` to the table's apogee on a non-rotating
Earth (their model is planar and non-rotating; J2 and US76 drag kept). The paper's missile
and steering are its own: it holds the burnout speed near 5.6-6.6 km/s for every apogee
(energy management), while ours cuts thrust off to reach the range at the burnout angle of
the apogee. The tolerances:

* **minimum energy, 7,400 km**: 3% on the flight time and the apogee (the project's rule for
  reconstructed flights, ``lofted_test_flight``);
* **depressed, where the burnout speeds agree within 0.3 km/s** (the same arc, so the same
  physics): 1.0 min on the flight time (about a third of the boost, whose profile differs);
* **depressed, where our burnout is slower** (1,850 km above 60 km apogee: our 4.7-5.5 km/s
  against their 5.6-6.3 km/s): 2.0 min, the residual shown, not tuned.

Whatever the steering, the paper's point holds and is checked: a depressed SLBM over 1,850 km
arrives in 7-9 minutes, 5-6 minutes before a minimum-energy one (about 14 minutes).
"""

import math

import numpy as np
import pytest

from goldendome.physics.geodesy import geodesic_direct
from goldendome.scenario.catalog import BallisticClassSpec, threat_classes
from goldendome.threats.ballistic import FlightPhysics, Launches
from goldendome.threats.depressed import aim_depressed
from goldendome.threats.flight import APOGEE, BURNOUT
from goldendome.threats.targeting import aim

#: (range km, apogee km, burnout velocity km/s, flight time min), Table 1.
DEPRESSED = [
    (1_850.0, 60.0, 6.5, 7.1),
    (1_850.0, 90.0, 6.3, 7.1),
    (1_850.0, 120.0, 6.0, 7.2),
    (1_850.0, 150.0, 5.6, 7.4),
    (3_000.0, 95.0, 6.6, 9.8),
    (3_000.0, 135.0, 6.3, 10.1),
    (3_000.0, 155.0, 6.2, 10.1),
    (3_000.0, 185.0, 5.9, 10.4),
]
MINIMUM_ENERGY = {"range_km": 7_400.0, "burnout_km_s": 6.3, "apogee_km": 1_340.0, "time_min": 29.2}
SAME_ARC_KM_S = 0.3
TOLERANCE_MIN = 1.0
LOOSE_TOLERANCE_MIN = 2.0
THREE_PERCENT = 0.03
#: A launch point in the Atlantic patrol area, shots toward the west-north-west.
START_DEG = (33.0, -60.0)
AZIMUTH_DEG = 280.0
NON_ROTATING = FlightPhysics(rotating_earth=False)


def _launches(n: int) -> Launches:
    spec = threat_classes()["slbm-class"]
    assert isinstance(spec, BallisticClassSpec)
    lat, lon = (math.radians(x) for x in START_DEG)
    return Launches.of([spec.build_rocket()] * n, [lat] * n, lon, 0.0, 0.0)


def _targets(range_km: list[float]) -> tuple[np.ndarray, np.ndarray]:
    lat, lon = (math.radians(x) for x in START_DEG)
    n = len(range_km)
    lat_t, lon_t, _ = geodesic_direct(
        np.full(n, lat),
        np.full(n, lon),
        np.full(n, math.radians(AZIMUTH_DEG)),
        np.asarray(range_km) * 1e3,
    )
    return lat_t, lon_t


@pytest.fixture(scope="module")
def depressed() -> dict[str, np.ndarray]:
    range_km = [c[0] for c in DEPRESSED]
    lat_t, lon_t = _targets(range_km)
    shots = aim_depressed(
        _launches(len(DEPRESSED)),
        lat_t,
        lon_t,
        apogee_m=np.array([c[1] for c in DEPRESSED]) * 1e3,
        physics=NON_ROTATING,
    )
    flight = shots.aim.flight
    return {
        "reachable": shots.reachable,
        "apogee_km": shots.apogee_m / 1e3,
        "burnout_km_s": flight.speed_at_m_s(BURNOUT) / 1e3,
        "time_min": flight.flight_time_s() / 60.0,
    }


def test_the_minimum_energy_slbm_over_7400_km() -> None:
    lat_t, lon_t = _targets([MINIMUM_ENERGY["range_km"]])
    shot = aim(_launches(1), lat_t, lon_t, physics=NON_ROTATING)
    assert bool(shot.reachable[0])
    time_min = float(shot.flight.flight_time_s()[0]) / 60.0
    apogee_km = float(shot.flight.altitude_at_m(APOGEE)[0]) / 1e3
    # 29.54 min (+1.2%) and 1,322 km (-1.4%).
    assert abs(time_min / MINIMUM_ENERGY["time_min"] - 1.0) < THREE_PERCENT
    assert abs(apogee_km / MINIMUM_ENERGY["apogee_km"] - 1.0) < THREE_PERCENT


def test_depressed_shots_fly_through_the_table_apogees(depressed: dict[str, np.ndarray]) -> None:
    assert depressed["reachable"].all()
    asked = np.array([c[1] for c in DEPRESSED])
    assert np.abs(depressed["apogee_km"] - asked).max() < 2.0


def test_depressed_flight_times_against_the_table(depressed: dict[str, np.ndarray]) -> None:
    paper_v = np.array([c[2] for c in DEPRESSED])
    paper_t = np.array([c[3] for c in DEPRESSED])
    same_arc = np.abs(depressed["burnout_km_s"] - paper_v) <= SAME_ARC_KM_S
    # Every 3,000 km case and the lowest 1,850 km one fly the paper's burnout speed; the
    # higher 1,850 km ones burn out 0.8-1.0 km/s slower (the steering differs).
    assert same_arc.tolist() == [True, False, False, False, True, True, True, True]
    residual = depressed["time_min"] - paper_t
    assert np.abs(residual[same_arc]).max() < TOLERANCE_MIN  # +0.57 to +0.92 min
    assert np.abs(residual[~same_arc]).max() < LOOSE_TOLERANCE_MIN  # +0.97 to +1.51 min


def test_a_depressed_slbm_arrives_minutes_before_a_minimum_energy_one(
    depressed: dict[str, np.ndarray],
) -> None:
    lat_t, lon_t = _targets([1_850.0])
    shot = aim(_launches(1), lat_t, lon_t, physics=NON_ROTATING)
    minimum_energy_min = float(shot.flight.flight_time_s()[0]) / 60.0
    assert 12.0 < minimum_energy_min < 15.0  # 13.8 min
    low = depressed["time_min"][:4]
    assert np.all((low > 7.0) & (low < 9.0))  # 7.7-8.9 min
    assert minimum_energy_min - low[0] > 5.0  # 6.1 min saved at 60 km apogee
