"""The optional coverage layer: one fan per radar whose edge lies where the radar equation and
the elevation mask say, off by default, valid CZML, and refused input exits 2."""

import json
import math
import shutil
import tomllib
from pathlib import Path

import jsonschema
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import goldendome.cli.web  # noqa: F401  (registers czml)
from goldendome.cli.main import app
from goldendome.results.reader import open_run
from goldendome.web.czml import LAYERS, export_czml
from goldendome.web.czml_coverage import covered_azimuths

SCHEMA = json.loads((Path(__file__).parent / "czml_packets.schema.json").read_text())
CATALOG = tomllib.loads(
    (Path(__file__).parents[2] / "src/goldendome/data/radars.toml").read_text("utf-8")
)
MEAN_RADIUS_M = 6_371_008.8  # IUGG mean Earth radius: the sphere the fans are drawn on


def _unit(lat_deg: np.ndarray, lon_deg: np.ndarray) -> np.ndarray:
    lat, lon = np.radians(lat_deg), np.radians(lon_deg)
    return np.stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)], -1)


def _detection_range_m(radar_type: str) -> float:
    """The radar equation at the type's reference SNR: R = R_ref (rcs / rcs_ref)^(1/4)
    (Skolnik 2001, ch. 2), for the catalog's RV in the type's band."""
    spec = next(r for r in CATALOG["radar"] if r["name"] == radar_type)
    rcs = CATALOG["rcs_m2"][spec["band"]]["rv"]
    return spec["reference_range_km"] * 1e3 * (rcs / spec["reference_rcs_m2"]) ** 0.25


def _edge(packet: dict) -> tuple[np.ndarray, np.ndarray]:
    """The fan's vertices other than the site itself: (lat, lon) degrees."""
    lon, lat, _ = np.array(packet["polygon"]["positions"]["cartographicDegrees"]).reshape(-1, 3).T
    site_lon, site_lat, _ = packet["position"]["cartographicDegrees"]
    away = (np.abs(lat - site_lat) > 1e-6) | (np.abs(lon - site_lon) > 1e-6)
    return lat[away], lon[away]


def _check_edges(folder: Path, documents: dict, altitude_m: float) -> dict[str, str]:
    """Every edge vertex sits where a target at ``altitude_m`` above it is at the radar's
    detection range (to 1 km) or at its lowest elevation; returns what limited each fan
    (``"range"``, ``"elevation"``, or ``"none"`` when it reaches nothing at that altitude)."""
    sites = {f"coverage-{r['site_id']}": r for r in open_run(folder).rows("sites")}
    limits = {}
    for packet in documents["coverage"][1:]:
        if not packet["id"].startswith("coverage-"):
            continue
        if "polygon" not in packet:
            assert "out of reach" in packet["label"]["text"]
            limits[packet["id"]] = "none"
            continue
        site = sites[packet["id"]]
        spec = next(r for r in CATALOG["radar"] if r["name"] == site["radar_type"])
        lowest = max(
            site["min_elevation_deg"],
            spec["boresight_elevation_deg"] - spec["fov_half_elevation_deg"],
        )
        up = _unit(np.array(site["latitude_deg"]), np.array(site["longitude_deg"]))
        radar = up * (MEAN_RADIUS_M + site["altitude_m"])
        lat, lon = _edge(packet)
        assert lat.size >= 20, packet["id"]
        target = _unit(lat, lon) * (MEAN_RADIUS_M + altitude_m)
        line = target - radar
        slant = np.linalg.norm(line, axis=-1)
        elevation = np.degrees(np.arcsin(line @ up / slant))
        detection = _detection_range_m(site["radar_type"])
        assert np.all(slant <= detection + 1e3), packet["id"]
        at_range = np.abs(slant - detection) <= 1e3
        at_mask = np.abs(elevation - lowest) <= 0.01
        assert np.all(at_range | at_mask), packet["id"]
        limits[packet["id"]] = "range" if at_range.all() else "elevation"
        # One radius all round: the ground distance is the same at every edge vertex.
        ground = MEAN_RADIUS_M * np.arccos(np.clip(_unit(lat, lon) @ up, -1, 1))
        assert np.ptp(ground) < 1e3, packet["id"]
        assert f"{detection / 1e3:,.0f} km" in packet["label"]["text"]
    return limits


