"""The timeline, exchange and partners studies store folders of their own, and the report
draws the timeline by year, the exchange curve and the partner table from them alone.

The folders come from the small defended scenario at 5 trials (two timeline years, the
exchange without confirmation runs, one partner): about 20 s together, made once here.
"""

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from goldendome import api
from goldendome.results.reader import open_run
from tests.report.small_studies import TRIALS, small_scenario_file


@pytest.fixture(scope="module")
def studies(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("strategy")
    runs = root / "runs"
    timeline = api.stored_timeline(
        small_scenario_file(root), first_year=2028, last_year=2029, trials=TRIALS, runs_dir=runs
    )
    exchange = api.stored_exchange(
        small_scenario_file(root), trials=TRIALS, confirm=False, runs_dir=runs
    )
    partners = api.stored_partners(
        small_scenario_file(root, partner=True), trials=TRIALS, runs_dir=runs
    )
    return {"timeline": timeline, "exchange": exchange, "partners": partners, "runs": runs}


def _manifest(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "manifest.json").read_text())


def test_each_study_writes_a_complete_folder_with_its_declared_tables(studies) -> None:
    tables = {
        "timeline": ("timeline_years", "timeline_fielding", "timeline_spending"),
        "exchange": ("exchange_curve", "exchange_answers", "exchange_runs"),
        "partners": ("partner_totals", "partner_contributions", "partner_outcomes"),
    }
    for study, names in tables.items():
        folder = studies[study].folder
        assert folder.parent == studies["runs"]
        assert folder.name.endswith(f"-{study}-small-defended")
        manifest = _manifest(folder)
        assert manifest["status"] == "complete"
        assert manifest["run"]["study"] == study
        assert manifest["run"]["trials"] == TRIALS
        assert {"timings_s", "scenario_text"} <= set(manifest)
        reader = open_run(folder)
        for name in names:
            assert reader.has(name), (study, name)


def test_the_timeline_tables_hold_what_goldendome_timeline_prints(studies) -> None:
    report = api.timeline_report(studies["timeline"].result)
    years = open_run(studies["timeline"].folder).rows("timeline_years")
    assert [y["year"] for y in years] == [2028, 2029]
    for stored, printed in zip(years, report["years"], strict=True):
        assert stored["spend_then_year_usd"] == pytest.approx(printed["spend_total_then_year_usd"])
        assert stored["spend_usd"] == pytest.approx(printed["spend_total_usd"])
        assert stored["budget_then_year_usd"] == pytest.approx(printed["budget_then_year_usd"])
        kc = printed["kill_chain"]
        assert stored["p_zero_leakers"] == kc["p_zero_leakers"]
        assert [stored["p_zero_leakers_low"], stored["p_zero_leakers_high"]] == list(
            kc["p_zero_leakers_95"]
        )
        assert stored["trials"] == TRIALS
        assert Path(stored["run_folder"]).is_dir()
    fielding = open_run(studies["timeline"].folder).columns("timeline_fielding")
    sbi = fielding["fielded"][fielding["element"] == "sbi"]
    assert sbi.tolist() == [
        report["years"][0]["fielded"]["sbi"],
        report["years"][1]["fielded"]["sbi"],
    ]


def test_the_timeline_page_draws_the_years_from_the_folder(studies) -> None:
    folder = studies["timeline"].folder
    rep = api.build_report(folder)
    assert rep.sections == ("Timeline study", "Timeline by year", "Stored tables")
    assert rep.figures == 1
    years = open_run(folder).columns("timeline_years")
    for p, low, high in zip(
        years["p_zero_leakers"],
        years["p_zero_leakers_low"],
        years["p_zero_leakers_high"],
        strict=True,
    ):
        assert f"{p:.3f}" in rep.html
        assert f"{low:.3f}-{high:.3f}" in rep.html
    assert f"{years['spend_then_year_usd'][0] / 1e9:,.2f}" in rep.html
    assert "spent TY $B" in rep.html
    assert "spent 2026 $B" in rep.html


