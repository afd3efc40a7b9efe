"""Radars: the scaled radar equation, Swerling 1 detection, fields of view and noise."""

import dataclasses
import math
import tomllib

import numpy as np
import pytest
from scipy import integrate, optimize, stats

from goldendome.data.errors import CatalogError
from goldendome.data.loader import catalog_text
from goldendome.physics.constants import OMEGA_EARTH_RAD_S
from goldendome.physics.frames import ecef_to_eci, state_ecef_to_eci
from goldendome.physics.geodetic import geodetic_to_ecef
from goldendome.physics.kinds import KIND_LABELS, ObjectKind
from goldendome.physics.measurements import frame_indices
from goldendome.physics.scene import SceneObjects
from goldendome.physics.topocentric import aer_to_enu, ecef_to_aer, enu_to_ecef
from goldendome.sensors.base import Sensor
from goldendome.sensors.radar import Radar
from goldendome.sensors.radar_equation import (
    albersheim_snr_db,
    from_db,
    scaled_snr,
    swerling1_pd,
    swerling1_snr,
    to_db,
)
from goldendome.sensors.radar_type import DATA_FILE, parse_radar_types, radar_types
from goldendome.tracking.measurement import predict

RV, DECOY, BOOSTER = ObjectKind.RV, ObjectKind.DECOY, ObjectKind.BOOSTER
PFA = 1e-6


def steady_pd(snr: float, pfa: float) -> float:
    """Non-fluctuating target, square-law detector: Marcum Q as a noncentral chi-square."""
    return float(stats.ncx2.sf(-2.0 * math.log(pfa), df=2, nc=2.0 * snr))


def swerling1_pd_by_integration(snr: float, pfa: float) -> float:
    """Steady-target Pd averaged over an exponential (Swerling 1) SNR distribution."""
    value, _ = integrate.quad(
        lambda x: steady_pd(x, pfa) * math.exp(-x / snr) / snr, 0.0, 60.0 * snr, limit=200
    )
    return float(value)


# ------------------------------------------------------------------ radar equation


def test_half_the_range_gives_sixteen_times_the_snr_one_and_batch():
    one = scaled_snr(500e3, 0.01, 1000e3, 0.01, 100.0)
    assert float(one) == pytest.approx(1600.0)
    ranges = np.array([250e3, 500e3, 1000e3, 2000e3])
    snr = scaled_snr(ranges, np.array([0.01, 0.01, 0.02, 0.01]), 1000e3, 0.01, 100.0)
    np.testing.assert_allclose(snr, [25600.0, 1600.0, 200.0, 6.25])


def test_decibel_helpers_invert_each_other():
    np.testing.assert_allclose(to_db(from_db([-3.0, 0.0, 13.2])), [-3.0, 0.0, 13.2])


@pytest.mark.parametrize("snr_db", [0.0, 6.0, 12.8, 21.1, 30.0])
def test_swerling1_closed_form_matches_the_fluctuation_average(snr_db):
    snr = float(from_db(snr_db))
    assert float(swerling1_pd(snr, PFA)) == pytest.approx(
        swerling1_pd_by_integration(snr, PFA), abs=1e-4
    )


def test_swerling1_tabulated_values():
    # Pfa 1e-6, one look: Pd 0.5 needs 12.8 dB and Pd 0.9 needs 21.1 dB, about 8 dB more
    # than the 13.2 dB of a steady target (Skolnik, Introduction to Radar Systems, 3rd ed.,
    # 2001, ch. 2; Richards, Fundamentals of Radar Signal Processing, 2005, ch. 6).
    assert float(swerling1_pd(from_db(21.1), PFA)) == pytest.approx(0.9, abs=0.002)
    assert float(swerling1_pd(from_db(12.8), PFA)) == pytest.approx(0.5, abs=0.005)
    np.testing.assert_allclose(to_db(swerling1_snr([0.5, 0.9], PFA)), [12.77, 21.14], atol=0.01)
    assert float(swerling1_pd(swerling1_snr(0.9, PFA), PFA)) == pytest.approx(0.9)


