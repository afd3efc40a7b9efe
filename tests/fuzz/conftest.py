"""The fuzz campaign's tally: documents run and validated per test, written for the record
to ``.benchmarks/fuzz-counts.json`` and printed at the end of the session."""

import hashlib
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

COUNTS_FILE = Path(__file__).resolve().parents[2] / ".benchmarks" / "fuzz-counts.json"
_TALLY: dict[str, dict[str, Any]] = {}


class Tally:
    """Counts of one campaign test: documents run, documents that validated, seconds."""

    def __init__(self, name: str) -> None:
        self.entry = _TALLY.setdefault(
            name, {"documents": 0, "validated": 0, "seconds": 0.0, "digest": ""}
        )
        self._digest = hashlib.sha256(self.entry["digest"].encode())

    def add(self, validated: bool, document: object) -> None:
        """Count one document (its digest shows that two runs drew the same ones)."""
        self.entry["documents"] += 1
        self.entry["validated"] += int(validated)
        self._digest.update(repr(document).encode("utf-8", "backslashreplace")[:4096])
        self.entry["digest"] = self._digest.hexdigest()[:16]


@pytest.fixture
def tally(request: pytest.FixtureRequest) -> Iterator[Tally]:
    """The tally of the requesting test, timed."""
    start = time.perf_counter()
    counter = Tally(request.node.name)
    yield counter
    counter.entry["seconds"] = round(time.perf_counter() - start, 1)


def campaign() -> dict[str, Any]:
    """The totals so far, with the per-test tallies."""
    return {
        "documents": sum(t["documents"] for t in _TALLY.values()),
        "validated": sum(t["validated"] for t in _TALLY.values()),
        "seconds": round(sum(t["seconds"] for t in _TALLY.values()), 1),
        "tests": _TALLY,
    }


def pytest_sessionfinish(session: pytest.Session) -> None:
    if _TALLY:
        COUNTS_FILE.parent.mkdir(exist_ok=True)
        COUNTS_FILE.write_text(json.dumps(campaign(), indent=2) + "\n")


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _TALLY:
        totals = campaign()
        terminalreporter.write_line(
            f"fuzz campaign: {totals['documents']:,} documents, {totals['validated']:,} "
            f"validated, {totals['seconds']} s (tallies in {COUNTS_FILE})"
        )
