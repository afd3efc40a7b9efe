"""Each warhead's fates, counted from the stored shots, add up to the trials table's means."""

from pathlib import Path

import numpy as np
import pytest

from goldendome.report.outcomes import LAYERS, by_class, warhead_fates
from goldendome.results.reader import open_run


@pytest.fixture(scope="module")
def run(small_run: Path):
    return open_run(small_run)


def test_fates_sum_to_the_trials_means(run):
    fates = warhead_fates(run)
    trials = run.columns("trials")
    assert fates is not None
    assert fates.trials == trials["trial"].size == 20
    for row, layer in enumerate(LAYERS):
        assert fates.killed[row].sum() == pytest.approx(trials[f"rvs_killed_{layer}"].mean())
    assert fates.survived.sum() == pytest.approx(trials["rvs_through"].mean())
    assert fates.leaked.sum() == pytest.approx(trials["leakers"].mean())
    # Every warhead's shares are a distribution over its fates.
    assert np.allclose(fates.killed.sum(axis=0) + fates.survived, 1.0)


def test_a_warhead_outside_the_defended_areas_never_leaks(run):
    fates = warhead_fates(run)
    outside = fates.asset == ""
    assert outside.any()  # the missile at Seattle: no defended area there
    assert np.all(fates.leaked[outside] == 0.0)


def test_by_class_totals_match_the_warheads(run):
    fates = warhead_fates(run)
    rows = by_class(fates)
    assert [r["threat_class"] for r in rows] == ["hwasong-15-class"]
    assert rows[0]["warheads"] == fates.object_id.size == 3
    total = sum(rows[0][layer] for layer in LAYERS) + rows[0]["survived"]
    assert total == pytest.approx(3.0)


def test_a_folder_without_trials_has_no_fates(run, tmp_path: Path):
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(run.path, copy)
    shutil.rmtree(copy / "trials")
    assert warhead_fates(open_run(copy)) is None
