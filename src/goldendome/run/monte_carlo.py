"""Monte Carlo over the kill chain: trials in chunks on an executor, identical for any worker
count.

Trial ``k`` draws only from its own seed sequence (:meth:`goldendome.run.streams.Streams.
trial`), so how trials are chunked and where they run changes nothing in the results.
Finished chunks are handed to ``on_chunk`` as they arrive, so an interrupted run keeps
them; the rows come back sorted by trial.
"""

from collections.abc import Callable
from contextlib import closing
from dataclasses import asdict
from typing import Any

import numpy as np

from goldendome.engagement.battle import SHOT_COLUMNS
from goldendome.engagement.picture import KillChainSetup
from goldendome.engagement.trial import (
    N_STREAMS,
    WINDOW_COLUMNS,
    TrialRow,
    parameter_draws,
    run_trial,
)
from goldendome.results.run_folder import Columns
from goldendome.run.executor import Executor, InProcess
from goldendome.run.streams import Streams

#: ``(columns of trials, columns of engagements, columns of boost windows)`` of one chunk.
ChunkResult = tuple[dict[str, np.ndarray], dict[str, np.ndarray], dict[str, np.ndarray]]
#: ``on_chunk(first_trial, last_trial, result)``.
ChunkFn = Callable[[int, int, ChunkResult], None]


def _columns(rows: list[dict[str, Any]], names: tuple[str, ...]) -> dict[str, np.ndarray]:
    return {n: np.array([r[n] for r in rows]) for n in names}


TRIAL_COLUMNS = tuple(TrialRow.__dataclass_fields__)


def _stacked(parts: list[dict[str, np.ndarray]], names: tuple[str, ...]) -> dict[str, np.ndarray]:
    """Columns ``names`` of the non-empty ``parts`` end to end ({} when all are empty)."""
    full = [p for p in parts if p]
    return {c: np.concatenate([p[c] for p in full]) for c in names} if full else {}


def run_chunk(job: tuple[KillChainSetup, int, int], trials: range) -> ChunkResult:
    """Run ``trials`` of a run seeded ``job[1]`` of ``job[2]`` trials one after another:
    their columns."""
    setup, seed, n_trials = job
    streams = Streams(seed)
    rows: list[dict[str, Any]] = []
    shots: list[dict[str, np.ndarray]] = []
    windows: list[dict[str, np.ndarray]] = []
    for k in trials:
        row, fired, window = run_trial(setup, k, streams.trial(k), n_trials)
        rows.append(asdict(row))
        n = fired["layer"].size
        fired["trial"] = np.full(n, k, np.int64)
        fired["shot"] = np.arange(n, dtype=np.int64)
        shots.append(fired)
        if window:
            window["trial"] = np.full(window["threat_id"].size, k, np.int64)
            windows.append(window)
    return (
        _columns(rows, TRIAL_COLUMNS),
        _stacked(shots, ("trial", "shot", *SHOT_COLUMNS)),
        _stacked(windows, ("trial", *WINDOW_COLUMNS)),
    )


def trial_parameters(setup: KillChainSetup, seed: int, first: int, last: int) -> Columns:
    """The parameter draws of trials ``first`` to ``last`` (inclusive), one row per trial and
    ranged parameter (the ``trial_parameters`` table): what each trial drew, from its own
    stream, without fighting it."""
    streams = Streams(seed)
    names = [p.name for p in setup.ranges]
    trials = np.arange(first, last + 1, dtype=np.int64)
    draws = [parameter_draws(setup, streams.trial(int(k)).spawn(N_STREAMS)) for k in trials]
    return {
        "trial": np.repeat(trials, len(names)),
        "parameter": np.array(names * trials.size, dtype=object),
        "value": np.concatenate(draws) if draws else np.empty(0),
    }


def chunks(n_trials: int, size: int) -> list[range]:
    """Trial indices in consecutive chunks of at most ``size``."""
    return [range(a, min(a + size, n_trials)) for a in range(0, n_trials, size)]


def run_monte_carlo(
    setup: KillChainSetup,
    seed: int,
    n_trials: int,
    *,
    chunk: int = 50,
    executor: Executor | None = None,
    on_chunk: ChunkFn | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ChunkResult:
    """Run ``n_trials`` trials; the trials' and the shots' columns, sorted by trial.

    Parameters
    ----------
    setup : KillChainSetup
    seed : int
    n_trials : int
    chunk : int
        Trials per task.
    executor : Executor, optional
        Where chunks run (default: in this process).
    on_chunk : callable, optional
        Called with each finished chunk, in the order chunks finish.
    progress : callable, optional
        ``progress(done, total)`` in trials.
    """
    parts: list[tuple[int, ChunkResult]] = []
    done = 0
    work = executor if executor is not None else InProcess()
    # Closed at once when anything stops the loop (Ctrl-C in on_chunk included), so a
    # cluster shuts down before the caller marks the run, not when the traceback is freed.
    job = (setup, seed, n_trials)
    with closing(work.map_chunks(run_chunk, job, chunks(n_trials, chunk))) as results:
        for trials, result in results:
            parts.append((trials.start, result))
            done += len(trials)
            if on_chunk is not None:
                on_chunk(trials.start, trials.stop - 1, result)
            if progress is not None:
                progress(done, n_trials)
    parts.sort(key=lambda p: p[0])
    trial_cols = {c: np.concatenate([p[1][0][c] for p in parts]) for c in TRIAL_COLUMNS}
    shot_cols = _stacked([p[1][1] for p in parts], ("trial", "shot", *SHOT_COLUMNS))
    window_cols = _stacked([p[1][2] for p in parts], ("trial", *WINDOW_COLUMNS))
    return trial_cols, shot_cols, window_cols
