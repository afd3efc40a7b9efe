"""Surface-launched interceptor types: the data file, the fly-out model and validation."""

import dataclasses
import itertools
import tomllib
from importlib import resources

import numpy as np
import pytest

from goldendome.data.errors import CatalogError
from goldendome.interceptors.ground_based import (
    DATA_FILE,
    interceptor_types,
    parse_interceptor_types,
)
from goldendome.physics.kinds import ObjectKind
from tests.interceptors.round_kind import ROUND_KIND

TYPES = interceptor_types()
NAMES = (
    "gbi", "ngi", "sm-3-iia", "sm-3-ib", "thaad", "pac-3-mse", "sm-6", "gpi", "nasams",
    "fighter-cap",
)  # fmt: skip
# A round-number type (40 s burn to 4 km/s, 80 km flown by burnout) telling RVs and decoys apart.
SIMPLE = dataclasses.replace(ROUND_KIND, name="simple", sspk_rv=0.7, sspk_decoy=0.6)


def _raw_entries() -> list[dict[str, object]]:
    text = resources.files("goldendome.data").joinpath(DATA_FILE).read_text("utf-8")
    return list(tomllib.loads(text)["interceptor"])


def test_every_listed_type_loads_validated_and_in_si_units():
    assert set(TYPES) == set(NAMES)
    for entry in _raw_entries():
        kind = TYPES[str(entry["name"])]
        assert callable(kind.reach_m)
        assert callable(kind.time_to_reach_s)
        assert kind.burnout_speed_m_s == pytest.approx(float(entry["burnout_speed_km_s"]) * 1e3)
        dash_m = float(entry.get("dash_range_km", 0.0)) * 1e3  # a fighter's dash adds reach
        assert kind.max_range_m == pytest.approx(float(entry["max_range_km"]) * 1e3 + dash_m)
        assert kind.unit_cost_usd == pytest.approx(float(entry["unit_cost_musd"]) * 1e6)
        assert kind.source
        assert kind.label
        assert kind.kill_vehicles == 1
        assert kind.divert_m == pytest.approx(float(entry["divert_km"]) * 1e3)
        assert kind.phase == (
            "terminal"
            if kind.name in ("thaad", "pac-3-mse", "sm-6", "nasams", "fighter-cap")
            else "midcourse"
        )


def test_every_divert_is_an_assumption_and_exoatmospheric_kill_vehicles_reach_farthest():
    text = resources.files("goldendome.data").joinpath(DATA_FILE).read_text("utf-8")
    lines = [line for line in text.splitlines() if line.startswith("divert_km")]
    assert len(lines) == len(NAMES)
    assert all("goldendome assumption" in line for line in lines)
    divert = {name: TYPES[name].divert_m for name in NAMES}
    assert divert["gbi"] >= divert["sm-3-iia"] >= divert["sm-3-ib"] >= divert["thaad"]
    assert divert["thaad"] >= max(divert["pac-3-mse"], divert["sm-6"]) > 0.0


