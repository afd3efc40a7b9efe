"""The README's picture of the globe mid-engagement, made by the test suite.

Under ``GOLDENDOME_WRITE_SCREENSHOTS=1`` this runs the default scenario (200 trials, about
40 s) and writes ``docs/images/globe.png`` from its representative trial::

    GOLDENDOME_WRITE_SCREENSHOTS=1 .venv/bin/python -m pytest tests/browser/test_globe_screenshot.py

otherwise it takes the same picture of a small run into a temporary folder, so
a normal test run checks the mechanism without touching the tree. Either way the picture is
checked: the full 1280x720 page, the globe drawn with ocean in it, mid-engagement (an
interceptor in flight).
"""

import os
import struct
from pathlib import Path

import numpy as np

from goldendome.results.reader import open_run
from goldendome.web.czml import export_czml
from goldendome.web.trial import trial_story
from tests.browser.conftest import WatchedPage
from tests.browser.globe_server import (
    DEFAULT_LOOK_READY_TIMEOUT_MS,
    PIXEL_SHARES,
    open_globe,
    running_server,
)
from tests.web.runs import make_small_run

WRITE = os.environ.get("GOLDENDOME_WRITE_SCREENSHOTS") == "1"
TARGET = Path(__file__).resolve().parents[2] / "docs" / "images" / "globe.png"


def _mid_engagement_s(folder: Path) -> float:
    """Halfway through the first fly-out of a midcourse or terminal round, when the boost
    phase is over, interceptors are in flight and the first intercepts are on the globe."""
    shots = trial_story(open_run(folder)).shots
    later = np.flatnonzero(shots["layer"] != "boost")
    i = later[np.argmin(shots["launch_time_s"][later])] if later.size else 0
    return float(shots["launch_time_s"][i] + shots["intercept_time_s"][i]) / 2.0


def test_globe_screenshot(watched_page: WatchedPage, tmp_path: Path):
    runs = tmp_path / "runs"
    if WRITE:
        from goldendome import api

        folder = Path(api.run(runs_dir=runs, trials=200, workers=0).folder.path)
        target = TARGET
    else:
        folder = make_small_run(runs)
        target = tmp_path / "globe.png"
    page = watched_page.page
    with running_server(runs) as base:
        # The default look (not lean): the picture is for people.
        open_globe(page, f"{base}/runs/{folder.name}/globe", DEFAULT_LOOK_READY_TIMEOUT_MS)
        clock = export_czml(folder).documents["sites"][0]["clock"]["interval"]
        t_s = _mid_engagement_s(folder)
        ms = round(t_s * 1000)
        iso = f"{clock[:11]}{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}Z"
        page.evaluate(f"goldendome.setTime('{iso}')")
        in_flight = page.evaluate(
            "Object.values(goldendome.dataSources.interceptors.entities.values)"
            ".filter(e => e.id.startsWith('shot-') && e.isAvailable(goldendome.viewer.clock.currentTime))"
            ".length"
        )
        assert in_flight >= 1
        shares = page.evaluate(PIXEL_SHARES)
        assert shares["ocean"] > 0.15, shares
        target.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(target), timeout=DEFAULT_LOOK_READY_TIMEOUT_MS)
    header = target.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (1280, 720)
    watched_page.assert_clean()
    if WRITE:
        print(f"wrote {target} (viewer loaded in {page.evaluate('goldendome.loadSeconds'):.1f} s)")


def test_the_committed_screenshot_is_a_full_page_png():
    header = TARGET.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (1280, 720)
