"""Reading a run folder: what is not one (or of another table layout) is refused with a
sentence saying what to do; parted tables come back in trial order."""

import json
import re
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from goldendome.results.reader import RunFolderError, open_run
from goldendome.results.schemas import SCHEMA_VERSION
from tests.results.tables import columns_for, new_run_folder


def test_a_folder_without_a_manifest_is_not_a_run_folder(tmp_path: Path):
    with pytest.raises(
        RunFolderError, match=re.escape(f"{tmp_path}: not a run folder (it has no manifest.json).")
    ):
        open_run(tmp_path)


def test_a_manifest_of_another_schema_version_is_refused_saying_what_to_do(tmp_path: Path):
    folder = new_run_folder(tmp_path)
    manifest = folder.read_json("manifest.json")
    folder.write_json("manifest.json", {**manifest, "schema_version": SCHEMA_VERSION + 1})
    message = (
        f"{folder.path}: written with table schema version {SCHEMA_VERSION + 1}; this goldendome "
        f"reads version {SCHEMA_VERSION}. Run the scenario again (its text is in the manifest)"
    )
    with pytest.raises(RunFolderError, match=re.escape(message)):
        open_run(folder.path)
    del manifest["schema_version"]
    folder.write_json("manifest.json", manifest)
    with pytest.raises(RunFolderError, match=re.escape("table schema version none (before 1)")):
        open_run(folder.path)


def test_a_manifest_that_is_not_json_is_refused(tmp_path: Path):
    folder = new_run_folder(tmp_path)
    (folder.path / "manifest.json").write_text("{ not json")
    with pytest.raises(RunFolderError, match=re.escape("manifest.json: cannot be read as JSON")):
        open_run(folder.path)


def test_parts_are_read_in_trial_order_whatever_order_they_were_written(tmp_path: Path):
    folder = new_run_folder(tmp_path)
    for first in (10, 0, 5):  # as chunks finish on several workers
        trials = np.arange(first, first + 5)
        folder.write_part(
            "trials", first, first + 4, columns_for("trials", 5, trial=trials, leakers=trials % 3)
        )
    run = open_run(folder.path)
    data = run.columns("trials")
    assert data["trial"].tolist() == list(range(15))
    assert data["leakers"].tolist() == [k % 3 for k in range(15)]
    assert run.rows("trials")[7]["trial"] == 7


def test_missing_tables_and_tables_of_other_columns_are_refused(tmp_path: Path):
    folder = new_run_folder(tmp_path)
    run = open_run(folder.path)
    assert not run.has("objects")
    assert not run.has("trials")
    (folder.path / "trials").mkdir()
    assert not run.has("trials")  # an empty parted table's folder holds no part yet
    with pytest.raises(RunFolderError, match="has no table 'objects'"):
        run.arrow("objects")
    pq.write_table(pa.table({"layer_id": [0], "name": ["sbi"]}), folder.path / "layers.parquet")
    message = (
        f"table 'layers' has columns layer_id, name; "
        f"schema version {SCHEMA_VERSION} declares layer_id, name, role, "
    )
    with pytest.raises(RunFolderError, match=re.escape(message)):
        run.columns("layers")


def test_a_table_comes_back_with_its_types_and_an_empty_one_with_empty_columns(tmp_path: Path):
    folder = new_run_folder(tmp_path, sbi_layer="sbi")
    folder.write_table("sites", columns_for("sites", 2, name=["A", "B"], altitude_m=[1.5, 2.5]))
    folder.write_table("tracks", columns_for("tracks", 0))
    run = open_run(folder.path)
    assert run.manifest["run"] == {"sbi_layer": "sbi"}
    sites = run.columns("sites")
    assert sites["name"].tolist() == ["A", "B"]
    assert sites["altitude_m"].dtype == np.float64
    assert sites["site_id"].dtype == np.int64
    tracks = run.columns("tracks")
    assert tracks["track_id"].size == 0
    assert tracks["track_id"].dtype == np.int64
    assert json.loads(json.dumps(run.rows("sites")))[1]["name"] == "B"
