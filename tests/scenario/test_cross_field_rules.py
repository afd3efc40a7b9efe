"""Rules across keys: launches inside the run, targets in reach, a sane time grid, orbits
that do not decay; each found whatever else is wrong in the file."""

import pytest

from goldendome.orbits.tle import tle_checksum
from goldendome.scenario import Problem, ScenarioError, load_scenario_text
from goldendome.scenario.loader import embedded_scenario_text

#: The mixed liquid raid's entries (counts, spacings, classes) are what these cases edit.
DEFAULT = embedded_scenario_text("liquid-raid")
ISS = (
    "1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927",
    "2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537",
)


def problems(text: str) -> list[Problem]:
    with pytest.raises(ScenarioError) as info:
        load_scenario_text(text, "scenario.toml")
    return info.value.problems


def edited(*pairs: tuple[str, str]) -> str:
    text = DEFAULT
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new)
    return text


def test_a_launch_after_the_end_of_the_run_is_refused():
    found = problems(edited(("launch_time_s = 120.0", "launch_time_s = 3600")))
    assert found == [
        Problem(
            "threats.raid[2]",
            None,
            "the last of its 2 launches, at launch_time_s + (count - 1) x spacing_s = 3,630 s, "
            "is not before the end of the run (time.duration_s = 3600.0); launch earlier, "
            "space the launches closer or lengthen time.duration_s",
        ),
        Problem(
            "threats.raid[3]",
            None,
            "its launch, at launch_time_s = 3,600 s, is not before the end of the run "
            "(time.duration_s = 3600.0); launch earlier, space the launches closer or "
            "lengthen time.duration_s",
        ),
    ]


def test_the_last_launch_of_an_entry_counts():
    text = edited(
        (
            "count = 2\nlaunch_time_s = 60.0\nspacing_s = 30.0",
            "count = 200\nlaunch_time_s = 60.0\nspacing_s = 30.0",
        )
    )
    found = problems(text)
    assert [p.path for p in found] == ["threats.raid[0]", "threats.raid[1]"]
    assert "the last of its 200 launches" in found[0].rule
    assert "= 6,030 s," in found[0].rule


def test_a_target_beyond_the_class_range_is_refused():
    found = problems(edited(('class = "hwasong-18-class"', 'class = "slbm-class"')))
    assert found[0] == Problem(
        "threats.raid[2]",
        None,
        "target los-angeles lies 9,389 km from launch area nk-inland, beyond the 8,000 km "
        "published range of slbm-class (threat_classes.toml); choose a nearer target, another "
        "launch area or a class of longer range",
    )
    assert [p.path for p in found] == ["threats.raid[2]", "threats.raid[3]"]


def test_a_class_without_a_published_range_is_not_checked():
    # hwasong-15-class publishes no range: Sunan to Washington is left to the flight model.
    text = edited(('class = "hwasong-17-class"', 'class = "hwasong-15-class"'))
    assert load_scenario_text(text).threats.raid[0].class_ == "hwasong-15-class"


def test_too_many_time_samples_says_which_keys_to_change():
    found = problems(
        edited(("duration_s = 3600.0", "duration_s = 2592000"), ("step_s = 10.0", "step_s = 1e-2"))
    )
    assert found == [
        Problem(
            "time",
            None,
            "duration_s / step_s = 2592000 / 0.01 gives 259,200,000 time samples, more than the "
            "200,000 a run may hold; lengthen step_s or shorten duration_s",
        )
    ]


def test_an_orbit_below_100_km_decays():
    found = problems(edited(("altitude_km = 400.0", "altitude_km = 0.001")))
    assert found == [
        Problem(
            "space.sbi_layer.altitude_km",
            "0.001",
            "altitude must be at least 100 km: an orbit below 100 km decays within hours "
            "(>= 100 km)",
        )
    ]


def test_a_tle_with_a_perigee_below_100_km_is_refused():
    line2 = ISS[1][:52] + "17.00000000" + ISS[1][63:68]
    line2 += str(tle_checksum(line2 + "0"))
    text = (
        DEFAULT
        + f'\n[space.low]\nkind = "tle"\nrole = "tracking"\ntle = """\n{ISS[0]}\n{line2}\n"""\n'
    )
    (found,) = problems(text)
    assert found.path == "space.low.tle"
    assert found.value is not None
    assert found.value.startswith('"1 25544U 98067A')
    assert found.rule == (
        "satellite #1: perigee altitude a (1 - e) - 6,378.137 km = 6.6 km is below 100 km: an "
        "orbit below 100 km decays within hours; lower the eccentricity or raise the orbit"
    )


@pytest.mark.parametrize(
    ("written", "rule"),
    [
        (
            "1870000000",
            "expected a TOML date-time such as 2029-06-01T00:00:00Z; a number is not read as a "
            "Unix time",
        ),
        (
            "1.87e9",
            "expected a TOML date-time such as 2029-06-01T00:00:00Z; a number is not read as a "
            "Unix time",
        ),
        ('"1870000000"', "expected an ISO 8601 date-time such as 2029-06-01T00:00:00Z"),
        ("true", "expected a TOML date-time such as 2029-06-01T00:00:00Z"),
    ],
)
def test_an_epoch_must_be_a_date_time(written: str, rule: str):
    text = edited(("epoch_utc = 2029-06-01T00:00:00Z", f"epoch_utc = {written}"))
    assert problems(text) == [
        Problem("time.epoch_utc", written.replace("1.87e9", "1870000000.0"), rule)
    ]


@pytest.mark.parametrize("written", ['"2029-06-01T00:00:00Z"', "2029-06-01"])
def test_an_epoch_may_be_an_iso_string_or_a_date(written: str):
    text = edited(("epoch_utc = 2029-06-01T00:00:00Z", f"epoch_utc = {written}"))
    epoch = load_scenario_text(text).time.epoch
    assert epoch.isoformat() == "2029-06-01T00:00:00+00:00"
