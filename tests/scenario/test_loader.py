"""Reading scenario files: every problem at once, with its path, value and rule."""

import math
from pathlib import Path

import pytest

from goldendome.scenario import (
    ScenarioError,
    default_scenario_text,
    load_scenario,
    load_scenario_text,
)


def bad(text: str) -> ScenarioError:
    with pytest.raises(ScenarioError) as info:
        load_scenario_text(text, "scenario.toml")
    return info.value


def test_default_scenario_is_valid_and_in_si_units():
    spec = load_scenario_text(default_scenario_text())
    sbi = spec.space["sbi_layer"]
    assert sbi.kind == "walker_delta"
    assert sbi.altitude_m == 400_000.0
    assert math.isclose(sbi.inclination_rad, math.radians(55.0))
    assert spec.time.epoch.utcoffset().total_seconds() == 0.0
    assert {s.role for s in spec.sites} == {"radar", "interceptor"}


def test_every_problem_is_reported_at_once_with_path_value_and_rule():
    text = (
        default_scenario_text()
        .replace("altitude_km = 400.0", "altitude_km = -40")
        .replace('kind = "molniya"', 'kind = "molnya"')
        .replace("inclination_deg = 80.0", "inclinaton_deg = 80.0")
        .replace("latitude_deg = 64.29", "latitude_deg = 95")
    )
    report = bad(text).report().splitlines()
    assert report[0] == "scenario.toml: 5 problems"
    assert (
        "  space.sbi_layer.altitude_km = -40: altitude must be above the surface and below "
        "the Moon (> 0 km and < 384,400 km)" in report
    )
    assert '  space.warning_heo.kind = "molnya": unknown kind; closest: molniya' in report
    assert (
        "  space.tracking_layer.inclinaton_deg = 80.0: unknown key; closest: inclination_deg"
        in report
    )
    assert "  space.tracking_layer.inclination_deg: required key is missing" in report
    assert (
        "  sites[0].latitude_deg = 95: latitude must lie between the poles, at most 90 deg"
        in report
    )


def test_cross_field_rules_name_both_values():
    text = default_scenario_text().replace("planes = 10", "planes = 7")
    (problem,) = bad(text).problems
    assert problem.path == "space.tracking_layer"
    assert "satellites = 200 is not a multiple of planes = 7" in problem.rule
    text = default_scenario_text().replace("step_s = 10.0", "step_s = 7200.0")
    assert "step_s = 7200.0 is longer than duration_s = 3600.0" in str(bad(text))


def test_types_are_strict_and_nan_is_refused():
    text = default_scenario_text().replace("seed = 2029", 'seed = "2029"')
    assert str(bad(text).problems[0]) == 'seed = "2029": expected a whole number'
    text = default_scenario_text().replace("altitude_km = 400.0", "altitude_km = nan")
    assert bad(text).problems[0].rule == "must be a finite number"


def test_unknown_top_level_key_and_literal_suggestion():
    err = bad(default_scenario_text() + "\n[threatz]\nx = 1\n")
    assert err.problems[0].path == "threatz"
    assert "unknown key" in err.problems[0].rule
    text = default_scenario_text().replace('role = "tracking"', 'role = "trackng"')
    assert bad(text).problems[0].rule == (
        "must be one of: interceptor, tracking, early_warning, air_moving_target; closest: tracking"
    )


def test_malformed_toml_reports_line_and_column():
    err = bad('name = "x"\nseed = 12\nseed = 13\n')
    assert len(err.problems) == 1
    assert err.report().startswith("scenario.toml: line 3, column ")
    assert "not valid TOML" in err.report()
    err = bad('name = "x"\nseed = [1,\n')
    assert err.report() == "scenario.toml: end of file: not valid TOML (invalid value)"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        ("dir", "is not a regular file (it is a directory)"),
        (b"", "is empty"),
        (b"  \n\n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "is a binary file (NUL byte at offset 8)"),
        (b'name = "\xff\xfe"', "is not UTF-8 text (bad byte at offset 8)"),
    ],
)
def test_unusable_files_get_one_clear_line(tmp_path: Path, content, expected):
    path = tmp_path / "s.toml"
    if content == "dir":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    report = info.value.report()
    assert "\n" not in report
    assert report.startswith(str(path) + ": ")
    assert expected in report


def test_naive_epoch_is_read_as_utc_and_offsets_are_converted():
    text = default_scenario_text().replace(
        "epoch_utc = 2029-06-01T00:00:00Z", "epoch_utc = 2029-06-01T09:00:00+09:00"
    )
    assert load_scenario_text(text).time.epoch.hour == 0
    text = default_scenario_text().replace(
        "epoch_utc = 2029-06-01T00:00:00Z", "epoch_utc = 2029-06-01T00:00:00"
    )
    assert load_scenario_text(text).time.epoch.utcoffset().total_seconds() == 0.0


def test_overrides_are_validated():
    assert load_scenario_text(default_scenario_text(), overrides={"seed": 7}).seed == 7
    with pytest.raises(ScenarioError, match="seed = -1: the seed must be a non-negative integer"):
        load_scenario_text(default_scenario_text(), overrides={"seed": -1})
