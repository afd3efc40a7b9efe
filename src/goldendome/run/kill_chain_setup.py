"""What every Monte Carlo trial shares: the kinematics of the kill chain, computed once.

A trial varies launch-time phase, sensor noise, discrimination and kill outcomes; the rest
is deterministic and built here from the flown raid and the sensing pass:

- **Boost layer**: the SBI opportunities against each missile for ``phase_samples``
  phasings of the interceptor constellation. Phase 0 is the scenario as written; phase ``k``
  turns every orbit's node by ``2 pi k / K`` and advances every satellite by
  ``2 pi frac(k * golden ratio)`` along its orbit, a low-discrepancy sweep of launch time of
  day and orbital phase.
- **Midcourse and terminal layers**: one battery per interceptor type at each interceptor
  site, with its magazine (less the reserve) and its intercept windows against every
  released object (:mod:`goldendome.interceptors.intercept_window`).
- **Objects**: kind, missile, true impact and the defended asset it lands on, the first
  fire-control track time and the predicted-impact sigma at that time (from the sensing
  pass), the drag-free impact predicted from the true state at that time, and the chance
  that discrimination tells its kind.
"""

import math
from dataclasses import dataclass

import numpy as np

from goldendome.interceptors.ground_based import InterceptorType, interceptor_types
from goldendome.interceptors.intercept_window import InterceptWindows, intercept_windows
from goldendome.physics._types import FloatArray, IntArray
from goldendome.physics.constants import OMEGA_EARTH_RAD_S
from goldendome.physics.earth_rotation import earth_rotation_angle_rad
from goldendome.physics.frames import eci_to_ecef
from goldendome.physics.geodesy import great_circle_distance_m
from goldendome.physics.geodetic import ecef_to_geodetic, geodetic_to_ecef
from goldendome.run.boost_tracks import boost_opportunities, fly_boost
from goldendome.run.raid import RaidResult
from goldendome.run.sbi_engagement import positions_at
from goldendome.run.sensing import Sensing
from goldendome.scenario.doctrine import DoctrineSpec
from goldendome.scenario.spec import ScenarioSpec
from goldendome.tracking.impact import predict_impact

GOLDEN = (math.sqrt(5.0) - 1.0) / 2.0
#: Predicted-impact sigma used when the sensing pass gives none (km): goldendome assumption,
#: the upper end of the default scenario's fire-control predictions (4-6 km).
DEFAULT_IMPACT_SIGMA_KM = 6.0


@dataclass(frozen=True)
class Battery:
    """Interceptors of one type at one site."""

    site: str
    kind: InterceptorType
    magazine: int


@dataclass(frozen=True)
class BoostPhase:
    """SBI opportunities against the missiles for one phasing of the constellation."""

    satellite: IntArray  # (n_pair,)
    threat: IntArray  # (n_pair,)
    intercept_time_s: FloatArray  # (n_pair,)
    latitude_deg: FloatArray  # (n_pair,) intercept point
    longitude_deg: FloatArray  # (n_pair,)
    altitude_km: FloatArray  # (n_pair,)


@dataclass(frozen=True)
class KillChainSetup:
    """Deterministic inputs of every trial (picklable, sent once to each worker)."""

    doctrine: DoctrineSpec
    n_missile: int
    boost: list[BoostPhase]
    sbi_sspk: float
    sbi_unit_cost_usd: float
    object_kind: IntArray  # (n_obj,) 0 = RV, 1 = decoy
    object_missile: IntArray  # (n_obj,)
    object_impact_lat_rad: FloatArray  # (n_obj,) true impact (with drag)
    object_impact_lon_rad: FloatArray  # (n_obj,)
    predicted_lat_rad: FloatArray  # (n_obj,) drag-free impact from the state at fire control
    predicted_lon_rad: FloatArray  # (n_obj,)
    object_asset: IntArray  # (n_obj,) defended asset whose area holds the true impact, or -1
    fire_control_s: FloatArray  # (n_obj,) NaN: never given fire control
    impact_sigma_m: FloatArray  # (n_obj,)
    told_probability: FloatArray  # (n_obj,)
    asset_lat_rad: FloatArray  # (n_asset,)
    asset_lon_rad: FloatArray  # (n_asset,)
    asset_radius_m: FloatArray  # (n_asset,)
    asset_worth: FloatArray  # (n_asset,)
    asset_names: list[str]
    batteries: list[Battery]
    windows: InterceptWindows  # (n_battery, n_obj, n_t)
    object_r_ecef_m: FloatArray  # (n_obj, n_t, 3) on windows.t_s, NaN while not flying

    @property
    def n_objects(self) -> int:
        return int(self.object_kind.shape[0])


