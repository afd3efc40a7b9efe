"""One small run folder shared by the report's tests (made once per session, read only)."""

from pathlib import Path

import pytest

from tests.report.small_run import make_small_run


@pytest.fixture(scope="session")
def small_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_small_run(tmp_path_factory.mktemp("report-runs"))
