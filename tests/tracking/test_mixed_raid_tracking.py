"""The tracker on a flown and sensed mixed raid (:mod:`tests.tracking.mixed_raid`): gliders
and cruise missiles keep few tracks each with the level-flight model (issue 18).

Measured (docs/tracking_manoeuvring.md): per cruise missile 2-3 tracks with the level
model, one per measurement (66 on average) without it; per glider 2-4 tracks, 4-6 without,
the 90th percentile of their position errors 3.2 km (median over the gliders), 14 km
without. The bounds leave room for the sensor models to move."""

import numpy as np
import pytest

from goldendome.tracking.tracker import TrackerSettings
from tests.tracking.mixed_raid import per_class, per_object, sense_mixed_raid


@pytest.fixture(scope="module")
def figures():
    sensed = sense_mixed_raid()
    on = per_object(sensed, TrackerSettings())
    off = per_object(sensed, TrackerSettings(level_flight=False))
    return on, off


def _of(rows, name, key):
    return np.array([r[key] for r in rows.values() if r["class"] == name], float)


def test_each_cruise_missile_keeps_a_few_tracks_not_one_per_measurement(figures):
    on, off = figures
    tracks = _of(on, "kh-101-class", "tracks")
    assert tracks.size == 3
    assert np.all(tracks <= 4)  # one per radar pass (three radars, separate legs)
    assert np.all(_of(on, "kh-101-class", "purity") > 0.9)
    # Without the level model nearly every measurement is a track of its own.
    assert np.all(_of(off, "kh-101-class", "tracks") > 5 * tracks)


def test_each_glider_keeps_fewer_tracks_closer_to_the_truth(figures):
    on, off = figures
    assert np.all(_of(on, "avangard-class", "tracks") <= 5)
    assert _of(on, "avangard-class", "tracks").sum() < _of(off, "avangard-class", "tracks").sum()
    table_on, table_off = per_class(on), per_class(off)
    assert table_on["avangard-class"]["error_p90_m"] < 10_000.0
    assert table_on["avangard-class"]["error_p90_m"] < table_off["avangard-class"]["error_p90_m"]
