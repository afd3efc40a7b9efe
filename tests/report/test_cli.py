"""``goldendome report``: writes the page, and refuses bad input in one line with exit code 2."""

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import goldendome.cli.report  # noqa: F401  (registers the command)
from goldendome.cli.main import app
from goldendome.report.pdf import CHROMIUM_ENV, chromium_path
from goldendome.results.run_folder import MANIFEST

runner = CliRunner()


def _one_line_error(result, code: int = 2) -> str:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    return lines[0]


def test_report_by_path_writes_the_page(small_run: Path, tmp_path: Path):
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", str(small_run), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Wrote {out} (")
    assert out.read_text().startswith("<!DOCTYPE html>")


def test_report_by_id_and_by_its_start_under_runs_dir(small_run: Path, tmp_path: Path):
    runs = small_run.parent
    by_id = tmp_path / "id.html"
    ok = runner.invoke(
        app, ["report", small_run.name, "--runs-dir", str(runs), "--out", str(by_id)]
    )
    assert ok.exit_code == 0, ok.output
    start = small_run.name[:12]
    by_start = tmp_path / "start.html"
    ok = runner.invoke(app, ["report", start, "--runs-dir", str(runs), "--out", str(by_start)])
    assert ok.exit_code == 0, ok.output
    assert by_id.stat().st_size == pytest.approx(by_start.stat().st_size, rel=0.01)


def test_default_output_is_report_html_in_the_run_folder(small_run: Path, tmp_path: Path):
    folder = tmp_path / "copy"
    shutil.copytree(small_run, folder)
    result = runner.invoke(app, ["report", str(folder)])
    assert result.exit_code == 0, result.output
    assert (folder / "report.html").is_file()


def test_missing_folder_and_unknown_id(tmp_path: Path):
    line = _one_line_error(runner.invoke(app, ["report", str(tmp_path / "nope" / "run")]))
    assert "no such run folder" in line
    runs = tmp_path / "runs"
    runs.mkdir()
    line = _one_line_error(
        runner.invoke(app, ["report", "20991231T000000Z-x", "--runs-dir", str(runs)])
    )
    assert f"no run folder '20991231T000000Z-x' under {runs}/" in line
    assert "goldendome runs list" in line


def test_ambiguous_id(tmp_path: Path):
    for name in ("20260101T000000Z-a", "20260101T000000Z-b"):
        (tmp_path / name).mkdir()
    line = _one_line_error(runner.invoke(app, ["report", "20260101", "--runs-dir", str(tmp_path)]))
    assert "2 run folders" in line
    assert "give more of the name" in line


def test_a_folder_that_is_not_a_run_folder(tmp_path: Path):
    line = _one_line_error(runner.invoke(app, ["report", str(tmp_path)]))
    assert "not a run folder (it has no manifest.json)" in line


def test_a_folder_of_another_schema_version(small_run: Path, tmp_path: Path):
    folder = tmp_path / "old"
    shutil.copytree(small_run, folder)
    manifest = json.loads((folder / MANIFEST).read_text())
    manifest["schema_version"] = 1
    (folder / MANIFEST).write_text(json.dumps(manifest))
    line = _one_line_error(runner.invoke(app, ["report", str(folder)]))
    assert "written with table schema version 1" in line


def test_unwritable_out(small_run: Path, tmp_path: Path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    line = _one_line_error(
        runner.invoke(app, ["report", str(small_run), "--out", str(blocker / "r.html")])
    )
    assert f"its folder {blocker}/ does not exist" in line
    line = _one_line_error(runner.invoke(app, ["report", str(small_run), "--out", str(tmp_path)]))
    assert "is a folder; give a file name" in line


def test_unknown_format(small_run: Path, tmp_path: Path):
    line = _one_line_error(runner.invoke(app, ["report", str(small_run), "--format", "docx"]))
    assert "--format 'docx': unknown; give one of html, pdf." in line


def test_pdf_without_chromium_is_refused(small_run: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setenv(CHROMIUM_ENV, str(tmp_path / "no-chromium"))
    out = tmp_path / "r.pdf"
    line = _one_line_error(
        runner.invoke(app, ["report", str(small_run), "--format", "pdf", "--out", str(out)])
    )
    assert "--format pdf needs Chromium" in line
    assert not out.exists()


@pytest.mark.skipif(
    chromium_path() is None and os.environ.get("GOLDENDOME_REQUIRE_BROWSER") != "1",
    reason="Chromium is not installed (apt-get install chromium); under "
    "GOLDENDOME_REQUIRE_BROWSER=1, as in make test, the test runs and fails instead",
)
def test_pdf_is_printed_by_chromium(small_run: Path, tmp_path: Path):
    out = tmp_path / "r.pdf"
    result = runner.invoke(app, ["report", str(small_run), "--format", "pdf", "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    assert data.count(b"/Type /Page") >= 3  # several pages: the figures were drawn
