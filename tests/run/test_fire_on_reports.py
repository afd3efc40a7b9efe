"""No shot leaves before the sensor chain allowed it (issue 14: "a reviewer who reads the
engagements table finds no shot fired before the sensor chain allowed it").

On the small defended scenario's stored run, read back from its tables alone: every SBI
leaves at or after its missile's first report in the trial's boost sample plus the decision
delay, and that report is the one the ``boost_windows`` table holds for the trial; every
midcourse and terminal interceptor is fired on a fire-control track of the ``tracks`` table
and leaves at or after that track's fire-control time plus the C2 latency (later looks:
after the previous intercept plus the BDA delay).
"""

from pathlib import Path

import numpy as np
import pytest

from goldendome.results.reader import open_run
from goldendome.run.pipeline import TrialOptions, run_scenario
from tests.small_scenario import SMALL_DEFENDED, small_spec

#: Times are stored as float64 seconds; comparisons allow a microsecond.
ONE_MICROSECOND = 1e-6


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    spec = small_spec()
    stored = run_scenario(
        spec, SMALL_DEFENDED, Path(tmp_path_factory.mktemp("runs")), options=TrialOptions(workers=0)
    )
    run = open_run(stored.folder.path)
    names = ("engagements", "boost_windows", "threats", "tracks", "objects")
    return spec, {name: run.columns(name) for name in names}


def test_every_sbi_leaves_after_its_missiles_report_and_the_decision(tables):
    spec, t = tables
    shots, windows = t["engagements"], t["boost_windows"]
    boost = shots["layer"] == "boost"
    assert boost.any()
    decision = spec.sbi.build_rule().decision_delay_s
    cue, earliest = shots["cue_time_s"][boost], shots["earliest_launch_s"][boost]
    assert np.isfinite(cue).all()
    assert np.allclose(earliest, cue + decision)
    assert (shots["launch_time_s"][boost] >= earliest - ONE_MICROSECOND).all()
    # The cue is the trial's own first report of that missile.
    n_threat = t["threats"]["threat_id"].size
    key = windows["trial"] * n_threat + windows["threat_id"]
    row = np.searchsorted(key, shots["trial"][boost] * n_threat + shots["threat_id"][boost])
    assert np.array_equal(key[row], shots["trial"][boost] * n_threat + shots["threat_id"][boost])
    assert np.array_equal(windows["first_report_s"][row], cue)
    # A report comes after the launch (sensors see the plume only once it clears the clouds).
    launch = t["threats"]["launch_time_s"][shots["threat_id"][boost]]
    assert (cue > launch).all()


def test_every_surface_shot_leaves_after_its_fire_control_track_and_c2(tables):
    """A surface shot names the track it was fired on: a track of the ``tracks`` table that
    reached fire control, whose fire-control time is the shot's cue, and whose object (truth,
    -1 for none) is the shot's target."""
    spec, t = tables
    shots, tracks = t["engagements"], t["tracks"]
    surface = shots["layer"] != "boost"
    assert surface.any()
    track = shots["track_id"][surface]
    row = np.searchsorted(tracks["track_id"], track)
    assert np.array_equal(tracks["track_id"][np.minimum(row, tracks["track_id"].size - 1)], track)
    fire_control = tracks["fire_control_s"][row]
    assert np.isfinite(fire_control).all()
    assert np.array_equal(shots["cue_time_s"][surface], fire_control)
    owner = tracks["object_id"][row]
    n_threat = t["threats"]["threat_id"].size
    assert np.array_equal(
        shots["target_object_id"][surface], np.where(owner >= n_threat, owner, -1)
    )
    earliest = shots["earliest_launch_s"][surface]
    assert (earliest >= fire_control + spec.doctrine.c2_latency_s - ONE_MICROSECOND).all()
    assert (shots["launch_time_s"][surface] >= earliest - ONE_MICROSECOND).all()
    cover = shots["cover_probability"][surface]
    assert ((cover >= 0.0) & (cover <= 1.0)).all()
    assert (shots["prediction_sigma_m"][surface] > 0.0).all()
    # SBIs fire on reports, not on tracks.
    assert (shots["track_id"][~surface] == -1).all()
    assert set(shots["track_role"][~surface]) == {"report"}


def test_a_later_look_or_layer_waits_for_the_battle_damage_assessment(tables):
    """A shot at a track that was shot at before (an earlier look, or the midcourse layer
    before the terminal one) leaves no earlier than the last intercept plus the BDA delay
    (another track of the same object does not wait: the battle manager cannot know)."""
    spec, t = tables
    shots = t["engagements"]
    order = np.select([shots["layer"] == "midcourse", shots["layer"] == "terminal"], [1, 2], 0)
    stage = order * 100 + shots["look"]
    surface = np.flatnonzero(shots["layer"] != "boost")
    checked = 0
    for k in surface:
        before = (
            (shots["trial"] == shots["trial"][k])
            & (shots["track_id"] == shots["track_id"][k])
            & (stage < stage[k])
        )
        if before.any():
            last = shots["intercept_time_s"][before].max()
            assert shots["earliest_launch_s"][k] >= last + spec.doctrine.bda_delay_s - 1e-6
            checked += 1
    assert checked > 0
