"""A run folder: ``runs/<UTC time>-<scenario name>/`` with a manifest and Parquet tables."""

import json
import os
from collections.abc import Sequence
from dataclasses import asdict, dataclass, is_dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

MANIFEST = "manifest.json"
SUMMARY = "summary.json"


def _write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file and rename, so a reader never sees half a file."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _write_rows(path: Path, rows: Sequence[Any]) -> Path:
    """Dataclass or dict rows (all alike) as one Parquet file, written atomically."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = [asdict(r) if is_dataclass(r) and not isinstance(r, type) else dict(r) for r in rows]
    tmp = path.with_name(path.name + ".tmp")
    pq.write_table(pa.Table.from_pylist(records), tmp)
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

    def write_table(self, name: str, rows: Sequence[Any]) -> Path:
        """Write dataclass rows (all of one type) as ``<name>.parquet`` (no rows: no columns).

        Parameters
        ----------
        name : str
            Table name (``layers``, ``site_coverage``).
        rows : sequence of dataclass instances

        Returns
        -------
        Path
            The Parquet file.
        """
        return _write_rows(self.path / f"{name}.parquet", rows)

    def write_part(self, name: str, index: int, rows: Sequence[Any]) -> Path:
        """Write rows as part ``index`` of the table ``<name>/`` (a folder of Parquet files
        that pyarrow and DuckDB read as one table); parts survive an interrupted run."""
        (self.path / name).mkdir(exist_ok=True)
        return _write_rows(self.path / name / f"part-{index:05d}.parquet", rows)

    def append_table(self, name: str, rows: Sequence[Any]) -> Path:
        """Add rows to ``<name>.parquet`` (rewriting it; tables here are small)."""
        import pyarrow.parquet as pq

        path = self.path / f"{name}.parquet"
        existing = pq.read_table(path).to_pylist() if path.exists() else []
        records = [
            asdict(r) if is_dataclass(r) and not isinstance(r, type) else dict(r) for r in rows
        ]
        return self.write_table(name, existing + records)
