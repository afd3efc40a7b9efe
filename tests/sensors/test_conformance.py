"""Conformance: every sensor kind (infrared early warning, infrared tracking, each radar type
of the catalog) keeps the Sensor contract on one common scene.

The scene: two missiles and their released objects over the Sea of Japan, 500-800 km west of
a site at 40 N, 140 E, fixed in the Earth frame. Missile 0's booster burns and exists for the
first 100 s, its RV and decoy exist after; missile 1's booster burns for 60 s and coasts on;
one more RV never exists (NaN throughout).
"""

import math

import numpy as np
import pytest

from goldendome.physics.constants import OMEGA_EARTH_RAD_S
from goldendome.physics.frames import ecef_to_eci
from goldendome.physics.geodetic import geodetic_to_ecef
from goldendome.physics.kinds import ObjectKind
from goldendome.physics.measurements import AZIMUTH, ELEVATION, N_COMPONENTS, Measurements
from goldendome.physics.scene import SceneObjects
from goldendome.physics.topocentric import aer_to_enu, enu_to_ecef
from goldendome.sensors.base import DISCRIMINATION_CLASSES, Sensor
from goldendome.sensors.infrared import InfraredLayer, infrared_types
from goldendome.sensors.radar import Radar
from goldendome.sensors.radar_type import radar_types
from goldendome.sensors.space_radar import SpaceRadarLayer

THETA0 = 0.7
T_S = np.arange(0.0, 200.0, 1.0)
SITE_LAT, SITE_LON = math.radians(40.0), math.radians(140.0)
RELEASE = 100
NEVER = 4


