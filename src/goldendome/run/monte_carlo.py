"""Monte Carlo over the kill chain: trials in chunks on Dask, identical for any worker count.

Trial ``k`` draws only from ``SeedSequence(seed, spawn_key=(2, k))``
(:func:`goldendome.run.kill_chain_trial.trial_seed`), so how trials are chunked and which
worker runs them changes nothing in the results. Chunks run on a ``dask.distributed``
cluster: a local one (``workers`` processes, one thread each) unless ``scheduler`` names
an existing one; ``workers = 0`` runs them in this process. Finished chunks are handed to
``on_chunk`` as they arrive, so an interrupted run keeps them.
"""

import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from typing import Any

from goldendome.run.kill_chain_layers import EventRow
from goldendome.run.kill_chain_setup import KillChainSetup
from goldendome.run.kill_chain_trial import TrialRow, run_trial

#: ``on_chunk(records, events)``: a finished chunk's trial records and events.
ChunkFn = Callable[[list[dict[str, Any]], list[EventRow]], None]


def interceptor_names(setup: KillChainSetup) -> list[str]:
    """Interceptor types that can fire in this setup, in a fixed order."""
    names = ["sbi"] if setup.boost else []
    for b in setup.batteries:
        if b.kind.name not in names:
            names.append(b.kind.name)
    return names


def trial_record(row: TrialRow, names: list[str]) -> dict[str, Any]:
    """A trial as a flat table row: ``fired_<type>`` columns for every type of the setup."""
    record = asdict(row)
    fired = record.pop("fired_by_type")
    record.update({f"fired_{n}": int(fired.get(n, 0)) for n in names})
    return record


def run_chunk(
    setup: KillChainSetup, seed: int, trials: list[int]
) -> tuple[list[dict[str, Any]], list[EventRow]]:
    """Run ``trials`` one after another; their records and events."""
    names = interceptor_names(setup)
    records, events = [], []
    for k in trials:
        row, ev = run_trial(setup, seed, k)
        records.append(trial_record(row, names))
        events.extend(ev)
    return records, events


def chunks(n_trials: int, size: int) -> list[list[int]]:
    """Trial indices in consecutive chunks of at most ``size``."""
    return [list(range(a, min(a + size, n_trials))) for a in range(0, n_trials, size)]


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
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def run_monte_carlo(
    setup: KillChainSetup,
    seed: int,
    n_trials: int,
    *,
    chunk: int = 50,
    workers: int | None = None,
    scheduler: str | None = None,
    on_chunk: ChunkFn | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[dict[str, Any]], list[EventRow]]:
    """Run ``n_trials`` trials; their records (sorted by trial) and events.

    Parameters
    ----------
    setup : KillChainSetup
    seed : int
    n_trials : int
    chunk : int
        Trials per task.
    workers : int, optional
        Local worker processes (default: up to 2); 0 runs every chunk in this process.
    scheduler : str, optional
        Address of an existing Dask scheduler (``tcp://host:8786``); overrides ``workers``.
    on_chunk : callable, optional
        Called with each finished chunk, in the order chunks finish.
    progress : callable, optional
        ``progress(done, total)`` in trials.
    """
    parts = chunks(n_trials, chunk)
    records: list[dict[str, Any]] = []
    events: list[EventRow] = []

    def take(result: tuple[list[dict[str, Any]], list[EventRow]]) -> None:
        records.extend(result[0])
        events.extend(result[1])
        if on_chunk is not None:
            on_chunk(*result)
        if progress is not None:
            progress(len(records), n_trials)

    if workers == 0 and scheduler is None:
        for part in parts:
            take(run_chunk(setup, seed, part))
    else:
        from dask.distributed import as_completed

        with dask_client(workers, scheduler) as client:
            shared = client.scatter(setup, broadcast=True)
            futures = [client.submit(run_chunk, shared, seed, p, pure=False) for p in parts]
            for future in as_completed(futures):
                take(future.result())
    records.sort(key=lambda r: int(r["trial"]))
    events.sort(key=lambda e: (e.trial, e.t_s, e.layer, e.shooter, e.target))
    return records, events
