"""Every script in examples/ runs and prints its table; every sweep file in examples/ is valid
(each of its cases checked through the scenario schema)."""

import json
import runpy
from pathlib import Path

import pytest

from goldendome import api

EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "examples"
EXAMPLES = sorted(EXAMPLES_DIR.glob("*.py"))
SWEEPS = sorted(p for p in EXAMPLES_DIR.glob("*.toml") if "[design]" in p.read_text())
SBI_TRADE = EXAMPLES_DIR / "sbi_altitude_trade.py"


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
def test_example_runs(script: Path, capsys):
    runpy.run_path(str(script), run_name="__main__")
    printed = capsys.readouterr().out
    assert printed.count("\n") >= 3


@pytest.mark.parametrize("sweep", SWEEPS, ids=lambda p: p.name)
def test_example_sweep_files_are_valid(sweep: Path):
    prepared = api.prepare_sweep(sweep)
    assert len(prepared.cases) >= 2


def test_sbi_altitude_trade_sees_more_from_a_higher_shell(tmp_path: Path):
    module = runpy.run_path(str(SBI_TRADE))
    views = module["in_view_by_altitude"](str(tmp_path))
    low, high = views[300.0], views[500.0]
    # A higher shell shows each site a wider cap of sky: more satellites in view (Beale, 39 N).
    assert high["Beale AFB (UEWR)"] > 1.3 * low["Beale AFB (UEWR)"]
    # Pituffik (76.6 N) is beyond the reach of 55 deg orbits at either altitude.
    assert low["Pituffik SB (UEWR)"] == high["Pituffik SB (UEWR)"] == 0.0


def test_sbi_altitude_trade_changes_what_it_says(tmp_path: Path):
    """The changes take effect: 10 minutes at 60 s (11 samples), the SBI layer alone at the
    asked altitude, no raid; each case's manifest stores the changed scenario."""
    module = runpy.run_path(str(SBI_TRADE))
    module["in_view_by_altitude"](str(tmp_path))
    folders = sorted((tmp_path / "sweep-sbi-altitude" / "cases").glob("*/*"))
    assert len(folders) == 2
    for folder in folders:
        summary = json.loads((folder / "summary.json").read_text())
        assert (summary["duration_s"], summary["step_s"], summary["n_times"]) == (600.0, 60.0, 11)
        assert [layer["name"] for layer in summary["layers"]] == ["sbi_layer"]
        assert summary["threats"] == []
        assert summary["kill_chain"] is None
        run = api.open_run(folder)
        assert run.manifest["status"] == "complete"
        assert "space.tracking_layer deleted" in run.manifest["scenario_text"]
    altitudes = sorted(
        json.loads((f / "summary.json").read_text())["layers"][0]["altitude_min_m"] for f in folders
    )
    assert 290e3 < altitudes[0] < 320e3
    assert 490e3 < altitudes[1] < 520e3
