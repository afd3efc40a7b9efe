"""The per-threat-class summary (``threat_classes`` of a run summary): a mixed raid's rows
split the run's own counts by class, so they add up to the run's kills by layer and its
expected leakers; a glide or cruise class that no interceptor of this version engages draws
no shot and leaks every warhead in every trial."""

from pathlib import Path

import numpy as np
import pytest

from goldendome.results.class_summary import threat_class_summary
from goldendome.results.reader import open_run
from goldendome.results.summary import summarize_folder
from goldendome.run.pipeline import TrialOptions, run_scenario
from tests.results.tables import columns_for, new_run_folder
from tests.run.test_glide_raid import GLIDE
from tests.small_scenario import SMALL_DEFENDED, small_spec

#: Means over the same trials add exactly; this only absorbs float summation order.
SUM_TOLERANCE = 1e-9

#: The small defended raid, its shortfall counted as leakers (no payload of it lands by
#: people; the hand-made tables below take that path).
DETONATING = SMALL_DEFENDED.replace("sspk = 0.5\n", 'sspk = 0.5\nshortfall = "detonates"\n')


def _run(text: str, runs: Path) -> dict:
    stored = run_scenario(small_spec(text), text, runs, options=TrialOptions(workers=0))
    return summarize_folder(stored.folder.path)


@pytest.fixture(scope="module")
def glide(tmp_path_factory):
    return _run(GLIDE, Path(tmp_path_factory.mktemp("runs")))


@pytest.fixture(scope="module")
def defended(tmp_path_factory):
    return _run(DETONATING, Path(tmp_path_factory.mktemp("runs")))


def _check_sums(summary: dict) -> None:
    kc, classes = summary["kill_chain"], summary["threat_classes"]
    leakers = sum(c["leakers"]["mean"] for c in classes)
    assert leakers == pytest.approx(kc["expected_leakers"]["mean"], abs=SUM_TOLERANCE)
    by_layer = kc["kills_by_layer"]
    for layer in ("boost", "midcourse", "terminal"):
        kills = sum(c["kills_per_trial"][layer] for c in classes)
        assert kills == pytest.approx(by_layer[f"{layer}_rvs"]["mean"], abs=SUM_TOLERANCE)
    assert sum(c["warheads"] for c in classes) == kc["warheads"]
    assert sum(c["missiles"] for c in classes) == len(summary["threats"])
    # Every shot but those at ghost tracks (on no object) is at some class's missile.
    shots = sum(sum(c["shots_per_trial"].values()) for c in classes)
    ghost = kc["shots_on_tracks"]["ghost"]["mean"]
    assert shots + ghost == pytest.approx(kc["interceptors_fired_total"]["mean"], abs=SUM_TOLERANCE)
    # No class does better than the whole raid.
    assert all(c["p_no_leaker"] >= kc["p_zero_leakers"] for c in classes)


def test_a_mixed_raid_has_one_row_per_class_in_raid_order(glide):
    classes = glide["threat_classes"]
    assert [c["threat_class"] for c in classes] == [
        "hwasong-15-class",
        "avangard-class",
        "kh-101-class",
    ]
    assert [(c["missiles"], c["warheads"]) for c in classes] == [(1, 1), (2, 2), (2, 2)]


def test_class_rows_add_up_to_the_runs_kills_and_leakers(glide, defended):
    _check_sums(glide)
    _check_sums(defended)


def test_every_layer_and_the_shortfall_have_work_in_the_defended_raid(defended):
    (row,) = defended["threat_classes"]  # one class: the sums test the split itself
    assert all(row["shots_per_trial"][layer] > 0 for layer in ("boost", "midcourse"))
    assert row["kills_per_trial"]["boost"] > 0


def test_gliders_and_cruise_missiles_draw_no_shot_and_all_leak(glide):
    trials = glide["kill_chain"]["trials"]
    for row in glide["threat_classes"][1:]:
        assert row["shots_per_trial"] == {"boost": 0.0, "midcourse": 0.0, "terminal": 0.0}
        assert row["kills_per_trial"] == {"boost": 0.0, "midcourse": 0.0, "terminal": 0.0}
        assert row["leakers"]["mean"] == row["warheads"]
        assert row["p_no_leaker"] == 0.0
    ballistic = glide["threat_classes"][0]
    assert ballistic["shots_per_trial"]["midcourse"] > 0
    assert trials == 4


