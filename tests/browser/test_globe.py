"""The globe in headless Chromium, served by the real server from a small run: it loads
offline and clean, really draws the Earth, shows what the run stored, and plays it."""

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from goldendome.physics.geodetic import geodetic_to_ecef
from goldendome.results.reader import open_run
from goldendome.web.czml import export_czml
from tests.browser.conftest import WatchedPage
from tests.browser.globe_server import PIXEL_SHARES, open_globe, running_server
from tests.web.runs import make_small_run


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """(the globe's URL, the run folder) for a small run served on an ephemeral port."""
    runs = tmp_path_factory.mktemp("globe") / "runs"
    folder = make_small_run(runs)
    with running_server(runs) as base:
        yield f"{base}/runs/{folder.name}/globe", folder


def _iso(folder: Path, t_s: float) -> str:
    return export_czml(folder).documents["events"][0]["clock"]["interval"][:11] + _hms(t_s)


def _hms(t_s: float) -> str:
    ms = round(t_s * 1000)
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}Z"


def test_the_globe_loads_offline_without_errors_and_draws_the_earth(
    watched_page: WatchedPage, site
):
    url, _ = site
    open_globe(watched_page.page, f"{url}?lean=1")
    shares = watched_page.page.evaluate(PIXEL_SHARES)
    assert shares["width"] * shares["height"] > 0
    # The camera looks at the North Pacific: ocean fills a good share of the frame, and
    # space around the Earth is black (a blank or failed canvas has neither).
    assert shares["ocean"] > 0.15, shares
    assert shares["black"] > 0.10, shares
    watched_page.assert_clean()


@pytest.mark.parametrize("primitives", ["0", "1"])
def test_the_objects_on_the_globe_are_the_runs(watched_page: WatchedPage, site, primitives):
    url, folder = site
    state = open_globe(watched_page.page, f"{url}?lean=1&primitives={primitives}")
    run = open_run(folder)
    expected = export_czml(folder).counts
    counts = state["counts"]
    assert counts["satellites"] == run.columns("satellites")["satellite_id"].size
    assert counts["sites"] == (
        run.columns("sites")["site_id"].size + run.columns("defended_assets")["asset_id"].size
    )
    for layer in ("raid", "interceptors", "events"):
        assert counts[layer] == expected[layer] > 0
    watched_page.assert_clean()


def test_the_clock_moves_a_satellite_and_shows_an_intercept_at_its_time(
    watched_page: WatchedPage, site
):
    url, folder = site
    page = watched_page.page
    open_globe(page, f"{url}?lean=1&primitives=1")
    run = open_run(folder)
    pos = run.columns("satellite_positions")
    rows = np.flatnonzero(pos["satellite_id"] == 1040)
    t1, t2 = float(pos["t_s"][rows[2]]), float(pos["t_s"][rows[3]])
    stored = [
        np.array([pos[c][r] for c in ("x_ecef_m", "y_ecef_m", "z_ecef_m")]) for r in rows[2:4]
    ]
    shown = []
    for t_s in (t1, t2):
        page.evaluate(f"goldendome.setTime('{_iso(folder, t_s)}')")
        shown.append(np.array(page.evaluate("goldendome.positionOf('satellite-1040')")))
    # At a stored sample the interpolation passes through it; between the two, it moved as
    # far as the stored positions say (hundreds of km for a LEO satellite in 2 minutes).
    assert np.linalg.norm(shown[0] - stored[0]) < 1.0
    assert np.linalg.norm(shown[1] - stored[1]) < 1.0
    assert np.linalg.norm(shown[1] - shown[0]) > 500e3

    export = export_czml(folder)
    kill = next(p for p in export.documents["events"][1:] if p["id"].startswith("intercept-"))
    shot = int(kill["id"].split("-")[1])
    e = run.columns("engagements")
    row = np.flatnonzero((e["trial"] == export.trial) & (e["shot"] == shot))[0]
    t_hit = float(e["intercept_time_s"][row])
    page.evaluate(f"goldendome.setTime('{_iso(folder, t_hit - 1.0)}')")
    assert page.evaluate(f"goldendome.positionOf('{kill['id']}')") is None
    page.evaluate(f"goldendome.setTime('{_iso(folder, t_hit + 1.0)}')")
    where = np.array(page.evaluate(f"goldendome.positionOf('{kill['id']}')"))
    expected = geodetic_to_ecef(
        np.radians(e["intercept_latitude_deg"][row]),
        np.radians(e["intercept_longitude_deg"][row]),
        e["intercept_altitude_m"][row],
    )
    assert np.linalg.norm(where - expected) < 1.0
    watched_page.assert_clean()


def test_an_event_in_the_list_moves_the_clock_and_selects_it(watched_page: WatchedPage, site):
    url, _ = site
    page = watched_page.page
    open_globe(page, f"{url}?lean=1")
    button = page.locator("#events button[data-id^='intercept-']").first
    event_id = button.get_attribute("data-id")
    button.click()
    picked = page.evaluate(
        "({id: goldendome.viewer.selectedEntity && goldendome.viewer.selectedEntity.id,"
        " shown: goldendome.positionOf(goldendome.viewer.selectedEntity.id) !== null})"
    )
    assert picked == {"id": event_id, "shown": True}
    # Its story is in the infobox.
    page.wait_for_function(
        "document.querySelector('.cesium-infoBox-title').textContent.includes('shot')"
    )
    page.locator("#layers input[data-layer='events']").uncheck()
    assert page.evaluate(f"goldendome.positionOf('{event_id}')") is None
    watched_page.assert_clean()
