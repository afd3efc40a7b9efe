"""The run pipeline end to end on the small defended scenario: a complete, consistent run
folder; what an interrupted or failed run leaves; equal seeds give equal bytes."""

import json
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq
import pytest

from goldendome.results.reader import open_run
from goldendome.results.schemas import SCHEMA_VERSION, TABLES, schema
from goldendome.results.summary import summarize_folder
from goldendome.run import pipeline
from goldendome.run.executor import Dask
from goldendome.run.pipeline import StoredRun, TrialOptions, run_scenario
from tests.small_scenario import SMALL_DEFENDED, SMALL_SCENARIO, small_spec

IN_PROCESS = TrialOptions(workers=0)
#: The tables a scenario run writes (the studies' tables are declared beside them).
RUN_TABLES = (
    "layers", "satellites", "satellite_positions", "sites", "site_coverage", "defended_assets",
    "threats",
    "threat_events", "objects", "trajectories", "sbi_threats", "sbi_opportunities", "sensors",
    "threat_timelines", "tracks", "fire_control", "discrimination", "track_states",
    "interceptor_types", "batteries", "object_calls", "trials", "engagements", "boost_windows",
    "cost", "cost_elements", "cost_estimate",
)  # fmt: skip
#: Id columns and the table that lists each id (``target_object_id`` names an object too).
ID_OWNERS = {
    "object_id": "objects",
    "threat_id": "threats",
    "track_id": "tracks",
    "satellite_id": "satellites",
    "layer_id": "layers",
    "site_id": "sites",
    "sensor_id": "sensors",
    "battery_id": "batteries",
    "asset_id": "defended_assets",
}


def _run(runs_dir: Path, **kwargs) -> StoredRun:
    kwargs.setdefault("options", IN_PROCESS)
    return run_scenario(small_spec(), SMALL_DEFENDED, runs_dir, **kwargs)


def _only_folder(runs_dir: Path) -> Path:
    (folder,) = runs_dir.iterdir()
    return folder


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> StoredRun:
    return _run(tmp_path_factory.mktemp("runs"))


def test_a_complete_run_holds_every_table_of_a_run_and_nothing_undeclared(stored):
    run = open_run(stored.folder.path)
    assert set(RUN_TABLES) <= set(TABLES)
    assert [name for name in RUN_TABLES if not run.has(name)] == []
    files = {p.stem for p in stored.folder.path.glob("*.parquet")}
    files |= {p.name for p in stored.folder.path.iterdir() if p.is_dir()}
    assert files == set(RUN_TABLES)
    assert run.manifest["status"] == "complete"
    assert run.manifest["schema_version"] == SCHEMA_VERSION
    assert run.manifest["scenario_text"] == SMALL_DEFENDED
    assert run.manifest["run"]["propagations"] == 7
    assert run.manifest["run"]["sbi_layer"] == "sbi"
    stages = {"context", "architecture", "economics", "raid", "space_based_interceptors"}
    stages |= {"sensors_and_tracking", "boost_samples", "kill_chain_setup", "monte_carlo"}
    stages |= {"summary"}
    assert set(run.manifest["timings_s"]) == stages
    assert run.columns("trials")["trial"].tolist() == list(range(20))
    parts = sorted(p.name for p in (stored.folder.path / "trials").iterdir())
    assert parts == [f"part-{a:06d}-{a + 4:06d}.parquet" for a in range(0, 20, 5)]


def test_every_id_names_a_row_of_the_table_that_lists_it(stored):
    run = open_run(stored.folder.path)
    listed = {name: set(run.columns(table)[name].tolist()) for name, table in ID_OWNERS.items()}
    checked = 0
    for table in map(schema, RUN_TABLES):
        data = run.columns(table.name)
        for column in table.columns:
            kind = next((k for k in ID_OWNERS if column.name in (k, f"target_{k}")), None)
            if kind is None or ID_OWNERS[kind] == table.name:
                continue
            values = data[column.name]
            assert set(values[values >= 0].tolist()) <= listed[kind], (table.name, column.name)
            if (values < 0).any():  # missing: -1, where the schema says so
                assert set(values[values < 0].tolist()) == {-1}, (table.name, column.name)
                assert "-1" in column.description, (table.name, column.name)
            checked += 1
    assert checked >= 20


def test_every_tables_key_identifies_its_rows(stored):
    run = open_run(stored.folder.path)
    for table in map(schema, RUN_TABLES):
        data = run.columns(table.name)
        keys = list(zip(*(data[c].tolist() for c in table.key), strict=True))
        assert keys, table.name
        assert len(set(keys)) == len(keys), table.name


def test_every_parquet_field_carries_its_declared_unit(stored):
    files = sorted(stored.folder.path.rglob("*.parquet"))
    assert len(files) > len(RUN_TABLES)  # the parted tables hold several files
    for path in files:
        name = path.parent.name if path.parent != stored.folder.path else path.stem
        declared = schema(name)
        fields = pq.read_schema(path)
        assert fields.names == list(declared.column_names)
        for field in fields:
            assert field.metadata[b"unit"].decode() == declared.column(field.name).unit, (
                name,
                field.name,
            )


