"""Space infrared sensors: detection rules, the point-source Pd, frames and noise."""

import tomllib

import numpy as np
import pytest

from goldendome.data.errors import CatalogError
from goldendome.data.loader import catalog_text, parse_catalog
from goldendome.physics.constants import R_EARTH_MEAN_M
from goldendome.physics.kinds import ObjectKind
from goldendome.physics.measurements import AZIMUTH, ELEVATION
from goldendome.physics.scene import SceneObjects
from goldendome.sensors.infrared import (
    InfraredLayer,
    cold_detection_probability,
    infrared_types,
    nadir_frames,
)
from goldendome.sensors.infrared_catalog import DATA_FILE, InfraredCatalog, infrared_signatures
from goldendome.tracking.measurement import predict

GEO_M = 42_164e3


def _layer(kind: str, sat_r: np.ndarray, t: np.ndarray) -> InfraredLayer:
    sat = np.repeat(sat_r[:, None, :], t.size, axis=1)
    return InfraredLayer("ir", 0, infrared_types()[kind], t, sat, np.zeros_like(sat))


def test_point_source_pd_is_point_nine_at_the_reference_and_falls_with_range():
    ref = 2_000e3
    pd = cold_detection_probability(np.array([ref, 0.5 * ref, 2 * ref]), ref, np.ones(3))
    assert pd[0] == pytest.approx(0.9, abs=1e-9)
    assert pd[1] > 0.999
    assert pd[2] < 1e-3
    # A signature four times larger is seen at twice the range as a unit one at the reference.
    assert cold_detection_probability(np.array([2 * ref]), ref, np.array([4.0]))[0] == (
        pytest.approx(0.9, abs=1e-9)
    )


def test_nadir_frames_are_rotations_with_y_down():
    r = np.random.default_rng(0).normal(size=(50, 3)) * 7e6
    rot = nadir_frames(r)
    assert np.allclose(np.einsum("nij,nkj->nik", rot, rot), np.eye(3), atol=1e-12)
    assert np.allclose(np.linalg.det(rot), 1.0)
    assert np.allclose(rot[:, 1], -r / np.linalg.norm(r, axis=1, keepdims=True))


def test_geo_sees_plumes_above_the_clouds_only_and_not_behind_the_earth():
    t = np.arange(0.0, 100.0, 10.0)
    geo = _layer("early_warning", np.array([[GEO_M, 0.0, 0.0]]), t)
    up = np.array([1.0, 0.0, 0.0])
    altitude = np.array([5e3, 50e3, 50e3])  # below the clouds, above, above but behind
    r = np.stack([up * (R_EARTH_MEAN_M + altitude[0]), up * (R_EARTH_MEAN_M + altitude[1]),
                  -up * (R_EARTH_MEAN_M + altitude[2])])  # fmt: skip
    r = np.repeat(r[:, None, :], t.size, axis=1)
    boosting = np.ones((3, t.size), bool)
    boosters = SceneObjects.from_arrays(
        t, r, np.zeros_like(r), np.full(3, ObjectKind.BOOSTER), boosting=boosting
    )
    seen = geo.measure(boosters, np.random.default_rng(1))
    assert set(seen.object) == {1}
    assert 0.7 * t.size <= len(seen) <= t.size  # Pd 0.95 per frame
    # Once the plume is out, the early-warning payload loses it: it sees no cold bodies.
    rvs = SceneObjects.from_arrays(t, r, np.zeros_like(r), np.full(3, ObjectKind.RV))
    cold = geo.measure(rvs, np.random.default_rng(1))
    assert len(cold) == 0


def test_tracking_layer_sees_cold_objects_against_space_farther_than_against_earth():
    t = np.arange(0.0, 2_000.0, 5.0)
    sat = np.array([[R_EARTH_MEAN_M + 1_000e3, 0.0, 0.0]])
    layer = _layer("tracking", sat, t)

    # Both 1,800 km away inside the 75 deg field of regard: 70 deg off nadir the line of
    # sight passes above the limb (59.8 deg from 1,000 km) and ends on space; 55 deg off
    # nadir it ends on the Earth (the object is at 137 km).
    def at(off_nadir_deg: float) -> np.ndarray:
        a = np.radians(off_nadir_deg)
        return sat[0] + 1_800e3 * np.array([-np.cos(a), np.sin(a), 0.0])

    above, below = at(70.0), at(55.0)
    r = np.repeat(np.stack([above, below])[:, None, :], t.size, axis=1)
    scene = SceneObjects.from_arrays(t, r, np.zeros_like(r), np.full(2, ObjectKind.RV))
    seen = layer.measure(scene, np.random.default_rng(2))
    counts = np.bincount(seen.object, minlength=2)
    assert counts[0] > 0.9 * layer.frame_indices().size
    assert counts[1] < 0.05 * counts[0]


def test_angle_noise_matches_sigma_around_the_truth():
    t = np.arange(0.0, 20_000.0, 5.0)
    sat = np.array([[R_EARTH_MEAN_M + 1_000e3, 0.0, 0.0]])
    layer = _layer("tracking", sat, t)
    target = sat[0] + np.array([-500e3, 900e3, 300e3])
    r = np.repeat(target[None, None, :], t.size, axis=1)
    scene = SceneObjects.from_arrays(t, r, np.zeros_like(r), [ObjectKind.RV])
    m = layer.measure(scene, np.random.default_rng(3))
    x = np.concatenate([np.repeat(target[None], len(m), 0), np.zeros((len(m), 3))], axis=1)
    truth, _ = predict(x, m.origin_r_eci_m, m.origin_v_eci_m_s, m.rotation)
    residual = (m.z - truth)[:, [AZIMUTH, ELEVATION]] / m.sigma[:, [AZIMUTH, ELEVATION]]
    assert len(m) > 3_000
    assert np.abs(residual.mean(axis=0)).max() < 0.06
    assert residual.std(axis=0) == pytest.approx([1.0, 1.0], rel=0.05)
    assert np.isnan(m.z[:, 0]).all()  # angles only


