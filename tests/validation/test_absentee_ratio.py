"""Absentee ratio of space-based interceptors against the uniform-shell table.

Source (tests/validation/published.toml, [[absentee_ratio_uniform]]): spherical-cap
geometry (Garwin; APS 2003): reach 500 / 1,000 / 2,000 km -> absentee ratio 650 / 163 /
40.9 with R_E = 6,371 km. Tolerances: 2% analytic; 5% for a large Walker constellation
averaged over time at a latitude where its shell is locally uniform.
"""

import math
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from goldendome.orbits.absentee import (
    fraction_in_reach,
    simulated_fraction_in_reach,
    uniform_fraction_in_reach,
)
from goldendome.orbits.walker import Walker

CASES = tomllib.loads((Path(__file__).parent / "published.toml").read_text())[
    "absentee_ratio_uniform"
][0]["cases"]
EPOCH = datetime(2029, 1, 1, tzinfo=UTC)
#: Polar orbits crowd toward the poles as 1 / cos(latitude); their density equals the
#: uniform shell's where cos(latitude) = 2 / pi, at 50.46 deg.
UNIFORM_LATITUDE_RAD = math.acos(2.0 / math.pi)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['reach_km']:.0f} km")
def test_uniform_cap_within_two_percent(case):
    ratio = 1.0 / uniform_fraction_in_reach(case["reach_km"] * 1e3, 6_371e3)
    assert ratio == pytest.approx(case["absentee_ratio"], rel=0.02)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['reach_km']:.0f} km")
def test_latitude_concentration_of_polar_orbits_is_uniform_at_50_deg(case):
    share = fraction_in_reach(case["reach_km"] * 1e3, [UNIFORM_LATITUDE_RAD], math.pi / 2)
    assert 1.0 / share[0] == pytest.approx(case["absentee_ratio"], rel=0.05)


@pytest.fixture(scope="module")
def polar_walker():
    return Walker("polar", "interceptor", 500e3, math.pi / 2, 6_000, 60, 1).initial_elements(EPOCH)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['reach_km']:.0f} km")
def test_simulated_polar_walker_within_five_percent(case, polar_walker):
    launch_times = np.linspace(0.0, 86_400.0, 97)[:-1] + 137.0
    share, counts = simulated_fraction_in_reach(
        polar_walker, case["reach_km"] * 1e3, UNIFORM_LATITUDE_RAD, launch_times
    )
    assert 1.0 / share == pytest.approx(case["absentee_ratio"], rel=0.05)
    assert counts.min() < counts.max()  # the count in reach varies with launch time


def test_inclined_orbits_concentrate_toward_their_inclination():
    """The analytic latitude density agrees with a simulated 55 deg Walker shell within 3%,
    and at 40 deg N that shell puts 30% more satellites in reach than a uniform one."""
    shell = Walker("sbi", "interceptor", 500e3, math.radians(55.0), 6_000, 60, 1)
    launch_times = np.linspace(0.0, 86_400.0, 97)[:-1] + 137.0
    simulated, _ = simulated_fraction_in_reach(
        shell.initial_elements(EPOCH), 1_000e3, math.radians(40.0), launch_times
    )
    analytic = fraction_in_reach(1_000e3, [math.radians(40.0)], math.radians(55.0))[0]
    assert simulated == pytest.approx(analytic, rel=0.03)
    assert analytic / uniform_fraction_in_reach(1_000e3) > 1.25
    beyond = fraction_in_reach(1_000e3, [math.radians(70.0)], math.radians(55.0))[0]
    assert beyond < 0.2 * analytic  # few satellites reach 15 deg past their inclination
