"""Fractional orbits and cruise-missile launch platforms in a raid (issue 18): accepted as
the catalog allows them, and refused by their key where they cannot be flown: a fractional
orbit on a class that cannot orbit or with an approach its great circle cannot give, an
approach on another shape, a glide class on a lofted, depressed or orbital arc, a bomber
release area for a ballistic class, a platform a cruise class is not launched from, and a
cruise route that cannot be flown."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from goldendome.cli.main import app
from goldendome.scenario import ScenarioError, load_scenario_text

HEAD = """
name = "fobs"
seed = 1
[time]
epoch_utc = 2029-06-01T00:00:00Z
duration_s = 6000.0
step_s = 10.0
[[threats.raid]]
"""
FOBS = HEAD + 'class = "fobs-class"\nfrom = "dombarovsky"\nto = "washington"\nshape = "fobs"\n'
CRUISE = HEAD + (
    'class = "kh-101-class"\nfrom = "labrador-sea-release"\nto = "new-york"\n'
    "waypoints = [{ latitude_deg = 45.0, longitude_deg = -65.0 }]\n"
)


def _problems(text: str) -> dict[str, str]:
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(text, "raid.toml")
    return {p.path: p.rule for p in caught.value.problems}


def test_a_fractional_orbit_loads_and_comes_from_the_south_by_default():
    entry = load_scenario_text(FOBS, "f.toml").threats.raid[0]
    assert entry.orbits
    assert entry.fobs_approach == "south"
    north = load_scenario_text(FOBS + 'approach = "north"\n', "f.toml").threats.raid[0]
    assert north.fobs_approach == "north"


def test_a_class_that_cannot_orbit_is_refused_a_fractional_orbit_by_its_shape():
    rule = _problems(FOBS.replace("fobs-class", "sarmat-class"))["threats.raid[0].shape"]
    assert "sarmat-class cannot fly a fractional orbit" in rule


def test_an_approach_the_great_circle_cannot_give_is_refused_by_its_key():
    # Sohae to Misawa runs due east: its great circle crosses Misawa at 91 deg.
    text = FOBS.replace("dombarovsky", "sohae").replace("washington", "misawa-ab")
    rule = _problems(text)["threats.raid[0].approach"]
    assert "comes neither from the south nor from the north" in rule
    assert "threats.raid[0].approach" in _problems(text + 'approach = "north"\n')
    assert "threats.raid[0].approach" in _problems(FOBS + 'approach = "east"\n')


def test_an_approach_on_another_shape_is_refused():
    text = FOBS.replace('shape = "fobs"', 'shape = "lofted"') + 'approach = "south"\n'
    rule = _problems(text)["threats.raid[0].approach"]
    assert 'applies to shape = "fobs" only' in rule


@pytest.mark.parametrize("extra", ['shape = "depressed"\napogee_km = 100.0', 'shape = "fobs"',
                                   'shape = "lofted"', 'approach = "south"'])  # fmt: skip
def test_a_glide_class_is_refused_a_ballistic_or_orbital_arc(extra):
    text = HEAD + f'class = "avangard-class"\nfrom = "dombarovsky"\nto = "anchorage"\n{extra}\n'
    problems = _problems(text)
    key = extra.split(" ")[0]
    assert "avangard-class is a boost-glide class" in problems[f"threats.raid[0].{key}"]


def test_a_bomber_release_area_is_refused_to_a_ballistic_class_by_its_from_key():
    text = HEAD + 'class = "hwasong-15-class"\nfrom = "beaufort-sea-release"\nto = "anchorage"\n'
    rule = _problems(text)["threats.raid[0].from"]
    assert "launch area beaufort-sea-release is a bomber launch" in rule
    assert "cruise missiles only" in rule
    ship = HEAD + (
        'class = "slbm-class"\nsea_launch_point = { latitude_deg = 36.0, longitude_deg = -135.0 }'
        '\nlaunch_platform = "ship"\nto = "seattle"\n'
    )
    assert "ship launch" in _problems(ship)["threats.raid[0].launch_platform"]


def test_a_cruise_class_launches_only_from_its_platforms():
    assert load_scenario_text(CRUISE, "c.toml").threats.raid[0].platform == "bomber"
    sub = CRUISE.replace("labrador-sea-release", "atlantic-patrol")
    rule = _problems(sub)["threats.raid[0].from"]
    assert "kh-101-class is launched from bomber" in rule
    assert "submarine launch" in rule
    kalibr = sub.replace("kh-101-class", "kalibr-class")
    assert load_scenario_text(kalibr, "k.toml").threats.raid[0].platform == "submarine"
    at_sea = kalibr.replace(
        'from = "atlantic-patrol"',
        "sea_launch_point = { latitude_deg = 38.0, longitude_deg = -70.0 }",
    )
    ship = load_scenario_text(at_sea + 'launch_platform = "ship"\n', "k.toml").threats.raid[0]
    assert ship.platform == "ship"
    assert ship.origin_label == "sea 38.00N 70.00W"
    air = _problems(at_sea + 'launch_platform = "bomber"\n')["threats.raid[0].launch_platform"]
    assert "kalibr-class is launched from submarine or ship" in air
    both = _problems(kalibr + 'launch_platform = "ship"\n')["threats.raid[0].launch_platform"]
    assert "launch_platform says what launches from a sea_launch_point" in both


def test_a_cruise_route_that_cannot_be_flown_is_refused_by_its_waypoints():
    # Labrador Sea to New York by way of Florida: far beyond the Kh-101's 2,800 km.
    long_way = CRUISE.replace("latitude_deg = 45.0, longitude_deg = -65.0",
                              "latitude_deg = 27.0, longitude_deg = -80.0")  # fmt: skip
    rule = _problems(long_way)["threats.raid[0].waypoints"]
    assert "beyond the 2,800 km range of kh-101-class" in rule
    # A waypoint on the launch point: a leg without a heading.
    same = CRUISE.replace("latitude_deg = 45.0, longitude_deg = -65.0",
                          "latitude_deg = 57.0, longitude_deg = -52.0")  # fmt: skip
    assert "a leg needs two distinct points" in _problems(same)["threats.raid[0].waypoints"]
    assert "needs its route" in _problems(CRUISE.split("waypoints")[0])["threats.raid[0].waypoints"]


def test_validate_exits_2_naming_the_key(tmp_path: Path):
    path = tmp_path / "bad.toml"
    path.write_text(
        HEAD + 'class = "hwasong-15-class"\nfrom = "beaufort-sea-release"\nto = "anchorage"\n'
    )
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert "threats.raid[0].from" in result.output
    assert "Traceback" not in result.output
