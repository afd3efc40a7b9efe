"""The deployment timeline's cost: ten years (2026-2035) of the default scenario at 1,000
trials a year, against one default run at 1,000 trials in the same process.

The issue's speed goal: "a timeline of ten years at 1,000 trials a year in under 2 minutes
on this machine". Each year is a whole pipeline run of that year's architecture (fewer
SBIs and tracking satellites than the default, so each is at most as heavy as the default
run); the 2034 and 2035 architectures are equal, so nine runs. The raid is flown once for
all of them (:mod:`goldendome.studies.timeline.year_runs`). The reference is one default
run; with ``work`` = years, the ratio is the timeline's time per year against a default
run's (above 1: a year costs less than a default run). ``jobs`` 1 runs the years one by one
in this process, 2 in two worker processes. ``separate runs`` is the timeline as it was
before the raid was shared: the nine distinct years run one by one, each flying its own
raid (same results, bit for bit), for a before/after ratio in one process.

Each case starts with an empty assignment memo (:mod:`goldendome.engagement.assign_memo`,
one per process): the years pose many of the same assignment problems, so a case run after
another in this process would find most of them solved (ten years one by one: 135 s of CPU
from an empty memo, 89 s after the same years had filled it).
"""

import json
from pathlib import Path

import pytest

from goldendome import api
from goldendome.engagement import assign_memo
from goldendome.scenario.loader import parse_toml
from goldendome.studies.changed_run import run_mapping
from goldendome.studies.timeline.architecture import year_mapping
from goldendome.studies.timeline.elements import timeline_elements

TRIALS = 1000
#: Trials when the benchmarks run once untimed (``make test``).
UNTIMED_TRIALS = 10
YEARS = 10


def _timeline(runs: Path, trials: int, jobs: int, years: int) -> list:
    last = 2026 + years - 1
    return api.timeline(trials=trials, runs_dir=runs, workers=0, jobs=jobs, last_year=last).years


def _separate(runs: Path, trials: int, jobs: int, years: int) -> list:
    """Each distinct year's scenario run on its own (its own raid), one after another."""
    spec, text = api.read_scenario(None)
    plan = api.timeline(last_year=2026 + years - 1, kill_chain=False).years
    data, elements = parse_toml(text, spec.name), timeline_elements(spec)
    done: dict[str, object] = {}
    out = []
    for year in plan:
        mapping = year_mapping(data, elements, year.fielded)
        key = json.dumps(mapping, sort_keys=True, default=str)
        if key not in done:
            done[key] = run_mapping(mapping, f"{spec.name} in {year.year}", runs, trials, 0)
        out.append(done[key])
    return out


def _reference(runs: Path, trials: int, jobs: int, years: int) -> list:
    return [api.run(runs_dir=runs, trials=trials, workers=0).summary]


def _empty_memo() -> None:
    """Forget every solved assignment problem of this process (the memo's own state)."""
    assign_memo._memo.clear()
    assign_memo._memo_bytes[0] = 0


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The kernels compiled before timing (a default run of two trials)."""
    api.run(runs_dir=tmp_path_factory.mktemp("warm"), trials=2, workers=0)


@pytest.mark.parametrize(
    ("role", "run", "jobs", "work"),
    [
        ("timeline", _timeline, 1, YEARS),
        ("timeline, 2 jobs", _timeline, 2, YEARS),
        ("separate runs (before)", _separate, 1, YEARS),
        ("reference", _reference, 1, 1),
    ],
)
def test_ten_year_timeline(benchmark, tmp_path, compiled, role, run, jobs, work):
    benchmark.group = f"timeline, 10 years of the default scenario at {TRIALS} trials a year"
    n = UNTIMED_TRIALS if benchmark.disabled else TRIALS
    if benchmark.disabled and work > 1:  # run once untimed (make test): two years only
        work = 2
    benchmark.extra_info.update(role=role, work=work)
    _empty_memo()
    years = benchmark.pedantic(run, (tmp_path / "runs", n, jobs, work), rounds=1)
    assert len(years) == work
