"""Ranges in a whole run: a range of zero width is the point value (every table equal), each
trial's draws are stored and redrawn alike, and the summary carries the band."""

from pathlib import Path

import numpy as np

from goldendome import api
from goldendome.results.reader import open_run
from goldendome.run.ranges import range_index
from tests.small_scenario import SMALL_DEFENDED, small_spec

RANGED = (
    SMALL_DEFENDED.replace("sspk = 0.5", "sspk = { uniform = [0.5, 0.5] }", 1)
    + """
[interceptor_types.gbi]
sspk_rv = { triangular = [0.6, 0.6, 0.6] }

[discrimination.sensor_class.radar_x_band]
ceiling = { uniform = [0.8, 0.8] }
"""
)
POINT_SAME = (
    SMALL_DEFENDED
    + """
[interceptor_types.gbi]
sspk_rv = 0.6

[discrimination.sensor_class.radar_x_band]
ceiling = 0.8
"""
)
WIDE = SMALL_DEFENDED.replace("sspk = 0.5", "sspk = { uniform = [0.2, 0.9] }", 1)


def _run(text: str, runs: Path, trials: int = 40):
    stored = api.run_spec(small_spec(text), text, runs_dir=runs, trials=trials, workers=0)
    return open_run(stored.folder.path), stored.summary


def test_a_range_of_zero_width_gives_the_point_values_run(tmp_path: Path):
    point, _ = _run(POINT_SAME, tmp_path / "a")
    ranged, _ = _run(RANGED, tmp_path / "b")
    for table in ("trials", "engagements"):
        a, b = point.columns(table), ranged.columns(table)
        for column in a:
            np.testing.assert_array_equal(a[column], b[column], err_msg=f"{table}.{column}")
    params = ranged.columns("trial_parameters")
    assert sorted(set(params["parameter"])) == [
        "discrimination.sensor_class.radar_x_band.ceiling",
        "interceptor_types.gbi.sspk_rv",
        "sbi.sspk",
    ]
    assert params["trial"].size == 3 * 40
    assert not point.has("trial_parameters")


def test_a_wide_range_is_drawn_per_trial_and_the_summary_gives_its_band(tmp_path: Path):
    run, summary = _run(WIDE, tmp_path, trials=60)
    params = run.columns("trial_parameters")
    values = params["value"]
    assert values.size == 60
    assert 0.2 <= values.min() < values.max() <= 0.9
    assert np.unique(values).size == 60  # one draw per trial
    band = summary["kill_chain"]["parameter_band"]
    (driver,) = band["drivers"]
    assert driver["parameter"] == "sbi.sspk"
    # The tornado's ends are the draws' own 10th and 90th percentiles.
    np.testing.assert_allclose([driver["low"], driver["high"]], np.percentile(values, [10, 90]))
    lo, hi = band["p_zero_leakers"]
    assert 0.0 <= lo <= hi <= 1.0
    # The same seed redraws the same values (the trial's own stream).
    again = _run(WIDE, tmp_path / "again", trials=60)[0].columns("trial_parameters")
    np.testing.assert_array_equal(again["value"], values)


def test_a_batterys_own_point_value_beats_its_types_range_and_decoys_follow_rvs():
    text = (
        SMALL_DEFENDED.replace(
            'interceptors = [{ type = "gbi", count = 4 }]',
            'interceptors = [{ type = "gbi", count = 4, sspk_rv = 0.95 }]',
        )
        + """
[interceptor_types.gbi]
sspk_rv = { uniform = [0.05, 0.1] }

[interceptor_types.thaad]
sspk_rv = { uniform = [0.7, 0.9] }
"""
    )
    assert "sspk_rv = 0.95" in text
    spec = small_spec(text)
    where = range_index(spec)
    names = where.names
    rows = {}
    for i, site in enumerate(spec.sites):
        for j, b in enumerate(site.interceptors):
            k = sum(len(s.interceptors) for s in spec.sites[:i]) + j
            rows[b.type] = [names[v] if v >= 0 else None for v in where.batteries[k]]
    # The GBI battery's own 0.95 is a point value: no draw, whatever its type's range.
    assert rows["gbi"] == [None, None]
    # THAAD's decoy figure, given nowhere, takes its RV draw (sspk_decoy = sspk_rv).
    assert rows["thaad"] == ["interceptor_types.thaad.sspk_rv"] * 2
    assert names == ["interceptor_types.gbi.sspk_rv", "interceptor_types.thaad.sspk_rv"]