def test_objects_must_share_the_layer_grid():
    t = np.arange(0.0, 50.0, 10.0)
    layer = _layer("tracking", np.array([[7e6, 0.0, 0.0]]), t)
    r = np.zeros((1, 3, 3))
    with pytest.raises(ValueError, match="time grid"):
        layer.measure(SceneObjects.from_arrays(t[:3], r, r, [0]), np.random.default_rng(0))


def _raw() -> dict:
    return tomllib.loads(catalog_text(DATA_FILE))


def test_the_catalog_has_both_types_and_a_signature_per_kind():
    assert list(infrared_types()) == ["early_warning", "tracking"]
    assert infrared_signatures().by_code().shape == (len(ObjectKind),)
    assert infrared_types()["tracking"].cold_ranges_km() == (2500.0, 1000.0, 100.0)
    with pytest.raises(ValueError, match="'early_warning' does not detect cold bodies"):
        infrared_types()["early_warning"].cold_ranges_km()


def test_a_broken_catalog_names_path_value_and_rule():
    data = _raw()
    data["sensor"][0]["frame_time_s"] = -10.0
    del data["sensor"][1]["angle_sigma_urad"]
    data["sensor"][1]["angle_sigma_mrad"] = 0.05
    del data["signature"]["booster"]
    with pytest.raises(CatalogError) as info:
        parse_catalog(data, InfraredCatalog, DATA_FILE)
    text = str(info.value)
    assert text.startswith("infrared_sensors.toml: 4 problems")
    assert "sensor[0].frame_time_s = -10.0: a frame takes time (> 0 s and <= 3,600 s)" in text
    assert "sensor[1].angle_sigma_urad: required key is missing" in text
    assert "sensor[1].angle_sigma_mrad = 0.05: unknown key; closest: angle_sigma_urad" in text
    assert "signature.booster: required key is missing" in text


def test_cold_keys_go_with_cold_detection():
    data = _raw()
    data["sensor"][1]["cold_detection"] = False
    with pytest.raises(CatalogError, match=r"sensor\[1\]: cold_reference_range_space_km, .* apply"):
        parse_catalog(data, InfraredCatalog, DATA_FILE)
    data = _raw()
    del data["sensor"][1]["limb_altitude_km"]
    with pytest.raises(CatalogError, match="cold_detection = true needs limb_altitude_km"):
        parse_catalog(data, InfraredCatalog, DATA_FILE)


def _sphere_points(rng: np.random.Generator, n: int, radius: np.ndarray) -> np.ndarray:
    u = rng.normal(size=(n, 3))
    return u / np.linalg.norm(u, axis=1, keepdims=True) * radius[:, None]


@pytest.mark.parametrize("kind", ["tracking", "early_warning"])
@pytest.mark.parametrize("seed", range(3))
def test_the_compiled_frame_reports_what_the_numpy_frame_reports(kind, seed):
    rng = np.random.default_rng(seed)
    t = np.array([0.0])
    sats = _sphere_points(rng, 60, np.full(60, R_EARTH_MEAN_M + 1_000e3))
    layer = _layer(kind, sats, t)
    n_obj = 400
    r_obj = _sphere_points(rng, n_obj, R_EARTH_MEAN_M + rng.uniform(0.0, 1_500e3, n_obj))
    r_obj[rng.random(n_obj) < 0.1] = np.nan  # not alive
    burning = rng.random(n_obj) < 0.3
    sig = rng.uniform(0.05, 1.0, n_obj)
    draws = rng.random((60, n_obj))
    sat, obj = layer.frame_reports(0, r_obj, burning, sig, draws)
    ref_sat, ref_obj = layer.frame_reports_reference(0, r_obj, burning, sig, draws)
    assert sat.tolist() == ref_sat.tolist()
    assert obj.tolist() == ref_obj.tolist()
    assert sat.size > 20


def test_measuring_with_the_compiled_frames_equals_the_numpy_frames(monkeypatch):
    rng = np.random.default_rng(7)
    t = np.arange(0.0, 60.0, 10.0)
    layer = _layer("tracking", _sphere_points(rng, 40, np.full(40, R_EARTH_MEAN_M + 1_000e3)), t)
    r = _sphere_points(rng, 50, R_EARTH_MEAN_M + rng.uniform(50e3, 1_200e3, 50))
    r = np.repeat(r[:, None, :], t.size, axis=1)
    kind = np.full(50, int(ObjectKind.RV))
    scene = SceneObjects.from_arrays(t, r, np.zeros_like(r), kind)
    fast = layer.measure(scene, np.random.default_rng(1))
    monkeypatch.setattr(InfraredLayer, "frame_reports", InfraredLayer.frame_reports_reference)
    ref = layer.measure(scene, np.random.default_rng(1))
    assert fast.object.size > 50
    assert np.array_equal(fast.object, ref.object)
    assert np.array_equal(fast.t_s, ref.t_s)
    assert np.array_equal(fast.z, ref.z, equal_nan=True)
