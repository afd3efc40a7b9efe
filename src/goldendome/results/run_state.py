"""The state a run folder is in: complete, interrupted, failed, running, or dead.

The manifest's ``status`` says how a run ended, when it could say so: ``complete``,
``interrupted`` (Ctrl-C or SIGTERM, with the stage it stopped in), ``failed`` (with the stage
and the error). A run killed outright leaves ``running`` behind; its heartbeat
(:mod:`goldendome.results.heartbeat`) tells it from a live one: on the same host by whether
its process still exists, elsewhere by the heartbeat's age (older than
:data:`~goldendome.results.heartbeat.STALE_S` seconds: ``dead``).

Plain and light (no table is read): ``goldendome runs list`` and a resumed sweep use it.
"""

import json
import re
import socket
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from goldendome.results.heartbeat import STALE_S, process_alive, read_heartbeat
from goldendome.results.run_folder import MANIFEST

#: Every state :func:`run_state` gives.
STATES = ("complete", "interrupted", "failed", "running", "dead", "unreadable")
_PART = re.compile(r"^part-(\d+)-(\d+)\.parquet$")


@dataclass(frozen=True)
class RunState:
    """What a run folder says about its run (see :func:`run_state`).

    ``state`` is one of :data:`STATES`; ``stage``, ``error`` and ``signal`` say where and
    how an interrupted or failed run stopped; ``pid``, ``host``, ``heartbeat_utc`` and
    ``heartbeat_age_s`` come from the heartbeat (or the manifest, without one);
    ``progress`` is the stage in progress of a running run; ``trials_done`` counts the
    Monte Carlo trials stored and ``trials`` those asked for (None for a study).
    """

    path: Path
    state: str
    scenario: str | None = None
    study: str | None = None
    started_utc: str | None = None
    stage: str | None = None
    error: str | None = None
    signal: str | None = None
    pid: int | None = None
    host: str | None = None
    heartbeat_utc: str | None = None
    heartbeat_age_s: float | None = None
    progress: dict[str, Any] | None = None
    trials_done: int = 0
    trials: int | None = None

    def sentence(self) -> str:
        """The state in words, e.g. ``failed at stage monte_carlo: ValueError: ...`` or
        ``dead: pid 8751 on vm is gone (last heartbeat 2 min ago, at Monte Carlo trials
        350 of 4,000)``."""
        where = f" at stage {self.stage}" if self.stage else ""
        if self.state == "interrupted":
            return f"interrupted{where}" + (f" ({self.signal})" if self.signal else "")
        if self.state == "failed":
            return f"failed{where}: {self.error or 'no error recorded'}"
        at = _progress_text(self.progress)
        if self.state == "running":
            return f"running{where}: pid {self.pid} on {self.host}, {self._beat()}{at}"
        if self.state == "dead":
            if self.host == socket.gethostname() and self.pid is not None:
                gone = f"pid {self.pid} on {self.host} is gone"
            else:
                gone = f"no heartbeat for over {STALE_S:.0f} s"
            return f"dead{where}: {gone} ({self._beat()}{at})"
        if self.state == "unreadable":
            return f"unreadable: {self.error}"
        return self.state

    def trials_text(self) -> str:
        """Trials stored, of those asked for: ``150 of 1,000``, or ``-`` for a study."""
        if self.trials is None:
            return f"{self.trials_done:,}" if self.trials_done else "-"
        return f"{self.trials_done:,} of {self.trials:,}"

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready, with the sentence under ``summary``."""
        return asdict(self) | {"path": str(self.path), "summary": self.sentence()}

    def _beat(self) -> str:
        if self.heartbeat_age_s is None:
            return "no heartbeat"
        return f"last heartbeat {_age_text(self.heartbeat_age_s)} ago"


def _age_text(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7_200:
        return f"{seconds / 60:.0f} min"
    if seconds < 172_800:
        return f"{seconds / 3_600:.0f} h"
    return f"{seconds / 86_400:.0f} days"


def _progress_text(progress: dict[str, Any] | None) -> str:
    if not progress:
        return ""
    done, total = progress.get("done"), progress.get("total")
    if isinstance(done, int) and isinstance(total, int):
        return f", at {progress.get('stage')} {done:,} of {total:,}"
    return f", at {progress.get('stage')}"


def trials_stored(folder: Path) -> int:
    """Monte Carlo trials stored in ``folder`` (from the names of its ``trials`` parts)."""
    done = 0
    for part in (folder / "trials").glob("part-*.parquet"):
        match = _PART.match(part.name)
        if match is not None:
            done += int(match[2]) - int(match[1]) + 1
    return done


def _time(text: Any) -> datetime | None:
    try:
        when = datetime.fromisoformat(str(text))
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def run_state(folder: str | Path, now: datetime | None = None) -> RunState:
    """The state of the run in ``folder`` (see the module's description).

    Parameters
    ----------
    folder : str or Path
        A run folder (the one holding ``manifest.json``).
    now : datetime, optional
        The time to judge a heartbeat's age against (default: now).

    Returns
    -------
    RunState
        ``unreadable`` (with the reason in ``error``) for a folder without a readable
        manifest.
    """
    path = Path(folder)
    try:
        manifest = json.loads((path / MANIFEST).read_text("utf-8"))
    except FileNotFoundError:
        return RunState(path, "unreadable", error=f"no {MANIFEST}")
    except (OSError, ValueError) as exc:
        return RunState(path, "unreadable", error=f"{MANIFEST} cannot be read: {exc}")
    if not isinstance(manifest, dict):
        return RunState(path, "unreadable", error=f"{MANIFEST} is not a JSON object")
    facts: dict[str, Any] = manifest["run"] if isinstance(manifest.get("run"), dict) else {}
    beat = read_heartbeat(path) or {}
    pid = beat.get("pid", manifest.get("pid", facts.get("pid")))
    host = beat.get("host", manifest.get("host"))
    last = _time(beat.get("time_utc", manifest.get("written_utc")))
    age = None if last is None else ((now or datetime.now(UTC)) - last).total_seconds()
    status = str(manifest.get("status"))
    if status == "running":
        if host == socket.gethostname() and isinstance(pid, int):
            alive = process_alive(pid, beat.get("process_start", manifest.get("process_start")))
        else:
            alive = age is not None and age <= STALE_S
        status = "running" if alive else "dead"
    elif status not in STATES:
        status, manifest["error"] = "unreadable", f"unknown manifest status {status!r}"
    return RunState(
        path,
        status,
        scenario=manifest.get("scenario_name"),
        study=facts.get("study"),
        started_utc=manifest.get("started_utc"),
        stage=beat.get("stage") if status in ("running", "dead") else manifest.get("stage"),
        error=manifest.get("error"),
        signal=manifest.get("signal"),
        pid=pid if isinstance(pid, int) else None,
        host=host,
        heartbeat_utc=None if last is None else last.isoformat(),
        heartbeat_age_s=age,
        progress=beat.get("progress") if status in ("running", "dead") else None,
        trials_done=trials_stored(path),
        trials=facts.get("trials"),
    )
