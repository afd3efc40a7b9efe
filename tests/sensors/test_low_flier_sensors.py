"""Sensors against low fliers and glide vehicles: the radar horizon of ground and airborne
radars, the clutter notch, the skywave radar's range band, space AMTI, and the infrared glow
of a gliding body (LEO tracking against GEO early warning)."""

import math
import tomllib

import numpy as np
import pytest

from goldendome.data.errors import CatalogError
from goldendome.data.loader import catalog_text
from goldendome.physics.kinds import ObjectKind
from goldendome.physics.scene import SceneObjects
from goldendome.sensors.aero_heating import glide_signature, recovery_temperature_k
from goldendome.sensors.infrared import InfraredLayer, infrared_types
from goldendome.sensors.radar import Radar
from goldendome.sensors.radar_horizon import radar_horizon_range_m
from goldendome.sensors.radar_type import DATA_FILE, parse_radar_types, radar_types
from goldendome.sensors.signatures import CRUISE, GLIDER, signature_classes
from goldendome.sensors.space_radar import SpaceRadarLayer
from tests.sensors.air_targets import THETA0, meridian_states, scene_of

LAT, LON = 40.0, -100.0
T_S = np.arange(0.0, 2_000.0, 10.0)


def _radar(type_name: str, altitude_m: float, **options: object) -> Radar:
    return Radar.from_degrees(
        "site", type_name, LAT, LON, altitude_m, 0.0, theta0_rad=THETA0, **options
    )


def _first_range_km(
    radar: Radar, scene: SceneObjects, signature: np.ndarray | None = None
) -> float:
    m = radar.measure(scene, np.random.default_rng(1), signature)
    assert len(m) > 0
    return float(m.z[np.argmin(m.t_s), 0]) / 1e3


def test_signature_classes_flag_gliders_and_cruise_missiles():
    kind = np.array([ObjectKind.BOOSTER, ObjectKind.BOOSTER, ObjectKind.RV, ObjectKind.RV])
    codes = signature_classes(kind, [True, False], [False, True])
    assert codes.tolist() == [ObjectKind.BOOSTER, ObjectKind.BOOSTER, GLIDER, CRUISE]
    assert signature_classes(kind).tolist() == kind.tolist()
    with pytest.raises(ValueError, match="one bool per released object"):
        signature_classes(kind, np.zeros(5, bool))


def test_a_ground_radar_sees_a_sea_skimmer_only_inside_its_horizon():
    # A 10 m mast and a 30 m target: horizon 35.6 km (Skolnik's 4/3 Earth).
    r, v = meridian_states(LAT, LON, np.array([80.0]), np.array([30.0]), np.array([250.0]), T_S)
    radar = _radar("an-tpy-2-fbm", 10.0, min_elevation_rad=0.0)  # a scenario site's mask
    first = _first_range_km(radar, scene_of(r, v, T_S, ObjectKind.BOOSTER))
    horizon_km = float(radar_horizon_range_m(10.0, 30.0)) / 1e3
    assert horizon_km - 2.6 <= first <= horizon_km + 0.1  # one 10 s frame at 250 m/s: 2.5 km


def test_an_aew_aircraft_sees_four_hundred_km_and_more_than_a_ground_radar():
    r, v = meridian_states(LAT, LON, np.array([600.0]), np.array([30.0]), np.array([250.0]), T_S)
    scene = scene_of(r, v, T_S, ObjectKind.BOOSTER)  # 5 m^2: the horizon binds, not the SNR
    first = _first_range_km(_radar("e-7-mesa", 9_000.0), scene)
    horizon_km = float(radar_horizon_range_m(9_000.0, 30.0)) / 1e3
    assert 410.0 < horizon_km < 415.0
    assert horizon_km - 3.0 <= first <= horizon_km + 0.1
    # A low-observable cruise missile (0.03 m^2 at L band) is mostly seen later, by its SNR:
    # Pd under 0.1 a frame at the horizon, 0.9 only inside 160 km.
    e7 = radar_types()["e-7-mesa"]
    cruise_rcs = e7.rcs_of(("cruise",))[0]
    assert float(e7.detection_probability(horizon_km * 1e3, cruise_rcs)) < 0.1
    assert float(e7.detection_probability(160e3, cruise_rcs)) > 0.9


def test_a_target_crossing_the_line_of_sight_sits_in_the_clutter_notch():
    # 200 km north, flying east at 250 m/s through -5..5 km: radial speed under 6.3 m/s.
    t = np.arange(-20.0, 21.0, 10.0)
    r, v = meridian_states(LAT, LON, np.array([200.0]), np.array([50.0]), np.array([0.0]), t,
                           east_m_s=250.0)  # fmt: skip
    e7 = _radar("e-7-mesa", 9_000.0)
    assert len(e7.measure(scene_of(r, v, t, ObjectKind.BOOSTER), np.random.default_rng(2))) == 0
    inbound = meridian_states(LAT, LON, np.array([200.0]), np.array([50.0]), np.array([30.0]), t)
    seen = e7.measure(scene_of(*inbound, t, ObjectKind.BOOSTER), np.random.default_rng(2))
    assert len(seen) >= 4  # 30 m/s toward the radar: out of the notch