def nearest_asset(
    lat_rad: FloatArray,
    lon_rad: FloatArray,
    asset_lat_rad: FloatArray,
    asset_lon_rad: FloatArray,
    radius_m: FloatArray,
    margin_m: FloatArray | float = 0.0,
) -> IntArray:
    """The defended asset whose area holds each point (nearest if several), or -1.

    Parameters
    ----------
    lat_rad, lon_rad : (...) float64, radians
    asset_lat_rad, asset_lon_rad, radius_m : (n_asset,) float64
    margin_m : (...) float64 or float, meters
        Added to every radius (an uncertain point counts if it may lie inside).

    Returns
    -------
    (...) int64
    """
    lat, lon = np.asarray(lat_rad, float), np.asarray(lon_rad, float)
    if asset_lat_rad.size == 0:
        return np.full(lat.shape, -1, np.int64)
    d = great_circle_distance_m(lat[..., None], lon[..., None], asset_lat_rad, asset_lon_rad)
    d = np.where(np.isfinite(d), d, np.inf)
    k = np.argmin(d, axis=-1)
    inside = np.take_along_axis(d, k[..., None], -1)[..., 0] <= radius_m[k] + margin_m
    return np.where(inside, k, -1).astype(np.int64)


def _predicted_impacts(
    raid: RaidResult, fire_control_s: FloatArray, epoch_theta_rad: float
) -> tuple[FloatArray, FloatArray]:
    """Drag-free impact point of each object from its true state at fire control.

    This is where a perfect midcourse track would say the object lands (the tracker's own
    ballistic prediction); a light decoy, which drag later slows, looks as threatening as
    its warhead. Objects never given fire control keep their true impact point.
    """
    d = raid.deployment
    assert d is not None
    f = d.flight
    lat, lon = (np.array(a, float) for a in f.impact_lat_lon_rad())
    # The first sample at or after fire control at which the object flies on its own (a
    # track may reach fire control on the bus before the object is released).
    after = np.searchsorted(f.t_s, np.nan_to_num(fire_control_s, nan=np.inf))[:, None]
    usable = np.isfinite(f.y_eci[..., 0]) & (np.arange(f.t_s.size)[None, :] >= after)
    k = np.where(usable.any(axis=1) & np.isfinite(fire_control_s), np.argmax(usable, axis=1), -1)
    rows = np.flatnonzero((k >= 0) & (k < f.t_s.size))
    x = f.y_eci[rows, k[rows]]
    ok = np.isfinite(x).all(axis=1)
    rows, x = rows[ok], x[ok]
    if rows.size:
        theta = epoch_theta_rad + OMEGA_EARTH_RAD_S * f.t_s[k[rows]]
        hit = predict_impact(x, np.zeros((rows.size, 6, 6)), theta)
        good = np.isfinite(hit.latitude_rad)
        lat[rows[good]] = hit.latitude_rad[good]
        lon[rows[good]] = hit.longitude_rad[good]
    return lat, lon


def _boost_phases(spec: ScenarioSpec, raid: RaidResult) -> list[BoostPhase]:
    if spec.sbi is None or raid.launches is None:
        return []
    name = spec.sbi.layer
    nominal = spec.space[name].build(name).initial_elements(spec.time.epoch)
    tracks = fly_boost(raid.launches, float(earth_rotation_angle_rad(0.0, spec.time.epoch)))
    vehicle, rule = spec.sbi.build_vehicle(), spec.sbi.build_rule()
    phases = []
    for k in range(spec.monte_carlo.phase_samples):
        elements = nominal.from_arrays(
            semi_major_axis_m=nominal.semi_major_axis_m,
            eccentricity=nominal.eccentricity,
            inclination_rad=nominal.inclination_rad,
            raan_rad=nominal.raan_rad + 2 * math.pi * k / spec.monte_carlo.phase_samples,
            arg_perigee_rad=nominal.arg_perigee_rad,
            mean_anomaly_rad=nominal.mean_anomaly_rad + 2 * math.pi * ((k * GOLDEN) % 1.0),
        )
        opps = boost_opportunities(tracks, elements, vehicle, rule)
        r = positions_at(tracks, opps.threat, opps.intercept_time_s)
        theta = earth_rotation_angle_rad(opps.intercept_time_s, spec.time.epoch)
        lat, lon, alt = ecef_to_geodetic(eci_to_ecef(r, theta))
        phases.append(
            BoostPhase(
                opps.satellite,
                opps.threat,
                opps.intercept_time_s,
                np.degrees(lat),
                np.degrees(lon),
                alt / 1e3,
            )
        )
    return phases


