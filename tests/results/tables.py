"""Columns for any declared table, filled with placeholder values of the declared types, and
a run folder with a manifest, for tests of the storage layer."""

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from goldendome.results.manifest import build_manifest
from goldendome.results.run_folder import MANIFEST, RunFolder
from goldendome.results.schemas import schema

_FILL = {"int64": 0, "float64": 0.0, "bool": False, "string": ""}


def columns_for(table: str, n: int, /, **given: Any) -> dict[str, Any]:
    """Every declared column of ``table`` with ``n`` rows: ``given`` ones as given, the
    others filled with zeros, False or empty strings."""
    out: dict[str, Any] = {}
    for column in schema(table).columns:
        if column.name in given:
            out[column.name] = given[column.name]
        else:
            out[column.name] = np.full(
                n, _FILL[column.dtype], dtype=object if column.dtype == "string" else column.dtype
            )
    unknown = set(given) - set(out)
    assert not unknown, f"not columns of {table}: {unknown}"
    return out


def new_run_folder(runs_dir: Path, *, seed: int = 1, **run: Any) -> RunFolder:
    """An empty run folder with a complete manifest of this schema version."""
    folder = RunFolder.create(runs_dir, "tables-test", datetime(2029, 6, 1, tzinfo=UTC))
    manifest = build_manifest(
        scenario_name="tables-test",
        scenario_text='name = "tables-test"\n',
        seed=seed,
        status="complete",
        timings_s={},
        started_utc=datetime(2029, 6, 1, tzinfo=UTC),
        run=run,
    )
    folder.write_json(MANIFEST, manifest)
    return folder
