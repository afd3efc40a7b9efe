"""``goldendome coverage`` from the command line: JSON structure, tables, bad input."""

import json
from pathlib import Path

from typer.testing import CliRunner

import goldendome.cli.coverage  # noqa: F401  (registers the command)
from goldendome.cli.main import app
from goldendome.scenario import default_scenario_text

runner = CliRunner()
SHORT = ["--duration-s", "600", "--step-s", "60"]


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
    report = json.loads(result.output)
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
