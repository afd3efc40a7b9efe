"""A case's outputs from its run summary: a figure the run does not have is NaN, never a
crash (a case where no warhead was stopped has no cost per warhead stopped)."""

import math

from goldendome.run.sweeps.case_run import outputs_of


def test_a_case_that_stopped_no_warhead_records_nan_not_a_crash():
    summary = {
        "kill_chain": {"p_zero_leakers": 0.0, "expected_leakers": {"mean": 2.0}},
        "cost": {"total_usd": 1e9, "usd_per_warhead_stopped": None},
    }
    out = outputs_of(summary)
    assert out["p_zero_leakers"] == 0.0
    assert out["expected_leakers"] == 2.0
    assert math.isnan(out["cost_per_warhead_stopped_usd"])
    assert math.isnan(out["interceptors_expended"])


def test_a_run_without_raid_or_cost_gives_nan_everywhere():
    assert all(math.isnan(v) for v in outputs_of({}).values())
