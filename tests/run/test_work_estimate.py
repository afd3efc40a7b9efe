"""The run's work estimate: every stage named, more of any dimension never less work, a
phrase in the right unit, and the figure in validate's line and the run's manifest."""

import dataclasses
import json

import pytest
from typer.testing import CliRunner

from goldendome.cli.main import app
from goldendome.run.budget import estimate_run
from goldendome.run.footprint import Dimensions, dimensions
from goldendome.run.work_estimate import DASK_START_S, STARTUP_S, WorkEstimate, estimate_work
from tests.run.test_budget import raid_times, scenario
from tests.small_scenario import SMALL_DEFENDED

runner = CliRunner()


def _default() -> Dimensions:
    return dimensions(scenario())


def test_every_stage_is_estimated_and_they_add_up() -> None:
    work = estimate_work(_default())
    assert set(work.stages) == {"architecture", "raid", "sensing", "kill_chain", "trials"}
    assert all(s > 0 for s in work.stages.values())
    assert work.seconds == pytest.approx(STARTUP_S + sum(work.stages.values()))


def test_a_run_without_a_raid_has_only_the_architecture() -> None:
    d = dataclasses.replace(_default(), missiles=0, objects=0)
    assert set(estimate_work(d).stages) == {"architecture"}


@pytest.mark.parametrize(
    "field",
    ["times", "missiles", "objects", "sbi_satellites", "boost_samples", "batteries", "trials"],
)
def test_more_of_any_dimension_is_never_less_work(field: str) -> None:
    d = _default()
    more = dataclasses.replace(d, **{field: 10 * getattr(d, field)})
    assert estimate_work(more).seconds > estimate_work(d).seconds


def test_more_satellites_and_more_workers() -> None:
    d = _default()
    bigger = dataclasses.replace(d, layers={k: 10 * v for k, v in d.layers.items()})
    assert estimate_work(bigger).stages["architecture"] > estimate_work(d).stages["architecture"]
    # Two workers share the trials and pay the local cluster's start.
    assert estimate_work(d, workers=2).stages["trials"] == pytest.approx(
        estimate_work(d).stages["trials"] / 2 + DASK_START_S
    )


def test_scaled_raids_take_longer() -> None:
    small, large = (estimate_run(scenario(raid_times(k, 1.0))) for k in (1, 30))
    assert small.work is not None
    assert large.work is not None
    # The raid's flight and the sensing grow with the missiles; the boost samples' work (a
    # phasing of the whole SBI layer each) and the trials' fixed cost do not, so thirty
    # times the raid is several times the work, and its flight thirty times.
    assert large.work.seconds > 3 * small.work.seconds
    assert large.work.stages["sensing"] > 3 * small.work.stages["sensing"]
    assert large.work.stages["raid"] > 15 * small.work.stages["raid"]


@pytest.mark.parametrize(
    ("seconds", "phrase"),
    [
        (0.2, "about 1 s of computing"),
        (42.0, "about 42 s of computing"),
        (600.0, "about 10 min of computing"),
        (12_600.0, "about 3.5 h of computing"),
    ],
)
def test_phrase(seconds: float, phrase: str) -> None:
    assert WorkEstimate(seconds, {}).phrase() == phrase


def test_validate_says_the_work_and_a_run_stores_it(tmp_path) -> None:
    path = tmp_path / "small.toml"
    path.write_text(SMALL_DEFENDED)
    said = runner.invoke(app, ["validate", str(path)])
    assert said.exit_code == 0, said.output
    assert " s of computing on 2 cores." in said.stdout
    flags = ["--trials", "2", "--workers", "0", "--runs-dir", str(tmp_path / "runs")]
    ran = runner.invoke(app, ["run", str(path), *flags])
    assert ran.exit_code == 0, ran.output
    (folder,) = (tmp_path / "runs").iterdir()
    memory = json.loads((folder / "manifest.json").read_text())["run"]["memory"]
    assert memory["estimated_work_s"] > STARTUP_S
