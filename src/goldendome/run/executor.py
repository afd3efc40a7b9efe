"""Where work runs: in this process, or on a Dask cluster (local or remote).

An executor maps a function over chunks of work and yields each chunk's result as it
finishes. The run's Monte Carlo takes one; a sweep (to come) can put whole cases on a Dask
cluster and give each case an :class:`InProcess` executor for its trials, so no cluster is
ever started inside a cluster.

A local cluster's worker processes ignore Ctrl-C: the terminal sends SIGINT to the whole
process group, and only this process should answer it (by closing the cluster, quietly).
A scheduler's address is checked (:func:`check_scheduler`) before a run starts, so a bad
address is reported at once rather than after the deterministic stages.
"""

import asyncio
import concurrent.futures
import logging
import signal
import threading
from collections.abc import Callable, Coroutine, Generator, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from typing import Any, Protocol, TypeVar

from goldendome.run.budget import local_workers
from goldendome.run.scheduler import (
    CONNECT_TIMEOUT_S,
    SchedulerError,
    parse_scheduler,
    reach_scheduler,
)

S = TypeVar("S")
C = TypeVar("C")
R = TypeVar("R")
T = TypeVar("T")

__all__ = ["Dask", "Executor", "InProcess", "check_scheduler", "dask_client", "executor_for"]

#: Loggers of dask.distributed that report a cluster's shutdown (silenced after Ctrl-C).
_DASK_LOGGERS = ("distributed", "tornado", "asyncio")


class Executor(Protocol):
    """Runs ``fn(shared, chunk)`` for every chunk; yields ``(chunk, result)`` as each ends.

    Closing the generator early stops the work (a cluster is shut down).
    """

    #: Whether chunks run beside this process (so work started early overlaps its own).
    parallel: bool

    def map_chunks(
        self, fn: Callable[[S, C], R], shared: S, chunks: Sequence[C]
    ) -> Generator[tuple[C, R], None, None]:
        """Results in the order the chunks finish (callers must not rely on the order)."""
        ...

    def held(self) -> AbstractContextManager[None]:
        """Keep whatever runs the chunks (a cluster) for every map inside the block."""
        ...

    def start_chunks(
        self, fn: Callable[[S, C], R], shared: S, chunks: Sequence[C]
    ) -> Generator[tuple[C, R], None, None]:
        """Like :meth:`map_chunks`, but the work starts now where it can (inside
        :meth:`held`), while the caller goes on with its own."""
        ...


class InProcess:
    """Every chunk in this process, one after another, in order."""

    parallel = False

    def map_chunks(
        self, fn: Callable[[S, C], R], shared: S, chunks: Sequence[C]
    ) -> Generator[tuple[C, R], None, None]:
        """Run the chunks in order."""
        for chunk in chunks:
            yield chunk, fn(shared, chunk)

    def held(self) -> AbstractContextManager[None]:
        """Nothing to keep."""
        return nullcontext()

    def start_chunks(
        self, fn: Callable[[S, C], R], shared: S, chunks: Sequence[C]
    ) -> Generator[tuple[C, R], None, None]:
        """The chunks in order, each run when its result is asked for (this process has
        nothing else to run them on)."""
        return self.map_chunks(fn, shared, chunks)


class Dask:
    """Chunks on a ``dask.distributed`` cluster: a scheduler's address, or a local cluster of
    ``workers`` processes (one thread each), started for one map, or for every map and
    submission inside :meth:`held`.

    The shared input is scattered once to every worker for each map.
    """

    parallel = True

    def __init__(self, workers: int | None = None, scheduler: str | None = None) -> None:
        self.workers = workers
        self.scheduler = None if scheduler is None else parse_scheduler(scheduler)
        self._client: Any = None

    @contextmanager
    def held(self) -> Iterator[None]:
        """One client (and local cluster) for everything inside the block."""
        if self._client is not None:
            yield
            return
        with dask_client(self.workers, self.scheduler) as client:
            self._client = client
            try:
                yield
            finally:
                self._client = None

    def map_chunks(
        self, fn: Callable[[S, C], R], shared: S, chunks: Sequence[C]
    ) -> Generator[tuple[C, R], None, None]:
        """Submit every chunk, yield results as they complete."""
        with self.held():
            yield from _completed(self._client, _submitted(self._client, fn, shared, chunks))

    def start_chunks(
        self, fn: Callable[[S, C], R], shared: S, chunks: Sequence[C]
    ) -> Generator[tuple[C, R], None, None]:
        """Submit every chunk now when a client is held (else as :meth:`map_chunks`)."""
        if self._client is None:
            return self.map_chunks(fn, shared, chunks)
        return _completed(self._client, _submitted(self._client, fn, shared, chunks))


