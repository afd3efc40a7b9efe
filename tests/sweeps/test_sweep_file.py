"""Sweep files: their own rules (every problem at once), the five designs, and each case's id
and seed drawn from the sweep's seed and the case's values alone."""

import math
from pathlib import Path

import pytest
from typer.testing import CliRunner

import goldendome.cli.sweep  # noqa: F401  (registers the command)
from goldendome.cli.main import app
from goldendome.run.sweeps.cases import make_case
from goldendome.run.sweeps.design import DesignCase, design_cases
from goldendome.run.sweeps.spec import SweepError, parse_sweep
from tests.sweeps.sweep_files import SSPK, THAAD, sweep_text, write_sweep

runner = CliRunner()

RANGES = f"""
[[parameters]]
path = "{THAAD}"
low = 0
high = 6
integer = true
levels = 4

[[parameters]]
path = "{SSPK}"
low = 0.1
high = 0.9

[[parameters]]
path = "doctrine.reserve_fraction"
values = [0.0, 0.25, 0.5]
"""


def _spec(design: str):
    return parse_sweep(sweep_text(design=design, parameters=RANGES))


def test_every_problem_of_a_sweep_file_is_named_at_once():
    text = """
name = "bad name!"
trials = 0
outputs = ["p_zero_leakers", "happiness"]
[design]
kind = "factorial"
[[parameters]]
path = "sbi.sspk"
low = 0.9
high = 0.1
[[parameters]]
path = "sbi.delta_v_km_s"
"""
    with pytest.raises(SweepError) as caught:
        parse_sweep(text, "bad.toml")
    report = str(caught.value)
    assert report.startswith("bad.toml: 6 problems")
    for words in (
        "name = 'bad name!'",
        "trials = 0",
        "happiness",
        "design.kind = 'factorial'",
        "parameters[0]: low (0.9) must be below high (0.1)",
        "parameters[1]: give values = [...] or both low and high",
    ):
        assert words in report


@pytest.mark.parametrize(
    ("design", "n_cases"),
    [
        ('kind = "grid"', 4 * 3 * 3),
        ('kind = "lhs"\nsamples = 10', 10),
        ('kind = "sobol"\nsamples = 8', 8 * (3 + 2)),
        ('kind = "morris"\nsamples = 5', 5 * (3 + 1)),
        ('kind = "oat"', 1 + 4 + 3 + 3),
    ],
)
def test_each_design_gives_its_number_of_cases_within_the_ranges(design, n_cases):
    rows = design_cases(_spec(design))
    assert len(rows) == n_cases
    assert [r.index for r in rows] == list(range(n_cases))
    for row in rows:
        if THAAD in row.values:
            assert row.values[THAAD] in range(7)
            assert isinstance(row.values[THAAD], int)
        if SSPK in row.values:
            assert 0.1 <= row.values[SSPK] <= 0.9
        if "doctrine.reserve_fraction" in row.values:
            assert row.values["doctrine.reserve_fraction"] in (0.0, 0.25, 0.5)


def test_a_grid_is_the_full_product_and_one_at_a_time_moves_one_input():
    grid = design_cases(_spec('kind = "grid"'))
    combos = {tuple(r.values[p] for p in (THAAD, SSPK, "doctrine.reserve_fraction")) for r in grid}
    assert len(combos) == 36
    assert {r.values[THAAD] for r in grid} == {0, 2, 4, 6}
    oat = design_cases(_spec('kind = "oat"'))
    assert oat[0].values == {}  # the base scenario
    assert all(len(r.values) == 1 for r in oat[1:])


def test_latin_hypercube_puts_one_case_in_each_stratum_of_each_input():
    rows = design_cases(_spec('kind = "lhs"\nsamples = 10'))
    for d in range(3):
        strata = sorted(int(r.unit[d] * 10) for r in rows)
        assert strata == list(range(10))


def test_the_design_is_the_same_for_the_same_file_and_seed():
    a = design_cases(_spec('kind = "sobol"\nsamples = 8'))
    b = design_cases(_spec('kind = "sobol"\nsamples = 8'))
    assert a == b
    other = parse_sweep(
        sweep_text(design='kind = "sobol"\nsamples = 8', parameters=RANGES).replace(
            "seed = 11", "seed = 12"
        )
    )
    assert design_cases(other) != a


def test_a_case_seed_depends_on_the_sweep_seed_and_its_values_not_their_order():
    spec = _spec('kind = "grid"')
    one = make_case(spec, DesignCase(0, {THAAD: 2, SSPK: 0.5}, (math.nan, math.nan)))
    same = make_case(spec, DesignCase(7, {SSPK: 0.5, THAAD: 2}, (0.0, 0.0)))
    other = make_case(spec, DesignCase(0, {THAAD: 3, SSPK: 0.5}, (math.nan, math.nan)))
    assert (one.case_key, one.seed) == (same.case_key, same.seed)
    assert one.seed != other.seed
    assert one.case_key != other.case_key
    assert 0 <= one.seed < 2**63


def test_every_invalid_case_is_reported_before_anything_runs_exit_2(tmp_path: Path):
    params = (
        '[[parameters]]\npath = "space.sbi.altitude_km"\nvalues = [400.0, -40.0]\n\n'
        '[[parameters]]\npath = "threats.raid[5].count"\nvalues = [1, 2]\n'
    )
    path = write_sweep(tmp_path, sweep_text(parameters=params))
    result = runner.invoke(app, ["sweep", str(path), "--runs-dir", str(tmp_path / "runs")])
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert lines[0] == f"{path}: 4 of 4 cases are invalid; nothing was run"
    # The bad path is named in every case, and the bad value too although the path error
    # comes first in each case that has both.
    assert lines[1].startswith("  cases 0, 2: threats.raid[5].count = 1: ")
    assert lines[2].startswith("  cases 1, 3: threats.raid[5].count = 2: ")
    assert lines[3].startswith("  cases 2, 3: space.sbi.altitude_km = -40.0: altitude must be")
    assert len(lines) == 4
    assert "Traceback" not in result.output
    assert not (tmp_path / "runs").exists()


def test_check_validates_every_case_and_runs_nothing(tmp_path: Path):
    path = write_sweep(tmp_path)
    result = runner.invoke(app, ["sweep", str(path), "--check", "--runs-dir", str(tmp_path / "r")])
    assert result.exit_code == 0, result.output
    assert "OK: sweep 'small-trade', grid design, 4 cases." in result.output
    assert not (tmp_path / "r").exists()


def test_a_scheduler_that_does_not_answer_is_refused_before_any_case_exit_2(tmp_path: Path):
    path = write_sweep(tmp_path)
    result = runner.invoke(
        app,
        [
            "sweep",
            str(path),
            "--scheduler",
            "tcp://127.0.0.1:1",
            "--runs-dir",
            str(tmp_path / "runs"),
        ],
    )
    assert result.exit_code == 2
    assert "--scheduler tcp://127.0.0.1:1" in result.output
    assert not (tmp_path / "runs").exists()
