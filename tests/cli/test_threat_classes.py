"""The per-threat-class table of ``goldendome run`` and its ``--json`` entry."""

import json
from pathlib import Path

from rich.console import Console
from typer.testing import CliRunner

from goldendome.cli.kill_chain_tables import print_threat_classes
from goldendome.cli.main import app
from tests.small_scenario import SMALL_DEFENDED

runner = CliRunner()
IN_PROCESS = ["--workers", "0", "--trials", "20"]


def test_run_prints_one_row_per_class_and_json_carries_them(tmp_path: Path):
    path = tmp_path / "defended.toml"
    path.write_text(SMALL_DEFENDED)
    runs = str(tmp_path / "runs")
    text = runner.invoke(app, ["run", str(path), "--runs-dir", runs, *IN_PROCESS])
    assert text.exit_code == 0, text.output
    assert "Each threat class: median first detection" in text.output
    table = text.output.split("Each threat class: median first detection")[1]
    (line,) = [ln for ln in table.splitlines() if "hwasong-15-class" in ln]
    cells = [c.strip() for c in line.strip("│ ").split("│")]
    assert cells[1:3] == ["3", "3"]  # three missiles, one warhead each
    out = runner.invoke(app, ["run", str(path), "--runs-dir", runs, "--json", *IN_PROCESS])
    assert out.exit_code == 0, out.output
    summary = json.loads(out.stdout)
    (row,) = summary["threat_classes"]
    assert row["threat_class"] == "hwasong-15-class"
    assert set(row["kills_per_trial"]) == {"boost", "midcourse", "terminal"}
    assert f"{row['p_no_leaker']:.3f}" == cells[-1]  # the same run (same seed) both ways


def test_a_summary_stored_before_the_table_prints_without_it():
    console = Console(width=120, record=True)
    print_threat_classes(console, None)  # the key missing from an older summary
    assert console.export_text() == ""


def test_the_boost_table_prints_a_missile_with_no_boost_window():
    # A cruise missile never burns in view of an SBI: its window is None (never). The
    # summary printer once failed on it with a TypeError after the run was stored.
    from goldendome.cli.summary import _print_sbi

    console = Console(width=120, record=True)
    threat = {"threat_id": 7, "sbis_in_reach": 0, "window_start_s": None,
              "window_end_s": None, "first_intercept_s": None, "shots_assigned": 0}  # fmt: skip
    sbi = {"layer": "sbi_layer", "satellites": 10, "threats": [threat],
           "distinct_sbis_in_reach": 0, "opportunities": 0, "shots_every_missile_gets": 0}  # fmt: skip
    _print_sbi(console, sbi)
    (line,) = [ln for ln in console.export_text().splitlines() if ln.strip().startswith("│ 7")]
    assert [c.strip() for c in line.strip("│ ").split("│")][2] == "-"
