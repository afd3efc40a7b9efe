"""Discrimination labels of a run's released objects: looks by class and a drawn label."""

from dataclasses import dataclass

import numpy as np
import pytest

from goldendome.physics.kinds import ObjectKind
from goldendome.physics.measurements import Measurements
from goldendome.physics.scene import SceneObjects
from goldendome.sensors.discrimination import sensor_classes, told_probability
from goldendome.sensors.labels import LOOK_CLASSES, label_objects


@dataclass(frozen=True)
class _Stub:
    """A sensor that only says its class (enough for labelling)."""

    name: str
    sensor_id: int
    discrimination_class: str
    label: str = "stub"
    report_latency_s: float = 0.0

    def measure(self, scene: SceneObjects, rng: np.random.Generator) -> Measurements:
        """No detections (labelling reads only the class; the detections are given)."""
        return _detections([], [])


def _detections(sensor: list[int], obj: list[int]) -> Measurements:
    n = len(sensor)
    return Measurements(
        sensor=np.array(sensor, dtype=np.int64),
        object=np.array(obj, dtype=np.int64),
        t_s=np.zeros(n),
        z=np.zeros((n, 4)),
        sigma=np.ones((n, 4)),
        origin_r_eci_m=np.zeros((n, 3)),
        origin_v_eci_m_s=np.zeros((n, 3)),
        rotation=np.broadcast_to(np.eye(3), (n, 3, 3)).copy(),
        plume=np.zeros(n, dtype=bool),
    )


def _scene(kinds: list[int], threat: list[int]) -> SceneObjects:
    n = len(kinds)
    return SceneObjects.from_arrays([0.0], np.zeros((n, 1, 3)), np.zeros((n, 1, 3)), kinds,
                                    threat=threat)  # fmt: skip


SENSORS = [
    _Stub("x", 0, "radar_x_band"),
    _Stub("ir", 1, "ir_tracking"),
    _Stub("uhf", 2, "radar_low_band"),
    _Stub("geo", 3, "ir_warning"),
]


def test_looks_count_released_objects_by_class_batch():
    b, rv, decoy = ObjectKind.BOOSTER, ObjectKind.RV, ObjectKind.DECOY
    scene = _scene([b, b, rv, decoy, decoy], threat=[0, 1, 0, 0, 1])
    m = _detections([0, 0, 1, 2, 3, 0, 1, 1, 0], [2, 2, 2, 3, 3, 0, 4, 4, -1])
    labels = label_objects(SENSORS, m, scene, np.random.default_rng(0))
    assert labels.object.tolist() == [2, 3, 4]
    assert labels.threat.tolist() == [0, 0, 1]
    assert labels.kind.tolist() == [rv, decoy, decoy]
    columns = {name: k for k, name in enumerate(LOOK_CLASSES)}
    expected = np.zeros((3, 4), np.int64)
    expected[0, [columns["radar_x_band"], columns["ir_tracking"]]] = [2, 1]
    expected[1, [columns["radar_low_band"], columns["ir_warning"]]] = [1, 1]
    expected[2, columns["ir_tracking"]] = 2
    np.testing.assert_array_equal(labels.looks, expected)
    chosen = [sensor_classes()[name] for name in LOOK_CLASSES]
    np.testing.assert_array_equal(labels.told_probability, told_probability(expected, chosen))
    assert labels.told.dtype == np.bool_


def test_detections_before_release_are_not_looks():
    """A payload carried by the bus (detected before its release) shows nothing of its kind:
    only its detections from its release on are looks."""
    rv = ObjectKind.RV
    scene = _scene([ObjectKind.BOOSTER, rv], threat=[0, 0])
    m = _detections([0, 0, 0, 0], [1, 1, 1, 1])
    m = Measurements(**{**m.__dict__, "t_s": np.array([100.0, 200.0, 300.0, 400.0])})
    every = label_objects(SENSORS, m, scene, np.random.default_rng(0))
    late = label_objects(SENSORS, m, scene, np.random.default_rng(0), np.array([np.nan, 250.0]))
    x_band = LOOK_CLASSES.index("radar_x_band")
    assert every.looks[0, x_band] == 4
    assert late.looks[0, x_band] == 2


def test_one_object_and_equal_seeds_give_equal_labels():
    scene = _scene([ObjectKind.RV], threat=[0])
    m = _detections([0] * 40, [0] * 40)
    a = label_objects(SENSORS, m, scene, np.random.default_rng(4))
    b = label_objects(SENSORS, m, scene, np.random.default_rng(4))
    assert len(a) == 1
    assert a.told.tobytes() == b.told.tobytes()
    assert a.told_probability[0] == pytest.approx(0.8 * (1 - 0.9**40))


def test_an_unknown_class_is_explained():
    scene = _scene([ObjectKind.RV], threat=[0])
    with pytest.raises(ValueError, match="sensor 'odd' has discrimination class 'sonar'"):
        label_objects([_Stub("odd", 0, "sonar")], _detections([0], [0]), scene,
                      np.random.default_rng(0))  # fmt: skip