def test_the_timeline_figure_has_spending_fielding_and_p_zero_with_its_interval(studies) -> None:
    from goldendome.report.strategy_figures import timeline_figure

    reader = open_run(studies["timeline"].folder)
    years, fielding = reader.columns("timeline_years"), reader.columns("timeline_fielding")
    fig = timeline_figure(years, fielding, 2026)
    names = [t.name for t in fig.data]
    assert names[:3] == ["spent, then-year $", "spent, 2026 $", "budget, then-year $"]
    assert "sbi" in names
    assert "tracking" in names
    assert "geo" not in names
    p = fig.data[names.index("P(zero leakers)")]
    assert np.allclose(p.y, years["p_zero_leakers"])
    assert np.allclose(
        np.asarray(p.y) - np.asarray(p.error_y.arrayminus), years["p_zero_leakers_low"]
    )
    assert np.allclose(np.asarray(p.y) + np.asarray(p.error_y.array), years["p_zero_leakers_high"])


def test_the_exchange_page_draws_both_sides_spending_along_the_curve(studies) -> None:
    result = studies["exchange"].result
    folder = studies["exchange"].folder
    curve = open_run(folder).columns("exchange_curve")
    assert curve["year"].tolist() == [row["year"] for row in result.curve]
    assert curve["offense_usd"].tolist() == [row["offense_usd"] for row in result.curve]
    assert curve["defense_acquisition_usd"].tolist() == [
        row["defense"]["acquisition_usd"] for row in result.curve
    ]
    rep = api.build_report(folder)
    assert rep.sections == (
        "Exchange study",
        "Exchange curve",
        "Restoring the offense's penetration",
        "Stored tables",
    )
    assert rep.figures == 1
    from goldendome.report.strategy_figures import exchange_figure

    fig = exchange_figure(curve, "north-korea-icbm-dia")
    assert [t.name for t in fig.data] == [
        "offense: added missiles",
        "defense: answer, to buy",
        "defense: answer, life cycle",
    ]
    spent = curve["offense_usd"] > 0
    assert np.allclose(np.asarray(fig.data[0].y, float)[spent], curve["offense_usd"][spent] / 1e9)
    assert np.isnan(np.asarray(fig.data[0].y, float)[~spent]).all()  # a gap on the log axis
    assert curve["offense_usd"][0] == 0.0  # the first step is today's raid
    assert np.allclose(fig.data[1].x, curve["missiles"])
    answers = open_run(folder).rows("exchange_answers")
    assert [a["question"] for a in answers] == ["salvo", "decoys"]
    assert answers[0]["value"] == result.salvo["missiles"]
    assert f"{answers[0]['value']:g} missiles" in rep.html
    runs = open_run(folder).rows("exchange_runs")
    assert [r["question"] for r in runs] == ["baseline"]  # no confirmation runs asked
    assert Path(runs[0]["run_folder"]).name in rep.html


def test_the_partners_page_puts_the_partners_own_territory_beside_the_us(studies) -> None:
    result = studies["partners"].result
    folder = studies["partners"].folder
    reader = open_run(folder)
    totals = reader.rows("partner_totals")
    p = result.partners[0]
    assert totals[0]["partner"] == "Japan"
    assert totals[0]["contribution_usd"] == pytest.approx(p.contribution_usd)
    assert totals[0]["share_of_architecture"] == pytest.approx(
        p.contribution_usd / p.architecture_usd
    )
    kinds = reader.columns("partner_contributions")["kind"].tolist()
    assert kinds.count("share") == 1
    assert kinds.count("programme") == 1
    assert "hosted" in kinds
    outcomes = reader.rows("partner_outcomes")
    assert [o["case"] for o in outcomes] == ["us_with", "us_without", "own_raid"]
    assert outcomes[0]["p_zero_leakers"] == p.us_with["p_zero_leakers"]
    assert outcomes[2]["raid"] == "on Japan"
    assert "Tokyo" in outcomes[2]["defended"]
    rep = api.build_report(folder)
    assert rep.sections == (
        "Partners study",
        "Partners",
        "Protection with and without the partners",
        "Stored tables",
    )
    assert rep.figures == 2  # Japan's contributions; the protection
    assert f"{totals[0]['share_of_architecture']:.1%}" in rep.html
    assert "without Japan" in rep.html
    assert "on Japan" in rep.html


