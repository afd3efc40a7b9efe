"""A sizing answer written to a run folder, shell by shell; an interrupted search keeps the
shells it finished."""

import tomllib
from pathlib import Path

import pytest

from goldendome import api
from goldendome.scenario.sizing import sizing_spec

ONE_SHELL = {"altitudes_km": [300.0], "inclinations_deg": [55.0], "planes": [30, 60]}


def _unit(run, table: str, column: str) -> str:
    return run.arrow(table).schema.field(column).metadata[b"unit"].decode()


def test_sizing_run_folder_holds_the_answer_as_declared_tables(tmp_path: Path):
    values = ONE_SHELL | {"sbi": {"delta_v_km_s": 5.0}}
    report = api.size_constellation_report(values, runs_dir=tmp_path)
    folder = Path(report["run_folder"])
    assert folder.parent == tmp_path
    run = api.open_run(folder)
    m = run.manifest
    assert (m["status"], m["scenario_name"], m["seed"]) == ("complete", "sbi-sizing", 0)
    facts = m["run"]
    assert facts["study"] == "size"
    assert facts["question"]["planes"] == [30, 60]
    assert facts["question"]["threat"] == "hwasong-18-class"  # the default, stored too
    assert facts["assumptions"] == report["assumptions"]
    assert facts["satellites"] == report["satellites"]
    assert facts["needed_in_reach"] == report["needed_in_reach"] == 1
    assert facts["effective_ground_reach_m"] == pytest.approx(
        1e3 * report["effective_ground_reach_km"]
    )
    # The stored question is TOML that gives back the same validated question.
    assert sizing_spec(tomllib.loads(m["scenario_text"])) == sizing_spec(values)

    candidates = run.rows("sizing_candidates")
    assert [(c["altitude_m"], c["planes"]) for c in candidates] == [(300e3, 30), (300e3, 60)]
    for row, given in zip(candidates, report["candidates"], strict=True):
        assert row["satellites"] == (given["satellites"] or -1)
        assert row["met"] == (given["satellites"] is not None)
        assert row["achieved_confidence"] == given["achieved_confidence"]
        assert row["inclination_deg"] == pytest.approx(55.0)
    assert [c["satellites"] for c in candidates if c["best"]] == [report["satellites"]]
    (shell,) = run.rows("sizing_shells")
    assert shell["best"]
    assert shell["fewest_satellites"] == report["satellites"]
    assert 0.0 < shell["mean_fraction_in_reach"] < 0.01
    times = run.columns("sizing_launch_times")
    assert times["in_reach"].tolist() == report["in_reach_over_time"]["in_reach"]
    assert len(times["launch_time_s"]) == 1_440
    latitudes = run.rows("sizing_latitudes")
    assert [r["latitude_deg"] for r in latitudes] == [
        r["latitude_deg"] for r in report["coverage_by_latitude"]
    ]
    assert _unit(run, "sizing_candidates", "altitude_m") == "m"
    assert _unit(run, "sizing_shells", "inclination_deg") == "deg"
    assert _unit(run, "sizing_launch_times", "launch_time_s") == "s"
    assert _unit(run, "sizing_latitudes", "latitude_deg") == "deg"


def test_an_interrupted_search_keeps_the_shells_it_finished(tmp_path: Path):
    def stop_after_first_shell(stage: str, done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        api.size_constellation(
            {"altitudes_km": [300.0, 500.0], "inclinations_deg": [55.0], "planes": [60]},
            stop_after_first_shell,
            runs_dir=tmp_path,
        )
    (folder,) = tmp_path.iterdir()
    run = api.open_run(folder)
    assert (run.manifest["status"], run.manifest["stage"]) == ("interrupted", "search")
    assert [c["altitude_m"] for c in run.rows("sizing_candidates")] == [300e3]
    assert [s["altitude_m"] for s in run.rows("sizing_shells")] == [300e3]
    assert not run.has("sizing_launch_times")


def test_bad_values_and_no_runs_dir_write_nothing(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(api.ScenarioError, match="salvo = 0"):
        api.size_constellation({"salvo": 0}, runs_dir=tmp_path)
    answer, _ = api.size_constellation(
        ONE_SHELL | {"planes": [60], "confidence": 0.5, "launch_times": 10}
    )
    assert answer.run_folder is None
    assert list(tmp_path.iterdir()) == []
