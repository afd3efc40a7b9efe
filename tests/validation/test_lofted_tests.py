"""Reconstructions of reported lofted North Korean ICBM tests.

Sources (tests/validation/published.toml): [[lofted_test_flight]] Hwasong-15 of 2017-11-29
(KCNA; D. Wright, UCS) and 2023-02-18 (KCNA; Japan's defense ministry): flight time from
apogee and range within 3%. [[inconsistent_report]] Hwasong-17 of 2022-03-24: KCNA's 4,052 s
is about 5% shorter than physics allows (4,250-4,300 s); the reconstruction must flag it,
not be tuned to it.
"""

import tomllib
from pathlib import Path

import pytest

from goldendome.studies.reconstruction import reconstruct_test

PUBLISHED = tomllib.loads((Path(__file__).parent / "published.toml").read_text())
THREE_PERCENT = 0.03


@pytest.mark.parametrize("case", PUBLISHED["lofted_test_flight"], ids=lambda c: c["name"])
def test_hwasong_15_flight_time_within_3_percent(case):
    result = reconstruct_test(
        "hwasong-15-class",
        launch_area="pyongsong",
        apogee_km=case["apogee_km"],
        range_km=case["range_km"],
        flight_time_s=case["flight_time_s"],
    )
    assert abs(result["apogee_km"] - case["apogee_km"]) < 1.0
    assert abs(result["range_km"] - case["range_km"]) < 1.0
    assert (
        abs(result["flight_time_s"] - case["flight_time_s"])
        <= THREE_PERCENT * case["flight_time_s"]
    )
    assert not result["flagged"]


def test_hwasong_17_report_is_flagged_not_fitted():
    case = PUBLISHED["inconsistent_report"][0]
    result = reconstruct_test(
        "hwasong-17-class",
        launch_area="sunan",
        apogee_km=case["apogee_km"],
        range_km=case["range_km"],
        flight_time_s=case["reported_flight_time_s"],
    )
    assert result["flagged"]
    assert "check the report" in result["verdict"]
    # Physics agrees with the other report (Japan's defense ministry, about 71 minutes).
    assert abs(result["flight_time_s"] - case["other_report_flight_time_s"]) <= (
        THREE_PERCENT * case["other_report_flight_time_s"]
    )
