"""The parameter band in the report: beside the sampling interval, and its drivers as a
tornado with the noise greyed (docs/uncertainty.md)."""

import json
from pathlib import Path

import numpy as np
import pytest

from goldendome.report import outcome_figures as of
from goldendome.report.band_figure import band_sentence, drivers_table, is_noise, tornado_figure
from goldendome.report.build import build_report
from goldendome.report.style import COLORS
from tests.report.test_page import _figures
from tests.small_scenario import SMALL_DEFENDED, small_spec

BAND = {
    "p_zero_leakers": [0.457, 0.716],
    "expected_leakers": [0.28, 0.78],
    "drivers": [
        {
            "parameter": "gbi.sspk_rv",
            "low": 0.463,
            "high": 0.729,
            "p_zero_leakers": [0.465, 0.712],
            "expected_leakers": [0.77, 0.29],
            "z_score": 5.9,
        },
        {
            "parameter": "radar_x_band.warhead_called_decoy",
            "low": 0.002,
            "high": 0.018,
            "p_zero_leakers": [0.661, 0.523],
            "expected_leakers": [0.43, 0.63],
            "z_score": -3.2,
        },
        {
            "parameter": "sbi.sspk",
            "low": 0.533,
            "high": 0.774,
            "p_zero_leakers": [0.575, 0.610],
            "expected_leakers": [0.55, 0.52],
            "z_score": 0.8,
        },
    ],
    "method": "logistic fit",
}


def test_tornado_spans_each_drivers_swing_and_greys_the_noise():
    fig = tornado_figure(BAND, 0.589)
    (bars,) = fig.data
    # Largest swing on top: plotly draws the first category lowest, so the order is reversed.
    assert list(bars.y) == [
        "sbi.sspk (noise)",
        "radar_x_band.warhead_called_decoy",
        "gbi.sspk_rv",
    ]
    assert list(bars.base) == pytest.approx([0.575, 0.523, 0.465])
    assert list(bars.x) == pytest.approx([0.035, 0.138, 0.247])
    assert list(bars.marker.color) == [COLORS["muted"], COLORS["bad"], COLORS["good"]]
    assert fig.layout.shapes[0].x0 == 0.589  # the run's own P(zero leakers)


def test_noise_is_a_z_score_under_two_in_size():
    assert [is_noise(d) for d in BAND["drivers"]] == [False, False, True]
    assert is_noise({"z_score": -1.99})
    assert not is_noise({"z_score": -2.0})


def test_the_band_is_drawn_beside_the_sampling_interval():
    chain = {
        "p_zero_leakers": 0.589,
        "p_zero_leakers_95": [0.558, 0.619],
        "parameter_band": BAND,
    }
    point, band, _hist = of.p_zero_figure(chain, np.array([0, 1, 0])).data
    assert point.x == ("95% interval",)
    assert band.x == ("parameter band", "parameter band")
    assert band.y == (0.457, 0.716)


def test_band_words_and_table():
    text = band_sentence(BAND, 3)
    for words in ("3 inputs", "0.457-0.716", "0.28-0.78"):
        assert words in text
    rows = drivers_table(BAND)
    for cell in ("0.465 → 0.712", "+0.8 (noise)", "-3.2<"):
        assert cell in rows


RANGED = SMALL_DEFENDED.replace("sspk = 0.5", "sspk = { uniform = [0.2, 0.9] }", 1).replace(
    'interceptors = [{ type = "gbi", count = 4 }]',
    'interceptors = [{ type = "gbi", count = 4, sspk_rv = { uniform = [0.1, 0.9] } }]',
    1,
)


def _run(runs: Path, trials: int) -> Path:
    from goldendome import api

    stored = api.run_spec(small_spec(RANGED), RANGED, runs_dir=runs, trials=trials, workers=0)
    return Path(stored.folder.path)


@pytest.fixture(scope="module")
def ranged_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _run(tmp_path_factory.mktemp("ranged"), 60)


def test_a_ranged_runs_report_shows_its_band_and_tornado(ranged_run: Path):
    report = build_report(ranged_run)
    summary = json.loads((ranged_run / "summary.json").read_text())
    band = summary["kill_chain"]["parameter_band"]
    lo, hi = band["p_zero_leakers"]
    assert f"P(zero leakers) spans {lo:.3f}-{hi:.3f}" in report.html
    figures = _figures(report.html)
    tornado = next(
        f for f in figures if "drivers" in (f["layout"].get("title") or {}).get("text", "")
    )
    names = tornado["data"][0]["y"]
    assert sorted(n.removesuffix(" (noise)") for n in names) == sorted(
        d["parameter"] for d in band["drivers"]
    )
    interval = next(f for f in figures if any(t.get("name") == "parameter band" for t in f["data"]))
    drawn = next(t for t in interval["data"] if t.get("name") == "parameter band")
    assert drawn["y"] == pytest.approx([lo, hi])
    assert "No parameter band" not in report.html


def test_too_few_trials_for_a_band_say_so(tmp_path: Path):
    report = build_report(_run(tmp_path, 20))
    assert "2 inputs are drawn from ranges, but 20 trials are too few" in report.html
    assert "parameter band" not in json.dumps(_figures(report.html))


def test_a_point_scenario_says_it_has_no_band(small_run: Path):
    assert "the scenario gives every input as a point value" in build_report(small_run).html