def test_exoatmospheric_types_engage_no_glider_or_cruise_missile_and_air_defense_no_rv():
    for name in ("gbi", "ngi", "sm-3-iia", "sm-3-ib"):
        assert TYPES[name].sspk_glide == TYPES[name].sspk_cruise == 0.0
        assert TYPES[name].min_intercept_altitude_m >= 100e3
    for name in ("nasams", "fighter-cap"):
        assert TYPES[name].sspk_rv == TYPES[name].sspk_glide == 0.0
        assert TYPES[name].sspk_cruise > 0.0
        assert TYPES[name].min_intercept_altitude_m == 0.0  # low fliers: the horizon bounds
    assert TYPES["gpi"].sspk_glide > 0.0
    assert TYPES["sm-6"].sspk_cruise > 0.0
    assert TYPES["fighter-cap"].radar_height_m is None  # look-down: no horizon rule
    assert TYPES["nasams"].radar_height_m == pytest.approx(10.0)
    # The data file's optional keys default to no engagement, no limit and no horizon.
    plain = _raw_entries()[0] | {"name": "plain"}
    for key in (
        "sspk_glide", "sspk_cruise", "max_lateral_accel_g", "radar_height_m", "uplink_cutoff_s",
    ):  # fmt: skip
        plain.pop(key, None)
    built = parse_interceptor_types({"interceptor": [plain]})["plain"]
    assert (built.sspk_glide, built.sspk_cruise) == (0.0, 0.0)
    assert built.max_lateral_accel_g == np.inf
    assert built.radar_height_m is None
    assert built.uplink_cutoff_s is None
    # In-flight updates: the aim uses the track until the cut-off, never before the launch.
    gpi = TYPES["gpi"]
    assert gpi.aim_time_s([100.0, 100.0], [300.0, 105.0]).tolist() == [290.0, 100.0]
    assert built.aim_time_s([100.0], [300.0]).tolist() == [100.0]


def test_gbi_sspk_is_the_gmd_test_record():
    # 12 intercepts in 20 GMD tests: 10 of 18 after FTG-15 (Arms Control Today, May 2017),
    # then FTG-11 (2019) and FTG-12 (2023), both hits.
    assert TYPES["gbi"].sspk_rv == pytest.approx(12 / 20, abs=1e-4)
    for kind in TYPES.values():
        assert kind.sspk_decoy == kind.sspk_rv  # no open source distinguishes them


def test_reach_is_constant_acceleration_then_coast():
    assert SIMPLE.acceleration_m_s2 == pytest.approx(100.0)
    assert SIMPLE.reach_m(20.0) == pytest.approx(0.5 * 100.0 * 20.0**2)
    assert SIMPLE.reach_m(40.0) == pytest.approx(80e3)
    assert SIMPLE.reach_m(100.0) == pytest.approx(80e3 + 4_000.0 * 60.0)
    assert SIMPLE.reach_m(-5.0) == 0.0  # documented: no flight before launch
    assert SIMPLE.time_to_reach_s(0.0) == 0.0


@pytest.mark.parametrize("name", NAMES)
def test_time_to_reach_inverts_reach_on_both_branches(name):
    kind = TYPES[name]
    t = np.linspace(0.0, 4.0 * kind.burn_time_s, 401)  # burn and coast
    assert np.any(t < kind.burn_time_s)
    assert np.any(t > kind.burn_time_s)
    assert np.allclose(kind.time_to_reach_s(kind.reach_m(t)), t, rtol=1e-12, atol=1e-9)
    d = np.linspace(0.0, kind.max_range_m, 301)
    assert np.allclose(kind.reach_m(kind.time_to_reach_s(d)), d, rtol=1e-12, atol=1e-6)


def test_one_element_and_batch_keep_their_shape():
    one = SIMPLE.reach_m(12.0)
    assert one.shape == ()
    assert SIMPLE.time_to_reach_s(5e3).shape == ()
    t = np.arange(24.0).reshape(2, 3, 4) * 5.0
    assert SIMPLE.reach_m(t).shape == (2, 3, 4)
    assert SIMPLE.time_to_reach_s(SIMPLE.reach_m(t)).shape == (2, 3, 4)
    assert SIMPLE.reach_m(t)[0, 0, 2] == SIMPLE.reach_m(10.0)


def test_reach_is_continuous_at_burnout():
    tb, eps = SIMPLE.burn_time_s, 1e-6
    below, at, above = SIMPLE.reach_m([tb - eps, tb, tb + eps])
    assert at == pytest.approx(SIMPLE.burnout_distance_m)
    assert abs(above - below) < 2 * eps * SIMPLE.burnout_speed_m_s * 1.0001
    d_burn = SIMPLE.burnout_distance_m
    t_below, t_above = SIMPLE.time_to_reach_s([d_burn * (1 - 1e-12), d_burn * (1 + 1e-12)])
    assert t_below == pytest.approx(tb, rel=1e-9)
    assert t_above == pytest.approx(tb, rel=1e-9)


