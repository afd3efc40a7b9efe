"""TLE parsing, the TLE constellation, and SGP4 positions against our analytic propagation."""

import math
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from goldendome.orbits.analytic import propagate_analytic
from goldendome.orbits.tle import TLE_TEMPLATE, TleFormatError, parse_tle_lines, tle_checksum
from goldendome.orbits.tle_set import TleSet, propagate_sgp4
from goldendome.physics.constants import MU_EARTH_M3_S2, WGS84_A_M

# The ISS element set of Vallado's SGP4 examples (epoch 2008-09-20 12:25:40.104 UTC).
ISS = (
    "1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927",
    "2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537",
)
# A GPS IIR-like satellite at the same epoch (12-hour orbit, SDP4 deep-space branch).
GPS = (
    "1 24876U 97035A   08264.51782528  .00000031  00000-0  00000+0 0  9992",
    "2 24876  55.4963 220.1010 0043215 107.4113 253.1195  2.00561434 81234",
)
# A 16.3 rev/day orbit with an enormous drag term: SGP4 gives up on it within the hour.
DECAYING = (
    "1 99001U 08001A   08264.51782528  .01000000  00000-0  50000-0 0  9992",
    "2 99001  51.6000 100.0000 0010000  90.0000 270.0000 16.30000000  1239",
)
TLE_EPOCH = datetime(2008, 9, 20, 12, 25, 40, 104192, tzinfo=UTC)
THREE_HOURS_S = np.linspace(0.0, 3 * 3600.0, 1081)


def with_checksum(line: str) -> str:
    """The line with its checksum column recomputed (to build lines broken in one way only)."""
    return line[:68] + str(tle_checksum(line))


def format_error(text: str) -> TleFormatError:
    with pytest.raises(TleFormatError) as info:
        parse_tle_lines(text)
    return info.value


def assert_template_above(message: str, which: str, line: str) -> None:
    lines = message.splitlines()
    expected = next(k for k, s in enumerate(lines) if s.endswith(TLE_TEMPLATE[which]))
    assert lines[expected + 1].endswith(line)
    # Template and line start in the same column, so the columns line up.
    assert lines[expected].index(TLE_TEMPLATE[which]) == lines[expected + 1].index(line)


def test_checksums_of_the_example_lines():
    # Checksums printed in the lines themselves (the ISS one is as published).
    assert [tle_checksum(line) for line in (*ISS, *GPS)] == [7, 7, 2, 4]
    assert tle_checksum("1 " + "-" * 66) == 7  # the '1' plus 66 dashes counting 1 each: 67 % 10
    assert tle_checksum("1 ABC+." + " " * 62) == 1  # letters, '+', '.' and spaces count 0


def test_two_and_three_line_sets_parse():
    text = f"ISS (ZARYA)\n{ISS[0]}\n{ISS[1]}\n\n  {GPS[0]}  \n{GPS[1]}\n0 DECAYING\n" + "\n".join(
        DECAYING
    )
    sets = parse_tle_lines(text)
    assert sets == [("ISS (ZARYA)", *ISS), (None, *GPS), ("DECAYING", *DECAYING)]
    assert parse_tle_lines(list(ISS)) == [(None, *ISS)]


def test_bad_checksum_shows_the_format_then_the_line_then_the_rule():
    bad_line = ISS[1][:68] + "8"
    err = format_error(f"ISS (ZARYA)\n{ISS[0]}\n{bad_line}")
    message = str(err)
    assert message.startswith("satellite #1 (ISS (ZARYA)), TLE line 2 (line 3 of the text)")
    assert_template_above(message, "2", bad_line)
    assert message.splitlines()[-1].strip().startswith("checksum is 8 but the line's digits give 7")
    assert (err.satellite, err.tle_line) == (1, "2")


def test_bad_length_and_bad_field_are_located():
    short = ISS[0][:-1]
    err = format_error(f"{GPS[0]}\n{GPS[1]}\n{short}\n{ISS[1]}")
    assert str(err).startswith("satellite #2, TLE line 1 (line 3 of the text)")
    assert_template_above(str(err), "1", short)
    assert "the line has 68 characters but a TLE line has exactly 69" in err.rule
    letter = with_checksum(ISS[1].replace(" 51.6416", " 5a.6416"))
    err = format_error(f"{ISS[0]}\n{letter}")
    assert err.rule == "columns 9-16 should hold the inclination (0 to 180 deg), not ' 5a.6416'"
    caret = str(err).splitlines()[3]
    assert caret.index("^") == str(err).splitlines()[2].index(letter) + 8
    assert caret.count("^") == 8


def test_mismatched_catalog_numbers():
    other = with_checksum(ISS[1].replace("2 25544", "2 25545"))
    err = format_error(f"{ISS[0]}\n{other}")
    assert_template_above(str(err), "2", other)
    assert err.rule == (
        "the catalog number '25545' differs from line 1's '25544': "
        "the two lines come from different satellites"
    )


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (ISS[0], "the text ends before line 2"),
        (f"{ISS[1]}\n{ISS[0]}", "line 1 of a set must start with '1', not '2'"),
        (f"NAME\nOTHER NAME\n{ISS[0]}\n{ISS[1]}", "the line has 10 characters"),
        (ISS[0].replace("U 98", "X 98") + f"\n{ISS[1]}", "columns 8-8 should hold the class"),
    ],
)
def test_broken_sets_name_the_rule(text: str, rule: str):
    assert format_error(text).rule.startswith(rule)


