"""The minimum-energy aim by Newton's method and the batched golden section beside it."""

import math

import numpy as np

from goldendome.physics.constants import R_EARTH_MEAN_M
from goldendome.physics.geodesy import geodesic_inverse
from goldendome.physics.roots import maximize_on_grid
from goldendome.scenario.catalog import (
    BallisticClassSpec,
    launch_areas,
    targets,
    threat_classes,
)
from goldendome.threats.ballistic import Launches
from goldendome.threats.flight import BURNOUT
from goldendome.threats.max_range_search import GLOBAL_REACH_M, GoldenMaximum
from goldendome.threats.shaping import minimum_energy_kick, with_values
from goldendome.threats.targeting import aim


def _bumpy(x: np.ndarray) -> np.ndarray:
    """Three members' functions (the last one missing on part of its range)."""
    x = np.asarray(x, np.float64)
    centre = np.array([0.3, 0.71, 0.5]).reshape((3,) + (1,) * (x.ndim - 1))
    out = -((x - centre) ** 2) + 0.01 * np.sin(40.0 * x)
    out[2] = np.where(x[2] > 0.8, np.nan, out[2])
    return np.asarray(out)


def test_golden_section_flown_in_batches_is_maximize_on_grids_to_the_bit() -> None:
    lo, hi = np.zeros(3), np.ones(3)
    want_x, want_f = maximize_on_grid(_bumpy, lo, hi, x_tol=1e-7, batched=True)
    grid = lo[:, None] + np.linspace(0.0, 1.0, 24)[None, :] * (hi - lo)[:, None]
    search = GoldenMaximum(lo, hi, grid, _bumpy(grid), x_tol=1e-7)
    calls = 0
    while not search.done:
        search.update(_bumpy(search.points()))
        calls += 1
    x, f = search.result()
    assert np.array_equal(x, want_x)
    assert np.array_equal(f, want_f)
    assert calls <= 10  # ~28 golden iterations, three a call


def _shots(name: str, cities: list[str]) -> tuple[Launches, np.ndarray, np.ndarray]:
    area = launch_areas()["sunan"]
    spec = threat_classes()[name]
    assert isinstance(spec, BallisticClassSpec)
    rocket = spec.build_rocket()
    n = len(cities)
    launch = Launches.of([rocket], np.full(n, area.latitude_rad), area.longitude_rad, 0.0, 0.0)
    lat = np.array([targets()[c].latitude_rad for c in cities])
    lon = np.array([targets()[c].longitude_rad for c in cities])
    return launch, lat, lon


def test_newton_aim_lands_within_a_meter_on_the_minimum_energy_angle() -> None:
    # Rotating oblate Earth with drag; the angle is the Keplerian minimum-energy one for the
    # range (Bate, Mueller & White ch. 6), held to 1e-5 rad; the miss to 1 m (the search it
    # replaced stopped anywhere under 100 m). The maximum range is the searched one, exactly.
    launch, lat, lon = _shots("df-41-class", ["washington", "anchorage", "los-angeles"])
    result = aim(launch, lat, lon, theta0_rad=0.3)
    assert np.all(result.reachable)
    assert np.all(result.miss_m < 1.0)
    gamma = (np.pi - result.target_range_m / R_EARTH_MEAN_M) / 4.0
    flown = result.flight.flight_path_angle_rad(BURNOUT)
    assert np.all(np.abs(flown - gamma) < 1e-5)
    assert np.all(result.launches.cutoff_s < np.sum(launch.stage_burn_s, axis=1))
    _, bearing, _ = geodesic_inverse(launch.lat_rad, launch.lon_rad, lat, lon)
    searched = with_values(launch, azimuth_rad=bearing, cutoff_s=math.inf)
    assert np.array_equal(result.max_range_m, minimum_energy_kick(searched, theta0_rad=0.3)[1])


def test_a_class_that_flies_round_the_earth_reaches_every_target() -> None:
    # A one-RV Hwasong-17-class nears orbital speed at the best kick: past half the mean
    # circumference the section stops, every target in reach.
    launch, lat, lon = _shots("hwasong-17-class", ["washington", "houston"])
    result = aim(launch, lat, lon, theta0_rad=0.3)
    assert np.all(result.max_range_m > GLOBAL_REACH_M)
    assert np.all(result.reachable)
    assert np.all(result.miss_m < 1.0)