def test_nan_in_gives_nan_out():
    r = SIMPLE.reach_m([np.nan, 10.0])
    assert np.isnan(r[0])
    assert np.isfinite(r[1])
    tt = SIMPLE.time_to_reach_s([1e3, np.nan, 1e6])
    assert np.isnan(tt[1])
    assert np.isfinite(tt[[0, 2]]).all()


def test_sspk_by_kind_code():
    rv, decoy, booster = ObjectKind.RV, ObjectKind.DECOY, ObjectKind.BOOSTER
    codes = np.array([[rv, decoy, booster], [booster, decoy, rv]])
    p = SIMPLE.sspk(codes)
    assert p.shape == (2, 3)
    assert np.array_equal(p, [[0.7, 0.6, 0.7], [0.7, 0.6, 0.7]])  # booster scored as an RV
    assert SIMPLE.sspk(ObjectKind.DECOY) == pytest.approx(0.6)
    with pytest.raises(ValueError, match=r"kind codes must be one of 0 \(rv\).*got 3"):
        SIMPLE.sspk([0, 3])


@pytest.mark.parametrize(
    ("field", "value", "shown"),
    [
        ("burn_time_s", -5.0, "burn_time_s = -5 s"),
        ("burnout_speed_m_s", 0.0, "burnout_speed_m_s = 0 m/s"),
        ("min_intercept_altitude_m", -1.0, "min_intercept_altitude_m = -1 m"),
        ("max_intercept_altitude_m", 50e3, "max_intercept_altitude_m = 50000 m"),
        ("max_range_m", 0.0, "max_range_m = 0 m"),
        ("sspk_rv", 1.5, "sspk_rv = 1.5"),
        ("sspk_decoy", -0.1, "sspk_decoy = -0.1"),
        ("burn_time_s", np.nan, "burn_time_s = nan s"),
        ("kill_vehicles", 0, "kill_vehicles = 0"),
        ("divert_m", 0.0, "divert_m = 0 m"),
    ],
)
def test_bad_values_raise_sentences_naming_field_value_and_rule(field, value, shown):
    with pytest.raises(ValueError, match=f"breaks the rule {field} ") as info:
        dataclasses.replace(SIMPLE, **{field: value})
    text = str(info.value)
    assert text.startswith("interceptor type 'simple': ")
    assert shown in text
    assert f"breaks the rule {field}" in text
    assert text.endswith(".")


def test_min_above_max_altitude_names_the_rule():
    with pytest.raises(ValueError, match=r"max_intercept_altitude_m = 50000 m .* > 100000 m"):
        dataclasses.replace(SIMPLE, max_intercept_altitude_m=50e3)


def test_unknown_phase_is_refused():
    with pytest.raises(ValueError, match="phase = 'boost' is not known; use one of midcourse"):
        dataclasses.replace(SIMPLE, phase="boost")


def test_a_broken_data_file_names_path_value_and_rule():
    entries = _raw_entries()
    entries[0]["burnout_speed_km_s"] = -7.5
    entries[1]["flavour"] = 1.0
    entries[2]["kill_vehicles"] = 1.5
    del entries[3]["sspk_rv"]
    entries[4]["phase"] = "boost"
    with pytest.raises(CatalogError) as info:
        parse_interceptor_types({"interceptor": entries})
    text = str(info.value)
    assert text.startswith("interceptors.toml: 5 problems")
    assert (
        "interceptor[0].burnout_speed_km_s = -7.5: burnout speed must be positive "
        "(> 0 km/s and <= 20 km/s)" in text
    )
    assert "interceptor[1].flavour = 1.0: unknown key; expected one of: name," in text
    assert "interceptor[2].kill_vehicles = 1.5: expected a whole number" in text
    assert "interceptor[3].sspk_rv: required key is missing" in text
    assert 'interceptor[4].phase = "boost": must be one of: midcourse, terminal' in text


