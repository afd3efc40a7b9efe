"""A sweep folder's report in headless Chromium: the Sobol bars, the Morris scatter and the
Pareto front draw, with their error bars and the dominated cases grey; nothing fetched, no
console error."""

from pathlib import Path
from typing import Any

import pytest

from goldendome.report.build import write_report
from goldendome.report.style import COLORS
from tests.browser.conftest import WatchedPage
from tests.browser.test_report_page import FIGURE_STATE
from tests.report.small_sweep import make_morris_sweep, make_sobol_sweep

#: Per figure: its title, its error bars drawn, and the fill colours of its points.
DRAWN = """
Array.from(document.querySelectorAll('div.figure')).map(d => ({
  title: (d.querySelector('.gtitle') || {}).textContent || '',
  errorbars: d.querySelectorAll('.errorbar path').length,
  points: Array.from(d.querySelectorAll('.scatterlayer .point')).map(p => p.style.fill),
  bars: d.querySelectorAll('.barlayer .point').length,
}))
"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("sweeps")
    return {
        "sobol": write_report(make_sobol_sweep(root / "sobol"), root / "sobol.html"),
        "morris": write_report(make_morris_sweep(root / "morris"), root / "morris.html"),
    }


def _open(
    watched: WatchedPage, page_file: Path
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    page = watched.page
    page.goto(page_file.as_uri())
    page.wait_for_function("document.body.dataset.ready === '1'", timeout=60_000)
    return page.evaluate(FIGURE_STATE), page.evaluate(DRAWN)


def _rgb(hex_color: str) -> str:
    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def test_sobol_bars_and_their_intervals_render(watched_page: WatchedPage, pages: dict[str, Path]):
    state, drawn = _open(watched_page, pages["sobol"])
    for f in state:
        assert f["plotly"], f
        assert f["traces"] >= 1, f
    sobol = [d for d in drawn if d["title"].startswith("Sobol indices of")]
    assert [d["title"] for d in sobol] == [
        "Sobol indices of p_zero_leakers",
        "Sobol indices of expected_leakers",
    ]
    for d in sobol:
        assert d["bars"] == 6  # S1 and ST for each of three inputs
        assert d["errorbars"] == 6
    watched_page.assert_clean()


def test_morris_scatter_and_pareto_front_render(watched_page: WatchedPage, pages: dict[str, Path]):
    state, drawn = _open(watched_page, pages["morris"])
    assert all(f["plotly"] and f["traces"] >= 1 for f in state)
    morris = [d for d in drawn if d["title"].startswith("Morris screening of")]
    assert len(morris) == 3
    assert all(len(d["points"]) == 2 for d in morris)  # one point per swept input
    (front,) = [d for d in drawn if d["title"].startswith("Pareto front")]
    grey, green = _rgb(COLORS["muted"]), _rgb(COLORS["good"])
    assert set(front["points"]) == {grey, green}
    assert len(front["points"]) == 6  # every complete case, front or dominated
    watched_page.assert_clean()
