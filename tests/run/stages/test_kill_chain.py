"""Stage 5, the engagement picture every trial shares, on the small defended scenario
(4 GBIs at Fort Greely and 6 THAAD rounds at Anchorage, a quarter held in reserve)."""

import numpy as np
import pytest

from goldendome.interceptors.ground_based import interceptor_types
from goldendome.interceptors.intercept_window import InterceptWindows
from goldendome.physics.geodesy import great_circle_distance_m
from goldendome.physics.kinds import KIND_LABELS, ObjectKind
from goldendome.run.context import RunContext
from goldendome.run.stages.kill_chain import build_setup
from tests.small_scenario import SMALL_SCENARIO, small_spec

ONE_MILLIMETER = 1e-3


def test_one_battery_per_type_and_site_with_the_reserve_held_back(staged):
    bats, ctx = staged.setup.batteries, staged.ctx
    assert [(b.site_id, b.site, b.kind.name, b.magazine) for b in bats] == [
        (1, "Fort Greely", "gbi", 3),  # floor(4 x 0.75)
        (2, "Anchorage THAAD", "thaad", 4),  # floor(6 x 0.75)
    ]
    for b in bats:
        assert np.abs(b.r_ecef_m - ctx.sites.r_ecef_m[b.site_id]).max() < ONE_MILLIMETER
        assert b.kind == interceptor_types()[b.kind.name]


def test_batteries_table_places_each_battery_at_its_site(staged):
    table, sites = staged.table("batteries"), staged.table("sites")
    assert table["battery_id"].tolist() == [0, 1]
    assert table["site_id"].tolist() == [1, 2]
    assert table["interceptor"].tolist() == ["gbi", "thaad"]
    assert table["rounds"].tolist() == [3, 4]
    site = table["site_id"]
    assert np.abs(table["latitude_deg"] - sites["latitude_deg"][site]).max() < 1e-9
    assert np.abs(table["longitude_deg"] - sites["longitude_deg"][site]).max() < 1e-9
    assert np.abs(table["altitude_m"] - sites["altitude_m"][site]).max() < ONE_MILLIMETER


def test_interceptor_types_list_sbis_first_then_the_batteries_types(staged):
    table, sbi = staged.table("interceptor_types"), staged.ctx.spec.sbi
    assert (
        table["interceptor"].tolist() == staged.setup.interceptor_names() == ["sbi", "gbi", "thaad"]
    )
    assert table["layer"].tolist() == ["boost", "midcourse", "terminal"]
    assert table["unit_cost_usd"][0] == sbi.unit_cost_usd
    assert table["sspk_rv"][0] == table["sspk_decoy"][0] == sbi.sspk == 0.5
    gbi = interceptor_types()["gbi"]
    assert (table["unit_cost_usd"][1], table["sspk_rv"][1]) == (gbi.unit_cost_usd, gbi.sspk_rv)


def test_the_setup_describes_the_released_objects_as_stored(staged):
    setup, objects = staged.setup, staged.table("objects")
    n = setup.n_missile
    assert n == 3
    assert setup.n_objects == objects["object_id"].size - n == 5
    assert [KIND_LABELS[k] for k in setup.object_kind] == objects["kind"][n:].tolist()
    assert setup.object_missile.tolist() == objects["threat_id"][n:].tolist()
    assert setup.object_asset.tolist() == objects["asset_id"][n:].tolist()
    assert (
        np.abs(np.degrees(setup.object_impact_lat_rad) - objects["impact_latitude_deg"][n:]).max()
        < 1e-9
    )
    assert setup.asset_names == ["Anchorage"]
    assert setup.asset_worth.tolist() == [291247.0]


def test_the_setup_takes_its_targets_and_labels_from_sensing(staged):
    setup, sensed = staged.setup, staged.sensed
    np.testing.assert_array_equal(setup.calls.p_calls.sum(axis=1), 1.0)
    # A decoy is called a decoy at most as often as its kind is told plus a warhead's false
    # call (a perfect imitation is called as a warhead), and called a warhead only as an
    # imitation: at most its type's joint fidelity (the catalog's balloons: 0.1).
    decoy = setup.object_kind == ObjectKind.DECOY
    assert (setup.calls.p_calls[decoy, 0] <= sensed.told_probability[decoy] + 0.1).all()
    assert (setup.calls.p_calls[decoy, 2] <= 0.1).all()
    assert (setup.calls.p_calls[decoy, 2] > 0).all()
    tg, tracks = setup.targets, staged.table("tracks")
    # Every fire-control track is a target, with its own fire-control time and owner.
    fc = np.flatnonzero(np.isfinite(tracks["fire_control_s"]))
    assert tg.track_id.tolist() == tracks["track_id"][fc].tolist()
    np.testing.assert_array_equal(tg.fire_control_s, tracks["fire_control_s"][fc])
    owner = tracks["object_id"][fc]
    n = setup.n_missile
    np.testing.assert_array_equal(tg.owner, np.where(owner >= n, owner - n, -1))
    np.testing.assert_array_equal(tg.proxy[tg.owner >= 0], tg.owner[tg.owner >= 0])
    # The first update is at fire control; none after the track's last.
    first = tg.update_t_s[tg.update_start[:-1]]
    np.testing.assert_array_equal(first, tg.fire_control_s)
    assert (tg.last_update_s >= tg.fire_control_s).all()
    sigma = tg.impact_sigma_m[np.isfinite(tg.impact_lat_rad)]
    assert (np.isfinite(sigma) & (sigma > 0)).all()