def test_albersheim_and_the_steady_target_13_2_db():
    # Skolnik (2001, ch. 2): a steady target needs 13.2 dB for Pd 0.9 at Pfa 1e-6.
    assert steady_pd(float(from_db(13.2)), PFA) == pytest.approx(0.9, abs=0.01)
    assert float(albersheim_snr_db(0.9, PFA)) == pytest.approx(13.2, abs=0.2)
    # Against the exact single-look curve (Marcum Q): within 0.1 dB from Pd 0.3 up.
    for pd in (0.3, 0.5, 0.7, 0.9, 0.95):
        exact_db = to_db(optimize.brentq(lambda s, pd=pd: steady_pd(s, PFA) - pd, 0.1, 1e3))
        assert float(albersheim_snr_db(pd, PFA)) == pytest.approx(exact_db, abs=0.1)
    # Integrating looks lowers the SNR needed per look.
    assert float(albersheim_snr_db(0.9, PFA, 10)) < float(albersheim_snr_db(0.9, PFA, 1)) - 5.0


# ------------------------------------------------------------------ catalog


def test_catalog_has_the_types_and_every_object_kind():
    types = radar_types()
    ground = {"uewr", "lrdr", "an-tpy-2-fbm", "sbx"}
    assert set(types) == ground | {"e-7-mesa", "e-2d-apy-9", "oth-skywave", "space-amti"}
    assert {types[n].platform for n in ground} == {"ground"}
    assert {t.band for t in types.values()} == {"hf", "uhf", "l", "s", "x"}
    for t in types.values():
        assert t.rcs_of(KIND_LABELS).shape == (3,)
        assert t.rcs_of(("glider", "cruise")).shape == (2,)
    x_band = types["an-tpy-2-fbm"].rcs_of(KIND_LABELS)
    assert 0.005 <= x_band[RV] <= 0.05
    assert x_band[DECOY] >= x_band[RV]
    assert 1.0 <= x_band[BOOSTER] <= 10.0
    assert 4_500e3 <= types["uewr"].reference_range_m <= 5_600e3


@pytest.mark.parametrize("name", ["uewr", "lrdr", "an-tpy-2-fbm", "sbx"])
def test_the_reference_range_gives_the_reference_pd(name):
    t = radar_types()[name]
    pd = t.detection_probability(np.array([t.reference_range_m]), np.array([t.reference_rcs_m2]))
    assert float(pd[0]) == pytest.approx(t.reference_pd, abs=1e-12)
    assert to_db(t.reference_snr) == pytest.approx(21.14, abs=0.01)
    near, far = t.detection_probability(
        np.array([0.5, 2.0]) * t.reference_range_m, np.full(2, t.reference_rcs_m2)
    )
    assert near > t.reference_pd > far


# ------------------------------------------------------------------ geometry helpers


def place(radar: Radar, az_deg, el_deg, range_m, t_s) -> tuple[np.ndarray, np.ndarray]:
    """ECI positions and velocities (n_object, n_time, 3) of points fixed in the site's ENU."""
    site = geodetic_to_ecef(radar.latitude_rad, radar.longitude_rad, radar.altitude_m)
    enu = aer_to_enu(np.radians(az_deg), np.radians(el_deg), range_m)
    r_ecef = enu_to_ecef(enu, radar.latitude_rad, radar.longitude_rad, site)
    theta = radar.theta0_rad + OMEGA_EARTH_RAD_S * np.asarray(t_s)
    x_ecef = np.concatenate([r_ecef, np.zeros_like(r_ecef)], axis=-1)
    x = state_ecef_to_eci(x_ecef[:, None, :], theta[None, :])
    return x[..., :3], x[..., 3:]


def tpy2(**options) -> Radar:
    return Radar.from_degrees("Shariki", "an-tpy-2-fbm", 40.88, 140.30, 20.0, 265.0, **options)


