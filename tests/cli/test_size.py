"""``goldendome size`` from the command line: answer, JSON, bad input, a scenario's SBIs."""

import json
import math
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

import goldendome.cli.size  # noqa: F401  (registers the command)
from goldendome.api import open_run
from goldendome.cli.main import app
from goldendome.scenario import default_scenario_text
from goldendome.studies.sizing import search

runner = CliRunner()
ONE_SHELL = ["--altitudes-km", "300", "--inclinations-deg", "55", "--planes", "60"]


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path: Path, monkeypatch):
    """Run each command in an empty folder, so the default ``runs/`` lands there."""
    monkeypatch.chdir(tmp_path)


def test_size_prints_the_answer_beside_its_assumptions():
    result = runner.invoke(app, ["size", *ONE_SHELL])
    assert result.exit_code == 0, result.output
    assert "SBIs: Walker 300 km, 55.0 deg, 60 planes" in result.output
    for heading in ("Assumptions", "by latitude", "by launch time"):
        assert heading in result.output
    assert "kill vehicle delta v km s" in result.output


@pytest.mark.slow
def test_size_json_and_salvo():
    one = json.loads(runner.invoke(app, ["size", *ONE_SHELL, "--json"]).stdout)
    four = json.loads(runner.invoke(app, ["size", *ONE_SHELL, "--salvo", "4", "--json"]).stdout)
    assert one["satellites"] == one["best"]["satellites"] > 0
    assert four["satellites"] > 2 * one["satellites"]
    assert four["assumptions"]["salvo_simultaneous_launches"] == 4
    assert len(one["in_reach_over_time"]["in_reach"]) == 1_440
    assert min(one["in_reach_over_time"]["in_reach"]) >= 1


def test_size_bad_input_exits_2_naming_the_option():
    bad = runner.invoke(app, ["size", "--inclinations-deg", "200", "--confidence", "1.5"])
    assert bad.exit_code == 2
    assert "inclinations_deg[0] = 200.0: inclination must lie between 0 and 180 deg" in bad.output
    assert "confidence = 1.5" in bad.output
    words = runner.invoke(app, ["size", "--altitudes-km", "low"])
    assert words.exit_code == 2
    assert "--altitudes-km = 'low': expected comma-separated numbers" in words.output
    assert "Traceback" not in bad.output + words.output


def test_size_takes_kill_vehicle_and_threat_from_a_scenario(tmp_path: Path):
    path = tmp_path / "s.toml"
    path.write_text(default_scenario_text().replace("delta_v_km_s = 4.0", "delta_v_km_s = 5.0"))
    result = runner.invoke(app, ["size", "--scenario", str(path), *ONE_SHELL, "--json"])
    assert result.exit_code == 0, result.output
    assumed = json.loads(result.stdout)["assumptions"]
    assert assumed["kill_vehicle_delta_v_km_s"] == 5.0
    first = tomllib.loads(path.read_text())["threats"]["raid"][0]  # the raid's first entry
    assert assumed["threat"].startswith(f"{first['class']} from {first['from']}")


def test_scenario_sbi_layer_must_carry_interceptors(tmp_path: Path):
    path = tmp_path / "s.toml"
    path.write_text(default_scenario_text().replace('layer = "sbi_layer"', 'layer = "warning_geo"'))
    bad = runner.invoke(app, ["validate", str(path)])
    assert bad.exit_code == 2
    assert (
        "sbi.layer = 'warning_geo' is not an interceptor layer of [space]; interceptor layers: "
        "sbi_layer" in bad.output
    )


