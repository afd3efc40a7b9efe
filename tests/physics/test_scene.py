"""The scene: a raid's objects on one grid, checked on construction."""

import numpy as np
import pytest

from goldendome.physics.kinds import ObjectKind
from goldendome.physics.scene import SceneObjects


def test_from_arrays_fills_threats_and_boosting_one_object_and_batch():
    one = SceneObjects.from_arrays([0.0], np.zeros((1, 1, 3)), np.zeros((1, 1, 3)), [0])
    assert len(one) == 1
    assert one.threat.tolist() == [0]
    assert one.boosting.shape == (1, 1)
    assert not one.boosting.any()
    t = np.arange(4.0)
    kinds = [ObjectKind.BOOSTER, ObjectKind.BOOSTER, ObjectKind.RV, ObjectKind.DECOY]
    scene = SceneObjects.from_arrays(
        t, np.zeros((4, 4, 3)), np.zeros((4, 4, 3)), kinds, threat=[0, 1, 0, 0]
    )
    assert scene.n_missiles == 2
    assert scene.kind.dtype == np.int64
    assert scene.r_eci_m.dtype == np.float64


def test_inconsistent_shapes_and_unknown_kinds_are_explained():
    r = np.zeros((2, 3, 3))
    with pytest.raises(ValueError, match=r"a scene needs t_s \(n_time,\).*got t_s \(4,\)"):
        SceneObjects.from_arrays(np.arange(4.0), r, r, [0, 1])
    with pytest.raises(ValueError, match=r"boosting \(2, 2\)"):
        SceneObjects.from_arrays(np.arange(3.0), r, r, [0, 1], boosting=np.zeros((2, 2)))
    with pytest.raises(ValueError, match=r"kind holds 5: object kind codes are 0 \(rv\)"):
        SceneObjects.from_arrays(np.arange(3.0), r, r, [0, 5])
