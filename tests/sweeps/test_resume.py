"""Nothing lost: a sweep stopped with Ctrl-C (SIGINT to its process group, as a terminal sends
it, local Dask workers included) or killed with SIGKILL resumes with --resume, running only
the cases without a result, and ends with the same table as a sweep never stopped."""

import os
import signal
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from goldendome import api
from goldendome.run.sweeps.runner import load_results
from tests.sweeps.sweep_files import cli, sweep_text, write_sweep

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and process groups"),
]

#: Six cases (3 THAAD magazines x 2 SBI kill probabilities).
SIX = (
    '[[parameters]]\npath = "sites[2].interceptors[0].count"\nvalues = [0, 3, 6]\n\n'
    '[[parameters]]\npath = "sbi.sspk"\nvalues = [0.1, 0.6]\n'
)


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The six-case sweep run whole, in this process."""
    base = tmp_path_factory.mktemp("whole")
    path = write_sweep(base, sweep_text(parameters=SIX, trials=20))
    done = api.sweep(path, runs_dir=base / "runs", workers=0)
    return pq.read_table(done.folder / "sweep_cases.parquet")


def _stop_after_first_cases(tmp_path: Path, sig: int) -> tuple[Path, Path, str, int]:
    path = write_sweep(tmp_path, sweep_text(parameters=SIX, trials=20))
    runs = tmp_path / "runs"
    proc = cli("sweep", str(path), "--runs-dir", str(runs), "--workers", "2")
    results = runs / "sweep-small-trade" / "results"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if results.is_dir() and len(list(results.glob("*.json"))) >= 2:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the sweep ended before it could be stopped"
    os.killpg(proc.pid, sig)
    _, err = proc.communicate(timeout=120)
    return path, runs, err, proc.returncode


def _resume_and_check(path: Path, runs: Path, reference) -> None:
    folder = runs / "sweep-small-trade"
    before = {p.name: p.stat().st_mtime_ns for p in (folder / "results").glob("*.json")}
    assert 2 <= len(before) < 6
    proc = cli("sweep", str(path), "--runs-dir", str(runs), "--workers", "2", "--resume")
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    assert f"6 complete, 0 failed ({6 - len(before)} run now, {len(before)} before" in out
    # The cases finished before the stop were not run again.
    after = {p.name: p.stat().st_mtime_ns for p in (folder / "results").glob("*.json")}
    assert {k: after[k] for k in before} == before
    assert len(load_results(folder)) == 6
    table = pq.read_table(folder / "sweep_cases.parquet")
    assert table.equals(reference)
    # One complete run folder per case: attempts cut short are gone.
    for case_dir in (folder / "cases").iterdir():
        (run,) = list(case_dir.iterdir())
        assert api.run_state(run).state == "complete"


def test_ctrl_c_keeps_finished_cases_and_resume_runs_only_the_others(tmp_path, reference):
    path, runs, err, code = _stop_after_first_cases(tmp_path, signal.SIGINT)
    assert code == 130, err
    assert "Interrupted: finished cases are kept" in err
    assert "--resume" in err
    assert "Traceback" not in err
    meta = (runs / "sweep-small-trade" / "sweep.json").read_text()
    assert '"status": "interrupted"' in meta
    _resume_and_check(path, runs, reference)


def test_sigkill_loses_only_the_cases_in_flight_and_resume_finishes(tmp_path, reference):
    path, runs, _, code = _stop_after_first_cases(tmp_path, signal.SIGKILL)
    assert code == -signal.SIGKILL
    meta = (runs / "sweep-small-trade" / "sweep.json").read_text()
    assert '"status": "running"' in meta  # a killed sweep could not say more
    _resume_and_check(path, runs, reference)
