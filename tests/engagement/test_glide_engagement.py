"""The battle manager against a glider and a cruise missile (issue 18), on a hand-made
picture: a city on the equator at 0 E, a glider coming from the west at 45 km and 5 km/s
that dives onto it in its last minute, and a cruise missile at 60 m and 200 m/s; batteries
of GPI, SM-6, NASAMS and GBI in the city, kinematic windows from
:func:`goldendome.interceptors.intercept_window.intercept_windows` with the 4/3-Earth radar
horizon (no regime, as the run builds them). The tracker is perfect and reads each track's
regime right, except where a test makes it misread one: the truth's regime only scores the
kills."""

import dataclasses

import numpy as np
import pytest

from goldendome.engagement.discrimination_call import ObjectCalls
from goldendome.engagement.picture import Battery, KillChainSetup
from goldendome.engagement.targets import one_track_per_object
from goldendome.engagement.trial import run_trial
from goldendome.interceptors.ground_based import interceptor_types, manoeuvre_rule
from goldendome.interceptors.intercept_window import intercept_windows
from goldendome.physics.constants import WGS84_A_M
from goldendome.physics.frames import state_ecef_to_eci
from goldendome.physics.kinds import ObjectKind
from goldendome.scenario.doctrine import DoctrineSpec, LayerDoctrine
from goldendome.sensors.radar_horizon import radar_horizon_range_m
from goldendome.tracking.regime import Regime

T_S = np.arange(0.0, 2_000.0, 5.0)
TYPES = interceptor_types()
CITY_R_ECEF_M = np.array([WGS84_A_M, 0.0, 0.0])


def _on_equator(lon_rad, altitude_m):
    r = WGS84_A_M + altitude_m
    return np.stack([r * np.cos(lon_rad), r * np.sin(lon_rad), np.zeros_like(r)], axis=-1)


def _glider():
    """45 km at 5 km/s from 1,500 km west, the last 60 s a straight dive onto the city."""
    arrive = 1_500e3 / 5_000.0
    t = np.where(arrive >= T_S, T_S, np.nan)
    lon = -(1_500e3 - 5_000.0 * t) / WGS84_A_M
    alt = np.where(t > arrive - 60.0, 45e3 * (arrive - t) / 60.0, 45e3)
    return _on_equator(lon, alt), alt


def _cruise():
    """60 m at 200 m/s from 300 km west."""
    arrive = 300e3 / 200.0
    t = np.where(arrive >= T_S, T_S, np.nan)
    lon = -(300e3 - 200.0 * t) / WGS84_A_M
    alt = np.where(np.isfinite(t), 60.0, np.nan)
    return _on_equator(lon, alt), alt


def _velocity(r):
    """Earth-fixed velocity by central differences on the grid, (n, n_t, 3)."""
    return np.gradient(r, T_S, axis=1)


def _setup(names, n_glide=1, n_cruise=1, shots=1, glide_fc_s=50.0, site_east_m=0.0, misread=None):
    g_r, g_alt = _glider()
    c_r, c_alt = _cruise()
    n = n_glide + n_cruise
    r = np.concatenate([np.repeat(g_r[None], n_glide, 0), np.repeat(c_r[None], n_cruise, 0)])
    alt = np.concatenate([np.repeat(g_alt[None], n_glide, 0), np.repeat(c_alt[None], n_cruise, 0)])
    regime = np.concatenate([
        np.full((n_glide, T_S.size), int(Regime.GLIDE)),
        np.full((n_cruise, T_S.size), int(Regime.AIR_BREATHING)),
    ])  # fmt: skip
    kinds = [TYPES[name] for name in names]
    site = _on_equator(np.array(site_east_m / WGS84_A_M), np.array(0.0))
    sites = np.repeat(site[None], len(kinds), 0)
    windows = intercept_windows(kinds, sites, T_S, r, alt, radar_horizon_m=radar_horizon_range_m)
    zero = np.zeros(n)
    fc = np.concatenate([np.full(n_glide, glide_fc_s), np.full(n_cruise, 1_200.0)])
    targets = one_track_per_object(fc, zero, zero, np.full(n, 1e3))
    # The tracker reads the regimes right: glide, then air-breathing.
    read = np.array([Regime.GLIDE] * n_glide + [Regime.AIR_BREATHING] * n_cruise, np.int64)
    if misread is not None:
        read[:] = misread
    k = np.searchsorted(T_S, fc)
    x_ecef = np.concatenate([r[np.arange(n), k], _velocity(r)[np.arange(n), k]], axis=-1)
    targets = dataclasses.replace(
        targets, regime=read, regime_s=fc, regime_x_eci=state_ecef_to_eci(x_ecef, 0.0),
        regime_theta_rad=np.zeros(n),
    )  # fmt: skip
    kind = np.full(n, int(ObjectKind.RV), np.int64)
    doctrine = DoctrineSpec(
        midcourse=LayerDoctrine(shots=shots), terminal=LayerDoctrine(shots=shots),
        survivor_seen=1.0,
    )  # fmt: skip
    return KillChainSetup(
        doctrine=doctrine,
        n_missile=n,
        boost=None,
        sbi_first_satellite_id=0,
        sbi_sspk=0.0,
        sbi_unit_cost_usd=0.0,
        object_kind=kind,
        object_missile=np.arange(n),
        object_impact_lat_rad=zero,
        object_impact_lon_rad=zero,
        object_asset=np.zeros(n, np.int64),
        calls=ObjectCalls.told_only(np.zeros(n), kind),
        stage_told_probability=0.0,
        targets=targets,
        asset_lat_rad=np.zeros(1),
        asset_lon_rad=np.zeros(1),
        asset_radius_m=np.array([20e3]),
        asset_worth=np.array([1e6]),
        asset_names=["City"],
        batteries=[Battery(k, name, kinds[k], 5_000, sites[k]) for k, name in enumerate(names)],
        windows=windows,
        object_r_ecef_m=r,
        object_regime=regime,
        manoeuvre=manoeuvre_rule(),
    )


