"""The North Korean medium-range class flies its published range and reaches Japan.

Source: Japan Ministry of Defense, *Defense of Japan* (white papers 2017-2024), table of North
Korea's ballistic missiles: Nodong range about 1,300 km, covering almost all of Japan; the
South Korean military (KBS, Aug 2016) gives the same 1,300 km. The catalog's nodong-class
(data/threat_classes.toml) has estimated stage figures with its Isp calibrated to that range
(tools/calibrate_threat_isp.py). Tolerance: 13 km (1% of the range, the calibration's).
"""

import math

import numpy as np

from goldendome.physics.geodesy import great_circle_distance_m
from goldendome.scenario.catalog import launch_areas, targets, threat_classes
from goldendome.threats.ballistic import FlightPhysics, Launches
from goldendome.threats.shaping import minimum_energy_kick
from goldendome.threats.targeting import aim

PUBLISHED_RANGE_KM = 1300.0
TOLERANCE_KM = 13.0
NODONG = threat_classes()["nodong-class"]


def test_nodong_flies_its_published_range_at_the_nominal_payload():
    # Non-rotating Earth, minimum-energy kick, nominal 700 kg payload, as the calibration.
    launch = Launches.of(
        [NODONG.build_rocket()], [math.radians(40.0)], 0.0, math.radians(45.0), 0.0
    )
    _, max_range_m = minimum_energy_kick(launch, physics=FlightPhysics(rotating_earth=False))
    assert NODONG.range_km == PUBLISHED_RANGE_KM
    assert abs(max_range_m[0] / 1e3 - PUBLISHED_RANGE_KM) <= TOLERANCE_KM


def test_from_kittaeryong_it_reaches_honshu_and_not_okinawa():
    # The raid on Japan (data/partners.toml) flies it from the Kittaeryong area (Wonsan) on
    # Tokyo, Osaka, Yokosuka and Misawa, 850-1,200 km; Kadena (Okinawa) is 1,400 km away,
    # beyond the published 1,300 km, and is left to an ICBM-class missile.
    area = launch_areas()["kittaeryong"]
    names = ["tokyo", "osaka", "yokosuka", "misawa-ab", "kadena-ab"]
    places = [targets()[n] for n in names]
    lat = np.array([t.latitude_rad for t in places])
    lon = np.array([t.longitude_rad for t in places])
    rocket = NODONG.build_rocket()
    n = len(names)
    launch = Launches.of([rocket], np.full(n, area.latitude_rad), area.longitude_rad, 0.0, 0.0)
    result = aim(launch, lat, lon)
    distance_km = great_circle_distance_m(area.latitude_rad, area.longitude_rad, lat, lon) / 1e3
    assert np.all(distance_km[:4] < PUBLISHED_RANGE_KM - 100.0)
    assert np.all(result.reachable[:4])
    assert np.all(result.miss_m[:4] < 100.0)
    assert distance_km[4] > PUBLISHED_RANGE_KM + TOLERANCE_KM
    assert not result.reachable[4]