def test_a_targets_prediction_is_the_fire_control_tables_for_each_objects_first_track(staged):
    """The same prediction the ``fire_control`` table scores (its first track per object),
    and a warhead (heavy, little drag) lands within five of the prediction's own sigmas (a
    track may reach fire control on the bus before its warhead is released: object 7 here,
    96 km off at a 31 km sigma)."""
    setup, table = staged.setup, staged.table("fire_control")
    tg, n = setup.targets, setup.n_missile
    rv_targets = 0
    for obj, t_fc, sigma in zip(
        table["object_id"], table["fire_control_time_s"], table["impact_sigma_m"], strict=True
    ):
        k = np.flatnonzero((tg.owner == obj - n) & (tg.fire_control_s == t_fc))
        assert k.size >= 1
        assert tg.impact_sigma_m[k[0]] == pytest.approx(sigma, rel=1e-9)
        if setup.object_kind[obj - n] == 0:
            rv_targets += 1
            d = great_circle_distance_m(
                tg.impact_lat_rad[k[0]], tg.impact_lon_rad[k[0]],
                setup.object_impact_lat_rad[obj - n], setup.object_impact_lon_rad[obj - n],
            )  # fmt: skip
            assert d < 5.0 * sigma
    assert rv_targets == 3


def test_windows_run_over_batteries_objects_and_the_scenario_grid(staged):
    setup, ctx = staged.setup, staged.ctx
    n_t = ctx.clock.n_times
    assert setup.windows.launch_by_s.shape == (2, 5, n_t)
    assert setup.object_r_ecef_m.shape == (5, n_t, 3)
    np.testing.assert_array_equal(setup.windows.t_s, ctx.clock.t_s)
    # Fort Greely and the THAAD battery can each reach the two warheads aimed at Anchorage.
    rv_anchorage = np.flatnonzero((setup.object_kind == 0) & (setup.object_asset == 0))
    assert np.isfinite(setup.windows.launch_by_s[:, rv_anchorage]).any(axis=-1).all()


def test_boost_fields_name_the_sbi_layer(staged):
    setup, ctx = staged.setup, staged.ctx
    assert setup.sbi_first_satellite_id == ctx.sbi_layer.first_satellite_id == 41
    assert setup.sbi_sspk == 0.5
    assert setup.sbi_unit_cost_usd == ctx.spec.sbi.unit_cost_usd


def test_without_sensing_there_is_no_target(staged):
    setup = build_setup(staged.ctx, None)
    assert len(setup.targets) == 0
    assert setup.target_worth.size == 0
    # Without looks nothing is called: every object is unknown.
    assert (setup.calls.p_calls[:, 1] == 1).all()


def test_the_kill_chain_needs_a_raid():
    text = (
        SMALL_SCENARIO[: SMALL_SCENARIO.index("[[threats.raid]]")]
        + SMALL_SCENARIO[SMALL_SCENARIO.index("[[sites]]") :]
    )
    ctx = RunContext(small_spec(text))
    assert ctx.raid is None
    with pytest.raises(ValueError, match="the kill chain needs a raid"):
        build_setup(ctx, None)


def test_each_layers_trimmed_windows_give_the_earliest_intercepts_of_the_full_ones(staged):
    setup = staged.setup
    rng = np.random.default_rng(3)
    for layer, (bats, windows, reachable) in setup.layer_windows.items():
        full = InterceptWindows(
            setup.windows.t_s, setup.windows.launch_by_s[bats], setup.windows.distance_m[bats]
        )
        assert windows.t_s.size <= full.t_s.size, layer
        ready = rng.uniform(0.0, full.t_s[-1], (bats.size, setup.n_objects))
        got, want = windows.earliest(ready), full.earliest(ready)
        for a, b in zip(got, want, strict=True):
            np.testing.assert_array_equal(a, b, err_msg=layer)
        assert np.array_equal(reachable, np.isfinite(full.launch_by_s).any(axis=(0, 2)))
