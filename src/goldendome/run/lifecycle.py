"""While a run (or a study) works in its folder: a heartbeat, and SIGTERM taken like Ctrl-C.

:func:`watched` keeps a run folder's heartbeat going (:mod:`goldendome.results.heartbeat`)
and, in the main thread, turns SIGTERM into :class:`Terminated`, a ``KeyboardInterrupt``:
the same path as Ctrl-C, so the manifest says ``interrupted`` (with the signal) and every
finished table is kept. Once the first signal has arrived, further SIGINT and SIGTERM are
ignored until the block ends, so the manifest is written whole; SIGKILL remains, and the
heartbeat lets a reader tell that run is dead. A signal the process was started ignoring
(``nohup``, a background job) stays ignored.
"""

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from goldendome.results.heartbeat import Heartbeat

__all__ = ["Terminated", "signal_name", "watched"]


class Terminated(KeyboardInterrupt):
    """SIGTERM received during a run: handled like Ctrl-C (the run ends ``interrupted``)."""


def signal_name(exc: BaseException) -> str:
    """The signal behind an interruption: ``SIGTERM`` or ``SIGINT``."""
    return "SIGTERM" if isinstance(exc, Terminated) else "SIGINT"


class _Signals:
    """The main thread's SIGINT and SIGTERM handlers while a run works."""

    def __init__(self) -> None:
        self.caught = False

    def handle(self, signum: int, frame: FrameType | None) -> None:
        if self.caught:
            return  # already stopping: let the manifest be written
        self.caught = True
        if signum == signal.SIGTERM:
            raise Terminated("SIGTERM")
        raise KeyboardInterrupt


@contextmanager
def _signals_handled() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers; SIGTERM keeps its default there
        return
    handler = _Signals()
    previous = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    previous = {s: old for s, old in previous.items() if old is not signal.SIG_IGN}
    for sig in previous:
        signal.signal(sig, handler.handle)
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


@contextmanager
def watched(folder: Path) -> Iterator[Heartbeat]:
    """Keep ``folder``'s heartbeat going and take SIGTERM like Ctrl-C, inside the block.

    Yields
    ------
    Heartbeat
        ``note(stage, done, total)`` records the stage in progress.

    Raises
    ------
    KeyboardInterrupt
        On Ctrl-C; :class:`Terminated` (a KeyboardInterrupt) on SIGTERM.
    """
    with _signals_handled(), Heartbeat(folder) as beat:
        yield beat
