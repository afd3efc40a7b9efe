"""CZML export: valid against a schema of the packets written, consistent in time, and telling
the stored story of the run (counts, times and positions from the tables)."""

import json
from datetime import datetime, timedelta
from pathlib import Path

import jsonschema
import numpy as np
import pytest
from typer.testing import CliRunner

import goldendome.cli.web  # noqa: F401  (registers czml and serve)
from goldendome.cli.main import app
from goldendome.physics.geodetic import geodetic_to_ecef
from goldendome.results.reader import open_run
from goldendome.web.czml import LAYERS, CzmlError, export_czml
from goldendome.web.trial import representative_trial, trial_story

SCHEMA = json.loads((Path(__file__).parent / "czml_packets.schema.json").read_text())


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@pytest.fixture(scope="module")
def export(small_run):
    return export_czml(small_run)


def test_every_document_validates_against_the_packet_schema(export):
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for layer in LAYERS:
        document = json.loads(export.text(layer))
        errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(document)]
        assert errors == [], f"{layer}: {errors[:3]}"


def test_the_schema_refuses_what_cesium_would_not_read(export):
    validator = jsonschema.Draft202012Validator(SCHEMA)
    packet = json.loads(export.text("raid"))[1]
    for broken in (
        {**packet, "positon": packet["position"]},  # a typo
        {**packet, "availability": "2029-06-01/later"},
        {**packet, "point": {"color": {"rgba": [255, 0, 0]}}},
    ):
        assert not validator.is_valid([json.loads(export.text("raid"))[0], broken])


def test_samples_are_whole_monotonic_and_inside_the_document_clock(export, small_run):
    manifest = open_run(small_run).manifest["run"]
    epoch = _instant(manifest["epoch_utc"].replace("+00:00", "Z"))
    for layer, document in export.documents.items():
        clock = document[0]["clock"]
        start, stop = (_instant(t) for t in clock["interval"].split("/"))
        assert start == epoch
        assert stop == epoch + timedelta(seconds=manifest["duration_s"])
        ids = [p["id"] for p in document]
        assert len(ids) == len(set(ids)), f"{layer}: ids repeat"
        for packet in document[1:]:
            begin, end = (_instant(t) for t in packet["availability"].split("/"))
            assert start <= begin <= end <= stop, packet["id"]
            position = packet.get("position", {})
            if "epoch" in position:
                samples = position["cartesian"]
                assert len(samples) % 4 == 0, packet["id"]
                assert len(samples) >= 8, packet["id"]
                t_s = np.array(samples[0::4])
                assert np.all(np.diff(t_s) > 0), packet["id"]
                first = _instant(position["epoch"]) + timedelta(seconds=float(t_s[0]))
                last = _instant(position["epoch"]) + timedelta(seconds=float(t_s[-1]))
                assert first <= begin, packet["id"]
                assert end <= last + timedelta(seconds=1), packet["id"]


def test_counts_are_the_stored_ones(export, small_run):
    run = open_run(small_run)
    trial = export.trial
    engagements = run.columns("engagements")
    in_trial = engagements["trial"] == trial
    trials = run.columns("trials")
    row = np.flatnonzero(trials["trial"] == trial)[0]
    assert export.counts["satellites"] == run.columns("satellites")["satellite_id"].size == 1041
    assert export.counts["shots"] == int(in_trial.sum()) > 0
    assert export.counts["kills"] == int(engagements["kill"][in_trial].sum())
    assert export.counts["leaks"] == int(trials["leakers"][row])
    # RVs and decoys of a missile killed before release never appear.
    objects = run.columns("objects")
    killed_in_boost = {
        int(t)
        for t, layer, kill in zip(
            engagements["threat_id"][in_trial],
            engagements["layer"][in_trial],
            engagements["kill"][in_trial],
            strict=True,
        )
        if layer == "boost" and kill
    }
    shown = sum(
        1
        for kind, threat in zip(objects["kind"], objects["threat_id"], strict=True)
        if kind == "booster" or int(threat) not in killed_in_boost
    )
    assert export.counts["raid"] == shown