def test_size_writes_a_run_folder_under_runs_dir(tmp_path: Path):
    runs = tmp_path / "elsewhere"
    quick = [*ONE_SHELL, "--launch-times", "60"]
    result = runner.invoke(app, ["size", *quick, "--runs-dir", str(runs), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    run = open_run(report["run_folder"])
    assert Path(report["run_folder"]).parent == runs
    assert run.manifest["status"] == "complete"
    assert run.manifest["run"]["question"]["launch_times"] == 60
    (best,) = [c for c in run.rows("sizing_candidates") if c["best"]]
    assert best["satellites"] == report["satellites"]
    assert len(run.columns("sizing_launch_times")["in_reach"]) == 60
    text = runner.invoke(app, ["size", *quick])
    assert "Run folder: runs/" in text.stderr
    assert "Run folder" not in text.stdout


def test_interrupted_size_exits_130_and_marks_its_manifest(tmp_path: Path, monkeypatch):
    calls = []
    real = search.reach_map

    def interrupt_on_second_shell(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(search, "reach_map", interrupt_on_second_shell)
    result = runner.invoke(
        app,
        ["size", "--altitudes-km", "300,500", "--inclinations-deg", "55", "--planes", "60"],
    )
    assert result.exit_code == 130
    assert "Interrupted: the shells searched so far are kept in the run folder" in result.output
    (folder,) = (tmp_path / "runs").iterdir()
    run = open_run(folder)
    assert (run.manifest["status"], run.manifest["stage"]) == ("interrupted", "search")
    assert [c["altitude_m"] for c in run.rows("sizing_candidates")] == [300e3]


def test_a_geometry_cut_short_says_so_instead_of_a_zero_mean():
    """Regression (issue 14): geometries the search cut short showed ``mean_in_reach 0.0``.
    At 500 km with a 60 s delay a 45 deg shell needs far more than five times the 630 SBIs
    that 300 km takes, so the search stops there without evaluating it."""
    args = ["size", "--altitudes-km", "300,500", "--inclinations-deg", "45", "--planes", "90"]
    args += ["--launch-times", "60"]
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    met, cut = json.loads(result.stdout)["candidates"]
    assert (met["status"], met["searched_to_end"]) == ("met", True)
    assert met["mean_in_reach"] > 1.0
    assert met["evaluated_satellites"] == met["satellites"]
    assert (cut["status"], cut["searched_to_end"]) == ("cut short", False)
    assert cut["satellites"] is None
    assert cut["searched_up_to"] == 5 * met["satellites"]
    for figure in ("mean_in_reach", "min_in_reach", "achieved_confidence", "evaluated_satellites"):
        assert cut[figure] is None, figure
    run = open_run(json.loads(result.stdout)["run_folder"])
    stored = run.rows("sizing_candidates")[1]
    assert stored["met"] is False
    assert math.isnan(stored["mean_in_reach"])
    assert stored["min_in_reach"] == -1
    text = runner.invoke(app, args)
    (row,) = [line for line in text.stdout.splitlines() if "> 3,150" in line]
    assert "cut short" in row
    assert "0.0" not in row


def test_size_preset_list_and_unknown_preset():
    listing = runner.invoke(app, ["size", "--preset", "list", "--json"])
    assert listing.exit_code == 0, listing.output
    presets = {p["name"]: p for p in json.loads(listing.stdout)}
    assert presets["aps-2003"]["published_satellites"] == 1_600
    assert presets["cbo-2026"]["published_satellites"] == 7_800
    text = runner.invoke(app, ["size", "--preset", "list"])
    assert "cbo-2026: CBO 2026" in text.stdout
    assert "--preset" in runner.invoke(app, ["size", "--help"]).stdout
    bad = runner.invoke(app, ["size", "--preset", "aps-2030"])
    assert bad.exit_code == 2
    assert "unknown sizing preset; known names, closest first: aps-2003" in bad.output
    assert "Traceback" not in bad.output


def test_size_preset_flags_override_its_values_and_say_so():
    """A reduced CBO 2026 question (one shell, 60 launch times): the user's flags win, and
    the comparison names them."""
    quick = ["--altitudes-km", "300", "--planes", "60", "--launch-times", "60"]
    result = runner.invoke(app, ["size", "--preset", "cbo-2026", *quick, "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assumed, preset = report["assumptions"], report["preset"]
    assert assumed["salvo_simultaneous_launches"] == 10  # the preset's
    assert assumed["altitudes_km"] == [300.0]  # the user's
    assert assumed["launch_times_sampled"] == 60
    assert preset["changed_inputs"] == ["altitudes_km", "planes", "launch_times"]
    assert preset["satellites"] == report["satellites"]
    assert preset["residual_satellites"] == report["satellites"] - 7_800
    sources = {row["input"]: row["source"] for row in preset["inputs"]}
    assert sources["salvo"].startswith("CBO 2026")
    assert sources["sbi.delta_v_km_s"].startswith("goldendome assumption")
    run = open_run(report["run_folder"])
    assert run.manifest["run"]["preset"]["name"] == "cbo-2026"
    assert run.manifest["run"]["question"]["salvo"] == 10
    text = runner.invoke(app, ["size", "--preset", "cbo-2026", *quick, "--delta-v-km-s", "5"])
    assert text.exit_code == 0, text.output
    flat = " ".join(text.stdout.replace("│", " ").split())
    assert "Against the published figure" in flat
    assert "7,800 SBIs" in flat
    assert "residual" in flat
    assert "sbi.delta_v_km_s: the answer no longer poses the study's question" in flat
