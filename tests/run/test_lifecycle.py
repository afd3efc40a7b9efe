"""While a run works: SIGTERM is taken like Ctrl-C (a Terminated KeyboardInterrupt), a second
signal waits for the manifest to be written, and the handlers are put back afterwards."""

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from goldendome.results.heartbeat import read_heartbeat
from goldendome.run.lifecycle import Terminated, signal_name, watched


def _signalled(folder: Path, sig: int, then: list[str]) -> None:
    """Signal this process inside ``watched``; after the interruption, signal it again and
    note that the clean-up ran to its end."""
    with watched(folder):
        try:
            os.kill(os.getpid(), sig)
            time.sleep(1.0)  # the handler runs at the next bytecode
        finally:
            os.kill(os.getpid(), signal.SIGTERM)  # ignored: the run is already stopping
            time.sleep(0.2)
            then.append("cleaned up")


def test_sigterm_inside_the_block_is_a_terminated_interrupt(tmp_path: Path):
    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    with pytest.raises(Terminated) as caught:
        _signalled(tmp_path, signal.SIGTERM, [])
    assert isinstance(caught.value, KeyboardInterrupt)
    assert signal_name(caught.value) == "SIGTERM"
    assert signal_name(KeyboardInterrupt()) == "SIGINT"
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)) == before
    assert read_heartbeat(tmp_path) is not None


def test_a_second_signal_does_not_interrupt_the_clean_up(tmp_path: Path):
    then: list[str] = []
    with pytest.raises(KeyboardInterrupt) as caught:
        _signalled(tmp_path, signal.SIGINT, then)
    assert not isinstance(caught.value, Terminated)
    assert then == ["cleaned up"]


def test_outside_the_main_thread_nothing_is_installed(tmp_path: Path):
    seen: list[object] = []

    def work() -> None:
        with watched(tmp_path):
            seen.append(signal.getsignal(signal.SIGTERM))

    before = signal.getsignal(signal.SIGTERM)
    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == [before]


def test_a_signal_the_process_ignores_stays_ignored(tmp_path: Path):
    previous = signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        with watched(tmp_path):
            assert signal.getsignal(signal.SIGTERM) is signal.SIG_IGN
            assert signal.getsignal(signal.SIGINT) is not signal.SIG_IGN
    finally:
        signal.signal(signal.SIGTERM, previous)
