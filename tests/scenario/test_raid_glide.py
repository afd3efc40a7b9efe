"""Boost-glide and cruise classes in a raid: accepted as they are (a cruise class with its
waypoints); a shape, a depressed arc's keys or decoys are refused by their key, and so are a
cruise entry with no route and a route on a class that is not a cruise missile."""

import pytest

from goldendome.scenario import ScenarioError, load_scenario_text

BASE = """
name = "glide"
seed = 1
[time]
epoch_utc = 2029-06-01T00:00:00Z
duration_s = 1800.0
step_s = 10.0
[[threats.raid]]
class = "avangard-class"
from = "sea-of-okhotsk"
to = "anchorage"
"""


def _problems(text: str) -> dict[str, str]:
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(text, "glide.toml")
    return {p.path: p.rule for p in caught.value.problems}


def test_a_glide_entry_is_accepted_and_knows_it_glides():
    spec = load_scenario_text(BASE, "glide.toml")
    assert spec.threats.raid[0].glides
    assert (
        not load_scenario_text(BASE.replace("avangard-class", "hwasong-15-class"), "b.toml")
        .threats.raid[0]
        .glides
    )


@pytest.mark.parametrize(
    ("extra", "key"),
    [
        ('shape = "lofted"', "shape"),
        ('shape = "minimum_energy"', "shape"),
        ("decoys = 2", "decoys"),
        ('decoy_type = "replica"', "decoy_type"),
        ("apogee_km = 200.0", "apogee_km"),
    ],
)
def test_a_glide_entry_refuses_shape_keys_and_decoys_by_key(extra, key):
    problems = _problems(BASE + extra + "\n")
    rule = problems[f"threats.raid[0].{key}"]
    assert "avangard-class is a boost-glide class" in rule
    assert f"remove {key}" in rule


CRUISE = BASE.replace("avangard-class", "kh-101-class").replace(
    'from = "sea-of-okhotsk"', "sea_launch_point = { latitude_deg = 58.3, longitude_deg = -150.0 }"
)
ROUTE = "waypoints = [{ latitude_deg = 60.2, longitude_deg = -151.3 }]\n"


def test_a_cruise_entry_with_its_route_is_accepted():
    entry = load_scenario_text(CRUISE + ROUTE, "c.toml").threats.raid[0]
    assert entry.cruises
    assert not entry.glides
    assert entry.waypoints is not None
    assert len(entry.waypoints) == 1


def test_a_cruise_entry_needs_a_route_by_its_waypoints_key():
    rule = _problems(CRUISE)["threats.raid[0].waypoints"]
    assert "kh-101-class is a cruise-missile class and needs its route" in rule
    assert "threats.raid[0].waypoints" in _problems(CRUISE + "waypoints = []\n")


def test_a_cruise_entry_refuses_decoys_and_other_classes_refuse_waypoints():
    rule = _problems(CRUISE + ROUTE + "decoys = 1\n")["threats.raid[0].decoys"]
    assert "kh-101-class is a cruise-missile class" in rule
    assert "remove decoys" in rule
    wrong = _problems(BASE + ROUTE)["threats.raid[0].waypoints"]
    assert "avangard-class is not a cruise-missile class: remove waypoints" in wrong