def _shots(setup, trials=20):
    out = []
    for trial in range(trials):
        _, shots, _ = run_trial(setup, trial, np.random.SeedSequence([5, trial]), trials)
        out.append(shots)
    return {c: np.concatenate([s[c] for s in out]) for c in out[0]}


def test_gpi_and_sm6_meet_the_glider_nasams_the_cruise_missile_and_gbi_nothing():
    setup = _setup(["gbi", "gpi", "sm-6", "nasams"])
    shots = _shots(setup)
    glider = shots["target_object_id"] == setup.n_missile + 0
    cruise = shots["target_object_id"] == setup.n_missile + 1
    by = shots["interceptor"]
    assert set(by[glider]) <= {"gpi", "sm-6"}
    assert "gpi" in set(by[glider])  # the glide-phase layer (midcourse) fires first
    assert set(by[cruise]) <= {"sm-6", "nasams"}
    assert "gbi" not in set(by)
    assert shots["kill"][glider].any()
    assert shots["kill"][cruise].any()
    # GPI meets the glider inside its 30-100 km band, in the glide.
    gpi = by == "gpi"
    assert np.all(
        (shots["intercept_altitude_m"][gpi] >= 30e3) & (shots["intercept_altitude_m"][gpi] <= 100e3)
    )


def test_a_gbi_alone_fires_at_neither():
    setup = _setup(["gbi"])
    assert not np.isfinite(setup.windows.launch_by_s).any()
    assert _shots(setup, trials=3)["interceptor"].size == 0


def test_nasams_meets_the_cruise_missile_only_above_its_radar_horizon():
    setup = _setup(["nasams"], n_glide=0)
    shots = _shots(setup)
    assert shots["interceptor"].size > 0
    point = np.stack([
        np.cos(np.radians(shots["intercept_longitude_deg"])),
        np.sin(np.radians(shots["intercept_longitude_deg"])),
    ], -1) * WGS84_A_M  # fmt: skip
    distance = np.linalg.norm(point - CITY_R_ECEF_M[:2], axis=-1)
    # Sentinel-class antenna 10 m up, a 60 m flier: 4.12 (sqrt(10) + sqrt(60)) km = 44.9 km
    # (Skolnik's 4/3-Earth rule), inside NASAMS's 45 km range: the horizon decides.
    horizon = float(radar_horizon_range_m(10.0, 60.0))
    assert horizon == pytest.approx(44.9e3, rel=0.01)
    assert np.all(distance <= horizon + 200.0 * 5.0)  # one 5 s sample of the cruise's travel
    assert np.all(shots["intercept_altitude_m"] < 100.0)


def test_thaad_loses_kill_probability_to_the_glider_manoeuvre():
    # THAAD's divert kill vehicle pulls 5 g against a glider's 2 g: under the 3:1 rule its
    # SSPK against the glider, 0.47, is cut by 5 / 6 to 0.392. 1,000 gliders, one shot each
    # from a battery 600 km up the glide path (under the glide at 45 km, in its band).
    n = 1_000
    rule = manoeuvre_rule()
    factor = float(rule.factor(TYPES["thaad"].max_lateral_accel_g, int(Regime.GLIDE)))
    assert factor == pytest.approx(5.0 / 6.0)
    setup = _setup(["thaad"], n_glide=n, n_cruise=0, site_east_m=-600e3)
    row, shots, _ = run_trial(setup, 0, np.random.SeedSequence(11), 1)
    fired = shots["interceptor"].size
    assert fired == n  # every glider in THAAD's 40-150 km band in its glide
    p = TYPES["thaad"].sspk_glide * factor
    kills = int(shots["kill"].sum())
    sd = np.sqrt(fired * p * (1 - p))
    assert abs(kills - fired * p) < 4 * sd  # 392 +- 62; without the rule 470
    assert row.rvs_killed_terminal == kills


def test_a_round_fired_on_a_misread_track_is_scored_on_the_truth():
    # The tracker misreads the glider as a cruise missile: NASAMS (sspk_cruise 0.7) plans a
    # shot at it and meets it in its dive below 20 km, where its SSPK against what the
    # object truly is, a glider, is 0: fired and wasted. (With the truth's regime in the
    # windows, as before, NASAMS had no window against the glider and never fired.)
    setup = _setup(["nasams"], n_cruise=0, misread=int(Regime.AIR_BREATHING))
    shots = _shots(setup)
    assert shots["interceptor"].size > 0
    assert set(shots["interceptor"]) == {"nasams"}
    assert not shots["kill"].any()
    # Read right (a glide), NASAMS plans nothing against it and holds its rounds.
    assert _shots(_setup(["nasams"], n_cruise=0))["interceptor"].size == 0


def test_thaad_plans_on_the_misread_regime_and_kills_with_the_true_one():
    # The glider misread as ballistic: THAAD plans with its RV figure (0.94) and fires at
    # every glider; the kills follow its glide figure under the manoeuvre rule, 0.47 x 5/6.
    n = 1_000
    setup = _setup(["thaad"], n_glide=n, n_cruise=0, site_east_m=-600e3, misread=0)
    _, shots, _ = run_trial(setup, 0, np.random.SeedSequence(12), 1)
    assert shots["interceptor"].size == n
    p = TYPES["thaad"].sspk_glide * 5.0 / 6.0
    sd = np.sqrt(n * p * (1 - p))
    assert abs(int(shots["kill"].sum()) - n * p) < 4 * sd  # 392 +- 62, not 941
