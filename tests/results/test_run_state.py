"""Run states from a folder alone: how a run ended, or whether a running one is alive (its
heartbeat: the process on this host, or the heartbeat's age elsewhere); the runs directory
checked and listed."""

import json
import os
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from goldendome.results.heartbeat import (
    HEARTBEAT,
    STALE_S,
    Heartbeat,
    process_alive,
    process_facts,
    read_heartbeat,
)
from goldendome.results.manifest import build_manifest
from goldendome.results.run_folder import MANIFEST, RunFolder
from goldendome.results.run_state import run_state, trials_stored
from goldendome.results.runs_dir import RunsDirError, check_runs_dir, list_runs

NOW = datetime(2029, 6, 1, 12, 0, tzinfo=UTC)


def _folder(tmp_path: Path, name: str = "run", status: str = "running", **extra) -> Path:
    folder = RunFolder.create(tmp_path, name, NOW)
    manifest = build_manifest(
        scenario_name=name,
        scenario_text="",
        seed=1,
        status=status,
        timings_s={},
        started_utc=NOW,
        run={"trials": 100},
        **extra,
    )
    folder.write_json(MANIFEST, manifest)
    return folder.path


def _beat(folder: Path, **facts) -> None:
    beat = process_facts() | {"time_utc": NOW.isoformat(), "stage": None, "progress": None}
    (folder / HEARTBEAT).write_text(json.dumps(beat | facts))


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_the_manifest_names_the_process_that_wrote_it(tmp_path: Path):
    manifest = json.loads((_folder(tmp_path) / MANIFEST).read_text())
    assert manifest["pid"] == os.getpid()
    assert manifest["host"] == socket.gethostname()
    assert manifest["signal"] is None
    if sys.platform == "linux":
        assert isinstance(manifest["process_start"], int)


def test_ended_runs_say_how_they_ended(tmp_path: Path):
    done = run_state(_folder(tmp_path, "a", "complete"))
    assert (done.state, done.sentence()) == ("complete", "complete")
    stopped = run_state(
        _folder(tmp_path, "b", "interrupted", stage="monte_carlo", signal="SIGTERM")
    )
    assert stopped.sentence() == "interrupted at stage monte_carlo (SIGTERM)"
    failed = run_state(_folder(tmp_path, "c", "failed", stage="raid", error="ValueError: bad"))
    assert failed.sentence() == "failed at stage raid: ValueError: bad"


def test_a_running_run_whose_process_lives_is_running(tmp_path: Path):
    folder = _folder(tmp_path)
    _beat(
        folder,
        stage="monte_carlo",
        progress={"stage": "Monte Carlo trials", "done": 50, "total": 100},
    )
    state = run_state(folder, now=NOW + timedelta(seconds=3))
    assert state.state == "running"
    assert state.sentence() == (
        f"running at stage monte_carlo: pid {os.getpid()} on {socket.gethostname()}, "
        "last heartbeat 3 s ago, at Monte Carlo trials 50 of 100"
    )


def test_a_running_run_whose_process_is_gone_is_dead(tmp_path: Path):
    folder = _folder(tmp_path)
    pid = _dead_pid()
    _beat(folder, pid=pid, stage="raid")
    state = run_state(folder, now=NOW + timedelta(seconds=5))
    assert state.state == "dead"
    assert state.sentence().startswith(
        f"dead at stage raid: pid {pid} on {socket.gethostname()} is gone (last heartbeat 5 s ago"
    )


@pytest.mark.skipif(sys.platform != "linux", reason="process start times are read from /proc")
def test_a_pid_reused_by_another_process_is_not_taken_for_the_run(tmp_path: Path):
    folder = _folder(tmp_path)
    _beat(folder, process_start=process_facts()["process_start"] - 1)
    assert run_state(folder).state == "dead"
    assert process_alive(os.getpid(), process_facts()["process_start"])


