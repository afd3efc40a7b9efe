"""The api's run entry points: a scenario file in, a run folder and its summary out; the
embedded scenarios read by name."""

import json
from pathlib import Path

import pytest

from goldendome import api
from tests.small_scenario import SMALL_SCENARIO


def test_api_run_writes_the_summary_it_returns_and_repeats_it(tmp_path: Path):
    path = tmp_path / "s.toml"
    path.write_text(SMALL_SCENARIO)
    stored = api.run(path, runs_dir=tmp_path / "runs", workers=0, trials=10)
    assert stored.summary["scenario"] == "small-test"
    assert stored.summary["kill_chain"]["trials"] == 10
    assert json.loads((stored.folder.path / "summary.json").read_text()) == stored.summary
    assert stored.folder.path.parent == tmp_path / "runs"
    again = api.run(path, runs_dir=tmp_path / "runs", workers=0, trials=10)
    assert again.folder.path != stored.folder.path
    # Same scenario and seed: identical results (the folder name aside).
    strip = lambda s: {k: v for k, v in s.items() if k != "run_folder"}  # noqa: E731
    assert strip(again.summary) == strip(stored.summary)


def test_api_read_scenario_default_and_errors(tmp_path: Path):
    spec, text = api.read_scenario()
    assert spec.name == "golden-dome-2029"
    assert text == api.default_scenario_text()
    assert api.read_scenario(seed=5)[0].seed == 5
    with pytest.raises(api.ScenarioError, match="no such file"):
        api.read_scenario(tmp_path / "missing.toml")


def test_peer_raid_ships_as_an_embedded_scenario():
    spec, _ = api.read_scenario("peer-raid")
    missiles = sum(e.count for e in spec.threats.raid)
    assert 90 <= missiles <= 110
    assert all((e.decoys or 0) >= 1 for e in spec.threats.raid)
