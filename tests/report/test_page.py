"""The report page: self-contained (nothing fetched), every section present, incomplete runs
and study folders reported from what they store."""

import json
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from goldendome.report.assets import ATLAS_ENV, geo_assets_script, plotly_js, world_atlas_path
from goldendome.report.build import build_report
from goldendome.results.manifest import build_manifest
from goldendome.results.run_folder import MANIFEST, RunFolder

URL = re.compile(r"https?://", re.IGNORECASE)


def _without_libraries(page: str) -> str:
    """The page less the inlined plotly.js and atlas (library code that fetches nothing)."""
    page = page.replace(plotly_js(), "")
    atlas = world_atlas_path()
    return page.replace(geo_assets_script(atlas), "") if atlas else page


def _figures(page: str) -> list[dict]:
    """The figures the page hands plotly (``var FIGURES = [...]``)."""
    start = page.index("var FIGURES = [") + len("var FIGURES = ")
    end = page.index("];", start) + 1
    return [f["figure"] for f in json.loads(page[start:end])]


@pytest.fixture(scope="module")
def report(small_run: Path):
    return build_report(small_run)


def test_every_section_of_a_run_report(report):
    assert report.sections == (
        "Scenario",
        "Outcome",
        "Timeline",
        "Map",
        "Space-based interceptors",
        "Cost",
        "Stored tables",
    )
    assert report.figures == 8
    kinds = [{t["type"] for t in f["data"]} for f in _figures(report.html)]
    assert {"scattergeo"} in kinds  # the map
    assert len(kinds) == 8
    assert report.html.count('class="figure"') == report.figures
    assert "P(zero leakers) = <b>" in report.html
    assert report.source.complete


def test_the_page_is_self_contained(report):
    page = report.html
    assert world_atlas_path() is not None, "npm ci installs world-atlas (make install)"
    assert "window.PlotlyGeoAssets = {" in page
    assert "azimuthal equidistant" in page.replace(plotly_js(), "")
    assert page.count(plotly_js()) == 1  # plotly.js inlined once
    assert not re.search(r"<script[^>]*\bsrc=", page, re.IGNORECASE)
    assert not re.search(r"<link[^>]*href=\"(?!data:)", page, re.IGNORECASE)
    assert not re.search(r"<(img|iframe)\b", page, re.IGNORECASE)
    rest = _without_libraries(page)
    assert URL.findall(rest) == []


def test_numbers_on_the_page_are_the_run_summary(report, small_run: Path):
    summary = json.loads((small_run / "summary.json").read_text())
    kc = summary["kill_chain"]
    lo, hi = kc["p_zero_leakers_95"]
    assert f"<b>{kc['p_zero_leakers']:.3f}</b> (95% interval {lo:.3f}-{hi:.3f}" in report.html


def test_without_the_atlas_maps_fall_back_to_plain_axes(small_run: Path, monkeypatch):
    monkeypatch.setenv(ATLAS_ENV, "/nonexistent/countries-110m.json")
    report = build_report(small_run)
    rest = report.html.replace(plotly_js(), "")
    assert "window.PlotlyGeoAssets = {" not in rest
    assert "azimuthal equidistant" not in rest  # the geo map's projection
    assert "No coastlines: the world atlas" in rest
    assert URL.findall(rest) == []


def test_an_interrupted_run_is_reported_from_what_it_stored(small_run: Path, tmp_path: Path):
    folder = tmp_path / "stopped"
    shutil.copytree(small_run, folder)
    for name in ("trials", "engagements", "boost_windows"):
        shutil.rmtree(folder / name)
    manifest = json.loads((folder / MANIFEST).read_text())
    manifest.update(status="interrupted", stage="monte_carlo", signal="SIGINT")
    (folder / MANIFEST).write_text(json.dumps(manifest))
    report = build_report(folder)
    assert "This run is interrupted at stage monte_carlo (SIGINT)" in report.html
    assert "Not stored in this run folder: Monte Carlo trials" in report.html
    assert "Timeline" in report.sections
    assert "Map" in report.sections
    assert not report.source.complete


def _study_folder(root: Path, study: str, table: str) -> Path:
    """A study's folder holding one table of three rows (values from the schema's types)."""
    from goldendome.results.schemas import schema

    folder = RunFolder.create(root, study)
    columns = {}
    for c in schema(table).columns:
        if c.dtype == "string":
            columns[c.name] = ["layer-a"] * 3
        elif c.dtype == "bool":
            columns[c.name] = np.zeros(3, bool)
        else:
            columns[c.name] = np.array([30.0, 40.0, 50.0]).astype(c.dtype)
    folder.write_table(table, columns)
    folder.write_json(
        MANIFEST,
        build_manifest(
            scenario_name=study,
            scenario_text="",
            seed=0,
            status="complete",
            timings_s={},
            started_utc=datetime.now(UTC),
            run={"study": study, "question": {"threat": "hwasong-18-class"}},
        ),
    )
    return folder.path


@pytest.mark.parametrize(
    ("study", "table", "trace"),
    [
        ("size", "sizing_latitudes", "scatter"),
        ("coverage", "coverage_points", "scattergeo"),
        ("fly", "flight_trajectory", "scattergeo"),
    ],
)
def test_a_study_folder_shows_its_question_figure_and_tables(
    tmp_path: Path, study: str, table: str, trace: str
):
    report = build_report(_study_folder(tmp_path, study, table))
    assert report.sections == (f"{study} study", "Stored tables")
    assert report.figures == 1
    (figure,) = _figures(report.html)
    assert [t["type"] for t in figure["data"]] == [trace]
    rest = report.html.replace(plotly_js(), "")
    assert "not &#x27;goldendome run&#x27;" in rest
    assert "hwasong-18-class" in rest
    assert f"<caption>{table}</caption>" in rest
