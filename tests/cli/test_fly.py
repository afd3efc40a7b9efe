"""goldendome fly from the command line."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import goldendome.cli.fly  # noqa: F401  (registers the command)
from goldendome.api import open_run
from goldendome.cli.main import app

runner = CliRunner()


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path: Path, monkeypatch):
    """Run each command in an empty folder, so the default ``runs/`` lands there."""
    monkeypatch.chdir(tmp_path)


def test_fly_to_a_target_json():
    result = runner.invoke(app, ["fly", "hwasong-17-class", "--to", "seattle", "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["reachable"] is True
    assert out["miss_m"] < 100.0
    assert abs(out["range_km"] - out["target_range_km"]) < 0.2
    assert 20.0 < out["flight_time_min"] < 45.0


def test_fly_range_and_apogee_and_text_output():
    by_range = runner.invoke(
        app, ["fly", "df-41-class", "--from", "yumen", "--range-km", "9000", "--json"]
    )
    assert by_range.exit_code == 0, by_range.output
    assert abs(json.loads(by_range.stdout)["range_km"] - 9000.0) < 0.2
    flat = runner.invoke(app, ["fly", "hwasong-17-class", "--fpa-deg", "8", "--json"])
    assert abs(json.loads(flat.stdout)["burnout_flight_path_angle_deg"] - 8.0) < 0.01
    lofted = runner.invoke(app, ["fly", "hwasong-15-class", "--apogee-km", "3000", "--json"])
    assert abs(json.loads(lofted.stdout)["apogee_km"] - 3000.0) < 1.0
    text = runner.invoke(app, ["fly", "hwasong-17-class", "--to", "anchorage"])
    assert "flight time" in text.output
    assert "miss distance" in text.output


def test_fly_reconstruct_flags_the_hwasong_17_report():
    result = runner.invoke(
        app,
        [
            "fly",
            "hwasong-17-class",
            "--reconstruct",
            "--apogee-km",
            "6248.5",
            "--range-km",
            "1090",
            "--flight-time-s",
            "4052",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["flagged"] is True
    assert out["residual_s"] < 0


def test_unknown_names_get_the_known_ones_closest_first():
    result = runner.invoke(app, ["fly", "hwasong-81"])
    assert result.exit_code == 2
    assert "unknown threat class; known names, closest first: hwasong-18-class" in result.output
    result = runner.invoke(app, ["fly", "hwasong-17-class", "--to", "washingtn"])
    assert result.exit_code == 2
    assert "closest first: washington" in result.output


def test_list_and_unsupported_classes():
    listing = json.loads(runner.invoke(app, ["fly", "--list", "--json"]).stdout)
    assert {"hwasong-17-class", "kh-101-class"} <= {c["name"] for c in listing["classes"]}
    assert "sunan" in {a["name"] for a in listing["launch_areas"]}
    result = runner.invoke(app, ["fly", "kh-101-class", "--apogee-km", "100"])
    assert result.exit_code == 2
    assert "is a cruise class" in result.output
    bad = runner.invoke(app, ["fly", "hwasong-17-class", "--range-km", "-5"])
    assert bad.exit_code == 2
    assert "Invalid value for '--range-km'" in bad.output
    assert "must be above 0" in bad.output


def test_fly_glide_and_cruise_classes():
    hgv = runner.invoke(
        app, ["fly", "df-17-class", "--from", "bohai", "--to", "kadena-ab", "--json"]
    )
    assert hgv.exit_code == 0, hgv.output
    out = json.loads(hgv.stdout)
    assert out["type"] == "hgv"
    assert out["reachable"] is True
    assert 20.0 < out["glide_altitude_km"][0] < out["glide_altitude_km"][1] < 70.0
    cruise = runner.invoke(app, ["fly", "kh-101-class", "--from", "chukotka", "--to", "anchorage"])
    assert cruise.exit_code == 0, cruise.output
    assert "reaches the target" in cruise.output
    no_target = runner.invoke(app, ["fly", "kh-101-class"])
    assert no_target.exit_code == 2
    assert "give a target (--to) or a range (--range-km)" in no_target.output


def test_fly_writes_a_run_folder_under_runs_dir(tmp_path: Path):
    runs = tmp_path / "elsewhere"
    args = ["fly", "hwasong-17-class", "--to", "seattle"]
    result = runner.invoke(app, [*args, "--runs-dir", str(runs), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    run = open_run(out["run_folder"])
    assert Path(out["run_folder"]).parent == runs
    assert run.manifest["status"] == "complete"
    assert run.rows("flight")[0]["flight_time_s"] == out["flight_time_s"]
    assert run.columns("flight_trajectory")["t_s"][-1] == out["flight_time_s"]
    text = runner.invoke(app, args)
    assert "Run folder: runs/" in text.stderr
    assert "Run folder" not in text.stdout


def test_listing_and_bad_names_write_no_run_folder(tmp_path: Path):
    assert runner.invoke(app, ["fly", "--list"]).exit_code == 0
    assert runner.invoke(app, ["fly", "hwasong-81"]).exit_code == 2
    assert not (tmp_path / "runs").exists()


def test_a_shot_landing_beyond_the_miss_tolerance_is_out_of_reach(tmp_path: Path):
    """Regression (issue 14): a Bulava-class shot from the Barents Sea at New York burnt out at
    8 deg lands about 1,300 km short, and was reported ``reachable: true``."""
    args = ["fly", "slbm-class", "--from", "barents-sea", "--to", "new-york", "--fpa-deg", "8"]
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 2, result.output
    out = json.loads(result.stdout)
    assert out["miss_m"] > 1_000e3
    assert out["miss_tolerance_m"] == 1_000.0
    assert out["within_max_range"] is True  # shorter than the minimum-energy maximum range
    assert out["reachable"] is False
    assert out["aimed"] is False
    assert "out of reach at this angle" in out["verdict"]
    assert "beyond the 1 km miss tolerance" in out["verdict"]
    (folder,) = (tmp_path / "runs").iterdir()
    assert open_run(folder).rows("flight")[0]["reachable"] is False
    text = runner.invoke(app, args)
    assert text.exit_code == 2
    assert "miss tolerance" in text.output
    # A shot that lands on its aim point states the same tolerance and is reachable.
    on = json.loads(
        runner.invoke(app, ["fly", "hwasong-17-class", "--to", "seattle", "--json"]).stdout
    )
    assert on["reachable"] is True
    assert on["miss_m"] <= on["miss_tolerance_m"]
