"""The discrimination model: looks, ceilings, independent classes, random labels."""

import tomllib

import numpy as np
import pytest

from goldendome.data.errors import CatalogError
from goldendome.data.loader import catalog_text, parse_catalog
from goldendome.sensors.discrimination import (
    CLASS_NAMES,
    DATA_FILE,
    TOLD,
    DiscriminationCatalog,
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


def _raw() -> dict:
    return tomllib.loads(catalog_text(DATA_FILE))


def test_the_catalog_describes_every_class_once():
    assert set(sensor_classes()) == set(CLASS_NAMES)
    assert sensor_classes()["radar_x_band"] == SensorClass("radar_x_band", 0.10, 0.8, 0.01)


def test_a_broken_catalog_names_path_value_and_rule():
    data = _raw()
    data["sensor_class"][0]["per_look"] = -0.1
    del data["sensor_class"][1]["ceiling"]
    data["sensor_class"][2]["range_km"] = 5.0
    with pytest.raises(CatalogError) as info:
        parse_catalog(data, DiscriminationCatalog, DATA_FILE)
    text = str(info.value)
    assert text.startswith("discrimination.toml: 3 problems")
    assert "sensor_class[0].per_look = -0.1: a probability lies in [0, 1] (>= 0 and <= 1)" in text
    assert "sensor_class[1].ceiling: required key is missing" in text
    assert "sensor_class[2].range_km = 5.0: unknown key; expected one of: name," in text


def test_a_catalog_without_a_class_is_refused():
    data = _raw()
    data["sensor_class"] = [c for c in data["sensor_class"] if c["name"] != "ir_warning"]
    with pytest.raises(CatalogError, match="missing: ir_warning"):
        parse_catalog(data, DiscriminationCatalog, DATA_FILE)
    data = _raw()
    data["sensor_class"][0]["name"] = "sonar"
    with pytest.raises(CatalogError, match=r"sensor_class\[0\]\.name = \"sonar\": must be one of"):
        parse_catalog(data, DiscriminationCatalog, DATA_FILE)
