"""Writing a run folder: unique names, tables exactly as declared (types, units), parted
tables by trial range, files replaced whole."""

import re
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq
import pytest

from goldendome.results.run_folder import RunFolder, table_of
from tests.results.tables import columns_for

NOW = datetime(2029, 6, 1, 12, 0, 0, tzinfo=UTC)


@pytest.fixture
def folder(tmp_path: Path) -> RunFolder:
    return RunFolder.create(tmp_path, "x", NOW)


def test_run_folder_names_are_unique(tmp_path: Path):
    a = RunFolder.create(tmp_path, "x", NOW)
    b = RunFolder.create(tmp_path, "x", NOW)
    assert a.path.name == "20290601T120000Z-x"
    assert b.path.name == "20290601T120000Z-x-2"
    assert a.path.is_dir()
    assert b.path.is_dir()


def test_write_table_refuses_missing_and_undeclared_columns_naming_them(folder):
    columns = columns_for("layers", 2)
    del columns["period_s"]
    message = (
        "table 'layers' must have exactly its declared columns; "
        "missing: period_s; not declared: none."
    )
    with pytest.raises(ValueError, match=re.escape(message)):
        folder.write_table("layers", columns)
    extra = {**columns_for("layers", 2), "colour": ["red", "blue"]}
    with pytest.raises(ValueError, match="missing: none; not declared: colour"):
        folder.write_table("layers", extra)
    assert not (folder.path / "layers.parquet").exists()


def test_write_table_refuses_columns_of_different_lengths_naming_the_column(folder):
    columns = columns_for("layers", 2, name=["sbi"])
    message = "table 'layers': column 'name' has 1 values where the other columns have 2."
    with pytest.raises(ValueError, match=re.escape(message)):
        folder.write_table("layers", columns)


def test_parted_tables_are_written_in_parts_and_whole_tables_whole(folder):
    with pytest.raises(ValueError, match="table 'trials' is written in parts: use write_part"):
        folder.write_table("trials", columns_for("trials", 1))
    with pytest.raises(ValueError, match="table 'layers' is written whole: use write_table"):
        folder.write_part("layers", 0, 0, columns_for("layers", 1))
    part = folder.write_part("trials", 10, 19, columns_for("trials", 10, trial=np.arange(10, 20)))
    assert part == folder.path / "trials" / "part-000010-000019.parquet"
    whole = folder.write_table("layers", columns_for("layers", 1))
    assert whole == folder.path / "layers.parquet"
    assert sorted(p.name for p in folder.path.rglob("*")) == [
        "layers.parquet",
        "part-000010-000019.parquet",
        "trials",
    ]  # and no temporary file is left behind


def test_values_are_cast_to_the_declared_types_with_units_in_the_metadata(folder):
    columns = columns_for(
        "threats", 2, threat_id=[0.0, 1.0], reachable=[1, 0], aim_miss_m=[3, 4], target=[7, "x"]
    )
    path = folder.write_table("threats", columns)
    table = pq.read_table(path)
    assert str(table.schema.field("threat_id").type) == "int64"
    assert table.column("reachable").to_pylist() == [True, False]
    assert table.column("aim_miss_m").to_pylist() == [3.0, 4.0]
    assert table.column("target").to_pylist() == ["7", "x"]
    field = table.schema.field("aim_miss_m")
    assert field.metadata[b"unit"] == b"m"
    assert field.metadata[b"description"] == b"aim error of the nominal trajectory"
    assert table.schema.metadata[b"table"] == b"threats"
    assert table.schema.metadata[b"key"] == b"threat_id"


def test_a_table_is_replaced_whole_by_a_later_version(folder):
    folder.write_table("layers", columns_for("layers", 1, name=["first"]))
    folder.write_table("layers", columns_for("layers", 2, name=["first", "second"]))
    assert pq.read_table(folder.path / "layers.parquet").column("name").to_pylist() == [
        "first",
        "second",
    ]


def test_an_empty_table_keeps_its_columns_and_types():
    table = table_of("engagements", columns_for("engagements", 0))
    assert table.num_rows == 0
    assert str(table.schema.field("kill").type) == "bool"
    assert str(table.schema.field("layer").type) == "string"


def test_json_files_round_trip(folder):
    folder.write_json("notes.json", {"a": [1, 2.5, None], "when": NOW})
    assert folder.read_json("notes.json") == {"a": [1, 2.5, None], "when": str(NOW)}
