"""Executors: in this process, in order and as each chunk is asked for; on a Dask cluster,
the same results."""

import logging
import signal

import numpy as np

from goldendome.run.executor import Dask, InProcess, executor_for
from goldendome.run.monte_carlo import chunks, run_chunk
from tests.engagement.kill_chain_fixture import synthetic_setup


def test_in_process_runs_the_chunks_in_order_one_at_a_time():
    calls: list[int] = []

    def fn(shared: int, chunk: int) -> int:
        calls.append(chunk)
        return shared + chunk

    results = InProcess().map_chunks(fn, 100, [3, 1, 2])
    assert calls == []  # nothing runs before a result is asked for
    assert next(results) == (3, 103)
    assert calls == [3]  # a finished chunk is handed over before the next one starts
    assert list(results) == [(1, 101), (2, 102)]
    assert calls == [3, 1, 2]


def test_executor_for_picks_in_process_only_for_zero_workers_without_a_scheduler():
    assert isinstance(executor_for(0, None), InProcess)
    local = executor_for(2, None)
    assert isinstance(local, Dask)
    assert (local.workers, local.scheduler) == (2, None)
    assert isinstance(executor_for(None, None), Dask)
    remote = executor_for(0, "tcp://localhost:8786")
    assert isinstance(remote, Dask)
    assert remote.scheduler == "tcp://localhost:8786"


def test_dask_gives_what_in_process_gives():
    """Two local worker processes: every chunk comes back once, with the in-process result
    (the shared input scattered once, trials drawn from their own streams)."""
    setup = synthetic_setup(warheads=5, decoys=2, sbi=True)
    work = chunks(24, 5)
    here = dict(InProcess().map_chunks(run_chunk, (setup, 3, 24), work))
    handler = signal.getsignal(signal.SIGINT)
    there = dict(Dask(workers=2).map_chunks(run_chunk, (setup, 3, 24), work))
    assert signal.getsignal(signal.SIGINT) is handler  # ignored only while workers start
    assert sorted(there, key=lambda r: r.start) == work
    for chunk in work:
        for mine, theirs in zip(here[chunk], there[chunk], strict=True):
            assert mine.keys() == theirs.keys()
            for column in mine:
                np.testing.assert_array_equal(mine[column], theirs[column])


def test_closing_a_dask_map_early_shuts_its_cluster_quietly_and_restores_the_loggers():
    setup = synthetic_setup(warheads=2, decoys=0, sbi=False)
    level = logging.getLogger("distributed").level
    results = Dask(workers=1).map_chunks(run_chunk, (setup, 1, 40), chunks(40, 5))
    first, _ = next(results)  # (trials, the chunk's three tables)
    results.close()  # what Ctrl-C in the caller's loop does (run_monte_carlo closes it)
    assert first in chunks(40, 5)
    assert logging.getLogger("distributed").level == level
