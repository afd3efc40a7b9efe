"""Launches that differ only in launch time, flown once and turned with the Earth
(:mod:`goldendome.threats.same_path`), give the flights of flying each; and a flight told to
stop (``fly(..., t_stop_s=)``) keeps its states up to the stop."""

import numpy as np

from goldendome.scenario.catalog import BallisticClassSpec, threat_classes
from goldendome.threats.ballistic import Launches
from goldendome.threats.flight import BURNOUT, IMPACT, fly
from goldendome.threats.same_path import fly_same_paths

_SPEC = threat_classes()["hwasong-17-class"]
assert isinstance(_SPEC, BallisticClassSpec)
HW17 = _SPEC.build_rocket()
THETA0 = 0.7


def _salvo() -> Launches:
    """Two aims (two kicks from one point), five and three missiles half a second apart,
    and one missile on its own; listed out of order."""
    kick = np.array([0.03, 0.03, 0.05, 0.03, 0.05, 0.03, 0.05, 0.03, 0.07])
    t0 = np.array([60.0, 60.5, 60.0, 61.0, 60.5, 61.5, 61.0, 62.0, 60.0])
    return Launches.of([HW17], np.full(9, 0.69), 2.18, 1.2, kick, t_launch_s=t0)


def test_a_salvo_flown_once_per_aim_agrees_with_each_missile_flown() -> None:
    launches = _salvo()
    t_out = np.arange(0.0, 2_400.0, 10.0)
    each = fly(launches, t_out, theta0_rad=THETA0)
    once = fly_same_paths(launches, t_out, theta0_rad=THETA0)
    assert np.all(each.status == 0)
    # Rounding apart (the Earth's turn of a few milliradians): well under a millimetre.
    np.testing.assert_array_equal(np.isnan(once.y_eci), np.isnan(each.y_eci))
    np.testing.assert_allclose(once.y_eci, each.y_eci, rtol=0, atol=1e-4)
    np.testing.assert_allclose(once.event_t_s, each.event_t_s, rtol=0, atol=1e-8)
    np.testing.assert_allclose(once.event_x_eci, each.event_x_eci, rtol=0, atol=1e-4)
    np.testing.assert_allclose(once.x_start_eci, each.x_start_eci, rtol=0, atol=1e-4)
    # Each aim's first missile and the lone one are flown as themselves.
    for i in (0, 2, 8):
        np.testing.assert_array_equal(once.y_eci[i], each.y_eci[i])
        np.testing.assert_array_equal(once.event_x_eci[i], each.event_x_eci[i])
    # The later missiles really are turned copies (2 s of the Earth's turn: ~700 m in ECI).
    assert np.nanmax(np.abs(once.event_x_eci[7, IMPACT] - once.event_x_eci[0, IMPACT])) > 300.0


def test_launch_times_off_a_common_lattice_fall_back_to_flying_each() -> None:
    # Two aims, each with a copy at an odd delay: the sets' sample times (three shifts of
    # the grid, for two flights) would outnumber the four launches' own.
    launches = Launches.of([HW17], np.full(4, 0.69), 2.18, 1.2, [0.03, 0.03, 0.05, 0.05],
                           t_launch_s=[60.0, 60.0 + np.pi, 60.0, 60.0 + np.e])  # fmt: skip
    t_out = np.arange(0.0, 2_400.0, 1.0)
    once = fly_same_paths(launches, t_out, theta0_rad=THETA0)
    np.testing.assert_array_equal(once.y_eci, fly(launches, t_out, theta0_rad=THETA0).y_eci)


def test_a_flight_stopped_keeps_its_states_and_events_up_to_the_stop() -> None:
    launches = _salvo()
    t_out = np.arange(0.0, 2_400.0, 10.0)
    whole = fly(launches, t_out, theta0_rad=THETA0)
    stop = whole.event_t_s[:, BURNOUT] + 300.0
    cut = fly(launches, t_out, theta0_rad=THETA0, t_stop_s=stop)
    before = t_out[None, :] <= stop[:, None]
    np.testing.assert_array_equal(cut.y_eci[before], whole.y_eci[before])
    np.testing.assert_array_equal(cut.event_t_s[:, BURNOUT], whole.event_t_s[:, BURNOUT])
    assert np.all(cut.status == 1)  # still flying where it stopped
    assert np.all(np.isnan(cut.event_t_s[:, IMPACT]))
    assert np.all(np.isnan(cut.y_eci[t_out[None, :] > stop[:, None] + 60.0]))
    shared = fly_same_paths(launches, t_out, theta0_rad=THETA0, t_stop_s=stop)
    np.testing.assert_allclose(shared.y_eci[before], whole.y_eci[before], rtol=0, atol=1e-4)
