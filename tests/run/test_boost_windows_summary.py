"""The engagement windows per threat class and the boost-phase shortfall, as a run's summary
gives them, agree with the stored tables they are read from (small defended scenario)."""

from pathlib import Path

import numpy as np
import pytest

from goldendome.results.reader import open_run
from goldendome.run.pipeline import TrialOptions, run_scenario
from tests.small_scenario import SMALL_DEFENDED, small_spec


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    out = run_scenario(
        small_spec(),
        SMALL_DEFENDED,
        Path(tmp_path_factory.mktemp("runs")),
        options=TrialOptions(workers=0),
    )
    return out.summary, open_run(out.folder.path)


def test_the_windows_are_the_boost_windows_table_per_class(stored):
    summary, run = stored
    (hwasong_15,) = summary["engagement_windows"]  # the small raid: one class
    w, threats = run.columns("boost_windows"), run.columns("threats")
    launch = threats["launch_time_s"][w["threat_id"]]
    assert hwasong_15["threat_class"] == "hwasong-15-class"
    assert hwasong_15["rows"] == w["trial"].size == 20 * 3
    window = w["window_end_s"] - w["commit_s"]
    assert hwasong_15["window_s"]["mean"] == pytest.approx(float(np.mean(window)))
    assert hwasong_15["first_report_s"]["min"] == pytest.approx(
        float(np.min(w["first_report_s"] - launch))
    )
    # The window opens at the commit: the first report plus the decision delay.
    decision = small_spec().sbi.decision_delay_s
    assert np.allclose(w["commit_s"] - w["first_report_s"], decision)
    enough = np.mean(w["sbis_in_reach"] >= small_spec().doctrine.boost.shots)
    assert hwasong_15["p_enough_in_reach"] == pytest.approx(float(enough))


def test_the_shortfall_is_the_trials_tables_means(stored):
    summary, run = stored
    short, t = summary["boost_shortfall"], run.columns("trials")
    assert short["counted_as_leakers"] is False
    assert short["warheads"] == pytest.approx(float(np.mean(t["shortfall_warheads"])))
    assert short["on_land"] == pytest.approx(float(np.mean(t["shortfall_on_land"])))
    # Every boost kill of the small raid drops a warhead that lands (none goes into orbit).
    assert short["warheads"] == pytest.approx(float(np.mean(t["missiles_killed_in_boost"])))
    shares = [w["share"] for w in short["killing_shots_by_country"]]
    assert sum(shares) == pytest.approx(1.0)
