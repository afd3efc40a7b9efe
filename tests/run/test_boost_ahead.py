"""Boost samples computed ahead, on the executor, while the run senses and tracks: the same
samples bit for bit, each computed once, carried to the Monte Carlo's workers with the
sampler; and an executor that holds its cluster starts submitted work at once."""

import dataclasses
import pickle
import time
from pathlib import Path

import numpy as np
import pytest

from goldendome.engagement.picture import trial_sample
from goldendome.run.boost_ahead import give_samples, needed_samples, start_samples
from goldendome.run.context import RunContext
from goldendome.run.executor import Dask, InProcess
from goldendome.run.stages.boost import boost_sampler
from tests.small_scenario import small_spec

FIELDS = ("satellite", "threat", "intercept_time_s", "first_report_s", "commit_s", "altitude_m")


@pytest.fixture
def sampler():
    found = boost_sampler(RunContext(small_spec()))
    assert found is not None
    return dataclasses.replace(found, n_samples=5)


class _Beside(InProcess):
    """Runs chunks in this process, but says they run beside it (as Dask's do), so the
    samples are computed when collected."""

    parallel = True


def _same(a, b) -> None:
    for name in FIELDS:
        np.testing.assert_array_equal(getattr(a.phase, name), getattr(b.phase, name))


@pytest.mark.parametrize(("n_trials", "n_samples"), [(3, 100), (20, 5), (7, 7), (1000, 100)])
def test_the_needed_samples_are_those_the_trials_take(n_trials, n_samples):
    taken = {trial_sample(k, n_trials, n_samples) for k in range(n_trials)}
    assert needed_samples(n_trials, n_samples) == sorted(taken)
    assert len(needed_samples(n_trials, n_samples)) == min(n_trials, n_samples)


def test_samples_given_ahead_are_the_samples_computed_on_demand(sampler):
    zero = sampler.sample(0)  # the boost stage's sample, in this process
    give_samples(sampler, start_samples(sampler, 20, _Beside()))
    assert sorted(sampler.given) == [0, 1, 2, 3, 4]
    assert sampler.given[0] is zero  # reused, not computed again
    fresh = dataclasses.replace(sampler, given={})
    fresh._cache.clear()
    for k in range(5):
        _same(sampler.given[k], fresh.sample(k))


def test_given_samples_travel_with_the_sampler_and_are_not_computed_again(sampler):
    give_samples(sampler, start_samples(sampler, 5, _Beside()))
    there = pickle.loads(pickle.dumps(sampler))
    assert there._cache == {}  # what a worker computes for itself stays behind
    for k in range(5):
        _same(there.sample(k), sampler.given[k])
    assert there.propagations == 0


def test_nothing_is_submitted_when_the_sampler_has_every_sample(sampler):
    give_samples(sampler, start_samples(sampler, 5, _Beside()))
    assert list(start_samples(sampler, 5, _Beside())) == []


def test_in_process_nothing_is_computed_ahead(sampler):
    """The trials compute their samples when they need them, as before."""
    give_samples(sampler, start_samples(sampler, 20, InProcess()))
    assert sampler.given == {}
    assert sampler.propagations == 0


def _touch(folder: str, name: str) -> str:
    (Path(folder) / name).write_text("ran")
    return name


def test_a_held_cluster_starts_submitted_work_at_once_and_keeps_one_client(tmp_path):
    work = Dask(workers=1)
    with work.held():
        client = work._client
        assert client is not None
        pending = work.start_chunks(_touch, str(tmp_path), ["a", "b"])
        deadline = time.monotonic() + 60
        while len(list(tmp_path.iterdir())) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]  # before any read
        assert sorted(c for c, _ in pending) == ["a", "b"]
        assert dict(work.map_chunks(_touch, str(tmp_path), ["c"])) == {"c": "c"}
        assert work._client is client  # the same cluster for the map
    assert work._client is None
