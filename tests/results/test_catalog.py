"""The DuckDB catalog of a runs directory: a run indexes itself when it ends, reindex rebuilds
the same rows from the folders, queries are read-only (a statement that writes, or reads a
file outside the catalog, is refused), and ``goldendome runs query/show/export/list``."""

from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from typer.testing import CliRunner

import goldendome.cli.runs  # noqa: F401  (registers the command)
from goldendome import api
from goldendome.cli.main import app
from goldendome.results.catalog import CatalogError, catalog_path, index_runs, query, reindex
from goldendome.run.executor import InProcess
from goldendome.run.pipeline import TrialOptions, run_scenario
from tests.small_scenario import SMALL_DEFENDED, small_spec

runner = CliRunner()


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> Path:
    """A runs directory with a catalog (made empty by reindex), then two real runs of the
    small scenario (3 and 4 trials)."""
    root = tmp_path_factory.mktemp("runs")
    assert reindex(root) == {"runs": 0, "sweeps": 0}
    for trials in (3, 4):
        run_scenario(
            small_spec(),
            SMALL_DEFENDED,
            root,
            options=TrialOptions(trials=trials),
            executor=InProcess(),
        )
    return root


def test_each_run_indexes_itself_in_an_existing_catalog_when_it_ends(runs: Path):
    assert catalog_path(runs).is_file()
    got = query(
        runs,
        "SELECT scenario, state, trials, trials_done, p_zero_leakers, cost_usd "
        "FROM runs ORDER BY trials",
    )
    assert list(got["trials"]) == [3, 4]
    assert list(got["trials_done"]) == [3, 4]
    assert set(got["state"]) == {"complete"}
    assert set(got["scenario"]) == {"small-defended"}
    assert got["p_zero_leakers"].between(0, 1).all()
    assert (got["cost_usd"] > 1e9).all()


def test_reindex_rebuilds_the_same_rows_from_the_folders(runs: Path, tmp_path: Path):
    before = query(runs, "SELECT * FROM runs ORDER BY run_id")
    catalog_path(runs).unlink()
    assert reindex(runs) == {"runs": 2, "sweeps": 0}
    after = query(runs, "SELECT * FROM runs ORDER BY run_id")
    pd.testing.assert_frame_equal(before, after)
    # Indexing a folder twice keeps one row for it.
    index_runs(runs, [runs / after["run_id"][0]])
    assert query(runs, "SELECT count(*) AS n FROM runs")["n"].item() == 2


def test_a_run_makes_no_catalog_where_there_is_none_and_a_query_builds_it(tmp_path: Path):
    run_scenario(
        small_spec(), SMALL_DEFENDED, tmp_path, options=TrialOptions(trials=2), executor=InProcess()
    )
    assert [p.suffix for p in tmp_path.iterdir()] == [""]  # the run folder alone
    got = query(tmp_path, "SELECT trials_done FROM runs")
    assert list(got["trials_done"]) == [2]
    assert catalog_path(tmp_path).is_file()


@pytest.mark.parametrize(
    "sql",
    [
        "INSERT INTO runs (run_id) VALUES ('x')",
        "DELETE FROM runs",
        "DROP TABLE runs",
        "UPDATE runs SET state = 'complete'",
        "CREATE TABLE t AS SELECT 1",
        "COPY runs TO '/tmp/goldendome-copied.csv'",
        "SELECT 1; DELETE FROM runs",
        "ATTACH '/tmp/other.duckdb' AS other",
        "INSTALL httpfs",
    ],
)
def test_a_statement_that_would_write_is_refused(runs: Path, sql: str):
    with pytest.raises(CatalogError, match="Only SELECT queries are allowed"):
        query(runs, sql)
    assert query(runs, "SELECT count(*) AS n FROM runs")["n"].item() == 2


def test_a_query_cannot_read_files_outside_the_catalog(runs: Path):
    with pytest.raises(CatalogError, match="The query failed"):
        query(runs, "SELECT * FROM read_csv('/etc/hostname')")


def test_runs_query_prints_rows_and_refuses_writes_with_exit_2(runs: Path):
    ok = runner.invoke(
        app,
        [
            "runs",
            "query",
            "SELECT trials FROM runs ORDER BY trials",
            "--runs-dir",
            str(runs),
            "--format",
            "csv",
        ],
    )
    assert ok.exit_code == 0
    assert ok.output == "trials\n3\n4\n"
    bad = runner.invoke(app, ["runs", "query", "DROP TABLE runs", "--runs-dir", str(runs)])
    assert bad.exit_code == 2
    assert "has a DROP statement" in bad.output


def test_runs_show_takes_a_catalog_id(runs: Path):
    run_id = query(runs, "SELECT run_id FROM runs ORDER BY trials")["run_id"][0]
    shown = runner.invoke(app, ["runs", "show", run_id, "--runs-dir", str(runs)])
    assert shown.exit_code == 0, shown.output
    assert "trials: 3 of 3" in shown.output


@pytest.mark.parametrize("fmt", ["csv", "parquet", "xlsx"])
def test_runs_export_writes_every_table(runs: Path, tmp_path: Path, fmt: str):
    run_id = query(runs, "SELECT run_id FROM runs ORDER BY trials")["run_id"][0]
    tables = api.run_tables(run_id, runs)
    out = tmp_path / ("run.xlsx" if fmt == "xlsx" else "run")
    result = runner.invoke(
        app, ["runs", "export", run_id, "--format", fmt, "--out", str(out), "--runs-dir", str(runs)]
    )
    assert result.exit_code == 0, result.output
    if fmt == "xlsx":
        book = openpyxl.load_workbook(out, read_only=True)
        assert set(book.sheetnames) == {n[:31] for n in tables}
        sheet = book["trials"]
        assert sheet.max_row == 1 + len(tables["trials"])
        return
    trials = (pd.read_csv if fmt == "csv" else pd.read_parquet)(out / f"trials.{fmt}")
    assert list(trials["trial"]) == list(tables["trials"]["trial"])
    assert {p.stem for p in out.iterdir()} == set(tables)


def test_runs_export_refuses_an_unknown_format_or_run(runs: Path, tmp_path: Path):
    bad = runner.invoke(app, ["runs", "export", "x", "--format", "docx", "--runs-dir", str(runs)])
    assert bad.exit_code == 2
    assert "choose one of csv, parquet, xlsx" in bad.output
    missing = runner.invoke(app, ["runs", "export", "nope", "--runs-dir", str(runs)])
    assert missing.exit_code == 2
    assert "no run folder or sweep of that name" in missing.output


def test_a_study_folder_indexes_itself_too_and_a_failed_one_says_so(tmp_path: Path):
    """Studies (size, fly, coverage) write run folders through ``study_folder``: each is in
    an existing catalog as soon as its state is settled, complete or failed."""
    from goldendome.studies.folder import study_folder

    root = tmp_path / "runs"
    root.mkdir()
    assert reindex(root) == {"runs": 0, "sweeps": 0}
    with study_folder(root, "size-test", study="size", scenario_name="q", scenario_text=""):
        pass
    with (
        pytest.raises(ValueError, match="no shell"),
        study_folder(root, "size-broken", study="size", scenario_name="q", scenario_text=""),
    ):
        raise ValueError("no shell")
    got = query(root, "SELECT state FROM runs ORDER BY run_id")
    assert sorted(got["state"]) == ["complete", "failed"]
