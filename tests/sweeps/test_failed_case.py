"""A case that raises is recorded as failed with its error, and the sweep goes on."""

from pathlib import Path

import pytest

from goldendome import api
from tests.sweeps.sweep_files import sweep_text, write_sweep

pytestmark = pytest.mark.slow


def test_a_case_that_raises_is_recorded_failed_and_the_others_complete(tmp_path: Path):
    # 200,000 SBIs need about 640 MiB by the run's own estimate: above this sweep's budget of
    # 500 MiB per case, so that case's run refuses to start (BudgetError); 1,000 fit.
    params = '[[parameters]]\npath = "space.sbi.satellites"\nvalues = [1000, 200000]\n'
    path = write_sweep(tmp_path, sweep_text(parameters=params, extra='max_memory = "500MiB"'))
    done = api.sweep(path, runs_dir=tmp_path / "runs", workers=0)
    cases = done.cases.set_index("case")
    assert cases.loc[0, "status"] == "complete"
    assert cases.loc[1, "status"] == "failed"
    assert cases.loc[1, "error"].startswith("BudgetError: This run needs about")
    assert "space.sbi" in cases.loc[1, "error"]
    assert done.progress.failed == 1
    failed = api.query_runs("SELECT complete, failed FROM sweeps", tmp_path / "runs")
    assert failed.to_dict("records") == [{"complete": 1, "failed": 1}]
    # A failed case is finished: a resumed sweep does not run it again.
    again = api.sweep(path, runs_dir=tmp_path / "runs", workers=0, resume=True)
    assert again.progress.done == 0
    assert again.progress.already == 2