def test_the_page_needs_the_study_folder_alone(studies, tmp_path: Path) -> None:
    """A copy of a study's folder, without the runs it made, gives the same page: the
    report reads the study's own tables and reruns nothing."""
    import shutil

    for study in ("timeline", "exchange", "partners"):
        folder = studies[study].folder
        copy = Path(shutil.copytree(folder, tmp_path / study / folder.name))
        original, alone = api.build_report(folder), api.build_report(copy)
        assert alone.sections == original.sections
        assert alone.figures == original.figures
        assert alone.html.replace(str(copy), str(folder)) == original.html


def _interrupting(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    """Make the timeline's runs stop with ``error`` (its schedule-only check still works)."""
    import goldendome.studies.timeline as timeline

    original = timeline.run_timeline

    def run_timeline(*args: Any, **kwargs: Any) -> Any:
        if kwargs.get("kill_chain", True):
            raise error
        return original(*args, **kwargs)

    monkeypatch.setattr(timeline, "run_timeline", run_timeline)


@pytest.mark.parametrize(
    ("error", "status"),
    [(KeyboardInterrupt(), "interrupted"), (RuntimeError("disk on fire"), "failed")],
)
def test_a_stopped_timeline_leaves_its_state_and_the_page_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException, status: str
) -> None:
    _interrupting(monkeypatch, error)
    runs = tmp_path / "runs"
    with pytest.raises(type(error)):
        api.stored_timeline(
            small_scenario_file(tmp_path), first_year=2028, last_year=2028, runs_dir=runs
        )
    (folder,) = runs.iterdir()
    manifest = _manifest(folder)
    assert manifest["status"] == status
    assert manifest["stage"] == "timeline"
    if status == "failed":
        assert manifest["error"] == "RuntimeError: disk on fire"
    rep = api.build_report(folder)
    assert rep.sections == ("Timeline study", "Timeline by year", "Stored tables")
    assert f"This run is {status}" in rep.html
    assert "Not stored in this run folder: the years" in rep.html


def test_bad_input_leaves_no_folder(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    with pytest.raises(api.ScenarioError, match="p_any_through"):
        api.stored_exchange(small_scenario_file(tmp_path), p_any_through=1.5, runs_dir=runs)
    with pytest.raises(api.ScenarioError, match="last_year"):
        api.stored_timeline(
            small_scenario_file(tmp_path), first_year=2030, last_year=2028, runs_dir=runs
        )
    assert not runs.exists() or not any(runs.iterdir())


def test_a_study_without_runs_stores_the_money_and_the_page_says_no_runs(tmp_path: Path) -> None:
    stored = api.stored_partners(
        small_scenario_file(tmp_path, partner=True), kill_chain=False, runs_dir=tmp_path
    )
    reader = open_run(stored.folder)
    assert reader.columns("partner_outcomes")["partner"].size == 0
    assert reader.rows("partner_totals")[0]["contribution_usd"] > 0
    rep = api.build_report(stored.folder)
    assert "without kill-chain runs (--no-runs)" in rep.html
    assert rep.figures == 1
    timeline = api.stored_timeline(
        small_scenario_file(tmp_path), last_year=2028, kill_chain=False, runs_dir=tmp_path
    )
    years = open_run(timeline.folder).columns("timeline_years")
    assert all(math.isnan(p) for p in years["p_zero_leakers"])
    assert set(years["trials"].tolist()) == {-1}
    page = api.build_report(timeline.folder).html
    assert "no kill-chain runs (--no-runs)" in page


def test_new_in_service_lists_elements_that_gained_units_as_the_cli_does() -> None:
    from goldendome.report.timeline_year_sections import _new_in_service

    fielding = {
        "year": np.array([2026, 2026, 2026, 2027, 2027, 2027]),
        "element": np.array(["sbi", "THAAD", "THAAD/thaad"] * 2, dtype=object),
        "kind": np.array(["space", "platform", "rounds"] * 2, dtype=object),
        "fielded": np.array([10.0, 0.0, 0.0, 20.0, 1.0, 48.0]),
        "built": np.array([10.0, 0.4, 0.0, 10.0, 0.6, 48.0]),
    }
    assert _new_in_service(fielding, 2026, None) == ""  # a space layer is not listed
    before = {"sbi": 10.0, "THAAD": 0.0, "THAAD/thaad": 0.0}
    assert _new_in_service(fielding, 2027, before) == "THAAD, THAAD/thaad +48"