def test_site_frame_agrees_with_topocentric_azimuth_and_elevation():
    radar = tpy2(theta0_rad=1.3)
    t = np.array([0.0, 3600.0])
    r, v = place(radar, [300.0], [25.0], [900e3], t)
    origin_r, origin_v, rotation = radar.site_frames(t)
    gram = np.einsum("nij,nkj->nik", rotation, rotation)
    np.testing.assert_allclose(gram, np.broadcast_to(np.eye(3), (2, 3, 3)), atol=1e-12)
    theta = 1.3 + OMEGA_EARTH_RAD_S * t
    site = geodetic_to_ecef(radar.latitude_rad, radar.longitude_rad, radar.altitude_m)
    np.testing.assert_allclose(origin_r, ecef_to_eci(site, theta), atol=1e-6)
    np.testing.assert_allclose(
        np.linalg.norm(origin_v, axis=1), OMEGA_EARTH_RAD_S * np.hypot(*site[:2])
    )
    z, _ = predict(np.concatenate([r[0], v[0]], axis=1), origin_r, origin_v, rotation)
    np.testing.assert_allclose(z[:, 0], 900e3, rtol=1e-9)
    np.testing.assert_allclose(np.mod(np.degrees(z[:, 1]), 360.0), 300.0, atol=1e-7)
    np.testing.assert_allclose(np.degrees(z[:, 2]), 25.0, atol=1e-7)
    np.testing.assert_allclose(z[:, 3], 0.0, atol=1e-6)  # fixed on the rotating Earth


def test_frame_schedule_takes_the_first_sample_of_each_frame():
    np.testing.assert_array_equal(frame_indices(np.arange(0.0, 12.0, 1.0), 5.0), [0, 5, 10])
    np.testing.assert_array_equal(frame_indices(np.arange(0.0, 30.0, 10.0), 5.0), [0, 1, 2])
    assert frame_indices(np.empty(0), 5.0).size == 0


# ------------------------------------------------------------------ detection geometry


def detections_per_object(radar: Radar, az, el, rng_m, kind, rng, n_frames=40):
    t = np.arange(n_frames) * radar.radar_type.frame_time_s
    r, v = place(radar, az, el, rng_m, t)
    m = radar.measure(SceneObjects.from_arrays(t, r, v, kind), rng)
    return np.bincount(m.object, minlength=len(kind)), n_frames, m


def test_detections_only_inside_the_field_of_view_and_above_min_elevation(rng):
    radar = tpy2()
    #            in front, behind, overhead, below min el, off to the side
    az = np.array([265.0, 85.0, 265.0, 265.0, 265.0 + 80.0])  # 80 deg off: 66 deg in face angles
    el = np.array([30.0, 30.0, 89.0, 1.0, 30.0])
    count, n, m = detections_per_object(radar, az, el, np.full(5, 800e3), [BOOSTER] * 5, rng)
    assert count[0] >= 0.95 * n
    assert count[2] >= 0.95 * n  # the 30 deg tilt + 60 deg reaches the zenith
    assert count[1] == count[3] == count[4] == 0
    assert set(np.unique(m.sensor)) == {0}


def test_uewr_faces_and_elevation_limits(rng):
    # Two faces of a triangular building, 120 deg apart: the third direction is blind, and
    # the 20 deg tilt with +-65 deg reaches 85 deg elevation, not the zenith.
    two = Radar.from_degrees("Beale", "uewr", 39.14, -121.35, 60.0, 126.0, faces=2)
    az = np.array([126.0, 246.0, 6.0, 126.0, 126.0])
    el = np.array([20.0, 20.0, 20.0, 89.0, 2.0])
    count, n, _ = detections_per_object(two, az, el, np.full(5, 2_000e3), [BOOSTER] * 5, rng)
    assert count[0] >= 0.95 * n
    assert count[1] >= 0.95 * n
    assert count[2] == count[3] == count[4] == 0
    three = dataclasses.replace(two, faces=3)
    count, n, _ = detections_per_object(three, az, el, np.full(5, 2_000e3), [BOOSTER] * 5, rng)
    assert count[2] >= 0.95 * n


