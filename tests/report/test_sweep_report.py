"""The report of a sweep folder: Sobol indices per output with their intervals, Morris
screening, and the Pareto front of cost against P(zero leakers) with the dominated cases grey,
from the tables ``goldendome sweep analyze`` stored."""

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import goldendome.cli.report  # noqa: F401  (registers the command)
from goldendome.cli.main import app
from goldendome.report.build import build_report
from goldendome.report.style import COLORS
from goldendome.report.sweep_figures import pareto_figure
from tests.report.small_sweep import make_morris_sweep, make_sobol_sweep
from tests.report.test_page import _figures


@pytest.fixture(scope="module")
def morris_sweep(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_morris_sweep(tmp_path_factory.mktemp("morris"))


@pytest.fixture(scope="module")
def sobol_sweep(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_sobol_sweep(tmp_path_factory.mktemp("sobol"))


def _titled(page: str, start: str) -> list[dict]:
    return [
        f
        for f in _figures(page)
        if (f["layout"].get("title") or {}).get("text", "").startswith(start)
    ]


def test_sobol_bars_are_the_stored_indices_with_their_intervals(sobol_sweep: Path):
    report = build_report(sobol_sweep)
    assert report.sections == ("Sweep", "Sensitivity", "Pareto front", "Cases")
    stored = pd.read_parquet(sobol_sweep / "sweep_sobol.parquet")
    figures = _titled(report.html, "Sobol indices of ")
    # cost_usd is the same in every case: the analysis gives it no indices.
    assert [f["layout"]["title"]["text"] for f in figures] == [
        "Sobol indices of p_zero_leakers",
        "Sobol indices of expected_leakers",
    ]
    s1, st = figures[0]["data"]
    mine = stored[stored["output"] == "p_zero_leakers"]
    assert s1["x"] == ["x0", "x1", "x2"]
    assert s1["y"] == pytest.approx(mine["s1"].tolist())
    assert s1["error_y"]["array"] == pytest.approx(mine["s1_conf"].tolist())
    assert st["y"] == pytest.approx(mine["st"].tolist())
    assert st["error_y"]["array"] == pytest.approx(mine["st_conf"].tolist())
    # The known answer of 4 x0 + x1: variance shares 16/17, 1/17, 0.
    assert s1["y"] == pytest.approx([16 / 17, 1 / 17, 0.0], abs=0.05)
    assert "Morris screening of" not in report.html


def test_morris_and_pareto_of_a_real_sweep(morris_sweep: Path):
    report = build_report(morris_sweep)
    morris = pd.read_parquet(morris_sweep / "sweep_morris.parquet")
    figures = _titled(report.html, "Morris screening of ")
    assert len(figures) == morris["output"].nunique() == 3
    (points,) = figures[0]["data"]
    mine = morris[morris["output"] == "p_zero_leakers"]
    assert points["x"] == pytest.approx(mine["mu_star"].tolist())
    assert points["y"] == pytest.approx(mine["sigma"].tolist())
    assert points["text"] == mine["path"].tolist()
    assert "Sobol indices need" not in report.html
    assert "Sobol indices of" not in report.html

    (front_fig,) = _titled(report.html, "Pareto front")
    dominated, front = front_fig["data"]
    stored = pd.read_parquet(morris_sweep / "sweep_pareto.parquet")
    on = stored[stored["on_front"]].sort_values("cost_usd")
    assert front["y"] == pytest.approx(on["p_zero_leakers"].tolist())
    assert front["x"] == pytest.approx((on["cost_usd"] / 1e9).tolist())
    assert len(dominated["x"]) == int((~stored["on_front"]).sum())
    assert dominated["marker"]["color"] == COLORS["muted"]
    assert f"The front: {len(on)} of {len(stored)} complete cases" in report.html
    assert "sites[2].interceptors[0].count = " in report.html  # the cases' inputs


def test_the_front_is_joined_in_order_of_cost_and_the_rest_grey():
    table = pd.DataFrame(
        {
            "case_key": list("abcd"),
            "cost_usd": [3e9, 1e9, 2e9, 2.5e9],
            "p_zero_leakers": [0.9, 0.2, 0.6, 0.5],
            "expected_leakers": [0.1, 1.0, 0.5, 0.6],
            "on_front": [True, True, True, False],
        }
    )
    dominated, front = pareto_figure(table, {"a": "x = 1"}).data
    assert list(front.x) == [1.0, 2.0, 3.0]
    assert list(front.y) == [0.2, 0.6, 0.9]
    assert list(dominated.x) == [2.5]
    assert dominated.marker.color == COLORS["muted"]
    assert front.marker.color == COLORS["good"]
    assert "x = 1" in front.text[-1]


def test_a_sweep_not_yet_analyzed_names_the_command(morris_sweep: Path, tmp_path: Path):
    bare = tmp_path / "sweep-small-trade"
    bare.mkdir()
    for name in ("sweep.json", "sweep_cases.parquet", "sweep_inputs.parquet"):
        (bare / name).write_bytes((morris_sweep / name).read_bytes())
    report = build_report(bare)
    assert "goldendome sweep analyze small-trade&#x27; writes it" in report.html
    assert report.figures == 0


def test_goldendome_report_writes_a_sweep_folders_page(morris_sweep: Path, tmp_path: Path):
    out = tmp_path / "sweep.html"
    result = CliRunner().invoke(
        app,
        ["report", morris_sweep.name, "--runs-dir", str(morris_sweep.parent), "--out", str(out)],
    )
    assert result.exit_code == 0, result.output
    assert "Morris screening of p_zero_leakers" in out.read_text()
