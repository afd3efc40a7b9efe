"""The boost samples a run's trials will need, computed on the executor while this process
senses and tracks the raid.

A boost sample (:mod:`goldendome.run.boost_sampler`) depends only on the run's seed, the
raid's boosters, the sensors and the interceptor layer: not on the tracks. So the samples
need not wait for the tracker, which runs in this process and leaves the executor's workers
idle: they are submitted before the sensing stage and collected after it, then travel with
the sampler to the Monte Carlo's workers, which no longer compute them. The samples are the
same, bit for bit, wherever they are computed; only where and when the work is done changes.
On an in-process executor nothing is computed ahead: the trials compute their samples when
they need them, as before (computing them all between the stages would only move the work,
and raise the run's peak memory).

The samples go to the executor as one task, so one worker computes them: on the two-core
machine the tracker keeps the other core. Split over both workers they finished sooner but
slowed the tracker more (the Russian raid at 1,000 trials, 2026-12-05, on a slow machine:
one task 181 s; ten tasks of ten samples 206 s and 230 s; none ahead 248 s).
"""

from collections.abc import Generator, Sequence

from goldendome.engagement.picture import trial_sample
from goldendome.run.boost_sampler import BoostSampler, PhaseOpportunities
from goldendome.run.executor import Executor

Pending = Generator[tuple[Sequence[int], dict[int, PhaseOpportunities]], None, None]


def needed_samples(n_trials: int, n_samples: int) -> list[int]:
    """The boost samples trials ``0 .. n_trials - 1`` take, in order, each once."""
    return sorted({trial_sample(k, n_trials, n_samples) for k in range(n_trials)})


def compute_samples(sampler: BoostSampler, ks: Sequence[int]) -> dict[int, PhaseOpportunities]:
    """Samples ``ks`` of ``sampler`` (a task on a worker)."""
    return {k: sampler.sample(k) for k in ks}


def start_samples(sampler: BoostSampler, n_trials: int, executor: Executor) -> Pending:
    """Submit the samples ``n_trials`` trials need and the sampler has not got (sample 0 is
    computed by the boost stage, in this process); collect them with :func:`give_samples`.
    Nothing is submitted to an executor that runs in this process."""
    if not executor.parallel:
        return _nothing()
    todo = [k for k in needed_samples(n_trials, sampler.n_samples) if k not in sampler.given]
    if 0 in todo and sampler.computed(0):
        sampler.given[0] = sampler.sample(0)
        todo.remove(0)
    if not todo:
        return _nothing()
    return executor.start_chunks(compute_samples, sampler, [todo])


def _nothing() -> Pending:
    yield from ()


def give_samples(sampler: BoostSampler, pending: Pending) -> None:
    """Wait for the submitted samples and give them to ``sampler``."""
    for _, samples in pending:
        sampler.given.update(samples)
