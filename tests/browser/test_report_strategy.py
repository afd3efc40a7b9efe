"""The pages of the timeline, exchange and partners study folders in headless Chromium:
the timeline by year, the exchange curve and the partner figures draw every trace (and the
P(zero leakers) intervals their error bars), nothing is fetched, no console error."""

from pathlib import Path
from typing import Any

import pytest

from goldendome.report.build import write_report
from tests.browser.conftest import WatchedPage
from tests.report.small_studies import (
    make_small_exchange,
    make_small_partners,
    make_small_timeline,
)

#: Per figure div: drawn by plotly, its traces given and drawn, its bars, lines and error bars.
FIGURE_STATE = """
Array.from(document.querySelectorAll('div.figure')).map(d => ({
  plotly: d.classList.contains('js-plotly-plot'),
  expected: (d.data || []).length,
  traces: d.querySelectorAll('.scatterlayer .trace, .barlayer .trace').length,
  bars: d.querySelectorAll('.barlayer .point path').length,
  lines: d.querySelectorAll('.scatterlayer .js-line').length,
  errorbars: d.querySelectorAll('.errorbar path').length,
  title: (d.querySelector('.gtitle') || {}).textContent || '',
}))
"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    runs = tmp_path_factory.mktemp("strategy") / "runs"
    makers = {
        "timeline": make_small_timeline,
        "exchange": make_small_exchange,
        "partners": make_small_partners,
    }
    return {k: write_report(make(runs), runs.parent / f"{k}.html") for k, make in makers.items()}


def _figures(watched: WatchedPage, page_file: Path) -> list[dict[str, Any]]:
    page = watched.page
    page.goto(page_file.as_uri())
    page.wait_for_function("document.body.dataset.ready === '1'", timeout=60_000)
    figures: list[dict[str, Any]] = page.evaluate(FIGURE_STATE)
    for f in figures:
        assert f["plotly"], f
        assert f["traces"] == f["expected"] >= 1, f  # every trace given was drawn
    watched.assert_clean()
    return figures


def test_the_timeline_by_year_renders(watched_page: WatchedPage, pages: dict[str, Path]) -> None:
    (fig,) = _figures(watched_page, pages["timeline"])
    assert fig["title"] == "The timeline by year"
    assert fig["bars"] == 4  # two years, then-year and constant dollars
    assert fig["lines"] >= 4  # the budget, two elements in service, P(zero leakers)
    assert fig["errorbars"] == 2  # P(zero leakers)'s interval, one a year


def test_the_exchange_curve_renders(watched_page: WatchedPage, pages: dict[str, Path]) -> None:
    (fig,) = _figures(watched_page, pages["exchange"])
    assert fig["title"].startswith("Exchange curve")
    assert fig["lines"] == 3  # the offense; the defense to buy and over its life cycle


def test_the_partner_figures_render(watched_page: WatchedPage, pages: dict[str, Path]) -> None:
    contributions, protection = _figures(watched_page, pages["partners"])
    assert contributions["title"] == "Japan: what it pays for and hosts"
    assert contributions["bars"] == 5  # a share, two own elements, a programme, a hosted radar
    assert protection["bars"] == 3  # the US with and without Japan, and Japan itself
    assert protection["errorbars"] == 3
