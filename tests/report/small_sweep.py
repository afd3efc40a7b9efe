"""Sweep folders for the report's tests, made the way tests/sweeps/ make them.

``make_morris_sweep``: a real sweep of the small defended scenario (tests/sweeps/sweep_files.py:
THAAD rounds and the SBIs' kill probability), a Morris design of 2 trajectories (6 cases) at
4 trials each, run in this process and analyzed: its cases, inputs, Morris effects and Pareto
front come from the engagement (about 2 s a case).

``make_sobol_sweep``: a Sobol design whose outputs are known functions of the design's points
(tests/sweeps/test_analysis.py: P(zero leakers) = 4 x0 + x1, x2 idle), analyzed by SALib, so
the indices drawn have known values (S1 = ST = 16/17, 1/17, 0) and it takes no engagement.
"""

from pathlib import Path

from goldendome import api
from goldendome.run.sweeps.analysis import analyze_folder
from tests.sweeps.sweep_files import SSPK, THAAD, sweep_text, write_sweep
from tests.sweeps.test_analysis import _synthetic

PARAMETERS = (
    f'[[parameters]]\npath = "{THAAD}"\nlow = 0\nhigh = 6\ninteger = true\n\n'
    f'[[parameters]]\npath = "{SSPK}"\nlow = 0.1\nhigh = 0.6\n'
)


def make_morris_sweep(root: Path) -> Path:
    """Run and analyze the small Morris sweep under ``root``; its folder."""
    path = write_sweep(
        root,
        sweep_text(design='kind = "morris"\nsamples = 2', parameters=PARAMETERS, trials=4),
    )
    api.sweep(path, runs_dir=root / "runs", workers=0)
    folder = root / "runs" / "sweep-small-trade"
    analyze_folder(folder)
    return folder


def make_sobol_sweep(root: Path) -> Path:
    """Write and analyze the synthetic Sobol sweep under ``root``; its folder."""
    root.mkdir(parents=True, exist_ok=True)
    folder = root / "sweep-synthetic"
    _synthetic(folder, 'kind = "sobol"\nsamples = 256')
    analyze_folder(folder)
    return folder