def test_empty_text_is_refused():
    with pytest.raises(TleFormatError, match="the TLE text is empty"):
        parse_tle_lines("\n  \n")


def test_tle_set_checks_its_lines_and_counts_satellites():
    assert TleSet("x", "tracking", (ISS, GPS)).n_satellites == 2
    with pytest.raises(TleFormatError, match="checksum is 8"):
        TleSet("x", "tracking", ((ISS[0][:68] + "8", ISS[1]),))
    with pytest.raises(ValueError, match="needs at least one satellite"):
        TleSet("x", "tracking", ())


def test_elements_at_the_tle_epoch_are_the_tle_mean_elements():
    el = TleSet.from_text("iss", "tracking", "\n".join(ISS)).initial_elements(TLE_EPOCH)
    assert len(el) == 1
    assert np.isclose(np.degrees(el.inclination_rad[0]), 51.6416, atol=1e-9)
    assert np.isclose(np.degrees(el.raan_rad[0]), 247.4627, atol=1e-6)
    assert np.isclose(el.eccentricity[0], 0.0006703)
    # 15.72125391 rev/day read as a two-body mean motion gives a = 6,730.96 km; SGP4's
    # un-Kozai'd mean motion is 1.1e-4 slower, which puts the mean orbit 0.51 km higher.
    kozai_a_m = (MU_EARTH_M3_S2 / (15.72125391 * 2.0 * math.pi / 86_400.0) ** 2) ** (1.0 / 3.0)
    assert 0.45e3 < el.semi_major_axis_m[0] - kozai_a_m < 0.55e3


def test_elements_moved_to_a_later_epoch_regress_the_node():
    tle = TleSet("iss", "tracking", (ISS,))
    day = tle.initial_elements(TLE_EPOCH + timedelta(days=1))
    at_tle = tle.initial_elements(TLE_EPOCH)
    # ISS nodal regression is about -5.0 deg/day (J2, i = 51.6 deg, a = 6,723 km).
    shift = math.degrees(day.raan_rad[0] - at_tle.raan_rad[0])
    assert -5.2 < shift < -4.8


def test_analytic_propagation_of_tle_elements_agrees_with_sgp4():
    # The scenario epoch is 6 hours after the TLE epoch, then 3 hours are propagated both ways.
    # Measured maxima: 12.2 km for the ISS and 29.6 km for the GPS satellite. Our model drops
    # SGP4's short-period J2 terms: for a near-circular LEO they move the eccentricity vector
    # by about 1.5 J2 (R/a)^2 ~ 1.4e-3, i.e. a once-per-revolution wobble of ~8 km radial and
    # ~12 km along-track, bounded, not growing (drag over 9 hours adds only tens of meters).
    # For GPS the deep-space (SDP4) lunar and solar terms add tens of km on a 26,560 km orbit.
    epoch = TLE_EPOCH + timedelta(hours=6)
    tle = TleSet("mixed", "tracking", (ISS, GPS))
    ours = propagate_analytic(tle.initial_elements(epoch), THREE_HOURS_S)
    sgp4, error = propagate_sgp4(tle.lines, epoch, THREE_HOURS_S)
    assert ours.shape == sgp4.shape == (2, THREE_HOURS_S.size, 3)
    assert not error.any()
    miss_km = np.linalg.norm(ours - sgp4, axis=-1).max(axis=1) / 1e3
    assert miss_km[0] < 15.0
    assert miss_km[1] < 35.0


def test_propagate_sgp4_single_time_and_batch():
    r, error = propagate_sgp4([ISS], TLE_EPOCH, 0.0)
    assert r.shape == (1, 1, 3)
    assert error.shape == (1, 1)
    assert error.dtype == np.uint8
    # ISS at epoch: about 345 km above the equator-radius sphere.
    assert 6_650e3 < np.linalg.norm(r[0, 0]) < 6_800e3
    # The vectorized call matches one call per time.
    batch, _ = propagate_sgp4([ISS, GPS], TLE_EPOCH, [0.0, 600.0])
    later, _ = propagate_sgp4([GPS], TLE_EPOCH + timedelta(seconds=600), 0.0)
    assert np.allclose(batch[1, 1], later[0, 0], atol=1e-3)


def test_decayed_satellite_rows_are_nan_with_their_error_code():
    t = np.array([0.0, 3600.0, 86_400.0])
    r, error = propagate_sgp4([ISS, DECAYING], TLE_EPOCH, t)
    assert error[0].tolist() == [0, 0, 0]
    assert error[1, 0] == 0
    assert np.all(error[1, 1:] != 0)
    assert np.isnan(r[1, 1:]).all()
    assert np.isfinite(r[0]).all()
    assert np.isfinite(r[1, 0]).all()
    assert np.linalg.norm(r[1, 0]) > WGS84_A_M