def test_without_a_heartbeat_the_manifest_names_the_process(tmp_path: Path):
    assert run_state(_folder(tmp_path, "alive")).state == "running"
    folder = _folder(tmp_path, "gone")
    manifest = json.loads((folder / MANIFEST).read_text())
    (folder / MANIFEST).write_text(json.dumps(manifest | {"pid": _dead_pid()}))
    assert run_state(folder).state == "dead"


def test_on_another_host_the_heartbeat_age_decides(tmp_path: Path):
    folder = _folder(tmp_path)
    _beat(folder, host="elsewhere", pid=1)
    fresh = run_state(folder, now=NOW + timedelta(seconds=STALE_S - 1))
    assert fresh.state == "running"
    stale = run_state(folder, now=NOW + timedelta(minutes=5))
    assert stale.state == "dead"
    assert stale.sentence() == (
        f"dead: no heartbeat for over {STALE_S:.0f} s (last heartbeat 5 min ago)"
    )


def test_folders_without_a_readable_manifest_are_unreadable(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    assert run_state(tmp_path / "empty").sentence() == "unreadable: no manifest.json"
    (tmp_path / "empty" / MANIFEST).write_text("{")
    assert run_state(tmp_path / "empty").state == "unreadable"


def test_trials_are_counted_from_the_part_names(tmp_path: Path):
    folder = _folder(tmp_path, status="interrupted")
    (folder / "trials").mkdir()
    for name in ("part-000000-000049.parquet", "part-000100-000149.parquet", "other.parquet"):
        (folder / "trials" / name).write_bytes(b"")
    assert trials_stored(folder) == 100
    assert run_state(folder).trials_text() == "100 of 100"


def test_the_heartbeat_is_rewritten_while_the_block_runs(tmp_path: Path):
    with Heartbeat(tmp_path, interval_s=0.05) as beat:
        first = read_heartbeat(tmp_path)
        beat.stage("monte_carlo")
        beat.note("Monte Carlo trials", 5, 10)
        time.sleep(0.3)
        later = read_heartbeat(tmp_path)
    assert first is not None
    assert later is not None
    assert first["pid"] == os.getpid()
    assert first["host"] == socket.gethostname()
    assert later["time_utc"] > first["time_utc"]
    assert later["stage"] == "monte_carlo"
    assert later["progress"] == {"stage": "Monte Carlo trials", "done": 5, "total": 10}
    assert not beat._thread.is_alive()


def test_the_runs_directory_is_listed_oldest_first(tmp_path: Path):
    _folder(tmp_path, "b", "complete")
    (tmp_path / "zz-not-a-run").mkdir()
    (tmp_path / "a-file.txt").write_text("")
    states = list_runs(tmp_path)
    assert [s.path.name.split("Z-")[-1] for s in states] == ["b", "zz-not-a-run"]
    assert [s.state for s in states] == ["complete", "unreadable"]
    with pytest.raises(RunsDirError, match="no such folder"):
        list_runs(tmp_path / "nowhere")


def test_a_runs_directory_that_cannot_be_written_is_named_in_a_sentence(tmp_path: Path):
    assert check_runs_dir(tmp_path / "new" / "runs") == tmp_path / "new" / "runs"
    assert check_runs_dir(tmp_path) == tmp_path
    assert list(tmp_path.iterdir()) == []  # the checks change nothing
    (tmp_path / "file").write_text("")
    for where in (tmp_path / "file", tmp_path / "file" / "runs"):
        with pytest.raises(RunsDirError) as caught:
            check_runs_dir(where)
        assert str(caught.value) == (
            f"Cannot write run folders under {where}/: a file stands where a folder is "
            "needed. Choose a folder you can write with --runs-dir (runs_dir in the API); "
            "nothing was run."
        )


def test_run_states_import_no_table_or_simulator_library():
    code = (
        "import sys, json; import goldendome.results.run_state, goldendome.results.runs_dir; "
        "print(json.dumps(sorted(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = json.loads(out.stdout)
    heavy = [m for m in loaded if m.split(".")[0] in ("pyarrow", "pydantic", "numba", "scipy")]
    assert heavy == []