def test_the_skywave_radar_sees_its_range_band_below_100_km_with_km_errors():
    start = np.array([500.0, 1_500.0, 2_500.0, 3_500.0, 1_500.0])
    alt = np.array([50.0, 50.0, 50.0, 50.0, 200e3])
    r, v = meridian_states(LAT, LON, start, alt, np.full(5, 250.0), T_S)
    oth = _radar("oth-skywave", 300.0)
    m = oth.measure(scene_of(r, v, T_S), np.random.default_rng(3), np.full(5, CRUISE))
    assert set(np.unique(m.object).tolist()) == {1, 2}  # not the skip zone, beyond, or high
    assert m.sigma[:, 0].min() >= 3_000.0
    assert np.diff(np.unique(m.t_s)).min() >= 60.0
    assert oth.report_latency_s == 30.0


def test_space_amti_sees_air_targets_below_its_altitude_limit():
    t = np.arange(0.0, 300.0, 10.0)
    r, v = meridian_states(LAT, LON, np.array([200.0, 200.0]), np.array([50.0, 150e3]),
                           np.array([-250.0, -250.0]), t)  # fmt: skip
    sat_r, sat_v = meridian_states(LAT, LON, np.array([0.0]), np.array([700e3]), np.array([0.0]), t)
    layer = SpaceRadarLayer("amti", 0, radar_types()["space-amti"], t, sat_r, sat_v)
    m = layer.measure(scene_of(r, v, t), np.random.default_rng(4), np.array([CRUISE, CRUISE]))
    assert set(m.object.tolist()) == {0}
    assert np.isfinite(m.z).all()
    assert layer.report_latency_s == 10.0
    with pytest.raises(ValueError, match="carries a 'space' type"):
        SpaceRadarLayer("x", 0, radar_types()["uewr"], t, sat_r, sat_v)


def test_a_glider_glows_with_speed():
    assert float(recovery_temperature_k(5_000.0, 40e3, 0.85)) > 5_000.0  # ideal gas, uncapped
    sig = glide_signature(np.array([1_000.0, 1_500.0, 5_000.0]), 40e3, 0.85, 1_500.0, 1_500.0,
                          (3.0, 5.0))  # fmt: skip
    assert sig[0] < sig[1] < sig[2] == pytest.approx(1.0)
    assert sig[0] < 0.2


def test_leo_tracking_holds_a_glider_that_geo_early_warning_cannot():
    # A glider at 40 km and 5 km/s flies 1,000 km north from under a LEO satellite at
    # 1,000 km (ranges 960-1,390 km), seen from GEO at about 37,000 km.
    t = np.arange(0.0, 200.0, 10.0)
    r, v = meridian_states(LAT, LON, np.array([0.0]), np.array([40e3]), np.array([-5_000.0]), t)
    scene = scene_of(r, v, t)
    leo = meridian_states(LAT, LON, np.array([0.0]), np.array([1_000e3]), np.array([0.0]), t)
    geo = meridian_states(0.0, LON, np.array([0.0]), np.array([35_786e3]), np.array([0.0]), t)
    kinds = infrared_types()
    tracking = InfraredLayer("leo", 0, kinds["tracking"], t, *leo)
    warning = InfraredLayer("geo", 1, kinds["early_warning"], t, *geo)
    glider = np.array([GLIDER])
    held = tracking.measure(scene, np.random.default_rng(5), glider)
    assert np.unique(held.t_s).size >= 0.8 * tracking.frame_indices().size
    assert len(warning.measure(scene, np.random.default_rng(5), glider)) == 0
    slow = scene_of(*meridian_states(LAT, LON, np.array([0.0]), np.array([40e3]),
                                     np.array([-1_000.0]), t), t)  # fmt: skip
    assert len(tracking.measure(slow, np.random.default_rng(5), glider)) < len(held) / 2


def test_bad_platforms_name_the_key():
    with pytest.raises(
        ValueError,
        match=r"altitude_m = 0: a radar of type .e-7-mesa. \(airborne\) stands or flies betw",
    ):
        _radar("e-7-mesa", 0.0)
    with pytest.raises(ValueError, match="carried by satellites"):
        _radar("space-amti", 0.0)
    with pytest.raises(ValueError, match=r"radar type 'e-9' is not in radars\.toml"):
        _radar("e-9", 9_000.0)
    assert math.isclose(_radar("e-7-mesa", 9_000.0).report_latency_s, 2.0)


def test_a_platform_without_its_keys_is_refused_in_the_catalog():
    data = tomllib.loads(catalog_text(DATA_FILE))
    airborne = next(i for i, r in enumerate(data["radar"]) if r["name"] == "e-7-mesa")
    skywave = next(i for i, r in enumerate(data["radar"]) if r["name"] == "oth-skywave")
    del data["radar"][airborne]["max_platform_altitude_m"]
    data["radar"][skywave]["min_ground_range_km"] = 4_000.0
    with pytest.raises(CatalogError) as info:
        parse_radar_types(data)
    text = str(info.value)
    assert f"radar[{airborne}]: platform = 'airborne' needs max_platform_altitude_m" in text
    assert (
        f"radar[{skywave}]: min_ground_range_km = 4000.0 must be below max_ground_range_km = "
        "3000.0" in text
    )
