"""Reentry vehicles and decoys released by the bus."""

import numpy as np

from goldendome.physics.geodesy import geodesic_inverse
from goldendome.physics.kinds import ObjectKind
from goldendome.scenario.catalog import launch_areas, targets, threat_classes
from goldendome.threats.ballistic import Launches
from goldendome.threats.deployment import deploy
from goldendome.threats.flight import IMPACT, REENTRY
from goldendome.threats.targeting import aim

DF41 = threat_classes()["df-41-class"].build_rocket()
AREA = launch_areas()["yumen"]
SEATTLE = targets()["seattle"]


def aimed_flight():
    launch = Launches.of([DF41], [AREA.latitude_rad], AREA.longitude_rad, 0.0, 0.0)
    return aim(launch, [SEATTLE.latitude_rad], [SEATTLE.longitude_rad]).flight


def test_decoys_slow_and_fall_behind_the_reentry_vehicles():
    d = deploy(aimed_flight(), [DF41], np.random.default_rng(7))
    rv_count, decoy_count = DF41.rv_count, DF41.decoy_count
    assert list(d.kind) == [ObjectKind.RV] * rv_count + [ObjectKind.DECOY] * decoy_count
    f = d.flight
    assert np.all(f.status == 0)
    rv, decoy = d.kind == ObjectKind.RV, d.kind == ObjectKind.DECOY
    # They reach 100 km together (vacuum midcourse) ...
    assert np.ptp(f.event_t_s[:, REENTRY]) < 10.0
    # ... then the light decoys (beta 200 kg/m^2) slow down in the air; RVs keep their speed.
    speed = f.speed_at_m_s(IMPACT, relative=True)
    assert speed[rv].min() > 1_000.0
    assert speed[decoy].max() < 200.0
    assert f.event_t_s[decoy, IMPACT].min() > f.event_t_s[rv, IMPACT].max() + 60.0
    lat, lon = f.impact_lat_lon_rad()
    miss, _, _ = geodesic_inverse(lat, lon, SEATTLE.latitude_rad, SEATTLE.longitude_rad)
    assert miss[rv].max() < 5_000.0  # dispersion of 0.5 m/s per axis over ~30 minutes


def test_same_seed_same_bytes_and_decoy_override():
    flight = aimed_flight()
    a = deploy(flight, [DF41], np.random.default_rng(3))
    b = deploy(flight, [DF41], np.random.default_rng(3))
    assert np.array_equal(a.flight.event_x_eci, b.flight.event_x_eci, equal_nan=True)
    none = deploy(flight, [DF41], np.random.default_rng(3), decoys=[0])
    assert list(none.kind) == [ObjectKind.RV] * DF41.rv_count
