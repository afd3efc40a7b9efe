"""``goldendome cost`` and ``goldendome frontier``, end to end through typer's runner: exit
codes, messages and output."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import goldendome.cli.cost  # noqa: F401  (registers the commands)
from goldendome.cli.main import app
from goldendome.scenario import default_scenario_text
from tests.small_scenario import SMALL_DEFENDED

runner = CliRunner()


def _scenario(tmp_path: Path, extra: str, text: str | None = None) -> str:
    path = tmp_path / "s.toml"
    path.write_text((default_scenario_text() if text is None else text) + "\n" + extra)
    return str(path)


def test_cost_of_the_default_prints_layers_categories_elements_and_years():
    result = runner.invoke(app, ["cost"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("golden-dome-2029: $")
    assert "over 20 years (2027-2046), constant 2026 dollars" in result.output
    for title in ("By layer", "By category", "By element", "By year and category"):
        assert title in result.output
    assert "sbi_layer" in result.output
    assert "No input is uncertain" in result.output


def test_cost_json_adds_up_and_follows_base_year_and_years():
    report = json.loads(runner.invoke(app, ["cost", "--json"]).stdout)
    total = report["total_usd"]
    assert sum(report["by_layer_usd"].values()) == pytest.approx(total)
    assert sum(report["by_year_usd"].values()) == pytest.approx(total)
    assert sum(e["total_usd"] for e in report["elements"]) == pytest.approx(total)
    assert report["uncertainty"] is None
    later = json.loads(runner.invoke(app, ["cost", "--json", "--base-year", "2030"]).stdout)
    assert later["base_year"] == 2030
    assert later["total_usd"] > total
    short = json.loads(runner.invoke(app, ["cost", "--json", "--years", "5"]).stdout)
    assert list(short["by_year_usd"]) == ["2027", "2028", "2029", "2030", "2031"]


def test_distributions_give_percentiles_and_a_tornado(tmp_path: Path):
    path = _scenario(
        tmp_path,
        "[economics]\ndraws = 1000\n[economics.uncertain.sbi_layer]\n"
        "unit_cost_musd = { low = 13.0, mode = 22.0, high = 40.0 }\n",
    )
    result = runner.invoke(app, ["cost", path])
    assert result.exit_code == 0, result.output
    assert "P10 $" in result.output
    assert "(1,000 draws, scenario seed 2029, stream 'economics')" in result.output
    assert "What drives the spread" in result.output
    unc = json.loads(runner.invoke(app, ["cost", path, "--json"]).stdout)["uncertainty"]
    assert unc["p10_usd"] < unc["p50_usd"] < unc["p90_usd"]
    assert unc["tornado"][0]["input"] == "unit_cost_usd"


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("[economics.elements.sbi_layer]\nunit_cost_musd = -5.0", "a cost must be positive"),
        ("[economics.elements.nowhere]\nquantity = 1.0", "not an element of this scenario"),
        ('[economics.elements.c2]\nitem = "c3"', "unknown cost line"),
        ("[economics]\nbase_year = 1990", "base year outside the deflator table"),
        ("[economics.elements.sbi_layer]\nlearning_slope = 1.5", "learning slope must be in"),
    ],
)
def test_bad_cost_input_exits_2_naming_the_key(tmp_path: Path, extra: str, expected: str):
    path = _scenario(tmp_path, extra)
    for command in (["cost", path], ["validate", path]):
        result = runner.invoke(app, command)
        assert result.exit_code == 2, result.output
        assert "economics." in result.output
        assert expected in result.output
        assert "Traceback" not in result.output


def test_bad_cost_options_exit_2_with_a_sentence():
    year = runner.invoke(app, ["cost", "--base-year", "1990"])
    assert year.exit_code == 2
    assert "base_year = 1990: outside the deflator table (2000 to" in year.output
    preset = runner.invoke(app, ["cost", "--preset", "cbo-2062"])
    assert preset.exit_code == 2
    assert 'preset = "cbo-2062": unknown preset; presets: cbo-2026' in preset.output
    stray = runner.invoke(app, ["cost", "--salvo", "3"])
    assert stray.exit_code == 2
    assert "--salvo: estimator options need --quick" in stray.output
    word = runner.invoke(app, ["cost", "--quick", "--boost-time-s", "long"])
    assert word.exit_code == 2
    assert "--boost-time-s = 'long': expected numbers" in word.output


def test_presets_list_and_one_preset_beside_its_published_figure():
    listing = runner.invoke(app, ["cost", "--list"])
    assert listing.exit_code == 0
    assert "cbo-2026" in listing.output
    assert "white-house-175" in listing.output
    one = runner.invoke(app, ["cost", "--preset", "cbo-2026"])
    assert one.exit_code == 0
    assert "against the published $1,191.0B (residual -19.5%)" in one.output
    assert "What drives the residual" in one.output
    data = json.loads(runner.invoke(app, ["cost", "--preset", "cbo-2026", "--json"]).stdout)
    assert data["published_usd"] == 1191e9
    assert sum(data["by_element_usd"].values()) == pytest.approx(data["model_usd"])
    # CBO's figure by part (SBI and other layers' acquisition and O&S) beside the model's.
    assert "The published figure by part, beside the model's" in one.output
    assert "other layers' O&S" in one.output
    assert [p["part"] for p in data["parts"]][:2] == ["SBI acquisition", "SBI O&S"]
    assert sum(p["model_usd"] for p in data["parts"]) == pytest.approx(data["model_usd"])
    assert data["sbi_mass_kg"] == 2_000.0
    assert "SBI launch mass: 2,000 kg per SBI" in one.output


def test_cost_names_the_sbi_launch_mass_and_where_it_came_from(tmp_path: Path):
    default = runner.invoke(app, ["cost"])
    assert "SBI launch mass (sbi_layer): 1,477 kg per SBI from the SBI mass model" in (
        " ".join(default.output.split())
    )
    path = _scenario(tmp_path, "[economics.elements.sbi_layer]\nmass_kg = 1800.0\n")
    stated = json.loads(runner.invoke(app, ["cost", path, "--json"]).stdout)["sbi_mass"]
    assert stated["sbi_layer"]["source"] == "stated"
    assert stated["sbi_layer"]["mass_kg"] == 1_800.0


def test_quick_estimate_over_a_grid():
    result = runner.invoke(app, ["cost", "--quick", "--boost-time-s", "170,240", "--json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [r["inputs"]["boost_time_s"] for r in rows] == [170.0, 240.0]
    assert rows[0]["sbi_count"] > rows[1]["sbi_count"]  # a longer boost needs fewer SBIs
    table = runner.invoke(app, ["cost", "--quick", "--salvo", "1,10"])
    assert "Closed-form SBI estimate" in table.output


def test_frontier_reads_run_folders_and_marks_the_dominated(tmp_path: Path):
    cheap = tmp_path / "cheap.toml"
    cheap.write_text(SMALL_DEFENDED)
    dear = tmp_path / "dear.toml"
    dear.write_text(SMALL_DEFENDED + "\n[economics.elements.c2]\nunit_cost_musd = 50000.0\n")
    runs = tmp_path / "runs"
    args = ["frontier", str(cheap), str(dear), "--runs-dir", str(runs), "--trials", "10"]
    result = runner.invoke(app, [*args, "--workers", "0", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["source"] for r in rows] == [str(cheap), str(dear)]
    assert rows[0]["p_zero_leakers"] == rows[1]["p_zero_leakers"]  # same seed, same raid
    assert rows[1]["dominated_by"] == [str(cheap)]
    assert rows[0]["dominated"] is False
    folders = sorted(str(p) for p in runs.iterdir())
    again = runner.invoke(app, ["frontier", *folders])
    assert again.exit_code == 0
    assert "dominated by" in again.output


def test_frontier_of_a_missing_file_exits_2(tmp_path: Path):
    result = runner.invoke(app, ["frontier", str(tmp_path / "nope.toml")])
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_size_prints_the_closed_form_answer_and_its_ratio_to_the_physics(tmp_path: Path):
    import goldendome.cli.size  # noqa: F401  (registers the command)

    args = ["size", "--altitudes-km", "400", "--inclinations-deg", "55", "--planes", "60"]
    result = runner.invoke(app, [*args, "--runs-dir", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    quick = report["closed_form"]
    assert quick["physics_sbi_count"] == report["best"]["satellites"]
    assert quick["ratio_to_physics"] == pytest.approx(
        quick["sbi_count"] / quick["physics_sbi_count"]
    )
    assert quick["inputs"]["orbit_altitude_m"] == 400e3
    table = runner.invoke(app, [*args, "--runs-dir", str(tmp_path)])
    assert "Closed-form estimate of the same question" in table.output
    assert f"{quick['ratio_to_physics']:.2f} x the physics answer" in table.output
