"""Single flights written to a run folder: figures in SI, the trajectory from launch to impact,
a reconstruction's fit; nothing written without a runs_dir or for bad input."""

import math
from pathlib import Path

import numpy as np
import pytest

from goldendome import api
from goldendome.physics.geodesy import great_circle_distance_m


def _unit(run, table: str, column: str) -> str:
    return run.arrow(table).schema.field(column).metadata[b"unit"].decode()


def _ground_distance_m(lat1_deg, lon1_deg, lat2_deg, lon2_deg) -> float:
    return float(
        great_circle_distance_m(
            math.radians(lat1_deg),
            math.radians(lon1_deg),
            math.radians(lat2_deg),
            math.radians(lon2_deg),
        )
    )


def test_an_aimed_flight_is_stored_with_its_trajectory(tmp_path: Path):
    out = api.fly_threat(
        "hwasong-17-class", launch_area="sunan", target="seattle", runs_dir=tmp_path
    )
    run = api.open_run(out["run_folder"])
    m = run.manifest
    assert (m["status"], m["scenario_name"], m["seed"]) == ("complete", "hwasong-17-class", 0)
    assert m["run"]["study"] == "fly"
    assert m["run"]["inputs"] == {
        "class": "hwasong-17-class",
        "from": "sunan",
        "to": "seattle",
        "azimuth_deg": 90.0,
        "lofted": False,
        "cross_range_deg": 0.0,
    }
    (row,) = run.rows("flight")
    assert (row["class"], row["type"], row["target"], row["shape"]) == (
        "hwasong-17-class",
        "ballistic",
        "seattle",
        "minimum_energy",
    )
    assert row["range_m"] == pytest.approx(1e3 * out["range_km"])
    assert row["apogee_altitude_m"] == pytest.approx(1e3 * out["apogee_km"])
    assert row["burnout_speed_m_s"] == pytest.approx(1e3 * out["burnout_speed_km_s"])
    assert row["flight_time_s"] == out["flight_time_s"]
    assert row["miss_m"] == out["miss_m"]
    assert math.isnan(row["pullup_time_s"])
    assert _unit(run, "flight", "impact_speed_m_s") == "m/s"

    t = run.columns("flight_trajectory")
    assert t["t_s"][0] == 0.0
    assert np.all(np.diff(t["t_s"]) > 0.0)
    assert np.allclose(np.diff(t["t_s"][:-1]), 10.0)
    assert t["t_s"][-1] == pytest.approx(out["flight_time_s"])
    # From Sunan to the impact point, on the ground at both ends, up to the apogee between.
    assert _ground_distance_m(t["latitude_deg"][0], t["longitude_deg"][0], 39.2, 125.67) < 1e3
    end = (t["latitude_deg"][-1], t["longitude_deg"][-1])
    impact = (row["impact_latitude_deg"], row["impact_longitude_deg"])
    assert _ground_distance_m(*end, *impact) < 100.0
    assert abs(t["altitude_m"][0]) < 1.0
    assert abs(t["altitude_m"][-1]) < 100.0
    assert t["altitude_m"].max() == pytest.approx(row["apogee_altitude_m"], abs=1e3)
    assert t["speed_m_s"][-1] == pytest.approx(row["impact_speed_m_s"], rel=1e-6)
    for column, unit in (("t_s", "s"), ("latitude_deg", "deg"), ("altitude_m", "m")):
        assert _unit(run, "flight_trajectory", column) == unit
    assert _unit(run, "flight_trajectory", "speed_m_s") == "m/s"


def test_a_reconstruction_stores_the_fit_and_the_fitted_flight(tmp_path: Path):
    out = api.reconstruct_test(
        "hwasong-17-class",
        launch_area="sunan",
        apogee_km=6248.5,
        range_km=1090.0,
        flight_time_s=4052.0,
        runs_dir=tmp_path,
    )
    run = api.open_run(out["run_folder"])
    assert run.manifest["run"]["fitted_payload_kg"] == out["payload_kg"]
    assert run.manifest["run"]["inputs"]["reconstruct"] is True
    (fit,) = run.rows("flight_reconstruction")
    assert fit["reported_apogee_m"] == 6248.5e3
    assert fit["flagged"] is True
    assert fit["residual_s"] == out["residual_s"]
    assert fit["verdict"] == out["verdict"]
    (row,) = run.rows("flight")
    assert row["shape"] == "reconstructed"
    # The stored flight is the fitted one flown again: same apogee and flight time.
    assert row["flight_time_s"] == pytest.approx(out["flight_time_s"], abs=0.01)
    assert row["apogee_altitude_m"] == pytest.approx(1e3 * out["apogee_km"], abs=1.0)
    t = run.columns("flight_trajectory")
    assert t["altitude_m"].max() == pytest.approx(6248.5e3, abs=1e3)


def test_glide_and_cruise_flights_are_stored(tmp_path: Path):
    hgv = api.fly_threat("df-17-class", launch_area="bohai", target="kadena-ab", runs_dir=tmp_path)
    run = api.open_run(hgv["run_folder"])
    (row,) = run.rows("flight")
    assert (row["type"], row["shape"]) == ("hgv", "glide")
    assert row["glide_altitude_min_m"] == pytest.approx(1e3 * hgv["glide_altitude_km"][0])
    t = run.columns("flight_trajectory")
    assert t["t_s"][-1] <= hgv["flight_time_s"]
    assert np.all(np.isfinite(t["altitude_m"]))
    cruise = api.fly_threat(
        "kh-101-class", launch_area="chukotka", target="anchorage", runs_dir=tmp_path
    )
    run = api.open_run(cruise["run_folder"])
    (row,) = run.rows("flight")
    assert (row["type"], row["cruise_speed_m_s"]) == ("cruise", 200.0)
    t = run.columns("flight_trajectory")
    assert np.allclose(t["speed_m_s"][1:], 200.0, rtol=0.05)
    assert np.allclose(t["altitude_m"], row["cruise_altitude_m"], atol=5.0)


def test_no_runs_dir_or_bad_input_writes_nothing(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = api.fly_threat("hwasong-17-class", launch_area="sunan", target="seattle")
    assert "run_folder" not in out
    with pytest.raises(api.ScenarioError, match="unknown threat class"):
        api.fly_threat("hwasong-81", launch_area="sunan", runs_dir=tmp_path)
    assert list(tmp_path.iterdir()) == []
