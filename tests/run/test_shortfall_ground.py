"""The ground under the boost-phase shortfall, put on each Monte Carlo chunk before it is
stored (``goldendome.run.shortfall_ground``): what lies under each killing SBI shot's payload,
the counts per trial, one landing per killed missile, and the ``detonates`` option."""

from types import SimpleNamespace

import numpy as np

from goldendome.physics.kinds import ObjectKind
from goldendome.run.shortfall_ground import SHORTFALL_COLUMNS, annotate_chunk

#: Two missiles with one warhead each and one decoy on missile 0.
SETUP = SimpleNamespace(
    n_missile=2,
    object_kind=np.array([ObjectKind.RV, ObjectKind.DECOY, ObjectKind.RV], np.int64),
    object_missile=np.array([0, 0, 1], np.int64),
)
LOS_ANGELES = (34.05, -118.24)
TOKYO = (35.68, 139.65)
MID_PACIFIC = (30.0, -150.0)


def _shots() -> dict[str, np.ndarray]:
    """Trial 0: missile 0 killed over Los Angeles' landing point, missile 1 at sea. Trial 1:
    missile 0 killed twice (Tokyo first, then at sea) and a midcourse shot."""
    rows = [
        # trial, layer, threat, kill, landed, intercept s, (lat, lon)
        (0, "boost", 0, True, True, 150.0, LOS_ANGELES),
        (0, "boost", 1, True, True, 160.0, MID_PACIFIC),
        (1, "boost", 0, True, True, 150.0, TOKYO),
        (1, "boost", 0, True, True, 155.0, MID_PACIFIC),
        (1, "boost", 1, False, True, 150.0, LOS_ANGELES),  # a miss lands nothing
        (1, "midcourse", 1, True, False, 900.0, (np.nan, np.nan)),
    ]
    return {
        "trial": np.array([r[0] for r in rows], np.int64),
        "layer": np.array([r[1] for r in rows]),
        "threat_id": np.array([r[2] for r in rows], np.int64),
        "kill": np.array([r[3] for r in rows]),
        "payload_landed": np.array([r[4] for r in rows]),
        "intercept_time_s": np.array([r[5] for r in rows]),
        "payload_latitude_deg": np.array([r[6][0] for r in rows]),
        "payload_longitude_deg": np.array([r[6][1] for r in rows]),
    }


def _trials() -> dict[str, np.ndarray]:
    return {"trial": np.array([0, 1], np.int64), "leakers": np.array([0, 1], np.int64)}


def test_each_killing_shot_gets_the_ground_under_its_payload():
    _, shots = annotate_chunk(_trials(), _shots(), SETUP)
    assert shots["payload_on_land"].tolist() == [True, False, True, False, False, False]
    assert shots["payload_sovereign"].tolist() == ["US", "", "JP", "", "", ""]
    assert shots["payload_us_or_ally"].tolist() == [True, False, True, False, False, False]
    people = shots["payload_people_near"]
    assert people[0] > 1e6  # Los Angeles
    assert people[2] > 1e6  # Tokyo
    assert np.isnan(people[4:]).all()  # a miss and a midcourse shot: nothing under them


def test_trials_count_one_landing_per_killed_missile_at_its_earliest_kill():
    trials, shots = annotate_chunk(_trials(), _shots(), SETUP)
    assert set(SHORTFALL_COLUMNS) <= set(trials)
    assert trials["shortfall_on_land"].tolist() == [1, 1]  # trial 1: Tokyo, not the later kill
    assert trials["shortfall_on_populated_land"].tolist() == [1, 1]
    assert trials["shortfall_on_us_or_ally"].tolist() == [1, 1]
    assert trials["shortfall_people_near"][1] == shots["payload_people_near"][2]
    assert trials["leakers"].tolist() == [0, 1]  # "reported": not leakers


def test_detonates_counts_a_shortfall_on_populated_land_as_a_leaker():
    trials, _ = annotate_chunk(_trials(), _shots(), SETUP, detonate=True)
    assert trials["leakers"].tolist() == [1, 2]


def test_a_chunk_without_a_boost_kill_gets_zero_counts():
    shots = {k: v[5:] for k, v in _shots().items()}  # the midcourse shot alone
    trials, shots = annotate_chunk(_trials(), shots, SETUP)
    for name in SHORTFALL_COLUMNS:
        assert np.asarray(trials[name]).tolist() == [0, 0]
    assert shots["payload_country"].tolist() == [""]
