"""Coverage of named regions by the scenario's space layers: known geometry, chunking, errors."""

import math
import tomllib

import numpy as np
import pytest

from goldendome.api import default_scenario, default_scenario_text, scenario_from_mapping
from goldendome.orbits.analytic import propagate_analytic, secular_rates
from goldendome.physics.constants import OMEGA_EARTH_RAD_S, WGS84_A_M
from goldendome.physics.geodetic import geodetic_to_ecef
from goldendome.physics.topocentric import ecef_to_enu
from goldendome.physics.visibility import max_ground_range_m
from goldendome.sensors.coverage import coverage_figures
from goldendome.studies.coverage import counts as coverage_counts
from goldendome.studies.coverage.counts import count_in_view, default_min_elevation_deg
from goldendome.studies.coverage.figures import coverage_report, simulate_coverage
from goldendome.studies.coverage.regions import UnknownRegionError, box_grid, select_regions

SHORT = {"duration_s": 600.0, "step_s": 60.0}


@pytest.fixture(scope="module")
def spec():
    return default_scenario()


def test_geo_early_warning_layer_sees_north_korea_all_the_time(spec):
    result = simulate_coverage(spec, ["nk"], layers=["warning_geo"], **SHORT)
    row = result.row("NK", "warning_geo").summary()
    assert row["min_elevation_deg"] == {"warning_geo": 0.0}
    assert row["coverage_fraction_min"] == 1.0
    assert row["always_covered_share"] == pytest.approx(1.0)
    # The slots at 80 E and 160 E both see North Korea; -10 E and -100 E do not.
    assert row["assets_min"] == row["assets_max"] == 2
    assert row["gap_max_s"] == row["age_of_data_max_s"] == 0.0


def test_layers_of_one_role_are_also_reported_together(spec):
    result = simulate_coverage(
        spec, ["NK"], layers=["warning_geo", "warning_heo", "tracking_layer"], **SHORT
    )
    layers = [row.layer for row in result.rows]
    assert layers == ["warning_geo", "warning_heo", "tracking_layer", "warning_geo+warning_heo"]
    both = result.row("NK", "warning_geo+warning_heo")
    geo, heo = result.row("NK", "warning_geo"), result.row("NK", "warning_heo")
    assert both.n_satellites == 6
    assert np.allclose(both.figures.assets_mean, geo.figures.assets_mean + heo.figures.assets_mean)
    assert result.row("NK", "tracking_layer").min_elevation_deg == {"tracking_layer": 10.0}
    report = coverage_report(result)
    assert report["samples"] == 11
    assert report["regions"][0]["points"] == select_regions(["NK"])[0].n_points


def test_one_equatorial_satellite_covers_an_equator_point_as_the_spherical_cap_says():
    # A circular equatorial orbit passes over a point on the equator once per synodic period
    # and covers it while the Earth central angle is below the coverage half-angle lambda
    # (SMAD 3rd ed., sec. 5.2), so over whole synodic periods the covered share is
    # 2 lambda / 2 pi. On the equator the WGS-84 normal is radial and the surface radius is
    # a, so the sphere of radius a is exact here. Sampling places each transition within
    # half a step, which bounds the error.
    data = tomllib.loads(default_scenario_text())
    data["space"] = {
        "sbi_layer": {
            "kind": "elements",
            "role": "interceptor",
            "satellites": [
                {
                    "altitude_km": 1000.0,
                    "inclination_deg": 0.0,
                    "raan_deg": 0.0,
                    "mean_anomaly_deg": 0.0,
                }
            ],
        }
    }
    spec = scenario_from_mapping(data)
    elements = spec.space["sbi_layer"].build("sbi_layer").initial_elements(spec.time.epoch)
    rates = secular_rates(elements.semi_major_axis_m, 0.0, 0.0)
    synodic_s = 2 * math.pi / (float(sum(r[0] for r in rates)) - OMEGA_EARTH_RAD_S)
    n_pass, step_s = 6, 20.0
    t_s = np.linspace(0.0, n_pass * synodic_s, round(n_pass * synodic_s / step_s) + 1)
    mask_deg = default_min_elevation_deg(elements)
    (count,) = count_in_view(
        elements, t_s, spec.time.epoch, [(np.zeros(1), np.zeros(1))], math.radians(mask_deg)
    )
    figures = coverage_figures(count, t_s)
    half_angle = (
        max_ground_range_m(
            0.0, elements.semi_major_axis_m[0] - WGS84_A_M, math.radians(mask_deg), WGS84_A_M
        )
        / WGS84_A_M
    )
    transitions = 2 * n_pass + 2
    bound = transitions * 0.5 * (t_s[1] - t_s[0]) / figures.window_s
    assert mask_deg == 10.0
    assert figures.coverage_fraction[0] == pytest.approx(half_angle / math.pi, abs=bound)
    assert figures.n_intervals[0] in (n_pass, n_pass + 1)
    assert figures.assets_max[0] == 1


