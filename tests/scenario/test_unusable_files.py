"""Files that cannot be scenarios, or TLE files, are named for what they are in one line."""

import os
from pathlib import Path

import pytest

from goldendome.scenario import (
    ScenarioError,
    default_scenario_text,
    load_scenario,
    load_scenario_text,
    loader,
)


def report_for(path: Path | str) -> str:
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    return info.value.report()


def test_a_device_is_not_read():
    assert report_for("/dev/zero") == "/dev/zero: is not a regular file (it is a character device)"


def test_a_named_pipe_is_not_waited_on(tmp_path: Path):
    fifo = tmp_path / "s.toml"
    os.mkfifo(fifo)
    assert report_for(fifo) == f"{fifo}: is not a regular file (it is a named pipe)"


def test_a_scenario_above_10_mb_is_refused(tmp_path: Path):
    path = tmp_path / "huge.toml"
    with path.open("wb") as handle:
        handle.truncate(loader.MAX_SCENARIO_BYTES + 1)
    assert report_for(path) == (
        f"{path}: is 10,000,001 bytes, more than the 10,000,000 bytes a scenario file may "
        "hold; is it the right file?"
    )


def test_a_byte_order_mark_is_accepted(tmp_path: Path):
    path = tmp_path / "s.toml"
    path.write_bytes(b"\xef\xbb\xbf" + default_scenario_text().encode())
    assert load_scenario(path).name == "golden-dome-2029"
    assert load_scenario_text("\ufeff" + default_scenario_text()).name == "golden-dome-2029"


def test_deep_nesting_is_one_line_with_its_line_number(tmp_path: Path):
    path = tmp_path / "deep.toml"
    path.write_text('name = "x"\na = ' + "[" * 5000 + "]" * 5000 + "\n")
    assert report_for(path) == (
        f"{path}: line 2: arrays and inline tables nested more than 64 deep; a scenario needs "
        "only a few levels, so look for a bracket left open"
    )


@pytest.mark.parametrize(
    ("tle_file", "what"),
    [
        ("/dev/zero", "is not a regular file (it is a character device)"),
        ("tles", "is not a regular file (it is a directory)"),
    ],
)
def test_a_tle_file_that_is_not_a_regular_file_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tle_file: str, what: str
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tles").mkdir()
    text = (
        default_scenario_text()
        + f'\n[space.iss]\nkind = "tle"\nrole = "tracking"\ntle_file = "{tle_file}"\n'
    )
    with pytest.raises(ScenarioError) as info:
        load_scenario_text(text, "s.toml")
    (problem,) = info.value.problems
    assert problem.path == "space.iss.tle_file"
    assert problem.value == f'"{tle_file}"'
    assert problem.rule == (
        f"{Path(tle_file).resolve()} {what}: give the path of a TLE text file (relative paths "
        "start from the directory goldendome runs in), or paste the lines under tle = '''...'''"
    )
