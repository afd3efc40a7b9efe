"""A sweep's table is the same whatever runs its cases: in this process, one local Dask
worker, two, and a re-run; each case writes its run folder, which the catalog indexes."""

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from goldendome import api
from tests.sweeps.sweep_files import SSPK, THAAD, write_sweep

pytestmark = pytest.mark.slow


def _table(folder: Path, name: str = "sweep_cases"):
    return pq.read_table(folder / f"{name}.parquet")


@pytest.fixture(scope="module")
def in_process(tmp_path_factory):
    base = tmp_path_factory.mktemp("sweep")
    path = write_sweep(base)
    return path, api.sweep(path, runs_dir=base / "runs0", workers=0)


def test_a_sweep_runs_every_case_and_stores_its_tables(in_process):
    _, done = in_process
    cases = done.cases
    assert list(cases["case"]) == [0, 1, 2, 3]
    assert set(cases["status"]) == {"complete"}
    assert done.progress.done == 4
    assert done.progress.failed == 0
    # More THAAD rounds and a better SBI never make P(zero leakers) worse (same case seeds
    # would be needed for a strict order; the extremes differ by far more than the noise).
    wide = api.sweep_cases(done.folder)
    worst = wide[(wide[THAAD] == 0) & (wide[SSPK] == 0.1)]["p_zero_leakers"].item()
    best = wide[(wide[THAAD] == 6) & (wide[SSPK] == 0.6)]["p_zero_leakers"].item()
    assert best > worst + 0.3
    # Each case wrote one complete run folder under the sweep's folder.
    for case_key in cases["case_key"]:
        runs = list((done.folder / "cases" / case_key).iterdir())
        assert len(runs) == 1
        assert api.run_state(runs[0]).state == "complete"


def test_the_catalog_indexes_the_sweep_and_its_case_runs(in_process):
    _, done = in_process
    runs_dir = done.folder.parent
    got = api.query_runs(
        "SELECT r.case_key, r.state, c.p_zero_leakers AS p FROM runs r "
        "JOIN sweep_cases c USING (case_key) ORDER BY c.case",
        runs_dir,
    )
    assert list(got["case_key"]) == list(done.cases["case_key"])
    assert list(got["p"]) == list(done.cases["p_zero_leakers"])
    assert set(got["state"]) == {"complete"}
    sweeps = api.query_runs("SELECT sweep, cases, complete, failed, status FROM sweeps", runs_dir)
    assert sweeps.to_dict("records") == [
        {"sweep": "small-trade", "cases": 4, "complete": 4, "failed": 0, "status": "complete"}
    ]


@pytest.mark.parametrize("workers", [1, 2])
def test_the_table_is_identical_with_one_or_two_local_workers(in_process, tmp_path, workers):
    path, done = in_process
    again = api.sweep(path, runs_dir=tmp_path / "runs", workers=workers)
    for name in ("sweep_cases", "sweep_inputs"):
        assert _table(again.folder, name).equals(_table(done.folder, name))


def test_a_rerun_gives_the_same_table_and_a_stored_sweep_is_not_overwritten(in_process, tmp_path):
    path, done = in_process
    again = api.sweep(path, runs_dir=tmp_path / "runs", workers=0)
    assert _table(again.folder).equals(_table(done.folder))
    with pytest.raises(api.SweepError, match="pass --resume"):
        api.sweep(path, runs_dir=tmp_path / "runs", workers=0)
    resumed = api.sweep(path, runs_dir=tmp_path / "runs", workers=0, resume=True)
    assert resumed.progress.already == 4
    assert resumed.progress.done == 0


def test_runs_list_names_the_sweep_and_not_its_folder_as_a_run(in_process):
    from typer.testing import CliRunner

    import goldendome.cli.runs  # noqa: F401  (registers the command)
    from goldendome.cli.main import app

    _, done = in_process
    listed = CliRunner().invoke(app, ["runs", "list", "--runs-dir", str(done.folder.parent)])
    assert listed.exit_code == 0, listed.output
    assert listed.output.splitlines() == [
        "sweep-small-trade  (sweep: grid design, 4 cases)",
        "    complete: 4 of 4 cases finished, 0 failed",
    ]