def _batteries(spec: ScenarioSpec) -> tuple[list[Battery], FloatArray]:
    types = interceptor_types()
    keep = 1.0 - spec.doctrine.reserve_fraction
    batteries, where = [], []
    for site in spec.sites:
        for b in site.interceptors:
            batteries.append(Battery(site.name, types[b.type], math.floor(b.count * keep)))
            where.append((site.latitude_rad, site.longitude_rad, site.altitude_m))
    if not where:
        return [], np.zeros((0, 3))
    lat, lon, alt = (np.array(c) for c in zip(*where, strict=True))
    return batteries, geodetic_to_ecef(lat, lon, alt)


def build_kill_chain(
    spec: ScenarioSpec, raid: RaidResult, sensing: Sensing | None
) -> KillChainSetup:
    """Everything the trials of ``spec`` share (see the module docstring)."""
    d = raid.deployment
    assert d is not None, "the kill chain needs a flown raid"
    f = d.flight
    lat, lon = f.impact_lat_lon_rad()
    assets = spec.defended_assets
    a_lat = np.array([a.latitude_rad for a in assets], float)
    a_lon = np.array([a.longitude_rad for a in assets], float)
    a_rad = np.array([a.radius_m for a in assets], float)
    n_obj = len(d)
    fc = np.full(n_obj, np.nan)
    sigma = np.full(n_obj, DEFAULT_IMPACT_SIGMA_KM * 1e3)
    told = np.zeros(n_obj)
    if sensing is not None:
        for k, (t_fc, sigma_km, _) in sensing.fire_control.items():
            fc[k] = t_fc
            if np.isfinite(sigma_km):
                sigma[k] = sigma_km * 1e3
        for row in sensing.objects:  # indexed like the tracker's objects: missiles first
            told[row.object - len(raid.threats)] = row.told_probability
    theta0 = float(earth_rotation_angle_rad(0.0, spec.time.epoch))
    p_lat, p_lon = _predicted_impacts(raid, fc, theta0)
    batteries, site_r = _batteries(spec)
    r_ecef = eci_to_ecef(f.y_eci[..., :3], f.theta_rad(f.t_s))
    _, _, altitude = ecef_to_geodetic(r_ecef)
    windows = intercept_windows([b.kind for b in batteries], site_r, f.t_s, r_ecef, altitude)
    sbi = spec.sbi
    return KillChainSetup(
        doctrine=spec.doctrine,
        n_missile=len(raid.threats),
        boost=_boost_phases(spec, raid),
        sbi_sspk=0.0 if sbi is None else sbi.sspk,
        sbi_unit_cost_usd=0.0 if sbi is None else sbi.unit_cost_usd,
        object_kind=d.kind.astype(np.int64),
        object_missile=d.missile.astype(np.int64),
        object_impact_lat_rad=lat,
        object_impact_lon_rad=lon,
        predicted_lat_rad=p_lat,
        predicted_lon_rad=p_lon,
        object_asset=nearest_asset(lat, lon, a_lat, a_lon, a_rad),
        fire_control_s=fc,
        impact_sigma_m=sigma,
        told_probability=told,
        asset_lat_rad=a_lat,
        asset_lon_rad=a_lon,
        asset_radius_m=a_rad,
        asset_worth=np.array([a.worth() for a in assets], float),
        asset_names=[a.name for a in assets],
        batteries=batteries,
        windows=windows,
        object_r_ecef_m=r_ecef,
    )
