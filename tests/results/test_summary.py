"""The run summary from stored tables alone: Wilson intervals, means with their errors, the
kill chain's figures read back from ``trials`` and ``engagements``."""

import math
from pathlib import Path

import numpy as np
import pytest

from goldendome.physics.kinds import kind_labels
from goldendome.results.reader import open_run
from goldendome.results.summary import (
    kill_chain_summary,
    mean_with_error,
    summarize_folder,
    wilson_interval,
)
from goldendome.run.monte_carlo import run_monte_carlo
from goldendome.run.shortfall_ground import annotate_chunk
from tests.engagement.kill_chain_fixture import synthetic_setup
from tests.results.tables import columns_for, new_run_folder


def test_wilson_interval_known_values():
    # Wilson (1927): 0 of 10 gives [0, 0.278]; 5 of 10 gives [0.237, 0.763].
    assert wilson_interval(0, 10) == pytest.approx((0.0, 0.2775), abs=1e-4)
    assert wilson_interval(5, 10) == pytest.approx((0.2366, 0.7634), abs=1e-4)
    assert wilson_interval(10, 10) == pytest.approx((0.7225, 1.0), abs=1e-4)
    assert all(math.isnan(v) for v in wilson_interval(0, 0))


def test_mean_with_error_known_values():
    assert mean_with_error(np.array([1.0, 2.0, 3.0, 4.0])) == pytest.approx(
        {"mean": 2.5, "stderr": math.sqrt(5 / 3) / 2}
    )
    one = mean_with_error(np.array([7.0]))
    assert one["mean"] == 7.0
    assert math.isnan(one["stderr"])
    assert math.isnan(mean_with_error(np.empty(0))["mean"])


def _objects(missile: np.ndarray, kinds: np.ndarray) -> dict:
    n = int(missile.max()) + 1 if missile.size else 0
    ids = np.arange(n + missile.size)
    return columns_for(
        "objects",
        ids.size,
        object_id=ids,
        threat_id=np.concatenate([np.arange(n), missile]),
        kind=["booster"] * n + kind_labels(kinds),
    )


def _sites_and_batteries(folder, rounds: int, unit_cost_usd: float) -> None:
    folder.write_table("sites", columns_for("sites", 1, name=["Site"]))
    folder.write_table(
        "batteries", columns_for("batteries", 1, interceptor=["gbi"], rounds=[rounds])
    )
    folder.write_table(
        "interceptor_types",
        columns_for(
            "interceptor_types",
            2,
            interceptor=["sbi", "gbi"],
            layer=["boost", "midcourse"],
            unit_cost_usd=[22e6, unit_cost_usd],
        ),
    )


def test_the_kill_chain_read_back_from_a_stored_monte_carlo(tmp_path: Path):
    setup = synthetic_setup(warheads=9)
    folder = new_run_folder(tmp_path)
    folder.write_table("objects", _objects(setup.object_missile, setup.object_kind))
    unit = setup.batteries[0].kind.unit_cost_usd
    _sites_and_batteries(folder, setup.batteries[0].magazine, unit)

    def keep(first, last, result):
        trials, shots = annotate_chunk(result[0], result[1], setup)
        folder.write_part("trials", first, last, trials)
        folder.write_part("engagements", first, last, shots)

    trials, _, _ = run_monte_carlo(setup, 1, 200, chunk=60, on_chunk=keep)
    agg = kill_chain_summary(open_run(folder.path))
    assert agg["trials"] == 200
    assert agg["warheads"] == 9
    assert agg["decoys"] == 0
    assert agg["p_zero_leakers"] == np.mean(trials["leakers"] == 0)
    lo, hi = agg["p_zero_leakers_95"]
    assert lo <= agg["p_zero_leakers"] <= hi
    fired = agg["interceptors_fired"]["gbi"]["mean"]
    assert fired == pytest.approx(trials["interceptors_fired"].mean())
    assert agg["interceptors_fired"]["sbi"]["mean"] == 0.0
    assert agg["cost_usd"]["mean"] == pytest.approx(fired * unit)
    through = agg["expected_rvs_through"]["mean"]
    assert agg["kills_by_layer"]["midcourse_rvs"]["mean"] + through == pytest.approx(9.0)
    assert agg["rvs_never_given_fire_control"] == 9  # no fire_control table was stored
    assert agg["magazines"] == [{"site": "Site", "interceptor": "gbi", "rounds": 1000}]
    # A perfect tracker: one track per warhead, every warhead shot at.
    for role in ("duplicate", "ghost", "decoy"):
        assert agg["shots_on_tracks"][role]["mean"] == 0.0
    assert agg["rvs_never_engaged"]["mean"] == 0.0


def test_shots_per_type_and_trial_count_from_the_engagements_table(tmp_path: Path):
    folder = new_run_folder(tmp_path)
    folder.write_table("objects", _objects(np.array([0, 0, 1]), np.array([0, 1, 0])))
    folder.write_table("fire_control", columns_for("fire_control", 1, object_id=[2]))
    _sites_and_batteries(folder, 5, 75e6)
    leakers = np.array([0, 1, 0, 2])
    fired = np.array([2, 0, 0, 2])
    saved = np.array([1, 0, 0, 0])
    for first in (2, 0):
        k = slice(first, first + 2)
        given = {
            "trial": np.arange(first, first + 2),
            "leakers": leakers[k],
            "interceptors_fired": fired[k],
            "interceptors_saved_by_filter": saved[k],
            "leakers_if_engage_all": leakers[k],
        }
        folder.write_part("trials", first, first + 1, columns_for("trials", 2, **given))
    shots = {
        "trial": [0, 0, 3, 3],
        "shot": [0, 1, 0, 1],
        "interceptor": ["gbi", "gbi", "sbi", "gbi"],
    }
    folder.write_part("engagements", 0, 3, columns_for("engagements", 4, **shots))
    agg = kill_chain_summary(open_run(folder.path))
    assert agg["interceptors_fired"]["gbi"] == pytest.approx(
        mean_with_error(np.array([2.0, 0, 0, 1]))
    )
    assert agg["interceptors_fired"]["sbi"] == pytest.approx(
        mean_with_error(np.array([0.0, 0, 0, 1]))
    )
    assert agg["p_zero_leakers"] == 0.5
    assert agg["p_zero_leakers_95"] == list(wilson_interval(2, 4))
    assert agg["expected_leakers"] == pytest.approx(
        {"mean": 0.75, "stderr": np.std(leakers, ddof=1) / 2}
    )
    assert agg["iron_dome_saving"]["share_of_engage_all"] == pytest.approx(1 / 5)
    assert agg["iron_dome_saving"]["leakers_prevented"]["mean"] == 0.0
    assert (agg["warheads"], agg["decoys"], agg["rvs_never_given_fire_control"]) == (2, 1, 1)


def test_no_trials_table_no_kill_chain_and_nan_becomes_none(tmp_path: Path):
    folder = new_run_folder(tmp_path, n_times=41)
    folder.write_table("threats", columns_for("threats", 1, apogee_altitude_m=[math.nan]))
    assert kill_chain_summary(open_run(folder.path)) is None
    summary = summarize_folder(folder.path)
    assert summary["kill_chain"] is None
    assert summary["sensing"] is None
    assert summary["space_based_interceptors"] is None
    assert summary["threats"][0]["apogee_altitude_m"] is None  # JSON has no NaN
    assert summary["n_times"] == 41
    assert summary["seed"] == 1
    assert summary["objects"] == {"reentry_vehicles": 0, "decoys": 0}
    assert summary["run_folder"] == str(folder.path)