def test_cone_prefilter_and_chunks_give_the_brute_force_counts(spec, monkeypatch):
    monkeypatch.setattr(coverage_counts, "ROWS_PER_CHUNK", 500)
    monkeypatch.setattr(coverage_counts, "CELLS_PER_BLOCK", 3_000)
    t_s = np.arange(0.0, 601.0, 60.0)
    nk, alaska = select_regions(["NK", "Alaska"])
    for layer, mask_deg in (("tracking_layer", 10.0), ("warning_heo", 0.0)):
        elements = spec.space[layer].build(layer).initial_elements(spec.time.epoch)
        sets = [(nk.lat_rad, nk.lon_rad), (alaska.lat_rad, alaska.lon_rad)]
        counts = count_in_view(elements, t_s, spec.time.epoch, sets, math.radians(mask_deg))
        r_sat = propagate_analytic(elements, t_s, frame="ecef", epoch_utc=spec.time.epoch)
        for (lat, lon), count in zip(sets, counts, strict=True):
            r_pt = geodetic_to_ecef(lat, lon, 0.0)
            enu = ecef_to_enu(
                r_sat[None], lat[:, None, None], lon[:, None, None], r_pt[:, None, None]
            )
            sin_el = enu[..., 2] / np.linalg.norm(enu, axis=-1)
            brute = np.count_nonzero(sin_el >= math.sin(math.radians(mask_deg)), axis=1)
            assert np.array_equal(count, brute)
            assert count.max() > 0


def test_default_masks_by_orbit(spec):
    def mask(layer: str) -> float:
        return default_min_elevation_deg(
            spec.space[layer].build(layer).initial_elements(spec.time.epoch)
        )

    assert [mask(n) for n in ("sbi_layer", "tracking_layer", "warning_geo", "warning_heo")] == [
        10.0,
        10.0,
        0.0,
        0.0,
    ]


def test_regions_load_with_sources_and_cover_the_launch_areas():
    regions = select_regions()
    assert [r.name for r in regions] == ["NK", "CONUS", "Alaska", "Hawaii", "Japan"]
    for r in regions:
        assert r.source
        assert r.n_points > 10
        assert r.area_weights().sum() == pytest.approx(1.0)
        lat, lon = np.degrees(r.lat_rad), np.degrees(r.lon_rad)
        assert lat.min() > r.south_deg
        assert lat.max() < r.north_deg
        assert lon.min() > r.west_deg
        assert lon.max() < r.east_deg
    nk = regions[0]
    for lat, lon in ((39.2, 125.67), (39.66, 124.71), (40.6, 126.6), (39.9, 128.3)):
        assert nk.south_deg < lat < nk.north_deg
        assert nk.west_deg < lon < nk.east_deg
    lat, lon = box_grid(0.0, 1.0, 10.0, 12.5, 1.0)
    assert np.allclose(np.degrees(np.unique(lon)), [10.5, 11.5, 12.25])
    assert lat.shape == (3,)


def test_unknown_region_or_layer_is_named(spec):
    with pytest.raises(UnknownRegionError, match=r"Unknown region 'NKK' \(closest: NK\); known"):
        simulate_coverage(spec, ["NKK"])
    with pytest.raises(ValueError, match="Unknown space layer 'nope'; the scenario's layers"):
        simulate_coverage(spec, ["NK"], layers=["nope"])
    with pytest.raises(ValueError, match=r"min_elevation_deg must lie in \[0, 90\) degrees"):
        simulate_coverage(spec, ["NK"], min_elevation_deg=-5.0)
    with pytest.raises(ValueError, match="0 < step_s <= duration_s"):
        simulate_coverage(spec, ["NK"], duration_s=10.0, step_s=60.0)


def test_a_broken_regions_file_names_path_value_and_rule():
    import tomllib

    from goldendome.data.errors import CatalogError
    from goldendome.data.loader import catalog_text, parse_catalog
    from goldendome.studies.coverage.regions import RegionCatalog

    data = tomllib.loads(catalog_text("regions.toml"))
    data["region"][0]["north_deg"] = 95.0
    data["region"][1]["north_deg"] = data["region"][1]["south_deg"] - 1.0
    del data["region"][2]["spacing_deg"]
    with pytest.raises(CatalogError) as info:
        parse_catalog(data, RegionCatalog, "copy.toml")
    report = str(info.value)
    assert "region[0].north_deg = 95" in report
    assert "is not north of south_deg" in report
    assert "region[2].spacing_deg" in report
