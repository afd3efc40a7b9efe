"""A 5,000-mile boost-glide flight is only minutes faster than an ICBM.

Source: C. L. Tracy and D. Wright, "Modeling the Performance of Hypersonic Boost-Glide
Missiles", Science & Global Security 28(3), 2020; their finding as reported by S. J.
Freedberg, "Pentagon Hypersonics Director Rebuts Critics, Step By Step", Breaking Defense,
2 Feb 2021: the glider "would reach the US from Russia, a 5,000 mile flight, only five minutes
faster than a traditional ICBM". The paper's own tables are not read here.

Our side, as ``goldendome fly`` flies them: the avangard-class glider (SS-19-type booster,
L/D 2.6, the Tracy & Wright HTV-2-like glide) and the sarmat-class ICBM on a minimum-energy
arc, both from Dombarovsky over 8,047 km (5,000 miles) due north, over the pole toward North
America. Tolerance: the saving must be between 0 and 10 minutes, the press figure of five
minutes give or take five: one rounded number from a press account, and our glider's
arrival speed (2.5 km/s, Mach 8, so its thrust is cut short) is a goldendome assumption that
costs it time against a full-burn glide.
"""

from typing import Any

import pytest

from goldendome import api

RANGE_KM = 5_000 * 1.609344
PRESS_SAVING_MIN = 5.0
TOLERANCE_MIN = 5.0


@pytest.fixture(scope="module")
def flights() -> tuple[dict[str, Any], dict[str, Any]]:
    glider = api.fly_threat(
        "avangard-class", launch_area="dombarovsky", range_km=RANGE_KM, azimuth_deg=0.0
    )
    icbm = api.fly_threat(
        "sarmat-class", launch_area="dombarovsky", range_km=RANGE_KM, azimuth_deg=0.0
    )
    return glider, icbm


def test_the_glide_is_only_minutes_faster_than_an_icbm(
    flights: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    glider, icbm = flights
    assert glider["reachable"] is True
    assert icbm["reachable"] is True
    saving_min = float(icbm["flight_time_min"]) - float(glider["flight_time_min"])
    # 32.1 min against 31.6 min: 0.5 min saved, 4.5 min less than the press figure.
    assert abs(saving_min - PRESS_SAVING_MIN) <= TOLERANCE_MIN


def test_the_glide_starts_near_htv2_speed_and_slows(
    flights: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    glider, _ = flights
    start, end = glider["glide_speed_km_s"]
    # HTV-2's glide, "about 13,000 mph" (5.8 km/s; Belfast Telegraph on the 2011 test, in the
    # project's research notes, section 4): within 0.5 km/s.
    assert abs(float(start) - 5.8) < 0.5
    assert float(end) < float(start) - 2.0  # slowed to the 2.5 km/s arrival
