"""A fighter's dash from its patrol station before it fires: reach = dash + missile."""

import tomllib
from importlib import resources

import numpy as np
import pytest

from goldendome.data.errors import CatalogError
from goldendome.interceptors.ground_based import DATA_FILE, parse_interceptor_types
from goldendome.interceptors.intercept_window import intercept_windows
from goldendome.physics.geodetic import geodetic_to_ecef

#: Dash figures for the test (the data file's fighter entry without its dash is the missile's;
#: these are the order of a supersonic dash, Mach 1.5 at altitude, and a 150 km radius).
DASH_M_S, DASH_KM = 450.0, 150.0


def _fighter(**dash: float) -> dict[str, object]:
    text = resources.files("goldendome.data").joinpath(DATA_FILE).read_text("utf-8")
    entries = tomllib.loads(text)["interceptor"]
    (fighter,) = [e for e in entries if e["name"] == "fighter-cap"]
    plain = {k: v for k, v in fighter.items() if k not in ("dash_speed_m_s", "dash_range_km")}
    return plain | dash


def test_the_missile_is_launched_after_the_dash_and_reaches_its_range_beyond_it() -> None:
    plain = parse_interceptor_types({"interceptor": [_fighter()]})["fighter-cap"]
    dashing = parse_interceptor_types(
        {"interceptor": [_fighter(dash_speed_m_s=DASH_M_S, dash_range_km=DASH_KM)]}
    )["fighter-cap"]
    missile_m = plain.max_range_m
    assert dashing.missile_range_m == missile_m
    assert dashing.max_range_m == missile_m + DASH_KM * 1e3
    # Within the missile's range it is fired from the station at once: as without a dash.
    near = np.array([0.0, 5e3, 0.5 * missile_m, missile_m])
    assert np.array_equal(dashing.time_to_reach_s(near), plain.time_to_reach_s(near))
    # Beyond it the fighter dashes the rest at its dash speed, then fires.
    far = missile_m + 90e3
    t_missile = float(plain.time_to_reach_s(missile_m))
    assert float(dashing.time_to_reach_s(far)) == pytest.approx(t_missile + 90e3 / DASH_M_S)
    # Against the missile alone (1.4 km/s after its 8 s burn) the dash is slow: 90 km more
    # takes 200 s, where the missile flies 80 km in 61 s.
    assert 190.0 < float(dashing.time_to_reach_s(far)) - t_missile < 210.0
    # reach_m is its inverse on both sides of the missile's range.
    d = np.linspace(0.0, dashing.max_range_m, 41)
    assert np.allclose(dashing.reach_m(dashing.time_to_reach_s(d)), d, rtol=0, atol=1e-6)


def test_a_dash_needs_its_speed_and_its_range() -> None:
    with pytest.raises(CatalogError, match="dash"):
        parse_interceptor_types({"interceptor": [_fighter(dash_speed_m_s=DASH_M_S)]})
    with pytest.raises(CatalogError, match="dash"):
        parse_interceptor_types({"interceptor": [_fighter(dash_range_km=DASH_KM)]})


def test_a_cruise_missile_past_the_missiles_range_is_in_the_dashing_fighters_window() -> None:
    # A cruise missile 60 m up, 150 km from a station 9 km up: beyond the 80 km missile, in
    # reach once the fighter dashes some 70 km first (about 156 s, then the missile 61 s).
    plain = parse_interceptor_types({"interceptor": [_fighter()]})["fighter-cap"]
    dashing = parse_interceptor_types(
        {"interceptor": [_fighter(dash_speed_m_s=DASH_M_S, dash_range_km=DASH_KM)]}
    )["fighter-cap"]
    station = geodetic_to_ecef(0.0, 0.0, 9_000.0)[None, :]
    east = 150e3 / 6_371e3
    target = geodetic_to_ecef(0.0, east, 60.0)
    t_s = np.array([1_000.0, 1_010.0])
    r = np.broadcast_to(target, (1, 2, 3))
    alt = np.full((1, 2), 60.0)
    windows = intercept_windows([plain, dashing], np.repeat(station, 2, 0), t_s, r, alt)
    assert np.isnan(windows.launch_by_s[0]).all()
    lead = t_s - windows.launch_by_s[1, 0]
    distance = float(np.linalg.norm(target - station[0]))
    assert np.allclose(lead, float(dashing.time_to_reach_s(distance)))
    assert np.all((lead > 200.0) & (lead < 230.0))


def test_the_catalogs_fighter_patrol_dashes() -> None:
    fighter = parse_interceptor_types({"interceptor": [_fighter()]})["fighter-cap"]
    catalog = tomllib.loads(
        resources.files("goldendome.data").joinpath(DATA_FILE).read_text("utf-8")
    )
    (entry,) = [e for e in catalog["interceptor"] if e["name"] == "fighter-cap"]
    dashing = parse_interceptor_types({"interceptor": [entry]})["fighter-cap"]
    assert dashing.max_range_m == fighter.max_range_m + entry["dash_range_km"] * 1e3
