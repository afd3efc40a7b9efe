"""A running run's heartbeat: ``heartbeat.json`` in its folder, rewritten every few seconds.

A run killed outright (SIGKILL, the machine lost) cannot mark its manifest; its manifest
says ``running`` for ever. So while a run works, a daemon thread rewrites a small file with
the time, the process id, the host and the process's start time, and the stage in progress.
A reader (:mod:`goldendome.results.run_state`) then tells a live run from a dead one: on
the same host, by whether that process still exists; elsewhere, by the heartbeat's age.

Only the standard library is used: this module is imported by readers too.
"""

import json
import os
import socket
import threading
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

HEARTBEAT = "heartbeat.json"
#: Seconds between heartbeats.
INTERVAL_S = 5.0
#: A heartbeat older than this (seconds) means a dead run when its host cannot be asked.
STALE_S = 60.0


def process_start(pid: int) -> int | None:
    """When process ``pid`` started, in clock ticks since boot (Linux); None if unknown.

    Two processes that share a pid (one reused after the other ended) differ here.
    """
    try:
        stat = Path(f"/proc/{pid}/stat").read_text("ascii")
    except (OSError, UnicodeDecodeError):
        return None
    fields = stat[stat.rfind(")") + 2 :].split()  # after the command name, which may hold " "
    try:
        return int(fields[19])  # field 22 of proc(5); fields[0] is field 3
    except (IndexError, ValueError):
        return None


def process_facts() -> dict[str, Any]:
    """This process as a heartbeat and a manifest name it: pid, host and start time."""
    pid = os.getpid()
    return {"pid": pid, "host": socket.gethostname(), "process_start": process_start(pid)}


def process_alive(pid: int, start: int | None = None) -> bool:
    """Whether process ``pid`` of this host exists (and, when ``start`` is given and can be
    read, is the same process that started then, not a later one given the same pid)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, owned by someone else
    except OSError:
        return False
    now = process_start(pid)
    return start is None or now is None or now == start


def read_heartbeat(folder: Path) -> dict[str, Any] | None:
    """The heartbeat of a run folder, or None if it has none (or it cannot be read)."""
    try:
        beat = json.loads((folder / HEARTBEAT).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return beat if isinstance(beat, dict) else None


class Heartbeat:
    """Rewrites ``heartbeat.json`` in ``folder`` every ``interval_s`` seconds while entered.

    Parameters
    ----------
    folder : Path
        The run folder.
    interval_s : float
        Seconds between beats.

    Examples
    --------
    >>> with Heartbeat(folder) as beat:  # doctest: +SKIP
    ...     beat.note("Monte Carlo trials", 50, 1000)
    """

    def __init__(self, folder: Path, interval_s: float = INTERVAL_S) -> None:
        self.path = folder / HEARTBEAT
        self.interval_s = interval_s
        self._facts = process_facts()
        self._progress: dict[str, Any] | None = None
        self._stage: str | None = None
        self._stop = threading.Event()
        self._writing = threading.Lock()
        self._thread = threading.Thread(target=self._beat, name="goldendome-heartbeat", daemon=True)

    def note(self, stage: str, done: int, total: int) -> None:
        """Record progress: ``done`` of ``total`` in ``stage`` (written with the next beat)."""
        self._progress = {"stage": stage, "done": done, "total": total}

    def stage(self, key: str | None) -> None:
        """Record the stage now running, by its manifest key (its progress not yet known),
        and beat at once."""
        self._stage, self._progress = key, None
        self.beat()

    def beat(self) -> None:
        """Write the heartbeat now (a folder that went away is not an error here)."""
        beat = {"time_utc": datetime.now(UTC).isoformat(), **self._facts}
        beat |= {"stage": self._stage, "progress": self._progress}
        tmp = self.path.with_name(self.path.name + ".tmp")
        with self._writing:
            try:
                tmp.write_text(json.dumps(beat, indent=2) + "\n", "utf-8")
                os.replace(tmp, self.path)
            except OSError:
                pass

    def _beat(self) -> None:
        while not self._stop.wait(self.interval_s):
            self.beat()

    def __enter__(self) -> "Heartbeat":
        self.beat()
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join()
        self.beat()