def test_altitudes_out_of_order_and_names_used_twice_are_refused():
    entry = dict(_raw_entries()[0], max_intercept_altitude_km=50.0)
    with pytest.raises(
        CatalogError,
        match=r"interceptor\[0\]: max_intercept_altitude_km = 50.0 must exceed min_intercept",
    ):
        parse_interceptor_types({"interceptor": [entry]})
    twice = [_raw_entries()[0], _raw_entries()[0]]
    with pytest.raises(CatalogError, match="interceptor names must be unique; given twice: gbi"):
        parse_interceptor_types({"interceptor": twice})


# ---------------------------------------------------------------- sanity against sources


def test_gbi_flies_2000_km_in_about_six_minutes():
    # 200 s burn to 7.5 km/s: 2,000 km after 2,000 / 7.5 + 100 = 367 s. The Sep 2007 GMD
    # test met its target "six minutes after launch" (MDAA); the model ignores gravity.
    t = float(TYPES["gbi"].time_to_reach_s(2_000e3))
    assert 300.0 < t < 420.0
    # ... and faster than any lower-speed type.
    for name in ("sm-3-iia", "sm-3-ib", "thaad", "pac-3-mse", "sm-6"):
        assert TYPES[name].time_to_reach_s(2_000e3) > t


def test_thaad_envelope_matches_its_public_figures():
    thaad = TYPES["thaad"]
    assert thaad.max_range_m == pytest.approx(200e3)  # Lockheed Martin, 200 km
    assert thaad.min_intercept_altitude_m == pytest.approx(40e3)
    assert thaad.max_intercept_altitude_m == pytest.approx(150e3)
    assert thaad.burnout_speed_m_s == pytest.approx(2_800.0, abs=50.0)  # Mach 8.2
    # The far corner of the envelope (200 km out, 150 km up) is reached in under 2 min.
    corner = float(np.hypot(thaad.max_range_m, thaad.max_intercept_altitude_m))
    assert thaad.time_to_reach_s(corner) < 120.0


def test_tiers_are_ordered_by_reach_and_ceiling():
    order = ("pac-3-mse", "thaad", "sm-3-ib", "sm-3-iia", "gbi")
    for low, high in itertools.pairwise(order):
        assert TYPES[low].burnout_speed_m_s < TYPES[high].burnout_speed_m_s
        assert TYPES[low].max_intercept_altitude_m < TYPES[high].max_intercept_altitude_m
        assert TYPES[low].max_range_m < TYPES[high].max_range_m
    # Midcourse kill vehicles engage above the terminal upper tier's floor.
    assert TYPES["sm-3-iia"].min_intercept_altitude_m > TYPES["thaad"].min_intercept_altitude_m


def test_every_number_in_the_data_file_names_its_source():
    text = resources.files("goldendome.data").joinpath(DATA_FILE).read_text("utf-8")
    numbers = [
        line
        for line in text.splitlines()
        if "=" in line and not line.startswith("#") and line.split("=")[1].split()[0][0].isdigit()
    ]
    optional = (
        "sspk_glide", "sspk_cruise", "max_lateral_accel_g", "radar_height_m", "uplink_cutoff_s",
        "dash_speed_m_s", "dash_range_km",
    )  # fmt: skip
    extra = sum(line.startswith(optional) for line in numbers)
    manoeuvre = 3  # the [manoeuvre] table's ratio and two accelerations
    assert len(numbers) == len(NAMES) * 11 + extra + manoeuvre
    for line in numbers:
        assert "#" in line, f"no source or assumption beside: {line}"
        comment = line.split("#", 1)[1]
        assert len(comment.strip()) >= 5, f"source too short: {line}"  # "[EXO]" and up
