"""Run folders: names, manifests, tables, and what an interrupted run keeps."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from goldendome import api
from goldendome.results.run_folder import RunFolder
from goldendome.results.store import run_and_store
from goldendome.scenario import load_scenario_text
from tests.small_scenario import SMALL_SCENARIO


def test_run_folder_names_are_unique(tmp_path: Path):
    now = datetime(2029, 6, 1, 12, 0, 0, tzinfo=UTC)
    a = RunFolder.create(tmp_path, "x", now)
    b = RunFolder.create(tmp_path, "x", now)
    assert a.path.name == "20290601T120000Z-x"
    assert b.path.name == "20290601T120000Z-x-2"


def test_interrupted_run_keeps_finished_layers(tmp_path: Path):
    spec = load_scenario_text(SMALL_SCENARIO)
    seen_stages = []

    def progress(stage: str, done: int, total: int) -> None:
        seen_stages.append(done)
        if done > 24:  # the second layer has started: the user presses Ctrl-C
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_and_store(spec, SMALL_SCENARIO, tmp_path, progress=progress)
    (folder,) = tmp_path.iterdir()
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["status"] == "interrupted"
    layers = pq.read_table(folder / "layers.parquet").to_pylist()
    assert [row["name"] for row in layers] == ["sbi"]
    assert not (folder / "summary.json").exists()


def test_api_run_matches_cli_summary_shape(tmp_path: Path):
    path = tmp_path / "s.toml"
    path.write_text(SMALL_SCENARIO)
    stored = api.run(path, runs_dir=tmp_path / "runs")
    assert stored.summary["scenario"] == "small-test"
    assert json.loads((stored.folder.path / "summary.json").read_text()) == stored.summary
    again = api.run(path, runs_dir=tmp_path / "runs")
    # Same scenario and seed: identical results (the folder name aside).
    strip = lambda s: {k: v for k, v in s.items() if k != "run_folder"}  # noqa: E731
    assert strip(again.summary) == strip(stored.summary)


def test_api_read_scenario_default_and_errors(tmp_path: Path):
    spec, text = api.read_scenario()
    assert spec.name == "golden-dome-2029"
    assert text == api.default_scenario_text()
    with pytest.raises(api.ScenarioError, match="no such file"):
        api.read_scenario(tmp_path / "missing.toml")
