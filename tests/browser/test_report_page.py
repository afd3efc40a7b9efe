"""The report page in headless Chromium: every figure draws, the map draws its land from the
inlined atlas, nothing is fetched, no console error.

The README's picture of the report is made here too. Under ``GOLDENDOME_WRITE_SCREENSHOTS=1``
the test runs the default scenario (200 trials, about 40 s) and writes
``docs/images/report.png`` (the timeline and the map)::

    GOLDENDOME_WRITE_SCREENSHOTS=1 .venv/bin/python -m pytest tests/browser/test_report_page.py

otherwise it takes the same picture of the small run into a temporary folder, so a normal
test run checks the mechanism without touching the tree (the same rule as the globe's
picture).
"""

import os
import struct
from pathlib import Path
from typing import Any

import pytest

from goldendome.report.build import write_report
from tests.browser.conftest import WatchedPage
from tests.report.small_run import make_small_run

WRITE = os.environ.get("GOLDENDOME_WRITE_SCREENSHOTS") == "1"
TARGET = Path(__file__).resolve().parents[2] / "docs" / "images" / "report.png"

#: Per figure div: drawn by plotly, its SVG layers, and its traces drawn (bars, points, lines,
#: geo traces); for a map, the length of the land outline's path.
FIGURE_STATE = """
Array.from(document.querySelectorAll('div.figure')).map(d => ({
  id: d.id,
  plotly: d.classList.contains('js-plotly-plot'),
  svgs: d.querySelectorAll('.main-svg').length,
  traces: d.querySelectorAll('.scatterlayer .trace, .barlayer .trace, .geo .trace').length,
  expected: (d.data || []).length,
  geo: d.querySelectorAll('.geo').length,
  land: Array.from(d.querySelectorAll('.geo .layer.land path')).reduce(
    (n, p) => n + (p.getAttribute('d') || '').length, 0),
}))
"""


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    runs = tmp_path_factory.mktemp("runs")
    return write_report(make_small_run(runs), runs / "report.html")


def _open(watched: WatchedPage, page_file: Path) -> list[dict[str, Any]]:
    page = watched.page
    page.goto(page_file.as_uri())
    page.wait_for_function("document.body.dataset.ready === '1'", timeout=60_000)
    state: list[dict[str, Any]] = page.evaluate(FIGURE_STATE)
    return state


def test_every_figure_renders_offline(watched_page: WatchedPage, report_file: Path):
    figures = _open(watched_page, report_file)
    assert len(figures) == report_file.read_text().count('class="figure"') == 8
    for f in figures:
        assert f["plotly"], f
        assert f["svgs"] >= 1, f
        assert f["traces"] >= 1, f  # something drawn in it, not an empty frame
    maps = [f for f in figures if f["geo"]]
    assert len(maps) == 1
    assert maps[0]["land"] > 10_000, "the map's land outline (inlined world atlas) was not drawn"
    assert watched_page.page.evaluate("window.reportReady") is True
    watched_page.assert_clean()


def test_report_screenshot(watched_page: WatchedPage, report_file: Path, tmp_path: Path):
    if WRITE:
        from goldendome import api

        runs = tmp_path / "runs"
        folder = Path(api.run(runs_dir=runs, trials=200, workers=0).folder.path)
        page_file = write_report(folder, tmp_path / "default.html")
        target = TARGET
    else:
        page_file, target = report_file, tmp_path / "report.png"
    figures = _open(watched_page, page_file)
    assert all(f["traces"] >= 1 for f in figures)
    page = watched_page.page
    box = page.evaluate(
        "(() => { const a = document.getElementById('timeline').getBoundingClientRect(),"
        " b = document.getElementById('map').getBoundingClientRect();"
        " return {x: 0, y: a.top + window.scrollY, width: 1280,"
        " height: b.bottom - a.top}; })()"
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target), clip=box, full_page=True)
    header = target.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    assert width == 1280
    assert height > 800
    watched_page.assert_clean()


def test_the_committed_screenshot_is_a_png_of_the_report():
    header = TARGET.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24])[0] == 1280
