"""The goldendome command line, end to end through typer's runner."""

import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
from typer.testing import CliRunner

from goldendome.cli.main import app
from goldendome.scenario import default_scenario_text
from tests.small_scenario import SMALL_DEFENDED, SMALL_SCENARIO

runner = CliRunner()
#: Monte Carlo trials in this process (no Dask cluster), and few of them.
IN_PROCESS = ["--workers", "0", "--trials", "20"]


def test_version():
    result = runner.invoke(app, ["version"])
    assert result.exit_code == 0
    assert result.output.startswith("goldendome 0.")


def test_init_writes_the_commented_default_and_refuses_to_overwrite(tmp_path: Path):
    path = tmp_path / "mine.toml"
    assert runner.invoke(app, ["init", str(path)]).exit_code == 0
    assert path.read_text() == default_scenario_text()
    assert "# CBO" in path.read_text()
    again = runner.invoke(app, ["init", str(path)])
    assert again.exit_code == 2
    assert "already exists" in again.output
    assert runner.invoke(app, ["init", str(path), "--force"]).exit_code == 0


def test_validate_good_and_bad(tmp_path: Path):
    path = tmp_path / "s.toml"
    path.write_text(default_scenario_text())
    ok = runner.invoke(app, ["validate", str(path)])
    assert ok.exit_code == 0
    assert "OK: scenario 'golden-dome-2029', 4 space layers (8006 satellites)" in ok.output
    path.write_text(default_scenario_text().replace("altitude_km = 400.0", "altitude_km = -40"))
    bad = runner.invoke(app, ["validate", str(path)])
    assert bad.exit_code == 2
    assert "space.sbi_layer.altitude_km = -40: altitude must be above the surface" in bad.output
    assert "Traceback" not in bad.output


def test_validate_missing_file_is_one_line_exit_2(tmp_path: Path):
    result = runner.invoke(app, ["validate", str(tmp_path / "nope.toml")])
    assert result.exit_code == 2
    assert result.output.strip().endswith(
        "no such file; check the path, create one with 'goldendome init scenario.toml', "
        "or name an embedded scenario (default, peer-raid, liquid-raid, russian-raid, chinese-raid)"
    )


def test_schema_is_json_schema_with_unit_keys():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "ScenarioSpec"
    walker = schema["$defs"]["WalkerDeltaSpec"]["properties"]
    assert walker["altitude_km"]["exclusiveMinimum"] == 0
    assert walker["inclination_deg"]["maximum"] == 180
    assert schema["$defs"]["WalkerDeltaSpec"]["additionalProperties"] is False