def test_the_summary_is_rebuilt_from_the_folder_alone(stored):
    path = stored.folder.path
    saved = json.loads((path / "summary.json").read_text())
    assert summarize_folder(path) == saved == stored.summary
    assert saved["kill_chain"]["trials"] == 20
    assert saved["sensing"]["tracks"] > 0


def test_the_run_stores_its_cost_and_the_summary_sets_it_beside_the_outcomes(stored):
    from goldendome.run.cost import scenario_cost

    run = open_run(stored.folder.path)
    expected = scenario_cost(small_spec())
    assert run.columns("cost")["cost_usd"].sum() == pytest.approx(expected.total_usd)
    cost, kc = stored.summary["cost"], stored.summary["kill_chain"]
    assert cost["total_usd"] == pytest.approx(expected.total_usd)
    assert (cost["first_year"], cost["years"], cost["base_year"]) == (2027, 20, 2026)
    assert cost["p_zero_leakers"] == kc["p_zero_leakers"]
    stopped = kc["warheads"] - kc["expected_rvs_through"]["mean"]
    assert cost["usd_per_warhead_stopped"] == pytest.approx(cost["total_usd"] / stopped)
    gbi = next(r for r in cost["rounds"] if r["interceptor"] == "gbi")
    assert gbi["unit_cost_usd"] == pytest.approx(expected.line("Fort Greely/gbi").unit_cost_usd)
    assert gbi["fired"] == kc["interceptors_fired"]["gbi"]["mean"]
    assert cost["replacement_usd"] == pytest.approx(
        sum(r["replacement_usd"] for r in cost["rounds"] if r["fired"] > 0)
    )


def test_ctrl_c_in_the_monte_carlo_keeps_the_finished_chunks(tmp_path: Path):
    def progress(stage: str, done: int, total: int) -> None:
        if stage == "Monte Carlo trials" and done >= 5:  # one chunk of 5 done: Ctrl-C
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        _run(tmp_path, progress=progress)
    folder = _only_folder(tmp_path)
    manifest = json.loads((folder / "manifest.json").read_text())
    assert (manifest["status"], manifest["stage"]) == ("interrupted", "monte_carlo")
    assert [p.name for p in (folder / "trials").iterdir()] == ["part-000000-000004.parquet"]
    assert [p.name for p in (folder / "engagements").iterdir()] == ["part-000000-000004.parquet"]
    assert open_run(folder).columns("trials")["trial"].tolist() == [0, 1, 2, 3, 4]
    assert (folder / "tracks.parquet").is_file()
    assert not (folder / "summary.json").exists()


def test_ctrl_c_while_propagating_keeps_the_finished_layers(tmp_path: Path):
    def progress(stage: str, done: int, total: int) -> None:
        if stage == "propagating satellites" and done >= 24:  # the SBI layer is stored
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_scenario(small_spec(SMALL_SCENARIO), SMALL_SCENARIO, tmp_path, progress, IN_PROCESS)
    folder = _only_folder(tmp_path)
    manifest = json.loads((folder / "manifest.json").read_text())
    assert (manifest["status"], manifest["stage"]) == ("interrupted", "architecture")
    layers = pq.read_table(folder / "layers.parquet").to_pylist()
    assert [row["name"] for row in layers] == ["sbi"]
    assert not (folder / "summary.json").exists()


def test_a_stage_that_raises_leaves_a_failed_manifest_naming_it(tmp_path: Path, monkeypatch):
    def broken(ctx, sink):
        raise RuntimeError("no satellite in reach")

    monkeypatch.setattr(pipeline, "run_boost", broken)
    with pytest.raises(RuntimeError, match="no satellite in reach"):
        _run(tmp_path)
    folder = _only_folder(tmp_path)
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["status"] == "failed"
    assert manifest["stage"] == "space_based_interceptors"
    assert manifest["error"] == "RuntimeError: no satellite in reach"
    assert (folder / "threats.parquet").is_file()  # what finished before is kept
    assert not (folder / "sbi_opportunities.parquet").exists()


@pytest.mark.slow
def test_equal_seeds_write_equal_bytes_in_process_or_on_dask(stored, tmp_path: Path):
    """The one run on Dask (two local workers): every Parquet file, trials and engagements
    included, is byte for byte the in-process run's."""
    again = _run(tmp_path, executor=Dask(workers=2))
    mine = sorted(p.relative_to(stored.folder.path) for p in stored.folder.path.rglob("*.parquet"))
    theirs = sorted(p.relative_to(again.folder.path) for p in again.folder.path.rglob("*.parquet"))
    assert mine == theirs
    assert Path("trials/part-000015-000019.parquet") in mine
    for rel in mine:
        assert (stored.folder.path / rel).read_bytes() == (again.folder.path / rel).read_bytes(), (
            rel
        )
    trials = open_run(again.folder.path).columns("trials")
    assert np.unique(trials["interceptors_fired"]).size > 1  # the trials do differ