def test_an_untilted_face_sees_an_azimuth_elevation_box(rng):
    flat = tpy2(boresight_elevation_deg=0.0)
    az = rng.uniform(0.0, 2.0 * math.pi, 20_000)
    el = rng.uniform(-0.2, 1.5, 20_000)
    off_az = (az - flat.boresight_azimuth_rad + math.pi) % (2.0 * math.pi) - math.pi
    kind = flat.radar_type
    box = (np.abs(off_az) <= kind.fov_half_azimuth_rad) & (el <= kind.fov_half_elevation_rad)
    box &= el >= kind.min_elevation_rad
    np.testing.assert_array_equal(flat.in_view(az, el), box)
    assert flat.in_view(np.zeros((2, 3)), np.zeros((2, 3))).shape == (2, 3)


def test_detection_rate_follows_swerling1_at_the_reference_range(rng):
    radar = tpy2()
    t_ref = radar.radar_type
    count, n, _ = detections_per_object(
        radar, [265.0], [30.0], [t_ref.reference_range_m], [RV], rng, n_frames=4000
    )
    assert count[0] / n == pytest.approx(0.9, abs=0.015)  # binomial sigma 0.005


def test_missing_states_are_never_detected(rng):
    radar = tpy2()
    t = np.arange(10) * 5.0
    r, v = place(radar, [265.0], [30.0], [500e3], t)
    r[0, :5] = np.nan
    m = radar.measure(SceneObjects.from_arrays(t, r, v, [BOOSTER]), rng)
    assert m.t_s.min() >= 25.0
    assert np.isfinite(m.z).all()


# ------------------------------------------------------------------ measurement noise


@pytest.mark.parametrize(("range_factor", "scale"), [(1.0, 1.0), (0.5, 0.25), (0.2, 0.1)])
def test_measurements_are_truth_plus_noise_of_the_stated_sigma(rng, range_factor, scale):
    radar = tpy2(theta0_rad=0.4)
    kind = radar.radar_type
    t = np.arange(6000) * kind.frame_time_s
    site = geodetic_to_ecef(radar.latitude_rad, radar.longitude_rad, radar.altitude_m)
    enu = aer_to_enu(math.radians(250.0), math.radians(40.0), kind.reference_range_m * range_factor)
    r_ecef = enu_to_ecef(enu, radar.latitude_rad, radar.longitude_rad, site)
    v_ecef = np.array([1500.0, -2500.0, 3000.0])  # any velocity: only the range rate uses it
    theta = 0.4 + OMEGA_EARTH_RAD_S * t
    x = state_ecef_to_eci(np.concatenate([r_ecef, v_ecef])[None, None], theta[None])
    m = radar.measure(SceneObjects.from_arrays(t, x[..., :3], x[..., 3:], [RV]), rng)
    assert len(m) > 5000
    truth, _ = predict(
        x[0, np.searchsorted(t, m.t_s)], m.origin_r_eci_m, m.origin_v_eci_m_s, m.rotation
    )
    residual = m.z - truth
    residual[:, 1] = (residual[:, 1] + math.pi) % (2 * math.pi) - math.pi
    expected = scale * np.array(
        [
            kind.sigma_range_m,
            kind.sigma_angle_rad / math.cos(math.radians(40.0)),
            kind.sigma_angle_rad,
            kind.sigma_range_rate_m_s,
        ]
    )
    np.testing.assert_allclose(m.sigma, np.broadcast_to(expected, m.sigma.shape), rtol=1e-6)
    normalized = residual / m.sigma
    assert np.abs(normalized.mean(axis=0)).max() < 0.05
    np.testing.assert_allclose(normalized.std(axis=0), 1.0, atol=0.04)


def test_equal_seeds_give_equal_bytes_and_one_element_works():
    radar = tpy2()
    t = np.array([0.0])
    r, v = place(radar, [265.0], [30.0], [600e3], t)
    scene = SceneObjects.from_arrays(t, r, v, [BOOSTER])
    a = radar.measure(scene, np.random.default_rng(5))
    b = radar.measure(scene, np.random.default_rng(5))
    assert len(a) == 1
    assert a.z.shape == (1, 4)
    assert a.rotation.shape == (1, 3, 3)
    assert a.z.tobytes() == b.z.tobytes()
    nothing = SceneObjects.from_arrays(np.empty(0), np.empty((1, 0, 3)), np.empty((1, 0, 3)), [RV])
    empty = radar.measure(nothing, np.random.default_rng(5))
    assert len(empty) == 0
    assert empty.z.shape == (0, 4)