def test_run_small_scenario_json_and_run_folder(tmp_path: Path):
    path = tmp_path / "small.toml"
    path.write_text(SMALL_SCENARIO)
    runs = str(tmp_path / "runs")
    result = runner.invoke(
        app, ["run", str(path), "--runs-dir", runs, "--json", "--seed", "11", *IN_PROCESS]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["scenario"] == "small-test"
    assert summary["seed"] == 11
    assert summary["n_times"] == 41
    assert [layer["n_satellites"] for layer in summary["layers"]] == [24, 1]
    sbi = summary["layers"][0]
    assert abs(sbi["altitude_min_m"] - 500e3) < 1e3
    assert 5_600 < sbi["period_s"] < 5_700  # a 500 km orbit: about 94.6 minutes
    folder = Path(summary["run_folder"])
    assert folder.parent == tmp_path / "runs"
    assert folder.name.endswith("-small-test")
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["status"] == "complete"
    assert manifest["seed"] == 11
    assert manifest["scenario_text"] == SMALL_SCENARIO
    assert len(manifest["scenario_sha256"]) == 64
    assert manifest["timings_s"]["architecture"] > 0
    assert pq.read_table(folder / "site_coverage.parquet").num_rows == 4
    assert [t["target"] for t in summary["threats"]] == ["anchorage", "anchorage"]
    assert summary["objects"] == {"reentry_vehicles": 2, "decoys": 0}
    kinds = pq.read_table(folder / "objects.parquet").column("kind").to_pylist()
    assert kinds == ["booster", "booster", "rv", "rv"]  # the missiles, then their warheads
    assert all(t["aim_miss_m"] < 100.0 for t in summary["threats"])
    assert [t["threat_id"] for t in summary["threats"]] == [0, 1]
    # Pyongyang to Anchorage: about 5,990 km, over a 1,300 km apogee.
    assert all(abs(t["range_m"] - 5_990e3) < 100e3 for t in summary["threats"])
    assert all(1_000e3 < t["apogee_altitude_m"] < 2_000e3 for t in summary["threats"])
    assert pq.read_table(folder / "threats.parquet").num_rows == 2
    events = pq.read_table(folder / "threat_events.parquet").to_pylist()
    assert [e["event"] for e in events[:4]] == ["burnout", "apogee", "reentry", "impact"]
    # The GEO satellite over -100 deg stays at the zenith of the equatorial site.
    geo = [c for c in summary["site_coverage"] if c["layer"] == "geo" and c["site"] == "Equator"]
    assert geo[0]["min_in_view"] == 1
    assert summary["kill_chain"]["trials"] == 20
    assert summary["space_based_interceptors"] is None  # an SBI layer, but no [sbi] table
    timelines = summary["sensing"]["timelines"]
    assert [t["threat_id"] for t in timelines] == [0, 1]
    assert set(timelines[0]) >= {"impact_sigma_m", "impact_error_m", "first_detected_by"}


def test_run_text_summary(tmp_path: Path):
    path = tmp_path / "small.toml"
    path.write_text(SMALL_SCENARIO)
    result = runner.invoke(
        app, ["run", str(path), "--runs-dir", str(tmp_path / "runs"), *IN_PROCESS]
    )
    assert result.exit_code == 0, result.output
    assert "Space layers" in result.output
    assert "The raid: each missile aimed and flown" in result.output
    assert "Detection and tracking" in result.output
    assert "Run folder:" in result.output


def test_run_text_summary_of_every_layer(tmp_path: Path):
    """A scenario where every stage has work: the SBI, sensing and kill-chain tables print."""
    path = tmp_path / "defended.toml"
    path.write_text(SMALL_DEFENDED)
    result = runner.invoke(
        app, ["run", str(path), "--runs-dir", str(tmp_path / "runs"), *IN_PROCESS]
    )
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Space-based interceptors (sbi, 1,000) in reach of each missile" in out
    assert "Detection and tracking, seconds after each missile's launch" in out
    assert "Kill chain, 20 Monte Carlo trials, 3 warheads and 2 decoys" in out
    assert "Which layer does the work" in out
    assert "Boost-phase engagement windows" in out
    assert "Per-trial rows: trials/; every shot: engagements/ (Parquet)." in out


def test_ctrl_c_during_a_run_exits_130_saying_what_is_kept(tmp_path: Path, monkeypatch):
    from goldendome import api

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(api, "run_spec", interrupted)
    path = tmp_path / "small.toml"
    path.write_text(SMALL_SCENARIO)
    result = runner.invoke(app, ["run", str(path), "--runs-dir", str(tmp_path / "runs")])
    assert result.exit_code == 130
    assert "Interrupted: the finished part of the run" in result.output
    assert "manifest status 'interrupted'" in result.output


def test_run_bad_scenario_exit_2(tmp_path: Path):
    path = tmp_path / "small.toml"
    path.write_text(SMALL_SCENARIO.replace("planes = 3", "planes = 5"))
    result = runner.invoke(app, ["run", str(path), "--runs-dir", str(tmp_path / "runs")])
    assert result.exit_code == 2
    assert "satellites = 24 is not a multiple of planes = 5" in result.output
    assert not (tmp_path / "runs").exists()


def test_help_does_not_import_heavy_modules():
    # A structural check behind the "--help in under 0.5 s" goal (timed in benchmarks/).
    code = (
        "import sys; from goldendome.cli.main import app; "
        "heavy = [m for m in ('numpy', 'pydantic', 'scipy', 'pyarrow') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_a_stage_that_raises_ends_in_one_sentence_and_exit_1_not_a_traceback(
    tmp_path: Path, monkeypatch
):
    from goldendome.run import pipeline

    def broken(ctx, sink):
        raise RuntimeError("no satellite in reach")

    monkeypatch.setattr(pipeline, "run_boost", broken)
    monkeypatch.delenv("GOLDENDOME_DEBUG", raising=False)
    path = tmp_path / "small.toml"
    path.write_text(SMALL_DEFENDED)
    runs = tmp_path / "runs"
    result = runner.invoke(app, ["run", str(path), "--runs-dir", str(runs), *IN_PROCESS])
    assert result.exit_code == 1
    assert "The run failed: RuntimeError: no satellite in reach." in result.output
    assert "Traceback" not in result.output
    (folder,) = runs.iterdir()
    assert json.loads((folder / "manifest.json").read_text())["status"] == "failed"
