"""The manifest of a run: what ran, on what input, with which code, how long it took, and
how it ended.

``status`` is ``running`` while the run works, then ``complete``, ``interrupted`` (Ctrl-C or
SIGTERM: ``signal`` names which, ``stage`` where) or ``failed`` (``stage`` and ``error``).
``pid``, ``host`` and ``process_start`` name the process that wrote it, so a reader can tell a
run that was killed outright (:mod:`goldendome.results.run_state`).
"""

import functools
import hashlib
import platform
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import goldendome
from goldendome.results.heartbeat import process_facts
from goldendome.results.schemas import SCHEMA_VERSION


@functools.cache
def git_commit() -> str | None:
    """The commit of the goldendome source tree, when it is a git checkout; else None."""
    here = Path(goldendome.__file__).resolve().parent
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=here,
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    commit = out.stdout.strip()
    return commit if out.returncode == 0 and len(commit) == 40 else None


def scenario_hash(text: str) -> str:
    """SHA-256 of the scenario text, hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def build_manifest(
    *,
    scenario_name: str,
    scenario_text: str,
    seed: int,
    status: str,
    timings_s: dict[str, float],
    started_utc: datetime,
    run: dict[str, Any] | None = None,
    stage: str | None = None,
    error: str | None = None,
    signal: str | None = None,
) -> dict[str, Any]:
    """The manifest as a JSON-ready dict.

    Parameters
    ----------
    scenario_name, scenario_text : str
        The scenario's name and its full text as read.
    seed : int
        The seed the run used.
    status : {"running", "complete", "interrupted", "failed"}
    timings_s : dict
        Wall-clock seconds per stage.
    started_utc : datetime
    run : dict, optional
        Facts of the run a reader needs besides the tables (epoch, grid, the SBI layer).
    stage, error : str, optional
        Where and how an interrupted or failed run stopped.
    signal : str, optional
        The signal that interrupted the run (``SIGINT``: Ctrl-C, or ``SIGTERM``).
    """
    import numpy

    return {
        "scenario_name": scenario_name,
        "scenario_sha256": scenario_hash(scenario_text),
        "seed": seed,
        "status": status,
        "schema_version": SCHEMA_VERSION,
        "stage": stage,
        "error": error,
        "signal": signal,
        **process_facts(),
        "run": run or {},
        "started_utc": started_utc.isoformat(),
        "written_utc": datetime.now(UTC).isoformat(),
        "timings_s": timings_s,
        "goldendome_version": goldendome.__version__,
        "git_commit": git_commit(),
        "python": platform.python_version(),
        "numpy": numpy.__version__,
        "platform": platform.platform(),
        "scenario_text": scenario_text,
    }
