from pathlib import Path

import pytest

from tests.web.runs import make_small_run


@pytest.fixture(scope="session")
def small_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A complete run folder of the small defended scenario (shared, never changed)."""
    return make_small_run(tmp_path_factory.mktemp("web") / "runs")
