"""``goldendome fly`` of a class that can fly a fractional orbit: aimed at a target it boosts
into its low orbit and comes down from the south (or the north), slower than a
minimum-energy ICBM flight; other classes and unaimed requests are refused by their flag."""

import json
import math
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

import goldendome.cli.fly  # noqa: F401  (registers the command)
from goldendome import api
from goldendome.cli.main import app
from goldendome.physics.geodesy import great_circle_distance_m


@pytest.fixture(scope="module")
def south(tmp_path_factory: pytest.TempPathFactory) -> dict:
    runs = tmp_path_factory.mktemp("runs")
    return api.fly_threat("fobs-class", launch_area="baikonur", target="washington", runs_dir=runs)


def test_a_fobs_flies_a_low_partial_orbit_from_the_south(south: dict):
    assert (south["shape"], south["approach"], south["arrival_heading"]) == (
        "fobs",
        "south",
        "northbound",
    )
    assert south["reachable"]
    assert south["miss_m"] < 1_000.0
    # Kosmos FOBS test orbits were about 145 x 210 km (Siddiqi 2000, via peterhall.de): the
    # flight stays below 200 km (the class's 150 km orbit; tolerance 50 km for J2 and the
    # oblate Earth's height over the ground track).
    assert 100.0 < south["apogee_km"] < 200.0
    assert south["orbit_altitude_km"] == pytest.approx(150.0, abs=5.0)
    # Part of one revolution, not a whole one: from Baikonur south over the pole to Washington.
    assert 0.5 < south["revolution_fraction"] < 1.0
    # The way round the South Pole is far longer than a minimum-energy ICBM shot at the same
    # target (the Sarmat class, from the same launch area): the FOBS flies longer.
    icbm = api.fly_threat("sarmat-class", launch_area="baikonur", target="washington")
    assert icbm["shape"] == "minimum_energy"
    assert south["flight_time_s"] > 1.5 * icbm["flight_time_s"]
    assert south["apogee_km"] < 0.25 * icbm["apogee_km"]


def test_the_stored_fobs_trajectory_passes_south_of_the_launch_and_the_target(south: dict):
    run = api.open_run(south["run_folder"])
    (row,) = run.rows("flight")
    assert (row["class"], row["shape"], row["target"]) == ("fobs-class", "fobs", "washington")
    t = run.columns("flight_trajectory")
    assert t["t_s"][-1] == pytest.approx(south["flight_time_s"])
    assert t["altitude_m"].max() == pytest.approx(1e3 * south["apogee_km"], abs=1.0)
    # Over the far southern hemisphere on the way (Baikonur is at 46 N, Washington at 39 N).
    assert t["latitude_deg"].min() < -45.0
    end = (math.radians(t["latitude_deg"][-1]), math.radians(t["longitude_deg"][-1]))
    assert great_circle_distance_m(*end, math.radians(38.9), math.radians(-77.04)) < 5_000.0
    assert np.all(np.diff(t["t_s"]) > 0.0)


def test_a_fobs_from_the_north_arrives_heading_south():
    north = api.fly_threat(
        "fobs-class", launch_area="baikonur", target="washington", approach="north"
    )
    assert (north["approach"], north["arrival_heading"]) == ("north", "southbound")
    assert north["reachable"]
    assert north["revolution_fraction"] < 0.5


@pytest.mark.parametrize(
    ("kwargs", "flag"),
    [
        ({"class_name": "sarmat-class", "target": "washington", "approach": "south"},
         "--approach"),
        ({"class_name": "fobs-class", "apogee_km": 300.0, "approach": "south"}, "--approach"),
        ({"class_name": "fobs-class"}, "threat class 'fobs-class'"),
    ],
)  # fmt: skip
def test_requests_a_fractional_orbit_cannot_take_are_refused(kwargs: dict, flag: str):
    with pytest.raises(api.ScenarioError) as err:
        api.fly_threat(launch_area="baikonur", **kwargs)
    assert err.value.source == flag


def test_goldendome_fly_flies_the_fobs_class_as_a_fractional_orbit(tmp_path: Path):
    result = CliRunner().invoke(
        app,
        ["fly", "fobs-class", "--from", "baikonur", "--to", "washington", "--json",
         "--runs-dir", str(tmp_path)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert (out["shape"], out["arrival_heading"]) == ("fobs", "northbound")
    bad = CliRunner().invoke(app, ["fly", "fobs-class", "--to", "washington", "--approach", "west"])
    assert bad.exit_code == 2
    assert "'south' or the 'north'" in bad.output
