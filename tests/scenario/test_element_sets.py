"""Scenario specs of element lists and TLE sets: valid files build, bad ones say why."""

import math
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from goldendome.cli.main import app
from goldendome.orbits.tle import TLE_TEMPLATE
from goldendome.physics.constants import WGS84_A_M
from goldendome.scenario import ScenarioError, default_scenario_text, load_scenario_text

ISS = (
    "1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927",
    "2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537",
)
TWO_SATELLITES = """
[space.points]
kind = "elements"
role = "tracking"

[[space.points.satellites]]
altitude_km = 500.0
inclination_deg = 53.0
raan_deg = 10.0
mean_anomaly_deg = 90.0

[[space.points.satellites]]
semi_major_axis_km = 26560.0
eccentricity = 0.01
inclination_deg = 55.0
raan_deg = -30.0
arg_perigee_deg = 45.0
mean_anomaly_deg = 0
"""


def tle_layer(tle: str) -> str:
    return f'\n[space.iss]\nkind = "tle"\nrole = "tracking"\ntle = """\n{tle}\n"""\n'


def one_satellite(fields: str) -> str:
    return (
        f'\n[space.points]\nkind = "elements"\nrole = "tracking"\nsatellites = [{{ {fields} }}]\n'
    )


def load(extra: str):
    return load_scenario_text(default_scenario_text() + extra, "scenario.toml")


def problems(extra: str) -> list[str]:
    with pytest.raises(ScenarioError) as info:
        load(extra)
    return [str(p) for p in info.value.problems]


def test_element_list_builds_in_si_units():
    layer = load(TWO_SATELLITES).space["points"].build("points")
    assert layer.n_satellites == 2
    assert layer.role == "tracking"
    el = layer.initial_elements(load(TWO_SATELLITES).time.epoch)
    assert el.semi_major_axis_m.tolist() == [WGS84_A_M + 500e3, 26_560e3]
    assert el.eccentricity.tolist() == [0.0, 0.01]
    assert np.allclose(np.degrees(el.raan_rad), [10.0, 330.0])
    assert np.allclose(np.degrees(el.arg_perigee_rad), [0.0, 45.0])
    assert math.isclose(el.inclination_rad[1], math.radians(55.0))


def test_tle_set_builds_from_text_and_from_file(tmp_path: Path):
    spec = load(tle_layer("ISS (ZARYA)\n" + "\n".join(ISS)))
    assert spec.space["iss"].kind == "tle"
    assert spec.space["iss"].build("iss").n_satellites == 1
    path = tmp_path / "iss.tle"
    path.write_text("\n".join(ISS) + "\n")
    extra = f'\n[space.iss]\nkind = "tle"\nrole = "early_warning"\ntle_file = "{path}"\n'
    layer = load(extra).space["iss"].build("iss")
    assert layer.role == "early_warning"
    el = layer.initial_elements(load(extra).time.epoch)
    assert math.isclose(el.inclination_rad[0], math.radians(51.6416))


def test_zero_satellites():
    extra = '\n[space.points]\nkind = "elements"\nrole = "tracking"\nsatellites = []\n'
    assert problems(extra) == [
        "space.points.satellites = []: a constellation needs at least one satellite"
    ]


def test_inclination_200_uses_the_inclination_rule():
    extra = one_satellite(
        "altitude_km = 500.0, inclination_deg = 200, raan_deg = 0, mean_anomaly_deg = 0"
    )
    assert problems(extra) == [
        "space.points.satellites[0].inclination_deg = 200: inclination must lie between 0 "
        "and 180 deg, at most 180 deg"
    ]


def test_perigee_inside_the_earth_names_the_satellite():
    extra = one_satellite(
        "semi_major_axis_km = 7000.0, eccentricity = 0.2, inclination_deg = 20, "
        "raan_deg = 0, mean_anomaly_deg = 0"
    )
    assert problems(extra) == [
        "space.points.satellites[0]: perigee altitude a (1 - e) - 6,378.137 km = -778.1 km is "
        "inside the Earth: an orbit below 100 km decays within hours; lower the eccentricity "
        "or raise the orbit"
    ]