def _submitted(
    client: Any, fn: Callable[[S, C], R], shared: S, chunks: Sequence[C]
) -> dict[Any, C]:
    """``shared`` scattered to every worker, then one task per chunk: futures to chunks."""
    handle = client.scatter(shared, broadcast=True)
    return {client.submit(fn, handle, c, pure=False): c for c in chunks}


def _completed(client: Any, futures: dict[Any, C]) -> Generator[tuple[C, Any], None, None]:
    """``(chunk, result)`` as each future completes; the rest cancelled if the caller stops
    early or the work fails."""
    from dask.distributed import as_completed

    try:
        for future in as_completed(futures):
            yield futures[future], future.result()
    except BaseException:
        with suppress(Exception):
            client.cancel(list(futures), force=True)
        raise


@contextmanager
def _loggers_restored() -> Iterator[None]:
    """Put Dask's loggers back to their levels when the block ends."""
    loggers = [logging.getLogger(name) for name in _DASK_LOGGERS]
    levels = [logger.level for logger in loggers]
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


@contextmanager
def _silent_on_interrupt() -> Iterator[None]:
    """When the block ends early (Ctrl-C, SIGTERM, an error, or its results left unread),
    silence Dask's loggers: the cluster's complaints about closed connections while it
    shuts down say nothing the user needs (the reason itself goes on to the caller)."""
    try:
        yield
    except BaseException:
        for name in _DASK_LOGGERS:
            logging.getLogger(name).setLevel(logging.CRITICAL + 1)
        raise


@contextmanager
def _children_ignore_sigint() -> Iterator[None]:
    """Processes started inside the block inherit an ignored SIGINT (set only from the main
    thread, where Python allows it; elsewhere nothing changes)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@contextmanager
def dask_client(workers: int | None, scheduler: str | None) -> Iterator[Any]:
    """A Dask client on ``scheduler``, or on a local cluster of ``workers`` processes.

    A local cluster's workers ignore SIGINT; after Ctrl-C the cluster closes without
    logging, and the KeyboardInterrupt goes on to the caller.
    """
    from dask.distributed import Client, LocalCluster

    if scheduler is not None:
        with _loggers_restored(), Client(scheduler) as client, _silent_on_interrupt():
            yield client
        return
    n = local_workers(workers)
    with _children_ignore_sigint():
        cluster = LocalCluster(
            n_workers=n,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: runs side by side never collide
            silence_logs=logging.CRITICAL,
        )
    with _loggers_restored(), cluster, Client(cluster) as client, _silent_on_interrupt():
        yield client


def _run_coroutine(make: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """``asyncio.run(make())``, in a thread of its own when this thread already runs an event
    loop (a notebook, or Playwright's sync API in a test session), where ``asyncio.run`` is
    refused."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(make())
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(make())).result()


def check_scheduler(address: str, timeout_s: float = CONNECT_TIMEOUT_S) -> str:
    """Check that a Dask scheduler answers at ``address``; its address in full.

    A plain connection first (:func:`goldendome.run.scheduler.reach_scheduler`), then Dask's
    ``identity`` call, so something else listening on the port (or a worker's address) is
    reported too; both within ``timeout_s``.

    Raises
    ------
    SchedulerError
        If the address cannot be read, or no scheduler answers within ``timeout_s``.
    """
    full = reach_scheduler(address, timeout_s)
    try:
        reply = _run_coroutine(lambda: asyncio.wait_for(_identity(full, timeout_s), timeout_s))
    except (OSError, TimeoutError, ValueError) as exc:
        why = "no answer" if isinstance(exc, TimeoutError) else str(exc)
        raise SchedulerError(
            f"--scheduler {full}: something listens there but no Dask scheduler answered "
            f"within {timeout_s:g} s ({why}). Nothing was run."
        ) from None
    kind = reply.get("type") if isinstance(reply, dict) else None
    if kind != "Scheduler":
        raise SchedulerError(
            f"--scheduler {full}: a Dask {kind or 'server'} answers there, not a scheduler; "
            "give the scheduler's address. Nothing was run."
        )
    return full


async def _identity(address: str, timeout_s: float) -> Any:
    """Ask the Dask server at ``address`` who it is."""
    from distributed.comm.core import connect

    comm = await connect(address, timeout=timeout_s)
    try:
        await comm.write({"op": "identity", "reply": True})
        return await comm.read()
    finally:
        comm.abort()


def executor_for(workers: int | None, scheduler: str | None) -> Executor:
    """The executor a run asks for: in-process for ``workers == 0`` without a scheduler,
    else Dask."""
    if workers == 0 and scheduler is None:
        return InProcess()
    return Dask(workers, scheduler)
