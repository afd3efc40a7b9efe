"""The parameter band in headless Chromium: a ranged run's report draws the band beside the
sampling interval and the drivers' tornado, with no console error and nothing fetched."""

from pathlib import Path

import pytest

from goldendome.report.build import write_report
from goldendome.report.style import COLORS
from tests.browser.conftest import WatchedPage
from tests.browser.test_report_page import FIGURE_STATE
from tests.report.test_band import _run

#: The tornado's bars (their fill colours) and the band's drawn line.
TORNADO = """
(() => {
  const figs = Array.from(document.querySelectorAll('div.figure'));
  const tornado = figs.find(d => (d.querySelector('.gtitle') || {}).textContent?.includes('drivers'));
  const band = figs.find(d => (d.data || []).some(t => t.name === 'parameter band'));
  return {
    bars: tornado ? Array.from(tornado.querySelectorAll('.barlayer .point path')).map(p => p.style.fill) : [],
    labels: tornado ? Array.from(tornado.querySelectorAll('.ytick text')).map(t => t.textContent) : [],
    bandLines: band ? band.querySelectorAll('.scatterlayer .trace .js-line').length : 0,
  };
})()
"""


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("band")
    return write_report(_run(root / "runs", 60), root / "band.html")


def test_the_band_and_the_tornado_render(watched_page: WatchedPage, page_file: Path):
    page = watched_page.page
    page.goto(page_file.as_uri())
    page.wait_for_function("document.body.dataset.ready === '1'", timeout=60_000)
    assert all(f["plotly"] and f["traces"] >= 1 for f in page.evaluate(FIGURE_STATE))
    drawn = page.evaluate(TORNADO)
    assert len(drawn["bars"]) == 2  # one bar per ranged input
    assert len(drawn["labels"]) == 2
    allowed = {COLORS[k] for k in ("muted", "good", "bad")}
    rgb = {f"rgb({int(c[1:3], 16)}, {int(c[3:5], 16)}, {int(c[5:7], 16)})" for c in allowed}
    assert set(drawn["bars"]) <= rgb
    noise = [label for label in drawn["labels"] if label.endswith("(noise)")]
    grey = COLORS["muted"]
    grey_rgb = f"rgb({int(grey[1:3], 16)}, {int(grey[3:5], 16)}, {int(grey[5:7], 16)})"
    assert drawn["bars"].count(grey_rgb) == len(noise)
    assert drawn["bandLines"] == 1
    watched_page.assert_clean()
