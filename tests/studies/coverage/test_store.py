"""Coverage written to a run folder: manifest, declared tables with units, and no folder for
bad input."""

from pathlib import Path

import numpy as np
import pytest

from goldendome import api
from goldendome.results.schemas import schema

SHORT = {"duration_s": 600.0, "step_s": 60.0}


def _unit(run, table: str, column: str) -> str:
    return run.arrow(table).schema.field(column).metadata[b"unit"].decode()


def test_coverage_run_folder_holds_the_report_as_declared_tables(tmp_path: Path):
    result = api.coverage(
        regions=["NK", "Hawaii"],
        layers=["warning_geo", "warning_heo", "tracking_layer"],
        n_fold=2,
        runs_dir=tmp_path,
        **SHORT,
    )
    assert result.run_folder is not None
    assert result.run_folder.parent == tmp_path
    assert result.run_folder.name.endswith("-coverage-golden-dome-2029")
    run = api.open_run(result.run_folder)
    m = run.manifest
    assert (m["status"], m["scenario_name"], m["seed"]) == ("complete", "golden-dome-2029", 2029)
    assert m["scenario_text"] == api.default_scenario_text()
    facts = m["run"]
    assert facts["study"] == "coverage"
    assert (facts["duration_s"], facts["step_s"], facts["n_times"]) == (600.0, 60.0, 11)
    assert [r["name"] for r in facts["regions"]] == ["NK", "Hawaii"]
    assert facts["min_elevation_deg_by_layer"] == {
        "warning_geo": 0.0,
        "warning_heo": 0.0,
        "tracking_layer": 10.0,
    }
    report = api.coverage_report(result)
    assert report["run_folder"] == str(result.run_folder)

    rows = run.rows("coverage_regions")
    assert [(r["region"], r["layer"]) for r in rows] == [
        (c["region"], c["layer"]) for c in report["coverage"]
    ]
    both = next(r for r in rows if r["layer"] == "warning_geo+warning_heo")
    assert both["layers"] == "warning_geo,warning_heo"
    assert both["min_elevation_deg"] == 0.0
    for row, summary in zip(rows, report["coverage"], strict=True):
        assert row["gap_max_s"] == summary["gap_max_s"]
        assert row["coverage_fraction_mean"] == summary["coverage_fraction_mean"]
        assert row["satellites"] == summary["satellites"]
    assert _unit(run, "coverage_regions", "gap_max_s") == "s"
    assert _unit(run, "coverage_regions", "min_elevation_deg") == "deg"

    folds = run.columns("coverage_folds")
    assert len(folds["region"]) == 2 * len(rows)
    assert set(folds["at_least"]) == {1, 2}
    nk_geo = (folds["region"] == "NK") & (folds["layer"] == "warning_geo")
    assert np.allclose(
        folds["time_fraction_mean"][nk_geo], report["coverage"][0]["fold_fraction_mean"]
    )

    points = run.columns("coverage_points")
    n_points = sum(r["points"] for r in report["regions"])
    assert len(points["point"]) == n_points * len(rows) // 2
    nk = (points["region"] == "NK") & (points["layer"] == "warning_geo")
    assert np.all(points["coverage_fraction"][nk] == 1.0)
    box = facts["regions"][0]["bounds_deg"]
    lat, lon = points["latitude_deg"][nk], points["longitude_deg"][nk]
    assert np.all((box["south"] < lat) & (lat < box["north"]))
    assert np.all((box["west"] < lon) & (lon < box["east"]))
    for column in ("latitude_deg", "gap_max_s", "age_of_data_mean_s"):
        assert (
            _unit(run, "coverage_points", column) == schema("coverage_points").column(column).unit
        )


def test_without_runs_dir_nothing_is_written(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = api.coverage(regions=["NK"], layers=["warning_geo"], **SHORT)
    assert result.run_folder is None
    assert "run_folder" not in api.coverage_report(result)
    assert list(tmp_path.iterdir()) == []


def test_bad_input_leaves_no_folder(tmp_path: Path):
    with pytest.raises(ValueError, match="Unknown space layer 'nope'"):
        api.coverage(regions=["NK"], layers=["nope"], runs_dir=tmp_path, **SHORT)
    with pytest.raises(api.ScenarioError, match=r"time\.step_s = -1\.0"):
        api.coverage(changes={"time.step_s": -1.0}, runs_dir=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_changes_reach_the_coverage_and_its_manifest(tmp_path: Path):
    result = api.coverage(
        changes={"time.duration_s": 600.0, "time.step_s": 300.0},
        regions=["NK"],
        layers=["warning_geo"],
        runs_dir=tmp_path,
    )
    assert result.t_s.tolist() == [0.0, 300.0, 600.0]
    text = api.open_run(result.run_folder).manifest["scenario_text"]
    assert "time.duration_s = 600.0" in text


def test_an_interrupted_coverage_marks_its_manifest(tmp_path: Path):
    def stop(stage: str, done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        api.coverage(regions=["NK"], layers=["warning_geo"], runs_dir=tmp_path, progress=stop)
    (folder,) = tmp_path.iterdir()
    manifest = api.open_run(folder).manifest
    assert (manifest["status"], manifest["stage"]) == ("interrupted", "coverage")
