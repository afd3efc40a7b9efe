"""Every script in examples/ runs and prints its table."""

import runpy
from pathlib import Path

import pytest

from goldendome.api import open_run

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.py"))
SBI_TRADE = EXAMPLES[0].parent / "sbi_altitude_trade.py"


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
def test_example_runs(script: Path, capsys):
    runpy.run_path(str(script), run_name="__main__")
    printed = capsys.readouterr().out
    assert printed.count("\n") >= 3


def test_sbi_altitude_trade_sees_more_from_a_higher_shell():
    module = runpy.run_path(str(SBI_TRADE))
    low, high = module["mean_in_view"](300.0), module["mean_in_view"](500.0)
    # A higher shell shows each site a wider cap of sky: more satellites in view (Beale, 39 N).
    assert high["Beale AFB (UEWR)"] > 1.3 * low["Beale AFB (UEWR)"]
    # Pituffik (76.6 N) is beyond the reach of 55 deg orbits at either altitude.
    assert low["Pituffik SB (UEWR)"] == high["Pituffik SB (UEWR)"] == 0.0


def test_sbi_altitude_trade_changes_what_it_says(tmp_path: Path):
    """The changes take effect: 10 minutes at 60 s (11 samples), the SBI layer alone at the
    asked altitude, no raid; the manifest stores the changed scenario."""
    module = runpy.run_path(str(SBI_TRADE))
    summary = module["run_at"](300.0, str(tmp_path))
    assert (summary["duration_s"], summary["step_s"], summary["n_times"]) == (600.0, 60.0, 11)
    assert [layer["name"] for layer in summary["layers"]] == ["sbi_layer"]
    sbi = summary["layers"][0]
    assert 290e3 < sbi["altitude_min_m"] < sbi["altitude_max_m"] < 320e3
    assert summary["threats"] == []
    assert summary["kill_chain"] is None
    run = open_run(summary["run_folder"])
    assert run.manifest["status"] == "complete"
    assert "space.sbi_layer.altitude_km = 300.0" in run.manifest["scenario_text"]
    assert "space.tracking_layer deleted" in run.manifest["scenario_text"]