# ------------------------------------------------------------------ bad input


def test_a_radar_must_look_above_the_horizon():
    with pytest.raises(
        ValueError, match="boresight_elevation_deg = -5: a radar must look above the horizon"
    ):
        tpy2(boresight_elevation_deg=-5.0)


@pytest.mark.parametrize("field", ["fov_half_azimuth_rad", "fov_half_elevation_rad"])
@pytest.mark.parametrize("value", [0.0, -0.1])
def test_a_field_of_view_must_be_wider_than_zero(field, value):
    kind = radar_types()["uewr"]
    key = field.replace("_rad", "_deg")
    shown = f"{math.degrees(value):g}"
    with pytest.raises(
        ValueError,
        match=f"radar type 'uewr': {key} = {shown}: the field of view must be wider than zero",
    ):
        dataclasses.replace(kind, **{field: value})


def test_other_bad_sites_and_types_are_explained():
    with pytest.raises(ValueError, match=r"radar type 'aegis' is not in radars\.toml; known: uewr"):
        Radar.from_degrees("x", "aegis", 0.0, 0.0, 0.0, 0.0)
    with pytest.raises(
        ValueError,
        match=r"faces = 4: radar type 'uewr' \(face_spacing_deg = 120\) allows 1 to 3 faces",
    ):
        Radar.from_degrees("x", "uewr", 0.0, 0.0, 0.0, 0.0, faces=4)
    with pytest.raises(ValueError, match="faces = 2: radar type 'sbx'"):
        Radar.from_degrees("x", "sbx", 0.0, 0.0, 0.0, 0.0, faces=2)
    with pytest.raises(
        ValueError, match="latitude_deg = 95: a latitude lies between -90 and 90 deg"
    ):
        Radar.from_degrees("x", "sbx", 95.0, 0.0, 0.0, 0.0)
    with pytest.raises(
        ValueError, match="radar type 'uewr': reference_range_km = -1: must be positive"
    ):
        dataclasses.replace(radar_types()["uewr"], reference_range_m=-1e3)


def _raw_catalog() -> dict:
    return tomllib.loads(catalog_text(DATA_FILE))


def test_a_broken_data_file_names_path_value_and_rule():
    data = _raw_catalog()
    data["radar"][0]["reference_range_km"] = -4800.0
    data["radar"][1]["range_km"] = 1.0
    del data["radar"][2]["band"]
    data["rcs_m2"]["x"]["rv"] = 0.0
    with pytest.raises(CatalogError) as info:
        parse_radar_types(data)
    text = str(info.value)
    assert text.startswith("radars.toml: 4 problems")
    assert (
        "radar[0].reference_range_km = -4800.0: must be positive (> 0 and <= 1,000,000,000)" in text
    )
    assert (
        "radar[1].range_km = 1.0: unknown key; closest: sigma_range_m, reference_range_km" in text
    )
    assert "radar[2].band: required key is missing" in text
    assert "rcs_m2.x.rv = 0.0: must be positive (> 0 and <= 1,000,000)" in text


def test_bands_cross_sections_and_probabilities_are_checked_together():
    data = _raw_catalog()
    data["radar"][3]["band"] = "ka"
    with pytest.raises(CatalogError, match=r'radar\[3\]\.band = "ka": no \[rcs_m2.<band>\] table'):
        parse_radar_types(data)
    data = _raw_catalog()
    del data["rcs_m2"]["uhf"]["booster"]
    with pytest.raises(CatalogError, match=r"rcs_m2\.uhf\.booster: required key is missing"):
        parse_radar_types(data)
    data = _raw_catalog()
    data["radar"][0]["reference_pfa"] = 0.95
    with pytest.raises(
        CatalogError, match=r"radar\[0\]: reference_pd = 0.9 must exceed reference_pfa = 0.95"
    ):
        parse_radar_types(data)
    data = _raw_catalog()
    data["radar"].append(data["radar"][0])
    with pytest.raises(CatalogError, match="radar names must be unique; given twice: uewr"):
        parse_radar_types(data)


