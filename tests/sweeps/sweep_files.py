"""Small sweep files for the sweep tests: the small defended scenario (tests/small_scenario.py)
with its GBIs removed, so THAAD rounds and the SBIs' kill probability decide the outcome
(P(zero leakers) from 0.05 to 1.0 at 20 trials); each case takes about a second."""

import os
import subprocess
import sys
from pathlib import Path

from tests.small_scenario import SMALL_DEFENDED

#: Two inputs that move P(zero leakers), expected leakers and cost.
THAAD = "sites[2].interceptors[0].count"
SSPK = "sbi.sspk"


def sweep_text(
    name: str = "small-trade",
    *,
    design: str = 'kind = "grid"',
    parameters: str | None = None,
    trials: int = 8,
    extra: str = "",
) -> str:
    """A sweep file over :data:`THAAD` and :data:`SSPK` (grid of 2 x 2 unless told)."""
    params = parameters or (
        f'[[parameters]]\npath = "{THAAD}"\nvalues = [0, 6]\n\n'
        f'[[parameters]]\npath = "{SSPK}"\nvalues = [0.1, 0.6]\n'
    )
    return (
        f'name = "{name}"\nscenario = "small.toml"\nseed = 11\ntrials = {trials}\n'
        'outputs = ["p_zero_leakers", "expected_leakers", "cost_usd"]\n'
        f"{extra}\n"
        '[set]\n"sites[1].interceptors[0].count" = 0\n\n'
        f"[design]\n{design}\n\n{params}"
    )


def write_sweep(folder: Path, text: str | None = None, file: str = "sweep.toml") -> Path:
    """Write the small scenario and a sweep file into ``folder``; the sweep file's path."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "small.toml").write_text(SMALL_DEFENDED)
    path = folder / file
    path.write_text(text if text is not None else sweep_text())
    return path


def cli(*args: str, **kwargs: object) -> "subprocess.Popen[str]":
    """``goldendome ARGS`` as a child process in its own session (stdout and stderr piped)."""
    env = {**os.environ, "COLUMNS": "120"}
    return subprocess.Popen(
        [sys.executable, "-m", "goldendome.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
        **kwargs,  # type: ignore[arg-type]
    )
