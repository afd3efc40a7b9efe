"""Requests that cannot be met are refused before any work, in a sentence, with exit code 2:
a scheduler address that cannot be read or does not answer, a runs directory that cannot be
written, a run above its memory budget, numbers that are not finite or out of range, flags
a request would ignore, a scenario with problems; impossible flights get a stated verdict."""

import json
import socket
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import goldendome.cli.coverage
import goldendome.cli.fly
import goldendome.cli.leak
import goldendome.cli.size  # noqa: F401  (registers the commands)
from goldendome.cli.main import app
from tests.small_scenario import SMALL_DEFENDED

runner = CliRunner()


@pytest.fixture
def scenario(tmp_path: Path) -> Path:
    path = tmp_path / "small.toml"
    path.write_text(SMALL_DEFENDED)
    return path


@pytest.fixture
def a_file(tmp_path: Path) -> Path:
    """A plain file, where a runs directory would need a folder."""
    path = tmp_path / "a-file"
    path.write_text("")
    return path


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _one_line(result) -> str:
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert "Traceback" not in result.output
    return lines[0]


def test_a_scheduler_address_that_cannot_be_read_is_one_sentence(scenario: Path, tmp_path: Path):
    runs = tmp_path / "runs"
    result = runner.invoke(
        app, ["run", str(scenario), "--runs-dir", str(runs), "--scheduler", "not-an-address"]
    )
    assert result.exit_code == 2
    assert _one_line(result).startswith("--scheduler 'not-an-address': not a scheduler address")
    assert not runs.exists()


def test_a_scheduler_that_does_not_answer_is_found_before_any_work(scenario: Path, tmp_path: Path):
    port = _closed_port()
    t0 = time.perf_counter()
    result = runner.invoke(
        app,
        [
            "run",
            str(scenario),
            "--runs-dir",
            str(tmp_path / "runs"),
            "--scheduler",
            f"tcp://127.0.0.1:{port}",
        ],
    )
    assert time.perf_counter() - t0 < 10.0
    assert result.exit_code == 2
    assert _one_line(result).startswith(f"--scheduler tcp://127.0.0.1:{port}: cannot connect")
    assert not (tmp_path / "runs").exists()


def test_a_runs_directory_that_cannot_be_written_is_refused_by_every_command(
    scenario: Path, a_file: Path
):
    runs = str(a_file / "runs")
    expected = f"Cannot write run folders under {runs}/: a file stands where a folder is needed."
    commands = [
        ["run", str(scenario), "--workers", "0"],
        ["size", "--altitudes-km", "500", "--inclinations-deg", "50", "--planes", "10"],
        ["fly", "hwasong-17-class"],
        ["coverage", str(scenario)],
    ]
    for command in commands:
        result = runner.invoke(app, [*command, "--runs-dir", runs])
        assert result.exit_code == 2, (command, result.output)
        assert _one_line(result).startswith(expected), command


def test_a_run_above_its_memory_budget_is_refused_before_any_work(scenario: Path, tmp_path: Path):
    runs = tmp_path / "runs"
    result = runner.invoke(
        app, ["run", str(scenario), "--runs-dir", str(runs), "--max-memory", "1MiB"]
    )
    assert result.exit_code == 2
    line = _one_line(result)
    assert line.startswith("This run needs about ")
    assert "more than its memory budget of 1 MiB; to fit, use " in line
    assert not runs.exists()
    bad = runner.invoke(app, ["run", str(scenario), "--max-memory", "lots"])
    assert bad.exit_code == 2
    assert _one_line(bad).startswith("--max-memory 'lots' is not a memory size")


def test_validate_prints_the_memory_estimate_and_refuses_a_scenario_above_the_budget(
    scenario: Path,
):
    ok = runner.invoke(app, ["validate", str(scenario), "--max-memory", "64GiB"])
    assert ok.exit_code == 0, ok.output
    assert "OK: scenario 'small-defended'" in ok.output
    assert "missiles in the raid; a run needs about " in ok.output
    assert "within its memory budget of 64.0 GiB, and about" in ok.output
    over = runner.invoke(app, ["validate", str(scenario), "--max-memory", "1MB"])
    assert over.exit_code == 2
    assert _one_line(over).startswith(f"{scenario}: valid, but this run needs about ")


def test_too_many_workers_is_refused(scenario: Path):
    result = runner.invoke(app, ["run", str(scenario), "--workers", "100000"])
    assert result.exit_code == 2
    assert "100,000 worker processes on a machine with" in result.output


