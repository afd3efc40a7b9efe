"""Every warhead keeps a fire-control track of its own when the tracking layer is sparse.

The default raid against the architecture the timeline fields in 2026 (28 LEO tracking
satellites, no SBIs: ``data/timeline_2026.toml``). After e9f1ce7 (process noise by flight
phase) the Hawaii missile's track went on from its boost onto its warhead and the spent
stage got a younger track of its own; when the radars lost the small warhead and the
infrared layer still saw the bright stage, the two tracks were merged, the older (the
warhead's) lived on and took the stage's measurements from then on, and the warhead had
no track of its own any more: it leaked in every trial (timeline P(zero leakers) 0.44 ->
0.00 in 2026, 2027 and 2029). Of two merged tracks the one updated at more times now lives
on (:mod:`goldendome.tracking.merge`).
"""

from pathlib import Path

import numpy as np
import pytest

from goldendome.scenario import load_scenario_text
from tests.run.stored_tables import run_file_tables

SCENARIO = Path(__file__).parent / "data" / "timeline_2026.toml"


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    names = ("objects", "fire_control", "trials")
    return run_file_tables(SCENARIO, Path(tmp_path_factory.mktemp("runs")), 4, names)


def test_the_tracking_layer_is_the_sparse_one():
    text = SCENARIO.read_text()
    spec = load_scenario_text(text, source=str(SCENARIO))
    assert spec.space["tracking_layer"].satellites == 28


def test_every_warhead_has_its_own_fire_control_track_within_a_minute_of_release(tables):
    objects, fc = tables["objects"], tables["fire_control"]
    rv = objects["kind"] == "rv"
    rv_ids = objects["object_id"][rv]
    assert rv_ids.size == 10
    assert set(rv_ids.tolist()) <= set(fc["object_id"].tolist())
    release = dict(
        zip(objects["object_id"].tolist(), objects["release_time_s"].tolist(), strict=True)
    )
    for obj, t_fc in zip(fc["object_id"].tolist(), fc["fire_control_time_s"].tolist(), strict=True):
        if obj in set(rv_ids.tolist()):
            # Before e9f1ce7 every RV here reached fire control 0-40 s after its release.
            assert t_fc <= release[obj] + 60.0


def test_no_warhead_the_battle_manager_would_engage_goes_without_a_shot(tables):
    trials = tables["trials"]
    never = np.asarray(trials["rvs_never_engaged"])
    spared = np.asarray(trials["rvs_spared_by_call"])
    assert np.array_equal(never, spared)  # the only unengaged warheads were called decoys
