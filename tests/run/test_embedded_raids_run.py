"""The embedded Russian and Chinese raids (issue 18) run end to end: a short run of each gives
a per-threat-class row for every class in its raid, and the rows add up to the run's own
counts.

Each raid runs with one missile per entry of its raid table (``threats.raid[i].count = 1``):
every entry, so every class, every launch area and every target of the raid still flies, at a
fraction of the time. The raids at their full size run end to end in the worked examples of
docs/scenarios.md (``api.run("russian-raid", trials=4, workers=0)`` and the same for the
Chinese raid), which ``tests/test_docs.py`` runs."""

from pathlib import Path
from typing import Any

import pytest

from goldendome import api

TRIALS = 4


def _one_per_entry(name: str) -> dict[str, Any]:
    spec, _ = api.read_scenario(name)
    return {f"threats.raid[{i}].count": 1 for i in range(len(spec.threats.raid))}


@pytest.fixture(scope="module", params=["russian-raid", "chinese-raid"])
def run(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    runs = tmp_path_factory.mktemp("runs")
    changes = _one_per_entry(request.param)
    spec, _ = api.read_scenario(request.param, changes=changes)
    stored = api.run(request.param, runs_dir=Path(runs), trials=TRIALS, workers=0, changes=changes)
    return spec, stored


def test_every_class_of_the_raid_has_its_row(run):
    spec, stored = run
    raid = spec.threats.raid
    assert all(entry.count == 1 for entry in raid)
    rows = {row["threat_class"]: row for row in stored.summary["threat_classes"]}
    # One row a class (ballistic classes first, then the gliders, then the cruise missiles,
    # as the raid numbers its missiles).
    assert len(rows) == len(stored.summary["threat_classes"])
    assert set(rows) == {entry.class_ for entry in raid}
    for cls, row in rows.items():
        assert row["missiles"] == sum(e.count for e in raid if e.class_ == cls)
        assert row["warheads"] >= row["missiles"]  # one or more each
        assert set(row["shots_per_trial"]) == {"boost", "midcourse", "terminal"}
        assert 0.0 <= row["p_no_leaker"] <= 1.0


def test_the_class_rows_add_up_to_the_run(run):
    _, stored = run
    kill_chain, rows = stored.summary["kill_chain"], stored.summary["threat_classes"]
    assert kill_chain["trials"] == TRIALS
    leakers = sum(row["leakers"]["mean"] for row in rows)
    assert leakers == pytest.approx(kill_chain["expected_leakers"]["mean"], abs=1e-9)


def test_every_class_is_detected(run):
    """Every class is seen by some sensor: the ballistic and glide boosters by the infrared
    layers in boost, the cruise missiles by the airborne and ground radars near their
    targets."""
    _, stored = run
    for row in stored.summary["threat_classes"]:
        assert row["missiles_detected"] > 0, row["threat_class"]