@pytest.fixture(scope="module")
def radars_run(small_run: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small run with three more radar sites in its sites table (types of the catalog;
    the scenario text does not name them, so they are drawn all round)."""
    folder = tmp_path_factory.mktemp("coverage") / small_run.name
    shutil.copytree(small_run, folder)
    table = pq.read_table(folder / "sites.parquet")
    rows = table.to_pylist()
    for name, kind, lat, lon in [
        ("Test UEWR", "uewr", 39.14, -121.35),
        ("Test TPY-2", "an-tpy-2-fbm", 40.85, 140.30),
        ("Test SBX", "sbx", 51.9, -176.6),
    ]:
        rows.append(
            {
                **rows[0],
                "site_id": len(rows),
                "name": name,
                "latitude_deg": lat,
                "longitude_deg": lon,
                "altitude_m": 0.0,
                "radar_type": kind,
            }
        )
    pq.write_table(pa.Table.from_pylist(rows, schema=table.schema), folder / "sites.parquet")
    return folder


def test_coverage_is_off_by_default(small_run):
    export = export_czml(small_run)
    assert list(export.documents) == list(LAYERS)
    assert "coverage" not in export.counts


def test_one_valid_fan_per_radar_at_the_derived_range(radars_run):
    validator = jsonschema.Draft202012Validator(SCHEMA)
    export = export_czml(radars_run, coverage=True, coverage_altitude_m=8e5)
    document = json.loads(export.text("coverage"))
    errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(document)]
    assert errors == [], errors[:3]
    radars = [r for r in open_run(radars_run).rows("sites") if r["radar_type"]]
    assert len(radars) == 4
    radar_ids = [p["id"] for p in document[1:] if p["id"].startswith("coverage-")]
    assert radar_ids == [f"coverage-{r['site_id']}" for r in radars]
    # At 800 km (slant ranges against the catalog's RV: LRDR 3,948 km, UEWR 1,518 km,
    # TPY-2 1,000 km, SBX 4,940 km) the UEWR and the TPY-2 run out of range first (Earth-
    # central angles 11.0 and 5.1 deg, below the 24.5 and 25.5 deg of their masks); LRDR and
    # SBX reach past the horizon (33 and 42 deg by range), so their masks set the edge.
    assert _check_edges(radars_run, export.documents, 8e5) == {
        "coverage-0": "elevation",
        "coverage-3": "range",
        "coverage-4": "range",
        "coverage-5": "elevation",
    }
    # At 1,500 km a TPY-2's 1,000 km reaches nothing: it is labelled, not drawn.
    high = export_czml(radars_run, coverage=True, coverage_altitude_m=1.5e6)
    assert _check_edges(radars_run, high.documents, 1.5e6)["coverage-4"] == "none"
    assert validator.is_valid(json.loads(high.text("coverage")))


def test_the_horizon_limits_a_long_range_radar_against_low_targets(small_run):
    export = export_czml(small_run, coverage=True, coverage_altitude_m=5e5)
    # LRDR against an S-band RV: 3,948 km slant, but at 500 km altitude a target 3 deg above
    # Clear's horizon is about 2,130 km away over the ground.
    assert _check_edges(small_run, export.documents, 5e5) == {"coverage-0": "elevation"}


def test_the_fan_spans_the_faces_the_scenario_points(small_run):
    export = export_czml(small_run, coverage=True)
    packet = export.documents["coverage"][1]
    assert packet["id"] == "coverage-0"
    lat, lon = _edge(packet)
    site_lon, site_lat, _ = packet["position"]["cartographicDegrees"]
    # Initial bearings from Clear to its fan's edge (spherical).
    p1, p2, dl = np.radians(site_lat), np.radians(lat), np.radians(lon - site_lon)
    bearing = (
        np.degrees(
            np.arctan2(
                np.sin(dl) * np.cos(p2),
                np.cos(p1) * np.sin(p2) - np.sin(p1) * np.cos(p2) * np.cos(dl),
            )
        )
        % 360
    )
    # SMALL_DEFENDED: LRDR, boresight 270 deg, 2 faces 90 deg apart, +-65 deg each: 205-65 deg.
    unwrapped = (bearing - 205.0 + 1.0) % 360 - 1.0  # 205 deg -> 0 (or -1e-7), 65 -> 220
    assert unwrapped.min() == pytest.approx(0.0, abs=0.01)
    assert unwrapped.max() == pytest.approx(220.0, abs=0.01)


def test_covered_azimuths_merge_faces():
    assert covered_azimuths(0.0, 3, 60.0, 120.0) == [(0.0, 360.0)]  # UEWR, 3 faces
    assert covered_azimuths(270.0, 2, 65.0, 90.0) == [(205.0, 425.0)]  # LRDR
    assert covered_azimuths(10.0, 1, 25.0, 0.0) == [(345.0, 395.0)]  # wraps past north
    assert covered_azimuths(0.0, 2, 20.0, 180.0) == [(160.0, 200.0), (340.0, 380.0)]


def test_czml_command_with_and_without_coverage(small_run, tmp_path):
    runner = CliRunner()
    plain = runner.invoke(app, ["czml", str(small_run), "--out", str(tmp_path / "plain")])
    assert plain.exit_code == 0, plain.output
    assert not (tmp_path / "plain" / "coverage.czml").exists()
    result = runner.invoke(
        app, ["czml", str(small_run), "--coverage", "--out", str(tmp_path / "cov")]
    )
    assert result.exit_code == 0, result.output
    assert (
        "Coverage: 1 radar against an RV at 500 km altitude, 1 early-warning satellite "
        "footprint." in result.output
    )
    written = json.loads((tmp_path / "cov" / "coverage.czml").read_text())
    assert [p["id"] for p in written] == ["document", "coverage-0", "footprint-40"]
    for args in (
        ["czml", str(tmp_path / "no-such-run"), "--coverage"],
        ["czml", str(small_run), "--coverage", "--coverage-altitude-km", "-5"],
    ):
        bad = runner.invoke(app, args)
        assert bad.exit_code == 2, bad.output
        assert "Traceback" not in bad.output


def test_the_server_lists_the_coverage_layer_only_when_asked(small_run):
    from goldendome.web.server import create_app

    client = TestClient(create_app(small_run.parent, small_run.parent))
    base = f"/runs/{small_run.name}"
    plain = client.get(f"{base}/globe.json").json()
    assert [layer["name"] for layer in plain["layers"]] == list(LAYERS)
    asked = client.get(f"{base}/globe.json?coverage=1").json()
    layer = asked["layers"][-1]
    assert (layer["name"], layer["count"], layer["url"]) == (
        "coverage",
        2,
        "czml/coverage.czml?coverage=1",
    )
    assert client.get(f"{base}/{layer['url']}").json()[1]["id"] == "coverage-0"
    assert client.get(f"{base}/czml/coverage.czml").status_code == 404
    assert math.isfinite(asked["counts"]["coverage"])


def test_an_early_warning_footprint_is_its_limb_circle_under_it(small_run):
    """SMALL_DEFENDED's GEO early-warning satellite: the circle is centred under its stored
    positions, with the limb's radius R acos(R / r) (its 41,700 km slant range to the limb is
    inside the catalog's 45,000 km boost-detection range)."""
    run = open_run(small_run)
    export = export_czml(small_run, coverage=True)
    document = export.documents["coverage"]
    assert jsonschema.Draft202012Validator(SCHEMA).is_valid(document)
    (packet,) = [p for p in document[1:] if p["id"].startswith("footprint-")]
    sid = int(packet["id"].split("-")[1])
    layer = next(r for r in run.rows("layers") if r["role"] == "early_warning")
    sats = run.columns("satellites")
    assert sats["layer_id"][sats["satellite_id"] == sid][0] == layer["layer_id"]
    pos = run.columns("satellite_positions")
    rows = np.flatnonzero(pos["satellite_id"] == sid)
    r = np.column_stack([pos[c][rows] for c in ("x_ecef_m", "y_ecef_m", "z_ecef_m")])
    centre = np.array(packet["position"]["cartesian"]).reshape(-1, 4)
    radius = np.array(packet["ellipse"]["semiMajorAxis"]["number"]).reshape(-1, 2)
    assert np.array_equal(centre[:, 0], pos["t_s"][rows])
    assert np.array_equal(radius[:, 0], pos["t_s"][rows])
    distance = np.linalg.norm(r, axis=1)
    below = r / distance[:, None] * MEAN_RADIUS_M
    assert np.max(np.linalg.norm(centre[:, 1:] - below, axis=1)) < 1.0
    limb_m = MEAN_RADIUS_M * np.arccos(MEAN_RADIUS_M / distance)
    assert np.max(np.abs(radius[:, 1] - limb_m)) < 1.0
    assert 9.0e6 < radius[0, 1] < 9.1e6  # GEO: 81.3 deg of arc, about 9,040 km
    assert packet["ellipse"]["semiMinorAxis"] == packet["ellipse"]["semiMajorAxis"]
