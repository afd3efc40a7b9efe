"""Every warhead gets a fire-control track of its own when the forward radars are missing.

The default scenario without the two AN/TPY-2 radars Japan hosts (``goldendome partners``'
'without Japan' run, ``data/without_japan.toml``): the tracking layer is then the only
sensor that sees the Hwasong-18s' warheads leave their post-boost vehicles. Each vehicle's
track took its own measurements from each satellite's scan, a new track started on the
warhead's, and the merge test (passed by any new track, whose covariance is wide) ended the
new track at once, the older having more updates: the warhead was lost again at every
scan and reached fire control 170-450 s after release, too late for most GBI shots
(P(zero leakers) 0.205 at 200 trials, 0.470 with the radars). Two tracks that took
measurements of one sensor's scan are two objects that sensor resolved and are not merged
(:mod:`goldendome.tracking.merge`).
"""

from pathlib import Path

import pytest

from tests.run.stored_tables import run_file_tables

SCENARIO = Path(__file__).parent / "data" / "without_japan.toml"
HWASONG_18_THREATS = range(8)


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    names = ("objects", "fire_control", "sites")
    return run_file_tables(SCENARIO, Path(tmp_path_factory.mktemp("runs")), 2, names)


def test_no_radar_in_japan(tables):
    names = [str(n) for n in tables["sites"]["name"].tolist()]
    assert not any("Shariki" in n or "Kyogamisaki" in n for n in names)


def test_every_hwasong_18_warhead_has_its_own_fire_control_track_within_a_minute(tables):
    objects, fc = tables["objects"], tables["fire_control"]
    kind = objects["kind"].tolist()
    threat = objects["threat_id"].tolist()
    release = objects["release_time_s"].tolist()
    first = {}
    for obj, t_fc in zip(fc["object_id"].tolist(), fc["fire_control_time_s"].tolist(), strict=True):
        first[obj] = min(t_fc, first.get(obj, float("inf")))
    rvs = [
        (obj, release[k])
        for k, obj in enumerate(objects["object_id"].tolist())
        if kind[k] == "rv" and threat[k] in HWASONG_18_THREATS
    ]
    assert len(rvs) == 8
    for obj, released in rvs:
        # 170-450 s before the fix; 2-57 s after it.
        assert first.get(obj, float("inf")) <= released + 60.0, obj
