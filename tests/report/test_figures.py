"""The figure builders: each draws what it is given, from plain data."""

import numpy as np
import pytest

from goldendome.report import outcome_figures as of
from goldendome.report.cost_figures import cost_figure
from goldendome.report.map_figure import gathered, map_figure, view
from goldendome.report.outcomes import WarheadFates
from goldendome.report.space_figures import sbi_latitude_figure, sizing_latitude_figure
from goldendome.report.timeline_figure import BIN_S, threat_labels, timeline_figure


def _stat(mean, stderr=0.1):
    return {"mean": mean, "stderr": stderr}


KILL_CHAIN = {
    "trials": 4,
    "p_zero_leakers": 0.5,
    "p_zero_leakers_95": [0.15, 0.85],
    "kills_by_layer": {
        "boost_missiles": _stat(1.0),
        "boost_rvs": _stat(2.0),
        "midcourse_rvs": _stat(3.0),
        "terminal_rvs": _stat(0.5),
    },
    "expected_rvs_through": _stat(0.5),
}

THREATS = {
    "threat_id": np.array([0, 1]),
    "threat_class": np.array(["a-class", "b-class"], dtype=object),
    "target": np.array(["x", "y"], dtype=object),
    "launch_time_s": np.array([0.0, 30.0]),
    "burnout_time_s": np.array([200.0, 230.0]),
    "impact_time_s": np.array([1800.0, 1900.0]),
}


def test_p_zero_figure_draws_the_interval_and_the_leakers_histogram():
    fig = of.p_zero_figure(KILL_CHAIN, np.array([0, 0, 1, 3]))
    point, hist = fig.data
    assert point.y == (0.5,)
    assert point.error_y.array == pytest.approx((0.35,))
    assert point.error_y.arrayminus == pytest.approx((0.35,))
    assert list(hist.x) == [0, 1, 2, 3]
    assert list(hist.y) == pytest.approx([0.5, 0.25, 0.0, 0.25])


def test_kills_by_layer_shows_each_layer_and_what_got_through():
    fig = of.kills_by_layer_figure(KILL_CHAIN)
    assert list(fig.data[0].y) == [1.0, 2.0, 3.0, 0.5, 0.5]
    assert fig.data[0].x[-1] == "warheads through"


def test_kills_by_layer_takes_a_missing_value_as_nan():
    chain = {**KILL_CHAIN, "expected_rvs_through": {"mean": None, "stderr": None}}
    assert np.isnan(of.kills_by_layer_figure(chain).data[0].y[-1])


def test_kills_by_class_stacks_every_fate():
    rows = [
        {
            "threat_class": "a",
            "warheads": 4,
            "boost": 1.0,
            "midcourse": 2.0,
            "terminal": 0.5,
            "survived": 0.5,
            "leaked": 0.25,
        },
    ]
    fig = of.kills_by_class_figure(rows)
    assert fig.layout.barmode == "stack"
    assert sum(t.y[0] for t in fig.data) == pytest.approx(4.0)


def test_interceptor_cost_is_rounds_times_unit_cost():
    fig = of.interceptors_figure({"gbi": _stat(2.0), "sbi": _stat(4.0)}, {"gbi": 75e6, "sbi": 22e6})
    rounds, cost = fig.data
    assert list(rounds.y) == [2.0, 4.0]
    assert list(cost.y) == pytest.approx([150.0, 88.0])  # $M per trial


def test_timeline_has_a_row_per_missile_and_bins_shots_by_share_of_trials():
    shots = {
        "threat_id": np.array([0, 0, 1, -1]),
        "layer": np.array(["midcourse"] * 4, dtype=object),
        "launch_time_s": np.array([600.0, 601.0, 700.0, 650.0]),
        "intercept_time_s": np.array([1200.0, 1201.0, 1300.0, 1250.0]),
    }
    fig = timeline_figure(THREATS, shots=shots, trials=2)
    labels = threat_labels(THREATS)
    assert labels == ["#0 a-class → x", "#1 b-class → y"]
    assert list(fig.layout.yaxis.categoryarray) == labels
    launches = next(t for t in fig.data if t.name == "midcourse launches")
    # Two shots at threat 0 in one 5-s bin: one marker, one shot per trial; the ghost is left out.
    assert sorted(zip(launches.y, launches.x, launches.customdata, strict=True)) == [
        (labels[0], 600.0, 1.0),
        (labels[1], 700.0, 0.5),
    ]
    assert BIN_S == 5.0
    flight = fig.data[0]
    assert [x for x in flight.x if x is not None] == [0.0, 1800.0, 30.0, 1900.0]


