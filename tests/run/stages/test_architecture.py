"""Stage 1, the architecture: layers, satellites, sites and how many satellites each site
sees, on the small defended scenario (tracking, GEO and SBI layers; three sites)."""

import math

import numpy as np

from goldendome.physics.constants import MU_EARTH_M3_S2, WGS84_A_M, WGS84_B_M
from goldendome.physics.elevation_counts import in_view_counts_reference, up_vectors
from goldendome.physics.frames import eci_to_ecef

ONE_METER = 1.0
ONE_KILOMETER = 1e3
#: Geodetic heights of a circular orbit differ by the Earth's flattening, pole to equator.
FLATTENING_M = WGS84_A_M - WGS84_B_M
#: Geodetic minus geocentric latitude is below 0.2 deg everywhere at and above the surface.
GEODETIC_EXCESS_DEG = 0.2


def test_one_row_per_layer_in_scenario_order_with_running_satellite_ids(staged):
    layers = staged.table("layers")
    spec = staged.ctx.spec
    assert layers["name"].tolist() == list(spec.space) == ["tracking", "geo", "sbi"]
    assert layers["layer_id"].tolist() == [0, 1, 2]
    assert layers["role"].tolist() == ["tracking", "early_warning", "interceptor"]
    assert layers["kind"].tolist() == ["walker_delta", "geostationary", "walker_delta"]
    assert layers["n_satellites"].tolist() == [40, 1, 1000]
    assert layers["first_satellite_id"].tolist() == [0, 40, 41]


def test_layer_rows_describe_the_orbits_flown(staged):
    layers = staged.table("layers")
    tracking, geo, sbi = ({k: v[i] for k, v in layers.items()} for i in range(3))
    a = WGS84_A_M + 1000e3
    assert abs(tracking["period_s"] - 2 * math.pi * math.sqrt(a**3 / MU_EARTH_M3_S2)) < 1e-6
    # Circular orbits: lowest over the equator, up to the flattening higher near the poles.
    for row, altitude_m in ((tracking, 1000e3), (sbi, 400e3)):
        assert abs(row["altitude_min_m"] - altitude_m) < ONE_KILOMETER
        assert row["altitude_max_m"] - altitude_m < FLATTENING_M + ONE_KILOMETER
    # Geodetic latitude exceeds the geocentric one (at most the inclination) by < 0.2 deg.
    assert 79.0 < tracking["latitude_max_deg"] < 80.0 + GEODETIC_EXCESS_DEG
    assert 44.0 < sbi["latitude_max_deg"] < 45.0 + GEODETIC_EXCESS_DEG
    assert geo["latitude_max_deg"] < 1e-6
    assert abs(geo["altitude_min_m"] - 35_786e3) < 5 * ONE_KILOMETER
    assert abs(geo["period_s"] - 86_164.1) < 60.0  # one sidereal day


def test_satellites_table_holds_every_satellite_of_every_layer(staged):
    sats, layers = staged.table("satellites"), staged.table("layers")
    assert sats["satellite_id"].size == layers["n_satellites"].sum() == staged.ctx.n_satellites
    assert sats["satellite_id"].tolist() == list(range(sats["satellite_id"].size))
    for layer_id, first, n in zip(
        layers["layer_id"], layers["first_satellite_id"], layers["n_satellites"], strict=True
    ):
        mine = sats["layer_id"] == layer_id
        assert sats["satellite_id"][mine].tolist() == list(range(first, first + n))
        assert sats["index_in_layer"][mine].tolist() == list(range(n))
    sbi = sats["layer_id"] == 2
    assert np.abs(sats["semi_major_axis_m"][sbi] - (WGS84_A_M + 400e3)).max() < ONE_METER
    assert np.abs(sats["inclination_deg"][sbi] - 45.0).max() < 1e-9


def test_site_coverage_has_a_row_per_site_and_layer(staged):
    cover = staged.table("site_coverage")
    n_sites, n_layers = len(staged.ctx.spec.sites), len(staged.ctx.layers)
    assert cover["site_id"].size == n_sites * n_layers
    pairs = set(zip(cover["site_id"].tolist(), cover["layer_id"].tolist(), strict=True))
    assert pairs == {(s, k) for s in range(n_sites) for k in range(n_layers)}


def test_in_view_counts_agree_with_the_numpy_reference(staged):
    """The stored statistics are those of the reference count on the same positions."""
    ctx, cover = staged.ctx, staged.table("site_coverage")
    t_s = ctx.clock.t_s
    up = up_vectors(ctx.sites.latitude_rad, ctx.sites.longitude_rad)
    masks = np.array([s.min_elevation_rad for s in ctx.spec.sites])
    seen_any = 0
    for layer in ctx.layers.values():
        r_ecef = eci_to_ecef(layer.positions_eci("clock", t_s), ctx.clock.theta_rad(t_s))
        counts = in_view_counts_reference(r_ecef, up, ctx.sites.r_ecef_m, masks)
        for site in range(len(ctx.spec.sites)):
            row = np.flatnonzero((cover["site_id"] == site) & (cover["layer_id"] == layer.layer_id))
            (k,) = row
            n = counts[site]
            assert cover["min_in_view"][k] == n.min()
            assert cover["max_in_view"][k] == n.max()
            assert cover["mean_in_view"][k] == np.mean(n)
            assert cover["fraction_of_time_covered"][k] == np.mean(n > 0)
            seen_any += int(n.max() > 0)
    assert seen_any >= 3  # the comparison is not all zeros


def test_sites_and_defended_assets_tables(staged):
    spec, sites, assets = staged.ctx.spec, staged.table("sites"), staged.table("defended_assets")
    assert sites["name"].tolist() == ["Clear", "Fort Greely", "Anchorage THAAD"]
    assert sites["radar_type"].tolist() == ["lrdr", "", ""]
    assert sites["role"].tolist() == ["radar", "interceptor", "interceptor"]
    assert np.abs(sites["latitude_deg"] - [64.29, 63.95, 61.25]).max() < 1e-9
    assert np.abs(sites["min_elevation_deg"] - [3.0, 0.0, 0.0]).max() < 1e-9
    assert sites["altitude_m"].tolist() == [170.0, 400.0, 0.0]
    assert assets["name"].tolist() == ["Anchorage"]
    assert assets["worth"].tolist() == [291247.0] == [a.worth() for a in spec.defended_assets]
    assert assets["radius_m"].tolist() == [25e3]


def test_layers_are_stored_as_each_finishes_with_progress_in_satellites(staged):
    sink = staged.sink
    assert sink.writes[:2] == ["satellites", "sites"]
    assert sink.writes.count("layers") == sink.writes.count("site_coverage") == 3
    ticks = [(d, t) for s, d, t in sink.progress_calls if s == "propagating satellites"]
    assert ticks == [(40, 1041), (41, 1041), (1041, 1041)]
