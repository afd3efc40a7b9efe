"""The globe's speed on the default scenario (8,006 satellites, 200 trials).

- ``czml export, default scenario``: :func:`goldendome.web.czml.export_czml` plus the JSON
  text of every layer (what ``goldendome czml`` and the server do), against reading the
  tables it uses (``reference``: the floor any export pays). Goal: a few seconds.
- ``globe load, default scenario``: the globe page in headless Chromium (software WebGL, lean
  look) from navigation to its ready flag (every layer loaded, imagery tiles in), with the
  satellites as one PointPrimitiveCollection, against the same page with one Cesium entity
  per satellite (``reference``). Goal: under 10 s.

The run is made once per session (about 40 s). With ``--benchmark-disable`` (``make test``)
each runs once, untimed.
"""

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from goldendome.results.reader import open_run
from goldendome.web.czml import LAYERS, export_czml

CHROMIUM = Path(os.environ.get("GOLDENDOME_CHROMIUM", "/usr/lib/chromium/chromium"))
LAUNCH_ARGS = ["--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-quic"]


@pytest.fixture(scope="module")
def default_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from goldendome import api

    runs = tmp_path_factory.mktemp("czml") / "runs"
    return Path(api.run(runs_dir=runs, trials=200, workers=0).folder.path)


def _export_text(folder: Path) -> int:
    export = export_czml(folder)
    return sum(len(export.text(layer)) for layer in LAYERS)


def _read_tables(folder: Path) -> int:
    run = open_run(folder)
    names = ("satellites", "satellite_positions", "objects", "trajectories", "engagements")
    return sum(len(run.columns(name)) for name in names)


@pytest.mark.benchmark(group="czml export, default scenario")
def test_czml_export(benchmark: Any, default_run: Path) -> None:
    benchmark.extra_info["role"] = "export_czml + JSON text"
    size = benchmark.pedantic(_export_text, args=(default_run,), rounds=3, iterations=1)
    assert size > 10_000_000  # 8,006 satellites' samples


@pytest.mark.benchmark(group="czml export, default scenario")
def test_read_tables_reference(benchmark: Any, default_run: Path) -> None:
    benchmark.extra_info["role"] = "reference"
    benchmark.pedantic(_read_tables, args=(default_run,), rounds=3, iterations=1)


@pytest.fixture(scope="module")
def globe_url(default_run: Path) -> Iterator[str]:
    from tests.browser.globe_server import running_server

    with running_server(default_run.parent) as base:
        yield f"{base}/runs/{default_run.name}/globe?lean=1"


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


def _load(browser: Any, url: str) -> float:
    from tests.browser.globe_server import open_globe

    context = browser.new_context(viewport={"width": 1280, "height": 720})
    try:
        state = open_globe(context.new_page(), url)
        assert state["counts"]["satellites"] == 8006
        return float(state["seconds"])
    finally:
        context.close()


@pytest.mark.benchmark(group="globe load, default scenario")
def test_globe_load_primitives(benchmark: Any, chromium: Any, globe_url: str) -> None:
    benchmark.extra_info["role"] = "points as primitives"
    benchmark.pedantic(_load, args=(chromium, globe_url + "&primitives=1"), rounds=2, iterations=1)


@pytest.mark.benchmark(group="globe load, default scenario")
def test_globe_load_entities_reference(benchmark: Any, chromium: Any, globe_url: str) -> None:
    benchmark.extra_info["role"] = "reference"
    benchmark.pedantic(_load, args=(chromium, globe_url + "&primitives=0"), rounds=2, iterations=1)
