"""A scheduler's address is read and contacted before a run starts: a bad address or one
where no Dask scheduler answers is a sentence, at once."""

import socket
import time

import pytest

from goldendome.run.executor import check_scheduler
from goldendome.run.scheduler import SchedulerError, parse_scheduler, reach_scheduler


@pytest.mark.parametrize(
    ("given", "full"),
    [
        ("tcp://10.0.0.5:8786", "tcp://10.0.0.5:8786"),
        ("10.0.0.5:8786", "tcp://10.0.0.5:8786"),
        ("TLS://scheduler.example.org:8786/", "tls://scheduler.example.org:8786"),
        ("tcp://[::1]:8786", "tcp://[::1]:8786"),
    ],
)
def test_addresses_are_read_in_full(given: str, full: str):
    assert parse_scheduler(given) == full


@pytest.mark.parametrize(
    ("given", "says"),
    [
        ("not-an-address", "not a scheduler address; give tcp://host:port"),
        ("tcp://host", "not a scheduler address"),
        ("tcp://host:port", "not a scheduler address"),
        ("http://host:8786", "the scheme 'http://' is not one a scheduler is reached by"),
        ("tcp://host:99999", "port 99999 is outside 1 to 65,535"),
    ],
)
def test_bad_addresses_are_refused_in_a_sentence(given: str, says: str):
    with pytest.raises(SchedulerError, match=says) as caught:
        parse_scheduler(given)
    assert str(caught.value).startswith(f"--scheduler {given!r}: ")
    assert str(caught.value).endswith(".")


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_an_address_where_nothing_listens_is_reported_at_once():
    port = _closed_port()
    t0 = time.perf_counter()
    with pytest.raises(SchedulerError) as caught:
        reach_scheduler(f"tcp://127.0.0.1:{port}")
    assert time.perf_counter() - t0 < 2.0
    assert str(caught.value) == (
        f"--scheduler tcp://127.0.0.1:{port}: cannot connect (Connection refused); start the "
        "scheduler there ('dask scheduler') or give the address it prints. Nothing was run."
    )


def test_something_else_listening_is_not_taken_for_a_scheduler():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        with pytest.raises(SchedulerError, match="no Dask scheduler answered within 1 s"):
            check_scheduler(f"tcp://127.0.0.1:{port}", timeout_s=1.0)


def test_a_scheduler_that_answers_passes():
    from dask.distributed import LocalCluster

    with LocalCluster(
        n_workers=0, processes=False, protocol="tcp", dashboard_address=":0"
    ) as cluster:
        address = cluster.scheduler_address
        assert check_scheduler(address) == address


def test_the_scheduler_check_works_inside_a_running_event_loop():
    """In a notebook (or a test session where Playwright's sync API keeps a loop running)
    asyncio.run is refused; the check runs its coroutine in a thread of its own."""
    import asyncio
    import threading

    from goldendome.run.executor import _run_coroutine

    async def answer() -> int:
        return 42

    async def inside() -> int:
        return _run_coroutine(answer)

    got: list[int] = []
    # A thread of the test's own, since the session may already run a loop in this one.
    worker = threading.Thread(target=lambda: got.append(asyncio.run(inside())))
    worker.start()
    worker.join()
    assert got == [42]
    assert _run_coroutine(answer) == 42