def test_gathered_counts_points_per_cell():
    lat, lon, n = gathered(np.array([10.0, 10.01, 20.0, np.nan]), np.array([5.0, 5.02, 5.0, 1.0]))
    assert sorted(zip(lat, lon, n, strict=True)) == [(10.0, 5.0, 2), (20.0, 5.0, 1)]


def test_view_centres_between_points_and_zooms_to_hold_them():
    lat0, lon0, scale = view(np.array([0.0, 0.0]), np.array([-30.0, 30.0]))
    assert (lat0, lon0) == pytest.approx((0.0, 0.0))
    assert scale == pytest.approx(0.85 * 180 / 30)
    assert view(np.array([90.0, -90.0]), np.array([0.0, 0.0]))[2] == 1.0  # whole Earth


def _fates():
    return WarheadFates(
        object_id=np.array([5, 6]),
        threat_id=np.array([0, 1]),
        threat_class=np.array(["a", "b"], dtype=object),
        killed=np.array([[0.5, 1.0], [0.0, 0.0], [0.0, 0.0]]),
        survived=np.array([0.5, 0.0]),
        leaked=np.array([0.5, 0.0]),
        impact_latitude_deg=np.array([40.0, 41.0]),
        impact_longitude_deg=np.array([-75.0, -80.0]),
        asset=np.array(["X", "Y"], dtype=object),
        trials=2,
    )


@pytest.mark.parametrize("atlas", [True, False])
def test_map_draws_tracks_and_leakers_on_the_atlas_or_plain_axes(atlas):
    tracks = ([40.0, 50.0, None], [125.0, -150.0, None])
    fig = map_figure(tracks, None, None, _fates(), None, atlas=atlas)
    kinds = {t.type for t in fig.data}
    assert kinds == ({"scattergeo"} if atlas else {"scatter"})
    leak = next(t for t in fig.data if t.name.startswith("warheads leaking"))
    assert list(leak.customdata) == [0.5]  # only the warhead that leaks
    if atlas:
        assert fig.layout.geo.projection.type == "azimuthal equidistant"
        assert list(fig.data[0].lat) == [40.0, 50.0, None]
    else:
        assert list(fig.data[0].x) == [125.0, -150.0, None]


def test_sbi_latitude_figure_marks_the_layer_reach():
    fig = sbi_latitude_figure(
        "sbi",
        55.0,
        np.array([40.0]),
        np.array([[10.0], [8.0], [12.0]]),
        np.array(["A"]),
        np.array([39.0]),
        np.array([[3.0], [1.0], [5.0]]),
        ["#0"],
    )
    assert [s.x0 for s in fig.layout.shapes] == [-55.0, 55.0]
    assert fig.data[0].error_y.array == pytest.approx((2.0,))
    assert fig.data[1].error_y.arrayminus == pytest.approx((2.0,))


def test_sizing_latitude_figure():
    fig = sizing_latitude_figure(
        {"latitude_deg": np.array([0.0, 40.0]), "mean_in_reach": np.array([1.0, 2.5])}
    )
    assert list(fig.data[0].y) == [1.0, 2.5]


def test_cost_figure_stacks_layers_per_year_and_sums_categories():
    cost = {
        "layer": np.array(["space", "space", "upper"], dtype=object),
        "category": np.array(["procurement", "launch", "procurement"], dtype=object),
        "year": np.array([2027, 2028, 2027]),
        "cost_usd": np.array([4e9, 1e9, 2e9]),
    }
    fig = cost_figure(cost, 2026)
    space = next(t for t in fig.data if t.name == "space")
    assert list(space.y) == [4.0, 1.0]  # billions, by year
    categories = fig.data[-1]
    assert dict(zip(categories.y, categories.x, strict=True)) == {"launch": 1.0, "procurement": 6.0}