def test_bad_measure_inputs_are_explained(rng):
    radar = tpy2()
    t = np.arange(3) * 5.0
    r, v = place(radar, [265.0], [30.0], [600e3], t)
    with pytest.raises(ValueError, match=r"a scene needs t_s \(n_time,\).*r_eci_m \(1, 2, 3\)"):
        SceneObjects.from_arrays(t, r[:, :2], v, [RV])
    with pytest.raises(ValueError, match="t_s must increase strictly"):
        radar.measure(SceneObjects.from_arrays(t[::-1].copy(), r, v, [RV]), rng)
    with pytest.raises(ValueError, match=r"kind holds 7: object kind codes are 0 \(rv\)"):
        SceneObjects.from_arrays(t, r, v, [7])
    with pytest.raises(
        ValueError, match="object kind 'satellite' has no radar cross section in the x band"
    ):
        radar.radar_type.rcs_of(("satellite",))


# ------------------------------------------------------------------ a North Korean ICBM


def test_shariki_tpy2_sees_a_north_korean_icbm_at_500_to_1000_km(rng):
    from goldendome.scenario.catalog import launch_areas, targets, threat_classes
    from goldendome.threats.ballistic import Launches
    from goldendome.threats.flight import fly
    from goldendome.threats.targeting import aim

    missile = threat_classes()["hwasong-15-class"].build_rocket()
    area = launch_areas()["pyongsong"]
    goal = targets()["honolulu"]  # flies over northern Honshu
    launch = Launches.of([missile], [area.latitude_rad], area.longitude_rad, 0.0, 0.0)
    theta0 = 0.7
    aimed = aim(launch, [goal.latitude_rad], [goal.longitude_rad], theta0_rad=theta0)
    t = np.arange(0.0, 1500.0, 1.0)
    flight = fly(aimed.launches, t, theta0_rad=theta0)
    # Face the launch area, as the Shariki radar does (about west).
    site_lat, site_lon = math.radians(40.88), math.radians(140.30)
    site = geodetic_to_ecef(site_lat, site_lon, 20.0)
    area_ecef = geodetic_to_ecef(area.latitude_rad, area.longitude_rad, 0.0)
    az_to_area = math.degrees(float(ecef_to_aer(area_ecef, site_lat, site_lon, site)[0]))
    assert 255.0 < az_to_area < 275.0
    radar = tpy2(theta0_rad=theta0)
    radar = dataclasses.replace(radar, boresight_azimuth_rad=math.radians(az_to_area))
    sensor: Sensor = radar
    y = flight.y_eci
    m = sensor.measure(SceneObjects.from_arrays(t, y[..., :3], y[..., 3:], [RV]), rng)
    assert len(m) > 20
    ranges = m.z[:, 0]
    assert ranges.min() < 1_000e3
    in_band = (ranges > 500e3) & (ranges < 1_000e3)
    assert in_band.sum() >= 10
    # Pd at 1,000 km is 0.9 for an RV-sized target and higher inside: the object is held in
    # most frames in which it is within 1,000 km and in view.
    assert ranges[0] > 950e3
    frames = frame_indices(t, radar.radar_type.frame_time_s)
    origin_r, origin_v, rotation = radar.site_frames(t[frames])
    ok = np.isfinite(y[0, frames, 0])
    z, _ = predict(y[0, frames][ok], origin_r[ok], origin_v[ok], rotation[ok])
    seen = radar.in_view(z[:, 1], z[:, 2]) & (z[:, 0] > 500e3) & (z[:, 0] < 1_000e3)
    assert seen.sum() >= 10
    assert seen.sum() >= in_band.sum() >= 0.85 * seen.sum()
