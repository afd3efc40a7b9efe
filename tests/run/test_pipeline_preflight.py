"""Before any work: a run above its memory budget, with a scheduler that does not answer, or
under a runs directory that cannot be written is refused in a sentence and nothing is made;
a run that starts names its process, trials and memory estimate and keeps a heartbeat."""

import json
import socket
from pathlib import Path

import pytest

from goldendome.results.heartbeat import HEARTBEAT
from goldendome.results.run_state import run_state
from goldendome.results.runs_dir import RunsDirError
from goldendome.run import pipeline
from goldendome.run.budget import BudgetError
from goldendome.run.pipeline import TrialOptions, run_scenario
from goldendome.run.preflight import parse_size
from goldendome.run.scheduler import SchedulerError
from tests.small_scenario import SMALL_DEFENDED, small_spec


@pytest.fixture
def no_stage(monkeypatch):
    """Any stage that runs fails the test: the refusals come before the first."""

    def ran(*args, **kwargs):
        raise AssertionError("a stage ran")

    monkeypatch.setattr(pipeline, "RunContext", ran)


def _run(runs_dir: Path, **options):
    return run_scenario(small_spec(), SMALL_DEFENDED, runs_dir, options=TrialOptions(**options))


def test_above_the_memory_budget_nothing_is_made(tmp_path: Path, no_stage):
    with pytest.raises(BudgetError, match=r"^This run needs about .* at peak \(.*\), more than"):
        _run(tmp_path / "runs", workers=0, max_memory_bytes=parse_size("1MiB"))
    assert not (tmp_path / "runs").exists()


def test_a_scheduler_that_does_not_answer_is_found_before_any_work(tmp_path: Path, no_stage):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(SchedulerError, match="cannot connect"):
        _run(tmp_path / "runs", scheduler=f"tcp://127.0.0.1:{port}")
    with pytest.raises(SchedulerError, match="not a scheduler address"):
        _run(tmp_path / "runs", scheduler="not-an-address")
    assert not (tmp_path / "runs").exists()


def test_a_runs_directory_that_cannot_be_written_is_found_before_any_work(tmp_path: Path, no_stage):
    (tmp_path / "file").write_text("")
    with pytest.raises(RunsDirError, match="a file stands where a folder is needed"):
        _run(tmp_path / "file" / "runs", workers=0)


def test_fewer_than_one_trial_or_byte_is_refused(tmp_path: Path, no_stage):
    with pytest.raises(ValueError, match="at least one trial"):
        _run(tmp_path, trials=0)
    with pytest.raises(ValueError, match="a memory budget is a positive number of bytes"):
        _run(tmp_path, max_memory_bytes=0)


@pytest.mark.parametrize(
    ("text", "size"),
    [("4GiB", 4 * 2**30), ("500MB", 500 * 10**6), ("1.5 gib", 3 * 2**29), ("2g", 2**31),
     ("123", 123), (7, 7)],
)  # fmt: skip
def test_memory_sizes_as_people_write_them(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["nan", "inf", "-1GB", "4XB", "", "GiB", "1e400GB", "0", "0.5"])
def test_what_is_not_a_memory_size_is_refused_in_a_sentence(text):
    with pytest.raises(ValueError, match=r"memory size") as caught:
        parse_size(text)
    assert str(caught.value).endswith(".")


def test_a_run_names_its_process_trials_and_memory_and_keeps_a_heartbeat(tmp_path: Path):
    stored = _run(tmp_path, workers=0, trials=5)
    manifest = json.loads((stored.folder.path / "manifest.json").read_text())
    assert manifest["status"] == "complete"
    assert manifest["host"] == socket.gethostname()
    assert manifest["run"]["trials"] == 5
    memory = manifest["run"]["memory"]
    assert 0 < memory["estimated_peak_bytes"] <= memory["budget_bytes"]
    beat = json.loads((stored.folder.path / HEARTBEAT).read_text())
    assert beat["pid"] == manifest["pid"]
    assert beat["stage"] == "summary"
    state = run_state(stored.folder.path)
    assert (state.state, state.trials_text()) == ("complete", "5 of 5")
