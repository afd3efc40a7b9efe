"""``goldendome timeline`` on the command line: JSON, and bad input exits 2 naming the key."""

import json
from pathlib import Path

from typer.testing import CliRunner

import goldendome.cli.timeline  # noqa: F401  (registers the command)
from goldendome.cli.main import app


def test_json_without_runs_lists_every_year(tmp_path: Path) -> None:
    args = ["timeline", "--no-runs", "--json", "--to", "2030", "--runs-dir", str(tmp_path)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [y["year"] for y in report["years"]] == list(range(2026, 2031))
    assert all(y["kill_chain"] is None for y in report["years"])
    y2029 = report["years"][3]
    assert y2029["spend_total_then_year_usd"] > y2029["spend_total_usd"]


def test_bad_schedule_exits_2_naming_the_key(tmp_path: Path) -> None:
    from goldendome.scenario.loader import default_scenario_text

    path = tmp_path / "s.toml"
    path.write_text(
        default_scenario_text() + "\n[timeline.elements.sbi_layer]\nschedule = { 2029 = 5000 }\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["timeline", str(path), "--no-runs"])
    assert result.exit_code == 2
    assert "timeline.elements.sbi_layer.schedule.2029 = 5000" in result.output
    assert "Traceback" not in result.output


def test_years_out_of_order_exit_2() -> None:
    result = CliRunner().invoke(app, ["timeline", "--no-runs", "--from", "2030", "--to", "2027"])
    assert result.exit_code == 2
    assert "last_year = 2027 is before first_year = 2030" in result.output
