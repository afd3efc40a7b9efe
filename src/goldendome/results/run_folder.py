"""A run folder: ``runs/<UTC time>-<scenario name>/`` with a manifest and Parquet tables.

Every table is written against its declared schema (:mod:`goldendome.results.schemas`):
the columns must be exactly the declared ones, values are cast to the declared types, and
each field carries its unit and meaning in the Parquet metadata. Files are written through
a temporary name and renamed, so a reader never sees half a file and an interrupted run
keeps every table it finished.
"""

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from goldendome.results.schemas import TableSchema, schema

MANIFEST = "manifest.json"
SUMMARY = "summary.json"

#: Columns of a table as given to the writer: name -> array or list (one value per row).
Columns = Mapping[str, Any]


def _write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file and rename, so a reader never sees half a file."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _column_array(table: TableSchema, name: str, values: Any, n_rows: int) -> Any:
    """One column as a pyarrow array of its declared type (ValueError on a wrong length)."""
    import pyarrow as pa

    dtype = table.column(name).dtype
    if dtype == "string":
        array = pa.array([str(v) for v in values], pa.string())
    else:
        array = pa.array(np.asarray(values, dtype=dtype))
    if len(array) != n_rows:
        raise ValueError(
            f"table '{table.name}': column '{name}' has {len(array)} values where the "
            f"other columns have {n_rows}."
        )
    return array


def table_of(name: str, columns: Columns) -> Any:
    """Columns as a ``pyarrow.Table`` with the declared schema of table ``name``.

    Raises
    ------
    ValueError
        If the columns are not exactly the declared ones or have different lengths.
    """
    import pyarrow as pa

    table = schema(name)
    given, declared = set(columns), set(table.column_names)
    if given != declared:
        missing = ", ".join(sorted(declared - given)) or "none"
        extra = ", ".join(sorted(given - declared)) or "none"
        raise ValueError(
            f"table '{name}' must have exactly its declared columns; "
            f"missing: {missing}; not declared: {extra}."
        )
    first = table.column_names[0]
    n_rows = len(columns[first])
    arrays = [_column_array(table, c, columns[c], n_rows) for c in table.column_names]
    fields = [
        pa.field(
            c.name,
            a.type,
            metadata={"unit": c.unit, "description": c.description},
        )
        for c, a in zip(table.columns, arrays, strict=True)
    ]
    meta = {"table": name, "description": table.description, "key": ",".join(table.key)}
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields, metadata=meta))


def _write_parquet(path: Path, name: str, columns: Columns) -> Path:
    import pyarrow.parquet as pq

    tmp = path.with_name(path.name + ".tmp")
    pq.write_table(table_of(name, columns), tmp)
    os.replace(tmp, path)
    return path


@dataclass(frozen=True)
class RunFolder:
    """The folder one run writes into."""

    path: Path

    @classmethod
    def create(cls, runs_dir: Path, scenario_name: str, now: datetime | None = None) -> "RunFolder":
        """Make a new, uniquely named folder under ``runs_dir``.

        Parameters
        ----------
        runs_dir : Path
            Parent folder (created if missing).
        scenario_name : str
            The scenario's name (validated: letters, digits, ``_ . -``).
        now : datetime, optional
            Wall-clock time for the name (UTC); the current time when omitted.
        """
        stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
        runs_dir.mkdir(parents=True, exist_ok=True)
        for attempt in range(1, 1000):
            suffix = "" if attempt == 1 else f"-{attempt}"
            path = runs_dir / f"{stamp}-{scenario_name}{suffix}"
            try:
                path.mkdir()
            except FileExistsError:
                continue
            return cls(path)
        raise FileExistsError(f"Could not make a new run folder under {runs_dir}.")

    def write_json(self, name: str, obj: Any) -> Path:
        """Write ``obj`` as indented JSON to ``name`` inside the folder."""
        path = self.path / name
        _write_atomic(path, (json.dumps(obj, indent=2, default=str) + "\n").encode("utf-8"))
        return path

    def read_json(self, name: str) -> Any:
        """Read a JSON file of the folder."""
        return json.loads((self.path / name).read_text("utf-8"))

    def write_table(self, name: str, columns: Columns) -> Path:
        """Write the declared table ``name`` as ``<name>.parquet``.

        Parameters
        ----------
        name : str
            A table of :data:`goldendome.results.schemas.TABLES` (not a parted one).
        columns : mapping of str to array-like
            Exactly the declared columns, one value per row each.

        Returns
        -------
        Path
            The Parquet file.
        """
        if schema(name).parted:
            raise ValueError(f"table '{name}' is written in parts: use write_part.")
        return _write_parquet(self.path / f"{name}.parquet", name, columns)

    def write_part(self, name: str, first: int, last: int, columns: Columns) -> Path:
        """Write rows of trials ``first..last`` (inclusive) as one part of table ``name``.

        Parts are named by their trial range (``part-000000-000049.parquet``), so identical
        runs write identical files whatever the order in which parts finish; pyarrow and
        DuckDB read the folder as one table, and an interrupted run keeps every part.
        """
        if not schema(name).parted:
            raise ValueError(f"table '{name}' is written whole: use write_table.")
        folder = self.path / name
        folder.mkdir(exist_ok=True)
        return _write_parquet(folder / f"part-{first:06d}-{last:06d}.parquet", name, columns)
