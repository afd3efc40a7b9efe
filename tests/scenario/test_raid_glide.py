"""Boost-glide classes in a raid: accepted as they are; a shape, a depressed arc's keys or
decoys are refused by their key; cruise-missile classes are refused (not flown in raids yet)."""

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


def test_a_cruise_class_is_refused_by_its_class_key():
    problems = _problems(BASE.replace("avangard-class", "kh-101-class"))
    assert "cruise-missile class" in problems["threats.raid[0].class"]
