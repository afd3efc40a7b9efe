"""``goldendome timeline``, ``exchange`` and ``partners`` write a study folder, print its
path as the other studies do, and ``goldendome report`` makes its page; bad input leaves no
folder; an interruption marks the folder."""

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import goldendome.cli.exchange
import goldendome.cli.partners
import goldendome.cli.report
import goldendome.cli.timeline  # noqa: F401  (registers the commands)
from goldendome.cli.main import app
from tests.report.small_studies import small_scenario_file


def _folder(stderr: str) -> Path:
    line = next(x for x in stderr.splitlines() if x.startswith("Run folder: "))
    return Path(line.removeprefix("Run folder: "))


def test_timeline_writes_its_folder_and_the_report_draws_it(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    scenario = small_scenario_file(tmp_path)
    args = ["timeline", str(scenario), "--from", "2028", "--to", "2028", "--trials", "3"]
    result = CliRunner().invoke(app, [*args, "--runs-dir", str(runs)])
    assert result.exit_code == 0, result.output
    folder = _folder(result.stderr)
    assert folder.parent == runs
    assert folder.name.endswith("-timeline-small-defended")
    manifest = json.loads((folder / "manifest.json").read_text())
    assert (manifest["status"], manifest["run"]["study"]) == ("complete", "timeline")
    assert (folder / "timeline_years.parquet").is_file()
    page = CliRunner().invoke(app, ["report", str(folder)])
    assert page.exit_code == 0, page.output
    assert f"Wrote {folder / 'report.html'}" in page.stdout
    assert "Timeline by year" in (folder / "report.html").read_text()


def test_partners_json_names_its_folder(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    scenario = small_scenario_file(tmp_path, partner=True)
    result = CliRunner().invoke(
        app, ["partners", str(scenario), "--no-runs", "--json", "--runs-dir", str(runs)]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    folder = Path(report["study_folder"])
    assert folder.parent == runs
    assert (folder / "partner_totals.parquet").is_file()
    assert report["partners"][0]["name"] == "Japan"


def test_exchange_without_a_curve_says_so_on_its_page(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    scenario = small_scenario_file(tmp_path)
    result = CliRunner().invoke(
        app,
        [
            "exchange",
            str(scenario),
            "--no-curve",
            "--no-confirm",
            "--trials",
            "3",
            "--runs-dir",
            str(runs),
        ],
    )
    assert result.exit_code == 0, result.output
    folder = _folder(result.stderr)
    assert folder.name.endswith("-exchange-small-defended")
    page = CliRunner().invoke(app, ["report", str(folder), "--out", str(tmp_path / "x.html")])
    assert page.exit_code == 0, page.output
    assert "without a step curve (--no-curve)" in (tmp_path / "x.html").read_text()


def test_bad_input_exits_2_and_leaves_no_folder(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    scenario = small_scenario_file(tmp_path)
    result = CliRunner().invoke(
        app, ["exchange", str(scenario), "--p-through", "1.5", "--runs-dir", str(runs)]
    )
    assert result.exit_code == 2
    assert "p_any_through (--p-through) = 1.5" in result.output
    assert "Traceback" not in result.output
    assert not runs.exists() or not any(runs.iterdir())


def test_an_interrupted_timeline_exits_130_and_marks_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import goldendome.studies.timeline as timeline

    original = timeline.run_timeline

    def run_timeline(*args: Any, **kwargs: Any) -> Any:
        if kwargs.get("kill_chain", True):
            raise KeyboardInterrupt
        return original(*args, **kwargs)

    monkeypatch.setattr(timeline, "run_timeline", run_timeline)
    runs = tmp_path / "runs"
    scenario = small_scenario_file(tmp_path)
    result = CliRunner().invoke(
        app, ["timeline", str(scenario), "--to", "2028", "--runs-dir", str(runs)]
    )
    assert result.exit_code == 130
    assert "timeline's folder" in result.output
    assert "marked 'interrupted'" in result.output
    (folder,) = runs.iterdir()
    assert json.loads((folder / "manifest.json").read_text())["status"] == "interrupted"
