"""Explicit per-satellite element lists."""

import math
from datetime import UTC, datetime

import numpy as np
import pytest

from goldendome.orbits.base import Constellation
from goldendome.orbits.element_list import ElementList
from goldendome.physics.constants import WGS84_A_M

EPOCH = datetime(2029, 6, 1, tzinfo=UTC)


def two_satellites() -> ElementList:
    return ElementList(
        name="pair",
        role="tracking",
        semi_major_axis_m=(WGS84_A_M + 500e3, 26_560e3),
        eccentricity=(0.0, 0.01),
        inclination_rad=(math.radians(53.0), math.radians(55.0)),
        raan_rad=(0.0, -math.pi / 2),
        arg_perigee_rad=(0.0, 7.0),
        mean_anomaly_rad=(1.0, 2.0),
    )


def test_elements_come_back_in_order_with_angles_wrapped():
    pair = two_satellites()
    constellation: Constellation = pair
    assert constellation.n_satellites == 2
    el = pair.initial_elements(EPOCH)
    assert len(el) == 2
    assert el.semi_major_axis_m.dtype == np.float64
    assert el.semi_major_axis_m.tolist() == [WGS84_A_M + 500e3, 26_560e3]
    assert np.allclose(el.raan_rad, [0.0, 1.5 * math.pi])
    assert np.allclose(el.arg_perigee_rad, [0.0, 7.0 - 2 * math.pi])
    assert el.mean_anomaly_rad.tolist() == [1.0, 2.0]
    # A circular orbit sits at its semi-major axis.
    assert np.isclose(np.linalg.norm(el.states_eci()[0, :3]), WGS84_A_M + 500e3, atol=1e-3)


def test_one_satellite():
    one = ElementList("one", "interceptor", (7e6,), (0.0,), (0.1,), (0.2,), (0.3,), (0.4,))
    el = one.initial_elements(EPOCH)
    assert el.inclination_rad.shape == (1,)
    assert el.mean_anomaly_rad[0] == 0.4


def test_unequal_lengths_and_empty_lists_are_refused():
    with pytest.raises(ValueError, match="one value per satellite in every element"):
        ElementList("bad", "tracking", (7e6, 8e6), (0.0,), (0.1,), (0.2,), (0.3,), (0.4,))
    with pytest.raises(ValueError, match="needs at least one satellite"):
        ElementList("bad", "tracking", (), (), (), (), (), ())


def test_perigee_inside_the_earth_is_refused():
    with pytest.raises(ValueError, match=r"Satellite 0 of 'bad'.*perigee"):
        ElementList("bad", "tracking", (7e6,), (0.1,), (0.1,), (0.2,), (0.3,), (0.4,))
    with pytest.raises(ValueError, match="0 <= e < 1"):
        ElementList("bad", "tracking", (7e7,), (1.0,), (0.1,), (0.2,), (0.3,), (0.4,))
