"""The globe with the optional coverage layer (``?coverage=1``): its radar fans and satellite
footprints are entities on the globe with a toggle, and the page without it has neither."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from goldendome.results.reader import open_run
from tests.browser.conftest import WatchedPage
from tests.browser.globe_server import open_globe, running_server
from tests.web.runs import make_small_run


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """(the globe's URL, the run folder) for a small run served on an ephemeral port."""
    runs = tmp_path_factory.mktemp("globe-coverage") / "runs"
    folder = make_small_run(runs)
    with running_server(runs) as base:
        yield f"{base}/runs/{folder.name}/globe", folder


def test_the_coverage_layer_is_on_the_globe_only_when_asked(watched_page: WatchedPage, site):
    url, folder = site
    page = watched_page.page
    run = open_run(folder)
    radars = [r for r in run.rows("sites") if r["radar_type"]]
    warning = [r for r in run.rows("layers") if r["role"] == "early_warning"]
    state = open_globe(page, f"{url}?lean=1&coverage=1")
    # One fan per radar and one footprint per early-warning satellite (SMALL_DEFENDED: 1 + 1).
    assert state["counts"]["coverage"] == len(radars) + sum(r["n_satellites"] for r in warning)
    assert state["counts"]["coverage"] == 2
    footprint = page.evaluate(
        """() => {
          const e = goldendome.dataSources.coverage.entities.getById('footprint-40');
          const now = goldendome.viewer.clock.currentTime;
          return e.ellipse.semiMajorAxis.getValue(now);
        }"""
    )
    assert 9.0e6 < footprint < 9.1e6  # a GEO satellite's limb circle, about 9,040 km
    fan = page.evaluate(
        """() => {
          const e = goldendome.dataSources.coverage.entities.getById('coverage-0');
          const now = goldendome.viewer.clock.currentTime;
          return {polygon: e.polygon !== undefined,
                  vertices: e.polygon.hierarchy.getValue(now).positions.length,
                  label: e.label.text.getValue(now)};
        }"""
    )
    assert fan["polygon"]
    assert fan["vertices"] > 20
    assert fan["label"].startswith(f"{radars[0]['name']}: ")
    box = page.locator("#layers input[data-layer='coverage']")
    assert box.count() == 1
    assert box.is_checked()
    box.uncheck()
    assert page.evaluate("goldendome.dataSources.coverage.show") is False
    watched_page.assert_clean()

    state = open_globe(page, f"{url}?lean=1")
    assert "coverage" not in state["counts"]
    assert page.locator("#layers input[data-layer='coverage']").count() == 0
    watched_page.assert_clean()
