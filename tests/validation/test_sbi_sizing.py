"""Sizing a space-based interceptor layer against one solid ICBM from North Korea.

Sources:
- APS Study Group on Boost-Phase Intercept (2003): a space-based system able to engage one
  solid-propellant ICBM from North Korea needs "at least 1,600" interceptors (T. Hitchens,
  Space News, 21 July 2003, reporting the study) -- with about 4 km/s of interceptor
  delta-v, low LEO, a ~170 s boost and about a minute for detection and decision.
- tests/validation/published.toml, [[boost_duration]]: a solid ICBM burns ~170 s, leaving
  "about 100 seconds in which to engage".

Tolerances: the goldendome issue asks for "the low thousands" (1,000-4,000 SBIs here) on a
shell that also covers the other launch latitudes (55 deg, as CBO-/Starlink-like shells),
and for the geometry search's best answer within a factor 3 of APS's 1,600. The residuals
are on docs/validation.md; the model is not tuned to the 1,600.
"""

import pytest

from goldendome.api import size_constellation

APS_2003_SBIS = 1_600


@pytest.fixture(scope="module")
def aps_like():
    return size_constellation()  # the defaults are the APS-like question


def test_engagement_window_is_about_100_seconds(aps_like):
    answer, assumed = aps_like
    start, end = answer.engagement_window_s
    assert assumed["threat_burnout_s"] == pytest.approx(170.0, abs=10.0)
    assert end - start == pytest.approx(100.0, abs=20.0)


def test_assumptions_are_printed_beside_the_answer(aps_like):
    _, assumed = aps_like
    assert assumed["kill_vehicle_delta_v_km_s"] == pytest.approx(4.0)
    assert assumed["detection_delay_s"] + assumed["decision_delay_s"] == pytest.approx(60.0)
    assert max(assumed["altitudes_km"]) <= 500.0
    assert assumed["salvo_simultaneous_launches"] == 1


def test_best_constellation_within_a_factor_three_of_aps(aps_like):
    answer, _ = aps_like
    assert answer.best is not None
    assert answer.best.satellites is not None
    assert APS_2003_SBIS / 3 <= answer.best.satellites <= 3 * APS_2003_SBIS


def test_a_55_degree_shell_needs_low_thousands():
    answer, _ = size_constellation({"inclinations_deg": [55.0]})
    assert answer.best is not None
    assert answer.best.satellites is not None
    assert 1_000 <= answer.best.satellites <= 4_000
