"""A sweep's analysis: Sobol indices and Morris effects recover known answers from outputs
made by known functions of the design's points, the Pareto front is the non-dominated set,
and ``goldendome sweep analyze`` prints and stores the tables of a real sweep."""

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import goldendome.cli.sweep  # noqa: F401  (registers the command)
from goldendome import api
from goldendome.cli.main import app
from goldendome.results.catalog import SWEEP_MANIFEST
from goldendome.run.sweeps.analysis import analyze_folder, pareto
from goldendome.run.sweeps.cases import make_case
from goldendome.run.sweeps.design import design_cases
from goldendome.run.sweeps.runner import PreparedSweep, _manifest, _write_json, write_tables
from goldendome.run.sweeps.spec import parse_sweep
from tests.sweeps.sweep_files import sweep_text, write_sweep

runner = CliRunner()

THREE = "".join(f'[[parameters]]\npath = "x{k}"\nlow = 0.0\nhigh = 1.0\n\n' for k in range(3))


def _synthetic(folder: Path, design: str) -> None:
    """A sweep folder whose outputs are linear in the design's unit points:
    p_zero_leakers = 4 x0 + x1 (x2 has no effect); cost the same in every case."""
    spec = parse_sweep(sweep_text(design=design, parameters=THREE))
    rows = design_cases(spec)
    cases = [make_case(spec, row) for row in rows]
    prep = PreparedSweep(spec, "synthetic", rows, cases, "", "synthetic")
    results = {
        c.case_key: {
            "status": "complete",
            "error": "",
            "trials": 1,
            "p_zero_leakers": 4 * r.unit[0] + r.unit[1],
            "expected_leakers": 4 * r.unit[0] + r.unit[1],
            "cost_usd": 1e9,
        }
        for r, c in zip(rows, cases, strict=True)
    }
    folder.mkdir()
    write_tables(prep, folder, results)
    _write_json(folder / SWEEP_MANIFEST, _manifest(prep, "complete", "2029-01-01"))


def test_sobol_indices_of_a_linear_output_match_their_variance_shares(tmp_path: Path):
    _synthetic(tmp_path / "s", 'kind = "sobol"\nsamples = 512')
    result = analyze_folder(tmp_path / "s")
    got = result.sobol[result.sobol["output"] == "p_zero_leakers"].set_index("path")
    # Var(4 U) : Var(U) : 0 = 16 : 1 : 0 for U uniform on [0, 1]; an additive model has
    # total indices equal to first-order ones.
    exact = {"x0": 16 / 17, "x1": 1 / 17, "x2": 0.0}
    for path, value in exact.items():
        assert got.loc[path, "s1"] == pytest.approx(value, abs=0.05)
        assert got.loc[path, "st"] == pytest.approx(value, abs=0.05)
        assert 0.0 <= got.loc[path, "s1_conf"] < 0.2
    assert "cost_usd: the same in every case" in " ".join(result.notes)
    assert (tmp_path / "s" / "sweep_sobol.parquet").is_file()


def test_morris_effects_of_a_linear_output_are_its_slopes(tmp_path: Path):
    _synthetic(tmp_path / "m", 'kind = "morris"\nsamples = 10')
    result = analyze_folder(tmp_path / "m")
    got = result.morris[result.morris["output"] == "p_zero_leakers"].set_index("path")
    # Over each input's whole range the elementary effects of 4 x0 + x1 are 4, 1 and 0,
    # the same everywhere (sigma 0).
    assert list(got["mu_star"].round(9)) == [4.0, 1.0, 0.0]
    assert list(got["sigma"].round(9)) == [0.0, 0.0, 0.0]


def test_the_pareto_front_keeps_the_cases_no_other_beats():
    cases = pd.DataFrame(
        {
            "case_key": list("abcde"),
            "status": ["complete"] * 4 + ["failed"],
            "cost_usd": [1.0, 2.0, 3.0, 4.0, 0.5],
            "p_zero_leakers": [0.5, 0.4, 0.9, 0.9, float("nan")],
            "expected_leakers": [1.0, 1.2, 0.1, 0.1, float("nan")],
        }
    )
    front = pareto(cases).set_index("case_key")["on_front"].to_dict()
    # b costs more than a and does worse; d ties c on P(zero leakers) at a higher cost.
    assert front == {"a": True, "b": False, "c": True, "d": False}


@pytest.mark.slow
def test_sweep_analyze_prints_and_stores_the_tables_of_a_real_sweep(tmp_path: Path):
    params = (
        '[[parameters]]\npath = "sites[2].interceptors[0].count"\nlow = 0\nhigh = 6\n'
        'integer = true\n\n[[parameters]]\npath = "sbi.sspk"\nlow = 0.1\nhigh = 0.6\n'
    )
    path = write_sweep(
        tmp_path, sweep_text(design='kind = "morris"\nsamples = 2', parameters=params, trials=10)
    )
    api.sweep(path, runs_dir=tmp_path / "runs", workers=0)
    result = runner.invoke(
        app, ["sweep", "analyze", "small-trade", "--runs-dir", str(tmp_path / "runs")]
    )
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Morris screening" in out
    assert out.count("sites[2].interceptors[0].count") >= 2
    assert "Pareto front of 20-year cost against P(zero leakers):" in out
    assert "Sobol indices need design kind" not in out
    folder = tmp_path / "runs" / "sweep-small-trade"
    for name in ("sweep_morris", "sweep_pareto"):
        assert (folder / f"{name}.parquet").is_file()
    front = pd.read_parquet(folder / "sweep_pareto.parquet")
    assert front["on_front"].any()
    missing = runner.invoke(app, ["sweep", "analyze", "nope", "--runs-dir", str(tmp_path)])
    assert missing.exit_code == 2
    assert "no sweep of that name" in missing.output
