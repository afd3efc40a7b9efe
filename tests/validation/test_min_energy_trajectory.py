"""Minimum-energy ballistic trajectories against the textbook table.

Source: two-body textbook relations (Bate, Mueller & White, Fundamentals of Astrodynamics,
1971, ch. 6), as tabulated in the project's validation set (tests/validation/published.toml,
[[min_energy_trajectory]]): vacuum, spherical non-rotating Earth, R = 6371 km,
mu = 398600.44 km^3/s^2, burnout and impact at the surface. Tolerance: 1%.
"""

import tomllib
from pathlib import Path

import numpy as np
import pytest

from goldendome.physics.ballistic_arcs import minimum_energy_arc
from goldendome.threats.ballistic import VACUUM_NON_ROTATING_SPHERE
from goldendome.threats.flight import APOGEE, fly_bodies

R_M = 6_371_000.0
MU = 398_600.44e9
CASES = tomllib.loads((Path(__file__).parent / "published.toml").read_text())[
    "min_energy_trajectory"
][0]["cases"]
ONE_PERCENT = 0.01


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['range_km']:.0f}km")
def test_analytic_relations_match_the_table(case):
    v, gamma, apogee, t = minimum_energy_arc(case["range_km"] * 1e3, R_M, MU)
    assert abs(v / 1e3 - case["burnout_speed_km_s"]) <= ONE_PERCENT * case["burnout_speed_km_s"]
    assert (
        abs(np.degrees(gamma) - case["flight_path_angle_deg"])
        <= ONE_PERCENT * case["flight_path_angle_deg"]
    )
    assert abs(apogee / 1e3 - case["apogee_km"]) <= ONE_PERCENT * case["apogee_km"]
    assert abs(t / 60 - case["flight_time_min"]) <= ONE_PERCENT * case["flight_time_min"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['range_km']:.0f}km")
def test_flight_model_in_vacuum_mode_flies_the_table(case):
    # The table's burnout state, flown by the flight kernel (vacuum, no J2, non-rotating sphere).
    speed = case["burnout_speed_km_s"] * 1e3
    gamma = np.radians(case["flight_path_angle_deg"])
    x0 = np.array([[R_M + 1e-3, 0.0, 0.0, speed * np.sin(gamma), speed * np.cos(gamma), 0.0]])
    flight = fly_bodies(x0, 0.0, physics=VACUUM_NON_ROTATING_SPHERE)
    assert flight.status[0] == 0
    assert (
        abs(flight.ground_range_m()[0] / 1e3 - case["range_km"]) <= ONE_PERCENT * case["range_km"]
    )
    assert (
        abs(flight.altitude_at_m(APOGEE)[0] / 1e3 - case["apogee_km"])
        <= ONE_PERCENT * case["apogee_km"]
    )
    t_min = flight.flight_time_s()[0] / 60
    assert abs(t_min - case["flight_time_min"]) <= ONE_PERCENT * case["flight_time_min"]


def test_energy_is_conserved_in_vacuum_coast():
    speed, gamma = 7_000.0, np.radians(30.0)
    x0 = np.array([[R_M + 1e-3, 0.0, 0.0, speed * np.sin(gamma), speed * np.cos(gamma), 0.0]])
    t = np.arange(0.0, 1_500.0, 1.0)
    flight = fly_bodies(x0, 0.0, t_out_s=t, physics=VACUUM_NON_ROTATING_SPHERE)
    y = flight.y_eci[0]
    y = y[np.isfinite(y[:, 0])]
    energy = 0.5 * np.sum(y[:, 3:] ** 2, -1) - MU / np.linalg.norm(y[:, :3], axis=-1)
    # RK4 at 10 s steps conserves energy to ~1e-9; the 1 s samples are Hermite interpolants.
    assert np.ptp(energy) / abs(energy[0]) < 1e-6