def test_perigee_below_100_km_decays():
    extra = one_satellite(
        "semi_major_axis_km = 6600.0, eccentricity = 0.02, inclination_deg = 20, "
        "raan_deg = 0, mean_anomaly_deg = 0"
    )
    assert problems(extra) == [
        "space.points.satellites[0]: perigee altitude a (1 - e) - 6,378.137 km = 89.9 km is "
        "below 100 km: an orbit below 100 km decays within hours; lower the eccentricity or "
        "raise the orbit"
    ]


def test_orbit_size_must_be_given_exactly_once():
    both = "altitude_km = 500.0, semi_major_axis_km = 7000.0, inclination_deg = 20, raan_deg = 0, mean_anomaly_deg = 0"
    neither = "inclination_deg = 20, raan_deg = 0, mean_anomaly_deg = 0"
    for fields in (both, neither):
        (problem,) = problems(one_satellite(fields))
        assert problem.startswith("space.points.satellites[0]: give the orbit's size as exactly")
    (problem,) = problems(one_satellite("semi_major_axis_km = 6000.0, " + neither))
    assert problem.startswith("space.points.satellites[0].semi_major_axis_km = 6000.0: ")
    assert "must exceed the Earth's equatorial radius" in problem


def test_bad_tle_checksum_is_reported_on_the_tle_key():
    bad_line = ISS[1][:68] + "8"
    (problem,) = problems(tle_layer(f"{ISS[0]}\n{bad_line}"))
    first, *rest = problem.splitlines()
    assert first.startswith('space.iss.tle = "1 25544U 98067A')
    assert first.endswith(
        ": satellite #1, TLE line 2 (line 2 of the text) does not follow the TLE format:"
    )
    assert rest[0].strip() == f"expected  {TLE_TEMPLATE['2']}"
    assert rest[1].strip() == f"given     {bad_line}"
    assert rest[-1].strip().startswith("checksum is 8 but the line's digits give 7")


def test_tle_source_problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    extra = '\n[space.iss]\nkind = "tle"\nrole = "tracking"\n'
    (problem,) = problems(extra)
    assert problem.startswith("space.iss: give the element sets either as tle")
    both = extra + f'tle = """\n{ISS[0]}\n{ISS[1]}"""\ntle_file = "iss.tle"\n'
    monkeypatch.chdir(tmp_path)
    (tmp_path / "iss.tle").write_text("\n".join(ISS))
    assert problems(both)[0].startswith("space.iss: give the element sets either as tle")
    (tmp_path / "bad.tle").write_text(f"{ISS[0]}\n{ISS[1][:-1]}")
    (problem,) = problems(extra + 'tle_file = "bad.tle"\n')
    assert problem.startswith('space.iss.tle_file = "bad.tle": satellite #1, TLE line 2')
    assert problem.endswith(
        "a TLE line has exactly 69; copy the whole line (its last column is the checksum digit)"
    )
    (problem,) = problems(extra + 'tle_file = "none.tle"\n')
    assert problem == (
        f'space.iss.tle_file = "none.tle": {tmp_path / "none.tle"} does not exist: give the path of a TLE '
        "text file (relative paths start from the directory goldendome runs in), or paste the "
        "lines under tle = '''...'''"
    )


def test_validate_command_shows_the_expected_format_and_exits_2(tmp_path: Path):
    path = tmp_path / "s.toml"
    bad_line = ISS[0][:68] + "0"
    path.write_text(default_scenario_text() + tle_layer(f"ISS\n{bad_line}\n{ISS[1]}"))
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    lines = result.output.splitlines()
    at = lines.index(f"  expected  {TLE_TEMPLATE['1']}")
    assert lines[at + 1] == f"  given     {bad_line}"
    assert "checksum is 0 but the line's digits give 7" in result.output
    assert "Traceback" not in result.output
