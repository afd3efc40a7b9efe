"""``goldendome runs list`` and ``runs show``: every run folder with its state, from the folder
alone."""

import json
from datetime import UTC, datetime
from pathlib import Path

from typer.testing import CliRunner

import goldendome.cli.runs  # noqa: F401  (registers the command)
from goldendome.cli.main import app
from goldendome.results.manifest import build_manifest
from goldendome.results.run_folder import RunFolder

runner = CliRunner()


def _run_folder(runs: Path, name: str, status: str, minute: int, **extra) -> Path:
    folder = RunFolder.create(runs, name, datetime(2029, 6, 1, 12, minute, tzinfo=UTC))
    facts = {"study": "size"} if name.startswith("size") else {"trials": 10}
    manifest = build_manifest(
        scenario_name=name,
        scenario_text="",
        seed=1,
        status=status,
        timings_s={"raid": 1.25},
        started_utc=datetime(2029, 6, 1, 12, minute, tzinfo=UTC),
        run=facts,
        **extra,
    )
    folder.write_json("manifest.json", manifest)
    return folder.path


def test_runs_list_shows_each_folder_with_its_state_and_trials(tmp_path: Path):
    done = _run_folder(tmp_path, "small", "complete", 1)
    (done / "trials").mkdir()
    (done / "trials" / "part-000000-000009.parquet").write_bytes(b"")
    _run_folder(tmp_path, "small", "failed", 2, stage="raid", error="ValueError: no aim")
    _run_folder(tmp_path, "size-x", "interrupted", 3, stage="search", signal="SIGINT")
    result = runner.invoke(app, ["runs", "list", "--runs-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "20290601T120100Z-small  (run: small, 10 of 10 trials)",
        "    complete",
        "20290601T120200Z-small  (run: small, 0 of 10 trials)",
        "    failed at stage raid: ValueError: no aim",
        "20290601T120300Z-size-x  (size: size-x)",
        "    interrupted at stage search (SIGINT)",
    ]
    listed = json.loads(
        runner.invoke(app, ["runs", "list", "--runs-dir", str(tmp_path), "--json"]).output
    )
    assert [r["state"] for r in listed] == ["complete", "failed", "interrupted"]
    assert listed[1]["summary"] == "failed at stage raid: ValueError: no aim"


def test_a_run_killed_outright_is_listed_dead(tmp_path: Path):
    folder = _run_folder(tmp_path, "small", "running", 1)
    manifest = json.loads((folder / "manifest.json").read_text())
    (folder / "manifest.json").write_text(json.dumps(manifest | {"pid": 2**22 + 12_345}))
    result = runner.invoke(app, ["runs", "list", "--runs-dir", str(tmp_path)])
    assert f"dead: pid {2**22 + 12_345} on " in result.output
    assert " is gone (last heartbeat " in result.output


def test_runs_show_gives_one_folder_in_detail(tmp_path: Path):
    folder = _run_folder(tmp_path, "small", "complete", 1)
    (folder / "threats.parquet").write_bytes(b"")
    result = runner.invoke(app, ["runs", "show", str(folder)])
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.output.splitlines()]
    assert "state: complete" in lines
    assert "tables: threats" in lines
    assert "stages: raid 1.2 s" in lines
    detail = json.loads(runner.invoke(app, ["runs", "show", str(folder), "--json"]).stdout)
    assert detail["tables"] == ["threats"]


def test_a_missing_runs_directory_or_folder_is_a_sentence_exit_2(tmp_path: Path):
    result = runner.invoke(app, ["runs", "list", "--runs-dir", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "nowhere/: no such folder" in result.output
    empty = runner.invoke(app, ["runs", "list", "--runs-dir", str(tmp_path)])
    assert (empty.exit_code, empty.output.strip()) == (0, f"{tmp_path}/: no run folders.")
    show = runner.invoke(app, ["runs", "show", str(tmp_path / "nope")])
    assert show.exit_code == 2
