"""A sweep on an existing Dask cluster: a real scheduler and two workers started as separate
processes on 127.0.0.1 (``dask scheduler``, ``dask worker``). The sweep runs through the
scheduler's address, gives the same table as in this process, and loses or duplicates no
case when a worker is killed (SIGKILL) in the middle."""

import json
import os
import signal
import subprocess
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
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals"),
]

SIX = (
    '[[parameters]]\npath = "sites[2].interceptors[0].count"\nvalues = [0, 3, 6]\n\n'
    '[[parameters]]\npath = "sbi.sspk"\nvalues = [0.1, 0.6]\n'
)


def _dask(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "dask", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


@pytest.fixture
def cluster(tmp_path: Path):
    """A scheduler and two single-thread workers (no nanny: killing one kills the worker);
    yields the scheduler's address and the worker processes."""
    info = tmp_path / "scheduler.json"
    procs = [
        _dask(
            "scheduler",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--no-dashboard",
            "--scheduler-file",
            str(info),
        )
    ]
    try:
        deadline = time.monotonic() + 60
        while not info.is_file() and time.monotonic() < deadline:
            time.sleep(0.1)
        address = json.loads(info.read_text())["address"]
        workers = [
            _dask(
                "worker",
                address,
                "--host",
                "127.0.0.1",
                "--nthreads",
                "1",
                "--no-nanny",
                "--no-dashboard",
                "--name",
                f"w{k}",
            )
            for k in range(2)
        ]
        procs += workers
        from distributed import Client

        with Client(address, timeout=30) as client:
            client.wait_for_workers(2, timeout=60)
        yield address, workers
    finally:
        for proc in reversed(procs):
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)


def test_a_killed_worker_loses_and_duplicates_no_case(tmp_path: Path, cluster):
    address, workers = cluster
    path = write_sweep(tmp_path, sweep_text(parameters=SIX, trials=20))
    runs = tmp_path / "runs"
    proc = cli("sweep", str(path), "--runs-dir", str(runs), "--scheduler", address)
    folder = runs / "sweep-small-trade"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if len(list((folder / "results").glob("*.json"))) >= 1:
            break
        time.sleep(0.05)
    in_flight = [
        d.name
        for d in (folder / "cases").iterdir()
        if not (folder / "results" / f"{d.name}.json").exists()
    ]
    os.kill(workers[0].pid, signal.SIGKILL)
    assert in_flight, "no case was running when the worker was killed"
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    assert "6 complete, 0 failed (6 run now" in out
    assert len(load_results(folder)) == 6
    table = pq.read_table(folder / "sweep_cases.parquet")
    assert table.num_rows == 6
    assert len(set(table["case_key"].to_pylist())) == 6
    for case_dir in (folder / "cases").iterdir():
        (run,) = list(case_dir.iterdir())
        assert api.run_state(run).state == "complete"
    # The same table as the sweep run whole in this process.
    whole = api.sweep(path, runs_dir=tmp_path / "whole", workers=0)
    assert table.equals(pq.read_table(whole.folder / "sweep_cases.parquet"))
