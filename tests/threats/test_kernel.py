"""The batch flight kernel: sampling, events, independence of batch members, bad rockets."""

import math

import numpy as np

from goldendome.physics.geodetic import ecef_to_geodetic
from goldendome.scenario.catalog import threat_classes
from goldendome.threats.ballistic import Launches
from goldendome.threats.classes import BallisticClass, Stage
from goldendome.threats.flight import APOGEE, BURNOUT, IMPACT, REENTRY, fly, fly_bodies
from goldendome.threats.shaping import with_values

HW17 = threat_classes()["hwasong-17-class"].build_rocket()
ONE_METER = 1.0


def launches(n: int, t_launch_s=0.0, kick_deg=3.0) -> Launches:
    return Launches.of(
        [HW17],
        np.full(n, math.radians(39.0)),
        math.radians(125.7),
        math.radians(60.0),
        math.radians(kick_deg),
        t_launch_s=t_launch_s,
    )


def test_states_are_nan_before_launch_and_after_impact_and_events_are_ordered():
    t = np.arange(0.0, 3_000.0, 1.0)
    flight = fly(launches(2, t_launch_s=[0.0, 100.0]), t)
    assert flight.y_eci.shape == (2, t.size, 6)
    assert np.all(np.isnan(flight.y_eci[1, :100]))
    assert np.all(np.isfinite(flight.y_eci[1, 100:200]))
    impact = flight.event_t_s[:, IMPACT]
    assert np.all(np.isnan(flight.y_eci[0, t > impact[0]]))
    order = flight.event_t_s[:, [BURNOUT, APOGEE, REENTRY, IMPACT]]
    assert np.all(np.diff(order, axis=1) > 0)
    assert np.allclose(flight.event_t_s[:, BURNOUT] - [0.0, 100.0], HW17.burn_time_s)
    # Impact is on the ground, reentry at 100 km.
    _, _, h = ecef_to_geodetic(flight.event_x_eci[:, IMPACT, :3])
    assert np.all(np.abs(h) < ONE_METER)
    _, _, h = ecef_to_geodetic(flight.event_x_eci[:, REENTRY, :3])
    assert np.all(np.abs(h - 100e3) < 10 * ONE_METER)


def test_samples_agree_with_events():
    t = np.arange(0.0, 3_000.0, 0.5)
    flight = fly(launches(1), t)
    k = np.searchsorted(t, flight.event_t_s[0, BURNOUT])
    assert np.allclose(flight.y_eci[0, k, :3], flight.event_x_eci[0, BURNOUT, :3], atol=1e-6)
    r = np.linalg.norm(flight.y_eci[0], axis=-1)
    apogee = np.nanargmax(np.linalg.norm(flight.y_eci[0, :, :3], axis=-1))
    assert abs(t[apogee] - flight.event_t_s[0, APOGEE]) <= 0.5
    assert np.isfinite(r).sum() > 0


def test_member_results_do_not_depend_on_the_batch():
    alone = fly(launches(1, kick_deg=2.0))
    batch = fly(with_values(launches(1).repeat(5), kick_rad=np.radians([1.0, 2.0, 3.0, 4.0, 5.0])))
    assert np.array_equal(alone.event_t_s[0], batch.event_t_s[1])
    assert np.array_equal(alone.event_x_eci[0], batch.event_x_eci[1])


def test_a_rocket_too_heavy_to_lift_off_is_reported_not_flown():
    brick = BallisticClass(
        "brick",
        "test",
        "solid",
        (Stage(1000.0, 100.0, 100.0, 100.0),),
        5000.0,
        1.0,
        0.3,
        1,
        500.0,
        5000.0,
    )
    flight = fly(Launches.of([brick, HW17], [0.6, 0.6], 2.2, 1.0, 0.05), np.arange(0.0, 10.0))
    assert list(flight.status) == [2, 0]
    assert np.all(np.isnan(flight.y_eci[0]))


def test_drag_slows_light_bodies_more_than_heavy_ones():
    # Two bodies from the same state: a decoy-like beta and an RV-like beta.
    flight = fly(launches(1))
    x = flight.event_x_eci[0, APOGEE]
    bodies = fly_bodies(np.stack([x, x]), [200.0, 10_000.0], t0_s=flight.event_t_s[0, APOGEE])
    speed = bodies.speed_at_m_s(IMPACT, relative=True)
    assert speed[0] < speed[1]
    assert bodies.event_t_s[0, IMPACT] > bodies.event_t_s[1, IMPACT]