@pytest.mark.parametrize(
    ("flags", "says"),
    [
        (["--range-km", "nan"], "nan is not a finite number"),
        (["--range-km", "inf"], "inf is not a finite number"),
        (["--range-km", "1e9"], "must be above 0 and at most 20,015 km"),
        (["--fpa-deg", "90"], "must be above -90 and below 90 deg"),
        (["--cross-range-deg", "nan"], "nan is not a finite number"),
        (["--azimuth-deg", "nan"], "nan is not a finite number"),
        (["--apogee-km", "-1"], "must be above 0 km"),
    ],
)
def test_fly_numbers_must_be_finite_and_in_range(flags: list[str], says: str):
    result = runner.invoke(app, ["fly", "hwasong-17-class", *flags])
    assert result.exit_code == 2
    assert "Invalid value for" in result.output
    assert says in " ".join(result.output.replace("│", " ").split())


@pytest.mark.parametrize(
    ("flags", "says"),
    [
        (
            ["--cross-range-deg", "10"],
            "--cross-range-deg: steers a hypersonic glider's boost; this is a ballistic class",
        ),
        (["--lofted"], "--lofted: aims a full burn at a target or range"),
        (
            ["--range-km", "5000", "--lofted", "--fpa-deg", "20"],
            "give --lofted or --fpa-deg, not both",
        ),
        (
            ["--apogee-km", "2000", "--fpa-deg", "30"],
            "give a burnout flight-path angle or an apogee, not both",
        ),
        (["--to", "seattle", "--azimuth-deg", "45"], "--azimuth-deg: the target sets the bearing"),
        (["--flight-time-s", "100"], "checked only with --reconstruct"),
        (
            ["--reconstruct", "--apogee-km", "6000", "--range-km", "1000", "--to", "seattle"],
            "--to: not used by --reconstruct",
        ),
    ],
)
def test_fly_flags_a_request_would_ignore_are_refused(flags: list[str], says: str, tmp_path: Path):
    result = runner.invoke(app, ["fly", "hwasong-17-class", *flags, "--runs-dir", str(tmp_path)])
    assert result.exit_code == 2
    assert says in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_a_flight_the_class_cannot_make_is_answered_with_a_verdict_and_exit_2(tmp_path: Path):
    runs = ["--runs-dir", str(tmp_path), "--json"]
    result = runner.invoke(app, ["fly", "hwasong-17-class", "--range-km", "1", *runs])
    assert result.exit_code == 2
    short = json.loads(result.stdout)
    assert (short["reachable"], short["aimed"]) == (False, False)  # beyond the miss tolerance
    assert short["verdict"].startswith(
        "TOO CLOSE: hwasong-17-class cannot be aimed as short as 1 km; the closest flight found lands "
    )
    result = runner.invoke(app, ["fly", "jl-3-class", "--range-km", "15000", *runs])
    assert result.exit_code == 2
    far = json.loads(result.stdout)
    assert far["verdict"].startswith("OUT OF REACH: 15,000 km is beyond the maximum range of ")
    steep_flags = ["--range-km", "5000", "--fpa-deg", "80", "--runs-dir", str(tmp_path)]
    steep = runner.invoke(app, ["fly", "hwasong-17-class", *steep_flags])
    assert steep.exit_code == 2
    assert "CANNOT BE AIMED at a 80 deg burnout" in " ".join(steep.output.replace("│", " ").split())
    result = runner.invoke(
        app, ["fly", "df-17-class", "--from", "bohai", "--range-km", "100", *runs]
    )
    assert result.exit_code == 2
    glide = json.loads(result.stdout)
    assert glide["verdict"].startswith("TOO CLOSE: the glide cannot dive onto a target 100 km away")
    good = runner.invoke(app, ["fly", "hwasong-17-class", "--range-km", "9000", *runs])
    assert good.exit_code == 0  # a flight that lands on its aim point
    assert json.loads(good.stdout)["verdict"] is None


def test_size_refuses_a_scenario_with_problems_listing_every_one(tmp_path: Path):
    bad = SMALL_DEFENDED.replace("altitude_km = 400.0", "altitude_km = -40").replace(
        "sspk = 0.5", "sspk = 1.5"
    )
    bad = bad.replace("count = 2", "count = -2").replace("step_s = 20.0", "step_s = -1")
    path = tmp_path / "bad.toml"
    path.write_text(bad)
    result = runner.invoke(
        app, ["size", "--scenario", str(path), "--runs-dir", str(tmp_path / "runs")]
    )
    assert result.exit_code == 2
    assert result.output.startswith(f"{path}: ")
    for key in (
        "time.step_s = -1",
        "space.sbi.altitude_km = -40",
        "sbi.sspk = 1.5",
        "threats.raid[0].count = -2",
    ):
        assert key in result.output
    assert not (tmp_path / "runs").exists()


def test_coverage_and_leak_numbers_must_be_finite(scenario: Path):
    for command in (
        ["coverage", str(scenario), "--duration-s", "nan"],
        ["coverage", str(scenario), "--min-elevation-deg", "inf"],
        ["leak", "--sspk", "nan", "--shots", "2"],
        ["leak", "--sspk", "0.5", "--shots", "2", "--survivor-seen", "nan"],
    ):
        result = runner.invoke(app, command)
        assert result.exit_code == 2, command
        assert "is not a finite number" in result.output, command
