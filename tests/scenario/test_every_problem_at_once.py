"""One validate run names every problem of a file: field problems, the rules across keys,
values above an upper bound, each value shown as it was written."""

import pytest

from goldendome.scenario import Problem, ScenarioError, load_scenario_text
from goldendome.scenario.loader import embedded_scenario_text

#: The mixed liquid raid's entries (counts, spacings, classes) are what these cases edit.
DEFAULT = embedded_scenario_text("liquid-raid")


def problems(text: str) -> list[Problem]:
    with pytest.raises(ScenarioError) as info:
        load_scenario_text(text, "scenario.toml")
    return info.value.problems


def edited(*pairs: tuple[str, str]) -> str:
    """The default scenario with every ``old`` replaced by ``new``."""
    text = DEFAULT
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new)
    return text


def test_values_above_their_upper_bound_get_upper_bound_rules_shown_as_written():
    found = problems(
        edited(
            ("population = 8804190", "population = 1e20"),
            ("count = 2\nlaunch_time_s = 60.0", "count = 100000\nlaunch_time_s = 60.0"),
            ("satellites = 7800 ", "satellites = 10000000 "),
        )
    )
    assert found == [
        Problem(
            "space.sbi_layer.satellites",
            "10000000",
            "a constellation holds at most 1,000,000 satellites",
        ),
        Problem("threats.raid[0].count", "100000", "a raid entry launches at most 10,000 missiles"),
        Problem("threats.raid[1].count", "100000", "a raid entry launches at most 10,000 missiles"),
        Problem(
            "defended_assets[0].population",
            "1e20",
            "population must be at most 100,000,000 (the largest cities hold about 40 million)",
        ),
    ]


def test_cross_field_rules_come_with_the_field_problems_in_one_report():
    found = problems(
        edited(
            ("seed = 2029 ", "seed = -1 "),
            ("planes = 10 ", "planes = 7 "),
            ('layer = "sbi_layer"', 'layer = "warning_geo"'),
            ('name = "Beale AFB (UEWR)"', 'name = "Clear SFS (LRDR and UEWR)"'),
            ("midcourse = { shots = 4, looks = 2 }", "midcourse = { shots = 1, looks = 2 }"),
            ("step_s = 10.0", "step_s = 7200"),
        )
    )
    assert found == [
        Problem(
            "seed",
            "-1",
            "the seed must be a non-negative integer (>= 0 and < 9,223,372,036,854,775,808)",
        ),
        Problem(
            "time",
            None,
            "step_s = 7200 is longer than duration_s = 3600.0; shorten step_s or lengthen "
            "duration_s",
        ),
        Problem(
            "space.tracking_layer",
            None,
            "satellites = 200 is not a multiple of planes = 7: a Walker pattern puts the same "
            "number of satellites in every plane",
        ),
        Problem(
            "sbi",
            None,
            "sbi.layer = 'warning_geo' is not an interceptor layer of [space]; interceptor "
            "layers: sbi_layer",
        ),
        Problem(
            "sites[1].name",
            '"Clear SFS (LRDR and UEWR)"',
            "names must be unique; sites[0] has the same name",
        ),
        Problem(
            "doctrine.midcourse",
            None,
            "looks = 2 is more than shots = 1: every look fires at least one shot",
        ),
    ]


def test_a_rule_waits_only_for_the_keys_it_needs():
    # planes is invalid: the Walker rule of that layer cannot run, every other rule does.
    found = problems(
        edited(("planes = 10 ", "planes = -7 "), ("launch_time_s = 90.0", "launch_time_s = 4000.0"))
    )
    assert [p.path for p in found] == [
        "space.tracking_layer.planes",
        "threats.raid[4]",
        "threats.raid[5]",
        "threats.raid[6]",
    ]


def test_a_report_lists_each_problem_with_its_path():
    with pytest.raises(ScenarioError) as info:
        load_scenario_text(edited(("seed = 2029 ", "seed = 2.5 ")) + "\n[extra]\n", "s.toml")
    assert info.value.report().splitlines() == [
        "s.toml: 2 problems",
        "  seed = 2.5: expected a whole number",
        "  extra: unknown key; closest: threats",
    ]


def test_a_date_time_where_a_number_belongs_is_a_problem_shown_as_toml():
    found = problems(edited(("altitude_km = 400.0", "altitude_km = 2029-01-01T00:00:00Z")))
    assert found == [
        Problem("space.sbi_layer.altitude_km", "2029-01-01T00:00:00Z", "expected a number")
    ]


def test_keys_and_strings_that_would_break_a_line_are_written_as_toml():
    found = problems(
        edited(('name = "golden-dome-2029-liquid-raid"', 'name = "golden\\u0085dome"\n" " = []'))
    )
    assert found == [
        Problem(
            "name",
            '"golden\\u0085dome"',
            "must match the pattern ^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$",
        ),
        Problem(
            '" "',
            "[]",
            "unknown key; expected one of: name, description, seed, time, space, sites, "
            "defended_assets, threats, sbi, doctrine, monte_carlo, economics, timeline, partners, "
            "discrimination, interceptor_types, tracking",
        ),
    ]
