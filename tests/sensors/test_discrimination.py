"""The discrimination model: looks, ceilings, independent classes, random labels."""

import numpy as np
import pytest

from goldendome.sensors.discrimination import (
    TOLD,
    SensorClass,
    draw_labels,
    sensor_classes,
    told_probability,
)


def test_looks_saturate_at_the_ceiling_and_classes_combine_independently():
    x = SensorClass("x", per_look=0.1, ceiling=0.8)
    ir = SensorClass("ir", per_look=0.05, ceiling=0.5)
    looks = np.array([[0, 0], [1, 0], [10, 0], [1_000, 0], [1_000, 1_000]])
    p = told_probability(looks, [x, ir])
    assert p[0] == 0.0
    assert p[1] == pytest.approx(0.08)
    assert p[2] == pytest.approx(0.8 * (1 - 0.9**10))
    assert p[3] == pytest.approx(0.8)
    assert p[4] == pytest.approx(1 - 0.2 * 0.5)


def test_labels_follow_the_probability():
    classes = [sensor_classes()["radar_x_band"]]
    looks = np.full((20_000, 1), 5)
    labels = draw_labels(looks, classes, np.random.default_rng(4))
    expected = told_probability(looks[:1], classes)[0]
    assert np.mean(labels == TOLD) == pytest.approx(expected, abs=0.015)


def test_warning_payloads_never_discriminate_and_bad_values_are_refused():
    assert told_probability(np.array([[500]]), [sensor_classes()["ir_warning"]])[0] == 0.0
    with pytest.raises(ValueError, match=r"per_look = 1\.5"):
        SensorClass("bad", per_look=1.5, ceiling=0.5)
