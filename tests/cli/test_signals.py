"""Every run ends in a known state, with real processes and real signals: SIGTERM is taken
like Ctrl-C (exit 143, manifest interrupted, finished trials kept), SIGKILL leaves a run that
the heartbeat shows dead, and Ctrl-C sent to the whole process group (as a terminal does)
while local Dask workers run prints one line and no traceback (exit 130)."""

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from goldendome.results.run_state import run_state
from tests.small_scenario import SMALL_DEFENDED

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and process groups"),
]


#: Trials of a run with every trial in its own process: enough to be stopped in the middle of
#: the Monte Carlo.
TRIALS = 100_000
#: Trials of a run on local Dask workers. Each chunk of trials (5 in the small scenario) is a
#: Dask task, and all are submitted at once: with 100,000 trials (20,000 tasks) the process
#: tree took 142 s of CPU from start to exit and 57-66 s to exit after Ctrl-C; with 5,000
#: trials (1,000 tasks), 45-53 s of CPU and 7-8 s (the project machine, loaded). 5,000 trials
#: still take the two workers far longer than the test waits after the first part is stored.
DASK_TRIALS = 5_000


def _start(tmp_path: Path, *flags: str, trials: int = TRIALS) -> tuple[subprocess.Popen[str], Path]:
    """``goldendome run`` in its own session (its own process group), trials enough to be
    stopped in the middle of the Monte Carlo."""
    scenario = tmp_path / "small.toml"
    scenario.write_text(SMALL_DEFENDED)
    runs = tmp_path / "runs"
    command = [
        sys.executable,
        "-m",
        "goldendome.cli",
        "run",
        str(scenario),
        "--runs-dir",
        str(runs),
    ]
    process = subprocess.Popen(
        [*command, "--trials", str(trials), *flags],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    return process, runs


def _when_trials_are_stored(process: subprocess.Popen[str], runs: Path) -> Path:
    # Only a bound on a hung run: the Ctrl-C test (100,000 trials on Dask workers) took 117 s in
    # the last loaded CI run, and on a fresh clone the stages before it compile kernels.
    deadline = time.monotonic() + 300.0
    while time.monotonic() < deadline and process.poll() is None:
        parts = list(runs.glob("*/trials/part-*.parquet"))
        if parts:
            return parts[0].parents[1]
        time.sleep(0.1)
    process.kill()
    raise AssertionError(f"no Monte Carlo part was stored: {process.communicate()}")


#: A progress line as written to a pipe (:class:`goldendome.cli.progress.PlainProgress`).
PROGRESS = re.compile(r"^[^:]+: [\d,]+/[\d,]+ \(\d+ s\)$")


def _messages(err: str) -> list[str]:
    """The lines of standard error other than progress lines: what the command says."""
    return [line for line in err.splitlines() if line.strip() and not PROGRESS.match(line)]


def _group_is_gone(pgid: int, wait_s: float = 10.0) -> bool:
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def test_sigterm_ends_the_run_interrupted_keeping_its_trials(tmp_path: Path):
    process, runs = _start(tmp_path, "--workers", "0")
    folder = _when_trials_are_stored(process, runs)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 143
    assert _messages(err) == [
        f"Terminated (SIGTERM): the finished part of the run, finished Monte Carlo trials "
        f"included, is kept in its run folder under {runs}/ (manifest status 'interrupted'; "
        f"'goldendome runs list --runs-dir {runs}' shows it)."
    ]
    manifest = json.loads((folder / "manifest.json").read_text())
    assert (manifest["status"], manifest["stage"], manifest["signal"]) == (
        "interrupted", "monte_carlo", "SIGTERM"
    )  # fmt: skip
    state = run_state(folder)
    assert state.sentence() == "interrupted at stage monte_carlo (SIGTERM)"
    assert state.trials_done >= 5


def test_sigkill_leaves_a_run_the_heartbeat_shows_dead(tmp_path: Path):
    process, runs = _start(tmp_path, "--workers", "0")
    folder = _when_trials_are_stored(process, runs)
    assert run_state(folder).state == "running"
    process.kill()
    process.communicate(timeout=60)
    state = run_state(folder)
    assert json.loads((folder / "manifest.json").read_text())["status"] == "running"
    assert state.state == "dead"
    assert state.sentence().startswith(f"dead at stage monte_carlo: pid {process.pid} on ")


def test_ctrl_c_to_the_process_group_with_dask_workers_prints_one_line(tmp_path: Path):
    process, runs = _start(tmp_path, "--workers", "2", trials=DASK_TRIALS)
    folder = _when_trials_are_stored(process, runs)
    os.killpg(process.pid, signal.SIGINT)  # what a terminal does on Ctrl-C
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    lines = _messages(err)
    assert len(lines) == 1, err
    assert lines[0].startswith("Interrupted: the finished part of the run")
    assert "Traceback" not in err
    assert _group_is_gone(process.pid), "a worker process outlived the run"
    manifest = json.loads((folder / "manifest.json").read_text())
    assert (manifest["status"], manifest["signal"]) == ("interrupted", "SIGINT")
    state = run_state(folder)  # the trials the workers finished are kept
    assert state.sentence() == "interrupted at stage monte_carlo (SIGINT)"
    assert 5 <= state.trials_done < DASK_TRIALS