def test_detection_and_fire_control_times_are_the_medians_of_the_timelines(glide):
    run = open_run(glide["run_folder"])
    tl, threats = run.columns("threat_timelines"), run.columns("threats")
    for row in glide["threat_classes"]:
        ids = threats["threat_id"][threats["threat_class"] == row["threat_class"]]
        mine = np.isin(tl["threat_id"], ids)
        for key, column, count in (
            ("first_detection_s", "first_detection_s", "missiles_detected"),
            ("fire_control_s", "rv_fire_control_s", "missiles_with_fire_control"),
        ):
            values = tl[column][mine]
            finite = values[np.isfinite(values)]
            assert row[count] == finite.size
            assert row[key] == (float(np.median(finite)) if finite.size else None)
    # The cruise missiles are seen only over the city radar's horizon, late in flight.
    cruise = glide["threat_classes"][2]
    flight = threats["flight_time_s"][threats["threat_class"] == "kh-101-class"]
    assert cruise["first_detection_s"] is None or cruise["first_detection_s"] > 0.8 * flight.min()


def _tables_run(tmp_path: Path, **run: object):
    """Hand-made tables, three trials: class A (missile 0, warheads 1 and 2 aimed at a
    defended city, a decoy 3), class B (missile 1, warhead 5 at the city, warhead 6 at no
    defended area). Trial 0: an SBI kills missile 0, its payload landing by people; trial 1:
    two kills on warhead 1 in midcourse (duplicate tracks), warhead 2 and 5 killed in the
    terminal layer, one shot at a ghost track (track 0); trial 2: a missed shot at an untold
    spent stage of missile 1 (track 1; the engagement model's target is none)."""
    folder = new_run_folder(tmp_path, **run)
    folder.write_table(
        "threats",
        columns_for("threats", 2, threat_id=[0, 1], threat_class=["a-class", "b-class"]),
    )
    folder.write_table(
        "objects",
        columns_for(
            "objects",
            7,
            object_id=np.arange(7),
            threat_id=[0, 0, 0, 0, 1, 1, 1],
            kind=["booster", "rv", "rv", "decoy", "booster", "rv", "rv"],
            asset_id=[-1, 0, 0, 0, -1, 0, -1],
        ),
    )
    folder.write_table("tracks", columns_for("tracks", 2, track_id=[0, 1], threat_id=[-1, 1]))
    folder.write_part("trials", 0, 3, columns_for("trials", 3, trial=[0, 1, 2]))
    shots = {
        "trial": [0, 1, 1, 1, 1, 1, 2],
        "layer": ["boost", *["midcourse"] * 2, *["terminal"] * 2, *["midcourse"] * 2],
        "threat_id": [0, 0, 0, 0, 1, -1, -1],
        "target_object_id": [0, 1, 1, 2, 5, -1, -1],
        "track_id": [-1, 2, 3, 4, 5, 0, 1],
        "kill": [True, True, True, True, True, False, False],
        "payload_landed": [True, False, False, False, False, False, False],
        "payload_on_land": [True, False, False, False, False, False, False],
        "payload_people_near": [1_000.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
    }
    folder.write_part("engagements", 0, 3, columns_for("engagements", 7, **shots))
    return threat_class_summary(open_run(folder.path))


def test_kills_by_layer_count_each_warhead_once_and_ghost_shots_no_class(tmp_path):
    a, b = _tables_run(tmp_path / "reported")
    third = 1.0 / 3.0
    assert a["kills_per_trial"] == pytest.approx(
        {"boost": 2 * third, "midcourse": third, "terminal": third}
    )
    assert b["kills_per_trial"] == pytest.approx(
        {"boost": 0.0, "midcourse": 0.0, "terminal": third}
    )
    assert a["shots_per_trial"] == pytest.approx(
        {"boost": third, "midcourse": 2 * third, "terminal": third}
    )
    # B's spent stage drew a shot (through its track); the ghost shot is no class's.
    assert b["shots_per_trial"] == pytest.approx(
        {"boost": 0.0, "midcourse": third, "terminal": third}
    )
    # Leakers: warheads no layer killed that fall in a defended area (B's warhead 6 does not).
    assert a["leakers"]["mean"] == pytest.approx(2 * third)  # trial 2 only
    assert b["leakers"]["mean"] == pytest.approx(2 * third)  # trials 0 and 2
    assert (a["p_no_leaker"], b["p_no_leaker"]) == pytest.approx((2 * third, third))


def test_a_detonating_shortfall_adds_the_killed_missiles_warheads_as_leakers(tmp_path):
    a, b = _tables_run(tmp_path / "detonates", shortfall="detonates")
    # Trial 0: missile 0's two warheads land by people, so they count; trial 2 as before.
    assert a["leakers"]["mean"] == pytest.approx(4.0 / 3.0)
    assert a["p_no_leaker"] == pytest.approx(1.0 / 3.0)
    assert b["leakers"]["mean"] == pytest.approx(2.0 / 3.0)
