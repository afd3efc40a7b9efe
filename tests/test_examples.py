"""Every script in examples/ runs and prints its table."""

import runpy
from pathlib import Path

import pytest

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.py"))


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
def test_example_runs(script: Path, capsys):
    runpy.run_path(str(script), run_name="__main__")
    printed = capsys.readouterr().out
    assert printed.count("\n") >= 3


def test_sbi_altitude_trade_sees_more_from_a_higher_shell():
    module = runpy.run_path(str(EXAMPLES[0]))
    low, high = module["mean_in_view"](300.0), module["mean_in_view"](500.0)
    # A higher shell shows each site a wider cap of sky: more satellites in view (Beale, 39 N).
    assert high["Beale AFB (UEWR)"] > 1.3 * low["Beale AFB (UEWR)"]
    # Pituffik (76.6 N) is beyond the reach of 55 deg orbits at either altitude.
    assert low["Pituffik SB (UEWR)"] == high["Pituffik SB (UEWR)"] == 0.0
