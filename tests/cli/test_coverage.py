"""``goldendome coverage`` from the command line: JSON structure, tables, bad input."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import goldendome.cli.coverage  # noqa: F401  (registers the command)
from goldendome.api import open_run
from goldendome.cli.main import app
from goldendome.scenario import default_scenario_text

runner = CliRunner()
SHORT = ["--duration-s", "600", "--step-s", "60"]


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path: Path, monkeypatch):
    """Run each command in an empty folder, so the default ``runs/`` lands there."""
    monkeypatch.chdir(tmp_path)


def test_coverage_json_has_regions_and_one_row_per_region_and_layer():
    result = runner.invoke(
        app,
        [
            "coverage",
            "--regions",
            "nk,Hawaii",
            "--layers",
            "warning_geo,tracking_layer",
            "--fold",
            "2",
            "--json",
            *SHORT,
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["scenario"] == "golden-dome-2029"
    assert (report["duration_s"], report["step_s"], report["samples"]) == (600.0, 60.0, 11)
    assert [r["name"] for r in report["regions"]] == ["NK", "Hawaii"]
    assert all(r["source"] and r["points"] > 0 for r in report["regions"])
    assert [(r["region"], r["layer"]) for r in report["coverage"]] == [
        ("NK", "warning_geo"),
        ("NK", "tracking_layer"),
        ("Hawaii", "warning_geo"),
        ("Hawaii", "tracking_layer"),
    ]
    geo = report["coverage"][0]
    assert geo["coverage_fraction_min"] == 1.0
    assert geo["min_elevation_deg"] == {"warning_geo": 0.0}
    assert len(geo["fold_fraction_mean"]) == 2
    for key in (
        "gap_mean_s",
        "gap_max_s",
        "age_of_data_mean_s",
        "age_of_data_max_s",
        "assets_mean",
        "assets_min",
        "assets_max",
        "intervals_mean",
        "edge_gap_share",
    ):
        assert key in geo


def test_coverage_prints_a_table_per_region():
    result = runner.invoke(app, ["coverage", "--regions", "NK", "--layers", "warning_geo", *SHORT])
    assert result.exit_code == 0, result.output
    assert "North Korea launch region: NK" in result.output
    assert "warning_geo" in result.output
    assert "100.0" in result.output


def test_unknown_region_or_layer_exits_2_naming_it():
    bad = runner.invoke(app, ["coverage", "--regions", "NK,Mars", *SHORT])
    assert bad.exit_code == 2
    assert "Unknown region 'Mars'; known regions: NK, CONUS, Alaska, Hawaii, Japan" in bad.output
    typo = runner.invoke(app, ["coverage", "--regions", "Japn", *SHORT])
    assert typo.exit_code == 2
    assert "(closest: Japan)" in typo.output
    layer = runner.invoke(app, ["coverage", "--layers", "sbi", *SHORT])
    assert layer.exit_code == 2
    assert "Unknown space layer 'sbi'; the scenario's layers are sbi_layer" in layer.output
    assert "Traceback" not in bad.output + typo.output + layer.output


def test_bad_scenario_exits_2_with_the_problem_report(tmp_path: Path):
    path = tmp_path / "s.toml"
    path.write_text(default_scenario_text().replace("altitude_km = 400.0", "altitude_km = -40.0"))
    bad = runner.invoke(app, ["coverage", str(path), "--regions", "NK", *SHORT])
    assert bad.exit_code == 2
    assert "space.sbi_layer.altitude_km = -40" in bad.output


def test_coverage_writes_a_run_folder_under_runs_dir(tmp_path: Path):
    runs = tmp_path / "elsewhere"
    args = ["coverage", "--regions", "NK", "--layers", "warning_geo", *SHORT]
    result = runner.invoke(app, [*args, "--runs-dir", str(runs), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    folder = Path(report["run_folder"])
    assert folder.parent == runs
    run = open_run(folder)
    assert run.manifest["status"] == "complete"
    assert run.manifest["run"]["study"] == "coverage"
    (row,) = run.rows("coverage_regions")
    assert (row["region"], row["layer"]) == ("NK", "warning_geo")
    assert row["gap_max_s"] == report["coverage"][0]["gap_max_s"]
    # Text output: the tables as before; the folder named on standard error.
    text = runner.invoke(app, args)
    assert text.exit_code == 0, text.output
    assert "Run folder: runs/" in text.stderr
    assert "Run folder" not in text.stdout
    assert len(list((tmp_path / "runs").iterdir())) == 1


def test_bad_input_writes_no_run_folder(tmp_path: Path):
    bad = runner.invoke(app, ["coverage", "--regions", "Mars", *SHORT])
    assert bad.exit_code == 2
    assert not (tmp_path / "runs").exists()