def test_satellite_samples_are_the_stored_positions_on_circular_orbits(export, small_run):
    run = open_run(small_run)
    stored = run.columns("satellite_positions")
    sats = run.columns("satellites")
    packet = next(p for p in export.documents["satellites"] if p["id"] == "satellite-1040")
    samples = np.array(packet["position"]["cartesian"]).reshape(-1, 4)
    rows = stored["satellite_id"] == 1040
    assert np.array_equal(samples[:, 0], stored["t_s"][rows])
    r = np.column_stack([stored[c][rows] for c in ("x_ecef_m", "y_ecef_m", "z_ecef_m")])
    assert np.max(np.abs(samples[:, 1:] - r)) <= 0.05  # rounded to 0.1 m
    # A circular orbit's radius is its semi-major axis (Kepler with mean elements, e = 0).
    a = sats["semi_major_axis_m"][sats["satellite_id"] == 1040][0]
    assert np.max(np.abs(np.linalg.norm(r, axis=1) - a)) < 1.0


def test_intercepts_appear_at_their_stored_time_and_place(export, small_run):
    story = trial_story(open_run(small_run), export.trial)
    events = {p["id"]: p for p in export.documents["events"][1:]}
    shots = story.shots
    for i in range(shots["shot"].size):
        packet = events[f"intercept-{int(shots['shot'][i])}"]
        begin = _instant(packet["availability"].split("/")[0])
        epoch = _instant(export.documents["events"][0]["clock"]["interval"].split("/")[0])
        assert abs((begin - epoch).total_seconds() - shots["intercept_time_s"][i]) < 1e-3
        lon, lat, alt = packet["position"]["cartographicDegrees"]
        assert lat == pytest.approx(shots["intercept_latitude_deg"][i], abs=1e-6)
        assert lon == pytest.approx(shots["intercept_longitude_deg"][i], abs=1e-6)
        assert alt == pytest.approx(shots["intercept_altitude_m"][i], abs=0.1)


def test_a_flyout_runs_from_the_launch_point_to_the_intercept_point(export, small_run):
    story = trial_story(open_run(small_run), export.trial)
    shots = story.shots
    packets = {p["id"]: p for p in export.documents["interceptors"][1:]}
    i = int(np.argmax(shots["layer"] == "midcourse"))
    samples = np.array(packets[f"shot-{int(shots['shot'][i])}"]["position"]["cartesian"])
    samples = samples.reshape(-1, 4)
    start = geodetic_to_ecef(
        *np.radians([shots["launch_latitude_deg"][i], shots["launch_longitude_deg"][i]]),
        shots["launch_altitude_m"][i],
    )
    end = geodetic_to_ecef(
        *np.radians([shots["intercept_latitude_deg"][i], shots["intercept_longitude_deg"][i]]),
        shots["intercept_altitude_m"][i],
    )
    assert np.linalg.norm(samples[0, 1:] - start) < 1.0
    assert np.linalg.norm(samples[-1, 1:] - end) < 1.0
    assert samples[0, 0] == pytest.approx(shots["launch_time_s"][i], abs=5e-4)  # to the ms
    assert samples[-1, 0] == pytest.approx(shots["intercept_time_s"][i], abs=5e-4)
    # Lofted: never below the lower end's height above the centre.
    assert np.all(
        np.linalg.norm(samples[:, 1:], axis=1) >= min(map(np.linalg.norm, (start, end))) - 1
    )


def test_the_representative_trial_has_the_median_leakers(small_run):
    run = open_run(small_run)
    trials = run.columns("trials")
    chosen = representative_trial(run)
    leakers = np.sort(trials["leakers"])
    assert trials["leakers"][trials["trial"] == chosen][0] == leakers[(leakers.size - 1) // 2]
    assert chosen == min(
        int(t)
        for t, n in zip(trials["trial"], trials["leakers"], strict=True)
        if n == leakers[(leakers.size - 1) // 2]
    )


def test_an_unknown_trial_or_folder_is_a_sentence(small_run, tmp_path):
    with pytest.raises(CzmlError, match=r"trial 999: not in .* holds trials 0 to 19"):
        export_czml(small_run, trial=999)
    with pytest.raises(CzmlError, match="not a run folder"):
        export_czml(tmp_path)


def test_czml_command_writes_one_file_per_layer(small_run, tmp_path):
    result = CliRunner().invoke(app, ["czml", str(small_run), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        f"{layer}.czml" for layer in LAYERS
    )
    assert "1,041 satellites" in result.output
    bad = CliRunner().invoke(app, ["czml", str(small_run), "--trial", "999"])
    assert bad.exit_code == 2
    assert "Traceback" not in bad.output
