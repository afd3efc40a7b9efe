"""Read a run folder: its manifest and its tables, checked against the declared schemas.

A reader never reruns physics and imports nothing of the simulator: it is what reports, the
viewer and the summary use. A folder written with another table layout is refused with a
sentence that says what to do.
"""

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from goldendome.results.run_folder import MANIFEST
from goldendome.results.schemas import SCHEMA_VERSION, schema

#: Columns read from a table: name -> (n_rows,) array (strings as an object array).
ColumnData = dict[str, np.ndarray[Any, Any]]


class RunFolderError(Exception):
    """A folder that is not a run folder this goldendome can read (the message says why)."""


@dataclass(frozen=True)
class RunReader:
    """A run folder opened for reading (see :func:`open_run`)."""

    path: Path
    manifest: dict[str, Any]

    def has(self, name: str) -> bool:
        """Whether the folder holds table ``name`` (a parted table: at least one part)."""
        if schema(name).parted:
            folder = self.path / name
            return folder.is_dir() and any(folder.glob("part-*.parquet"))
        return (self.path / f"{name}.parquet").is_file()

    def arrow(self, name: str) -> Any:
        """Table ``name`` as a ``pyarrow.Table`` (parts concatenated in trial order).

        Raises
        ------
        RunFolderError
            If the table is missing or its columns are not the declared ones.
        """
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = schema(name)
        if not self.has(name):
            raise RunFolderError(f"{self.path}: has no table '{name}'.")
        if table.parted:
            parts = sorted((self.path / name).glob("part-*.parquet"))
            data = pa.concat_tables([pq.read_table(p) for p in parts])
        else:
            data = pq.read_table(self.path / f"{name}.parquet")
        if tuple(data.column_names) != table.column_names:
            raise RunFolderError(
                f"{self.path}: table '{name}' has columns {', '.join(data.column_names)}; "
                f"schema version {SCHEMA_VERSION} declares {', '.join(table.column_names)}."
            )
        return data

    def columns(self, name: str) -> ColumnData:
        """Table ``name`` as NumPy columns (an empty table: zero-length columns)."""
        data = self.arrow(name)
        return {c: data.column(c).to_numpy(zero_copy_only=False) for c in data.column_names}

    def rows(self, name: str) -> list[dict[str, Any]]:
        """Table ``name`` as a list of plain dicts (for small tables)."""
        rows: list[dict[str, Any]] = self.arrow(name).to_pylist()
        return rows


def open_run(path: str | Path) -> RunReader:
    """Open a run folder for reading.

    Parameters
    ----------
    path : str or Path
        The run folder (the one holding ``manifest.json``).

    Raises
    ------
    RunFolderError
        If ``path`` is not a run folder, or was written with a table layout this goldendome
        does not read.
    """
    folder = Path(path)
    manifest_path = folder / MANIFEST
    if not manifest_path.is_file():
        raise RunFolderError(f"{folder}: not a run folder (it has no {MANIFEST}).")
    try:
        manifest = json.loads(manifest_path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise RunFolderError(f"{manifest_path}: cannot be read as JSON: {exc}.") from None
    version = manifest.get("schema_version") if isinstance(manifest, dict) else None
    if version != SCHEMA_VERSION:
        raise RunFolderError(
            f"{folder}: written with table schema version "
            f"{'none (before 1)' if version is None else version}; "
            f"this goldendome reads version {SCHEMA_VERSION}. Run the scenario again (its "
            "text is in the manifest) to get a folder this version reads."
        )
    return RunReader(folder, manifest)
