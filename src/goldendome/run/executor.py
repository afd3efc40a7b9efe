"""Where work runs: in this process, or on a Dask cluster (local or remote).

An executor maps a function over chunks of work and yields each chunk's result as it
finishes. The run's Monte Carlo takes one; a sweep (to come) can put whole cases on a Dask
cluster and give each case an :class:`InProcess` executor for its trials, so no cluster is
ever started inside a cluster.
"""

import logging
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol, TypeVar

S = TypeVar("S")
C = TypeVar("C")
R = TypeVar("R")


class Executor(Protocol):
    """Runs ``fn(shared, chunk)`` for every chunk; yields ``(chunk, result)`` as each ends."""

    def map_chunks(
        self, fn: Callable[[S, C], R], shared: S, chunks: Sequence[C]
    ) -> Iterator[tuple[C, R]]:
        """Results in the order the chunks finish (callers must not rely on the order)."""
        ...


class InProcess:
    """Every chunk in this process, one after another, in order."""

    def map_chunks(
        self, fn: Callable[[S, C], R], shared: S, chunks: Sequence[C]
    ) -> Iterator[tuple[C, R]]:
        """Run the chunks in order."""
        for chunk in chunks:
            yield chunk, fn(shared, chunk)


class Dask:
    """Chunks on a ``dask.distributed`` cluster: a scheduler's address, or a local cluster of
    ``workers`` processes (one thread each) started for the duration of one map.

    The shared input is scattered once to every worker.
    """

    def __init__(self, workers: int | None = None, scheduler: str | None = None) -> None:
        self.workers = workers
        self.scheduler = scheduler

    def map_chunks(
        self, fn: Callable[[S, C], R], shared: S, chunks: Sequence[C]
    ) -> Iterator[tuple[C, R]]:
        """Submit every chunk, yield results as they complete."""
        from dask.distributed import as_completed

        with dask_client(self.workers, self.scheduler) as client:
            handle = client.scatter(shared, broadcast=True)
            futures = {client.submit(fn, handle, c, pure=False): c for c in chunks}
            for future in as_completed(futures):
                yield futures[future], future.result()


@contextmanager
def dask_client(workers: int | None, scheduler: str | None) -> Iterator[Any]:
    """A Dask client on ``scheduler``, or on a local cluster of ``workers`` processes."""
    from dask.distributed import Client, LocalCluster

    if scheduler is not None:
        with Client(scheduler) as client:
            yield client
        return
    n = workers if workers is not None else min(2, os.cpu_count() or 1)
    with (
        LocalCluster(
            n_workers=n,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: runs side by side never collide
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def executor_for(workers: int | None, scheduler: str | None) -> Executor:
    """The executor a run asks for: in-process for ``workers == 0`` without a scheduler,
    else Dask."""
    if workers == 0 and scheduler is None:
        return InProcess()
    return Dask(workers, scheduler)
