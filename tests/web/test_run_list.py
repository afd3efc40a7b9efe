"""The server's run list: from the runs directory's DuckDB catalog when there is one (read
only, kept to the folders as they are), else by reading every folder."""

import shutil
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient

from goldendome.results.catalog import catalog_path, reindex
from goldendome.web.run_list import served_runs
from goldendome.web.server import create_app


def _runs(small_run: Path, base: Path, *names: str) -> Path:
    """A runs directory holding copies of the small run under ``names``."""
    runs = base / "runs"
    runs.mkdir()
    for name in names:
        shutil.copytree(small_run, runs / name)
    return runs


def _index(runs: Path, base: Path) -> str:
    cesium = base / "cesium"
    cesium.mkdir(exist_ok=True)
    response = TestClient(create_app(runs, cesium)).get("/")
    assert response.status_code == 200
    return response.text


def _set(runs: Path, sql: str) -> None:
    con = duckdb.connect(str(catalog_path(runs)))
    try:
        con.execute(sql)
    finally:
        con.close()


def test_without_a_catalog_the_folders_are_read(small_run: Path, tmp_path: Path):
    runs = _runs(small_run, tmp_path, "20290101T000000Z-a", "20290102T000000Z-b")
    listed = served_runs(runs)
    assert listed.source == "folders"
    assert [s.path.name for s in listed.states] == ["20290101T000000Z-a", "20290102T000000Z-b"]
    assert all(s.state == "complete" for s in listed.states)
    page = _index(runs, tmp_path)
    assert "Listed by reading the run folders (no catalog.duckdb here)." in page
    assert not catalog_path(runs).exists()  # the server did not make one


def test_with_a_catalog_the_list_comes_from_it(small_run: Path, tmp_path: Path):
    runs = _runs(small_run, tmp_path, "20290101T000000Z-a", "20290102T000000Z-gone")
    reindex(runs)
    # Mark the catalog's rows so the page shows where its words came from.
    _set(
        runs, "UPDATE runs SET scenario = 'as-the-catalog-says' WHERE run_id = '20290101T000000Z-a'"
    )
    # A sweep's case is in the catalog too, but it is not a run of this directory.
    _set(
        runs,
        "INSERT INTO runs (run_id, folder, state, sweep, case_key) VALUES "
        "('sweep-x/cases/abc/20290101T000000Z-case', '20290101T000000Z-case', 'complete', 'x', 'abc')",
    )
    shutil.rmtree(runs / "20290102T000000Z-gone")  # catalogued, then deleted
    shutil.copytree(small_run, runs / "20290103T000000Z-new")  # not catalogued yet
    before = catalog_path(runs).read_bytes()

    listed = served_runs(runs)
    assert listed.source == "catalog"
    by_name = {s.path.name: s for s in listed.states}
    assert sorted(by_name) == ["20290101T000000Z-a", "20290103T000000Z-new"]
    assert by_name["20290101T000000Z-a"].scenario == "as-the-catalog-says"
    assert by_name["20290101T000000Z-a"].trials_done == by_name["20290103T000000Z-new"].trials_done
    assert by_name["20290103T000000Z-new"].scenario == "small-defended"  # read from its folder

    page = _index(runs, tmp_path)
    assert "as-the-catalog-says" in page
    assert "20290103T000000Z-new" in page
    assert "20290102T000000Z-gone" not in page
    assert "sweep-x" not in page
    assert 'data-source="catalog"' in page
    assert catalog_path(runs).read_bytes() == before  # read-only


def test_a_run_the_catalog_saw_running_is_read_again(small_run: Path, tmp_path: Path):
    runs = _runs(small_run, tmp_path, "20290101T000000Z-a")
    reindex(runs)
    _set(runs, "UPDATE runs SET state = 'running', scenario = 'stale'")
    (state,) = served_runs(runs).states
    assert state.state == "complete"
    assert state.scenario == "small-defended"


@pytest.mark.parametrize("damage", [b"not a duckdb file", b""])
def test_an_unreadable_catalog_falls_back_to_the_folders(
    small_run: Path, tmp_path: Path, damage: bytes
):
    runs = _runs(small_run, tmp_path, "20290101T000000Z-a")
    catalog_path(runs).write_bytes(damage)
    listed = served_runs(runs)
    assert listed.source == "folders"
    assert [s.path.name for s in listed.states] == ["20290101T000000Z-a"]
    assert "catalog.duckdb could not be read" in listed.note
    assert "catalog.duckdb could not be read" in _index(runs, tmp_path)
    assert catalog_path(runs).read_bytes() == damage