def _co_rotating(r_ecef: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """ECI positions and velocities ``(n, n_time, 3)`` of points fixed in the Earth frame."""
    theta = THETA0 + OMEGA_EARTH_RAD_S * T_S
    r = ecef_to_eci(np.broadcast_to(r_ecef[:, None, :], (len(r_ecef), T_S.size, 3)), theta)
    v = OMEGA_EARTH_RAD_S * np.stack([-r[..., 1], r[..., 0], np.zeros_like(r[..., 0])], -1)
    return r, v


def _scene() -> SceneObjects:
    site = geodetic_to_ecef(SITE_LAT, SITE_LON, 0.0)
    az = np.radians([270.0, 280.0, 265.0, 275.0, 270.0])
    el = np.radians([25.0, 30.0, 35.0, 30.0, 30.0])
    rho = np.array([600e3, 800e3, 500e3, 550e3, 500e3])
    r, v = _co_rotating(enu_to_ecef(aer_to_enu(az, el, rho), SITE_LAT, SITE_LON, site))
    return _objects(r, v)


def _objects(r: np.ndarray, v: np.ndarray) -> SceneObjects:
    """Five objects (booster, booster, RV, decoy, RV) from their co-rotating states: the
    first released at RELEASE, the third and fourth from RELEASE on, object NEVER never."""
    gone = np.zeros((5, T_S.size), bool)
    gone[0, RELEASE:] = True
    gone[[2, 3], :RELEASE] = True
    gone[NEVER] = True
    r[gone], v[gone] = np.nan, np.nan
    boosting = np.zeros((5, T_S.size), bool)
    boosting[0, :RELEASE] = True
    boosting[1, :60] = True
    b, rv, decoy = ObjectKind.BOOSTER, ObjectKind.RV, ObjectKind.DECOY
    return SceneObjects.from_arrays(
        T_S, r, v, [b, b, rv, decoy, rv], threat=[0, 1, 0, 0, 1], boosting=boosting
    )


def _air_scene(ground_km: float) -> SceneObjects:
    """The five objects as aircraft at 10 km, ``ground_km`` (plus 0-100 km) west of the
    site, flying east at 250 m/s (for the radars that see only air-breathing targets)."""
    d_rad = (ground_km + np.array([0.0, 20.0, 50.0, 80.0, 100.0])) * 1e3 / 6_371e3
    lon = SITE_LON - d_rad / math.cos(SITE_LAT)
    at = geodetic_to_ecef(np.full(5, SITE_LAT), lon, np.full(5, 10e3))
    r, v = _co_rotating(np.asarray(at))
    theta = THETA0 + OMEGA_EARTH_RAD_S * T_S
    east = ecef_to_eci(np.stack([-np.sin(lon), np.cos(lon), np.zeros(5)], -1)[:, None], theta)
    return _objects(r + 250.0 * (T_S[None, :, None] - T_S[0]) * east, v + 250.0 * east)


def _satellites(lat_deg: float, lon_deg: float, altitude_m: float) -> tuple[np.ndarray, ...]:
    at = geodetic_to_ecef(math.radians(lat_deg), math.radians(lon_deg), altitude_m)
    return _co_rotating(np.asarray(at)[None])


def _sensors() -> dict[str, Sensor]:
    out: dict[str, Sensor] = {}
    for kind, (lat, lon, alt) in {
        "early_warning": (0.0, 140.0, 35_786e3),
        "tracking": (42.0, 136.0, 1_000e3),
    }.items():
        r, v = _satellites(lat, lon, alt)
        sid = len(out)
        out[f"infrared {kind}"] = InfraredLayer(kind, sid, infrared_types()[kind], T_S, r, v)
    for name, kind in radar_types().items():
        sid = len(out)
        if kind.platform == "space":
            r, v = _satellites(40.0, 134.0, 700e3)
            out[f"radar {name}"] = SpaceRadarLayer(name, sid, kind, T_S, r, v)
            continue
        altitude_m = 9_000.0 if kind.platform == "airborne" else 0.0
        out[f"radar {name}"] = Radar(
            name, SITE_LAT, SITE_LON, altitude_m, math.radians(270.0),
            kind.boresight_elevation_rad, kind, sensor_id=sid, theta0_rad=THETA0,
        )  # fmt: skip
    return out


SENSORS = _sensors()
# Each sensor's scene: objects in its view (air-breathing targets for the radars that see
# only those: airborne and space AMTI radars 200-300 km west, skywave 1,500 km west).
_SCENES = {"ground": _scene(), "airborne": _air_scene(200.0), "space": _air_scene(200.0),
           "skywave": _air_scene(1_500.0)}  # fmt: skip
SCENES = {
    name: _SCENES[getattr(getattr(s, "radar_type", None), "platform", "ground")]
    for name, s in SENSORS.items()
}


@pytest.fixture(params=sorted(SENSORS), name="sensor")
def _sensor(request: pytest.FixtureRequest) -> Sensor:
    return SENSORS[request.param]


@pytest.fixture(name="scene")
def _scene_of(sensor: Sensor) -> SceneObjects:
    return SCENES[f"{sensor.label.split()[0]} {sensor.name}"]


@pytest.fixture(name="m")
def _measured(sensor: Sensor, scene: SceneObjects) -> Measurements:
    return sensor.measure(scene, np.random.default_rng(11))


def test_every_kind_is_checked():
    kinds = {f"radar {name}" for name in radar_types()} | {
        "infrared early_warning",
        "infrared tracking",
    }
    assert set(SENSORS) == kinds


def test_satisfies_the_protocol(sensor):
    assert isinstance(sensor, Sensor)
    assert isinstance(sensor.name, str)
    assert sensor.name
    assert isinstance(sensor.sensor_id, int)
    assert sensor.label.split()[0] in ("infrared", "radar")
    assert math.isfinite(sensor.report_latency_s)
    assert sensor.report_latency_s >= 0.0
    assert sensor.discrimination_class in DISCRIMINATION_CLASSES


def test_the_record_has_consistent_shapes_and_types(m):
    n = len(m)
    assert n > 0  # the scene is in view of every sensor
    for name, shape, dtype in (
        ("sensor", (n,), np.int64),
        ("object", (n,), np.int64),
        ("t_s", (n,), np.float64),
        ("z", (n, N_COMPONENTS), np.float64),
        ("sigma", (n, N_COMPONENTS), np.float64),
        ("origin_r_eci_m", (n, 3), np.float64),
        ("origin_v_eci_m_s", (n, 3), np.float64),
        ("rotation", (n, 3, 3), np.float64),
    ):
        value = getattr(m, name)
        assert value.shape == shape, name
        assert value.dtype == dtype, name


def test_measured_components_are_finite_and_the_others_nan(m):
    measured = np.isfinite(m.z)
    np.testing.assert_array_equal(measured, np.isfinite(m.sigma))
    assert np.all(measured == measured[0])  # one set of components per sensor
    assert measured[0, AZIMUTH]
    assert measured[0, ELEVATION]
    assert np.all(m.sigma[measured] > 0.0)
    assert np.isnan(m.z[~measured]).all()
    assert np.isfinite(m.origin_r_eci_m).all()
    assert np.isfinite(m.origin_v_eci_m_s).all()
    identity = np.einsum("nij,nkj->nik", m.rotation, m.rotation)
    np.testing.assert_allclose(identity, np.broadcast_to(np.eye(3), identity.shape), atol=1e-12)


def test_rows_name_this_sensor_objects_of_the_scene_and_times_of_its_grid(sensor, scene, m):
    assert np.all(m.sensor == sensor.sensor_id)
    assert np.all((m.object >= 0) & (m.object < len(scene)))
    assert np.isin(m.t_s, scene.t_s).all()


def test_objects_are_detected_only_while_they_exist(scene, m):
    k = np.searchsorted(scene.t_s, m.t_s)
    assert np.isfinite(scene.r_eci_m[m.object, k]).all()
    assert NEVER not in m.object


def test_equal_seeds_give_equal_bytes(sensor, scene, m):
    again = sensor.measure(scene, np.random.default_rng(11))
    for name in Measurements.__dataclass_fields__:
        assert getattr(again, name).tobytes() == getattr(m, name).tobytes(), name


def test_one_object_and_no_object(sensor, scene):
    one = SceneObjects.from_arrays(
        T_S, scene.r_eci_m[1:2], scene.v_eci_m_s[1:2], scene.kind[1:2],
        boosting=scene.boosting[1:2],
    )  # fmt: skip
    m = sensor.measure(one, np.random.default_rng(3))
    assert len(m) > 0
    assert set(m.object.tolist()) == {0}
    none = SceneObjects.from_arrays(T_S, np.empty((0, T_S.size, 3)), np.empty((0, T_S.size, 3)), [])
    empty = sensor.measure(none, np.random.default_rng(3))
    assert len(empty) == 0
    assert empty.z.shape == (0, N_COMPONENTS)
    assert empty.rotation.shape == (0, 3, 3)
