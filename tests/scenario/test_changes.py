"""Scenario changes by key path: set, delete, list entries, path rules, and validation after."""

import tomllib

import pytest

from goldendome import api
from goldendome.scenario.changes import apply_changes, parse_path, toml_text
from goldendome.scenario.errors import ScenarioError
from goldendome.scenario.loader import (
    default_scenario_text,
    embedded_scenario_text,
    load_scenario_text,
    parse_toml,
)


@pytest.fixture(scope="module")
def data():
    return parse_toml(default_scenario_text())


def test_parse_path_reads_keys_and_indices():
    assert parse_path("seed") == ["seed"]
    assert parse_path("threats.raid[0].count") == ["threats", "raid", 0, "count"]
    assert parse_path("a[1][2].b-c") == ["a", 1, 2, "b-c"]
    for bad in ("", "a..b", ".a", "a.", "a[x]", "a[-1]", "a b"):
        with pytest.raises(ValueError, match="not a key path"):
            parse_path(bad)


def test_nested_set_and_list_index_leave_the_input_alone(data):
    changed = apply_changes(
        data,
        {
            "space.sbi_layer.altitude_km": 300.0,
            "time.duration_s": 600.0,
            "threats.raid[0].count": 2,
            "seed": 7,
        },
    )
    assert changed["space"]["sbi_layer"]["altitude_km"] == 300.0
    assert changed["time"]["duration_s"] == 600.0
    assert changed["threats"]["raid"][0]["count"] == 2
    assert changed["seed"] == 7
    assert data["space"]["sbi_layer"]["altitude_km"] == 400.0  # a copy was changed
    assert data["time"]["duration_s"] == 3600.0


def test_none_deletes_tables_keys_and_list_entries(data):
    n_raid = len(data["threats"]["raid"])
    changed = apply_changes(
        data,
        {"space.tracking_layer": None, "threats.raid[0]": None, "space.sbi_layer.phasing": None},
    )
    assert "tracking_layer" not in changed["space"]
    assert len(changed["threats"]["raid"]) == n_raid - 1
    assert changed["threats"]["raid"][0] == data["threats"]["raid"][1]
    assert "phasing" not in changed["space"]["sbi_layer"]


def test_a_new_key_in_an_existing_table_and_a_whole_new_table(data):
    layer = dict(data["space"]["sbi_layer"], satellites=100)
    changed = apply_changes(data, {"space.sbi_high": layer, "description": "trade"})
    assert changed["space"]["sbi_high"]["satellites"] == 100
    assert changed["description"] == "trade"


def test_bad_paths_are_all_reported_with_path_value_and_rule(data):
    with pytest.raises(ScenarioError) as info:
        apply_changes(
            data,
            {
                "space.sbi_layr.altitude_km": 300.0,
                "threats.raid[12].count": 3,
                "threats.raid.count": 3,
                "time.duration_s.hours": 1,
                "space.nothing": None,
                "space..x": 1,
            },
            source="trade",
        )
    report = info.value.report()
    assert report.splitlines()[0] == "trade: 6 problems"
    assert (
        "space.sbi_layr.altitude_km = 300.0: space has no key 'sbi_layr' (closest: sbi_layer"
        in report
    )
    assert "give the whole table as the value of space.sbi_layr to add one" in report
    assert (
        "threats.raid[12].count = 3: threats.raid has 10 entries (indices 0-9); "
        "index 12 is out of range" in report
    )
    assert "threats.raid.count = 3: threats.raid is a list; choose an entry by its index" in report
    assert "time.duration_s.hours = 1: time.duration_s is a number, not a table" in report
    assert "space.nothing: space has no key 'nothing'" in report
    assert "there is nothing to delete" in report
    assert "space..x = 1: not a key path" in report


def test_a_change_that_breaks_validation_is_reported_by_its_file_path():
    with pytest.raises(ScenarioError) as info:
        load_scenario_text(
            default_scenario_text(),
            "default scenario",
            {"space.sbi_layer.altitude_km": -40.0, "threats.raid[0].count": 0},
        )
    problems = {p.path: str(p) for p in info.value.problems}
    assert problems["space.sbi_layer.altitude_km"].startswith(
        "space.sbi_layer.altitude_km = -40.0: altitude must be above the surface"
    )
    assert "threats.raid[0].count" in problems


def test_top_level_overrides_still_work():
    spec = load_scenario_text(default_scenario_text(), "default scenario", {"seed": 7})
    assert spec.seed == 7


def test_api_read_scenario_applies_changes_and_returns_the_changed_text():
    spec, text = api.read_scenario(
        changes={"space.sbi_layer.altitude_km": 300.0, "space.tracking_layer": None}, seed=5
    )
    assert spec.space["sbi_layer"].build("sbi_layer").altitude_m == pytest.approx(300e3)
    assert "tracking_layer" not in spec.space
    assert spec.seed == 5
    # The text is the scenario that was validated: reading it back gives the same spec.
    assert load_scenario_text(text, "changed") == spec
    assert "#   space.sbi_layer.altitude_km = 300.0" in text
    assert "#   space.tracking_layer deleted" in text
    plain_spec, plain_text = api.read_scenario(seed=5)
    assert plain_text == default_scenario_text()
    assert plain_spec.seed == 5


def test_api_read_scenario_names_a_bad_change():
    with pytest.raises(ScenarioError, match=r"time.step_sx = 60.0: unknown key; closest: step_s"):
        api.read_scenario(changes={"time.step_sx": 60.0})
    with pytest.raises(ScenarioError, match=r"tme.step_s = 60.0: the scenario has no key 'tme'"):
        api.read_scenario(changes={"tme.step_s": 60.0})


@pytest.mark.parametrize("name", ["default", "peer-raid"])
def test_toml_text_reads_back_equal(name: str):
    data = parse_toml(embedded_scenario_text(name))
    text = toml_text(data, ["a header"])
    assert text.startswith("# a header\n")
    assert tomllib.loads(text) == data


def test_toml_text_writes_nested_tables_lists_of_tables_and_odd_keys():
    data = {
        "a": {"b": {"c": {}}, "rows": [{"x": 1, "sub": {"y": 2.5}}, {"x": 3}]},
        "q": {"odd key": [1, {"z": 't"e\nxt'}], "flag": True},
        "empty": [],
    }
    assert tomllib.loads(toml_text(data)) == data


def test_api_run_passes_changes_and_stores_the_changed_scenario(tmp_path):
    stored = api.run(
        runs_dir=tmp_path,
        changes={
            "time.duration_s": 600.0,
            "time.step_s": 60.0,
            "space.sbi_layer": None,
            "space.tracking_layer": None,
            "sbi": None,
            "threats.raid": None,
        },
    )
    assert stored.summary["n_times"] == 11
    assert [layer["name"] for layer in stored.summary["layers"]] == ["warning_geo", "warning_heo"]
    manifest = api.open_run(stored.folder.path).manifest
    spec = load_scenario_text(manifest["scenario_text"], "stored")
    assert spec.time.duration_s == 600.0
    assert "sbi_layer" not in spec.space
    assert spec.sbi is None
