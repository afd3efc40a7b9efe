"""Fly boost-glide vehicles end to end: boost and coast (flight kernel), pull-up, glide, dive."""

import math
from dataclasses import dataclass

import numpy as np

from goldendome.physics._types import ArrayLike, BoolArray, FloatArray, IntArray
from goldendome.physics.constants import OMEGA_EARTH_RAD_S
from goldendome.physics.frames import state_ecef_to_eci, state_eci_to_ecef
from goldendome.physics.geodesy import geodesic_inverse, great_circle_distance_m
from goldendome.physics.geodetic import ecef_to_geodetic, geodetic_to_ecef
from goldendome.physics.roots import solve_bracketed
from goldendome.physics.topocentric import enu_axes_ecef
from goldendome.threats.ballistic import Launches
from goldendome.threats.flight import APOGEE, BURNOUT, Flight, fly
from goldendome.threats.glide import (
    ARRIVAL_SPEED_M_S,
    BOOST_FPA_RAD,
    GlideClass,
    GlideTrack,
    equilibrium_altitude_m,
    glide,
)
from goldendome.threats.shaping import burnout_fpa, kick_for, with_values

#: Sampling of the boost and coast used to find the pull-up point, s, and its span.
COAST_SAMPLE_S = 1.0
COAST_WINDOW_S = 3_000.0
#: Kicks up to this are searched for the boost (high-thrust boosters need large kicks).
HGV_KICK_MAX_RAD = math.radians(85.0)


@dataclass(frozen=True)
class HgvFlight:
    """Boost-glide flights of ``n`` vehicles.

    Attributes
    ----------
    t_s : (n_time,) float64; y_eci : (n, n_time, 6) float64 (NaN before launch, after impact)
    burnout_t_s, pullup_t_s, dive_t_s, impact_t_s : (n,) float64, scenario seconds
    impact_lat_rad, impact_lon_rad : (n,) float64
    reached : (n,) bool; False when the glide ran out of speed short of the target
    glide : GlideTrack
    target_range_m, miss_m : (n,) float64
    launches : Launches
        The boosters as flown: kick and thrust cut-off found for each glide.
    """

    t_s: FloatArray
    y_eci: FloatArray
    burnout_t_s: FloatArray
    pullup_t_s: FloatArray
    dive_t_s: FloatArray
    impact_t_s: FloatArray
    impact_lat_rad: FloatArray
    impact_lon_rad: FloatArray
    reached: BoolArray
    glide: GlideTrack
    target_range_m: FloatArray
    miss_m: FloatArray
    launches: Launches


def _pullup(
    vehicle: GlideClass, t: FloatArray, y_eci: FloatArray, apogee_t: FloatArray, theta0: float
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray, FloatArray]:
    """First sample after apogee where the air holds equilibrium glide: time, lat, lon,
    heading and Earth-relative speed, each (n,)."""
    x = state_eci_to_ecef(y_eci, theta0 + OMEGA_EARTH_RAD_S * t[None, :])
    lat, lon, h = ecef_to_geodetic(x[..., :3])
    east, north, _ = enu_axes_ecef(lat, lon)
    v = x[..., 3:]
    speed = np.linalg.norm(v, axis=-1)
    descending = (t[None, :] > apogee_t[:, None]) | np.isnan(apogee_t)[:, None]
    with np.errstate(invalid="ignore"):
        ok = descending & (
            h
            <= equilibrium_altitude_m(
                speed, 0.0, vehicle.lift_to_drag, vehicle.glide_ballistic_coefficient_kg_m2, h
            )
        )
    first = np.argmax(ok, axis=1)
    found = ok.any(axis=1)  # no pull-up: the glider came down (or is still up) without one
    rows = np.arange(len(first))
    heading = np.arctan2(np.sum(v * east, -1), np.sum(v * north, -1))[rows, first]
    nan = np.where(found, 0.0, np.nan)
    return (
        t[first] + nan,
        lat[rows, first] + nan,
        lon[rows, first] + nan,
        np.mod(heading, 2 * np.pi) + nan,
        speed[rows, first] + nan,
    )


def fly_hgv(
    vehicle: GlideClass,
    lat_rad: ArrayLike,
    lon_rad: ArrayLike,
    target_lat_rad: ArrayLike,
    target_lon_rad: ArrayLike,
    t_launch_s: ArrayLike,
    t_out_s: ArrayLike,
    *,
    theta0_rad: float = 0.0,
    cross_range_deg: float = 0.0,
) -> HgvFlight:
    """Boost each vehicle toward its target (or ``cross_range_deg`` off it), pull up, glide to
    the target turning as needed, and dive onto it.

    Parameters
    ----------
    vehicle : GlideClass
    lat_rad, lon_rad, target_lat_rad, target_lon_rad, t_launch_s : (n,) float64
    t_out_s : (n_time,) float64, scenario seconds
    theta0_rad : float
    cross_range_deg : float
        Boost heading offset from the target bearing; the glide turns back (a cross-range
        manoeuvre, e.g. to fly around a defended area).
    """
    lat0 = np.atleast_1d(np.asarray(lat_rad, np.float64))
    n = lat0.shape[0]
    lon0 = np.broadcast_to(np.asarray(lon_rad, np.float64), (n,))
    tlat, tlon = (
        np.broadcast_to(np.asarray(x, np.float64), (n,)) for x in (target_lat_rad, target_lon_rad)
    )
    t0 = np.broadcast_to(np.asarray(t_launch_s, np.float64), (n,))
    # Vehicles from one point at one target fly one Earth-fixed path whatever their launch
    # time (the flight kernel's physics and the glide turn with the Earth): aim one of each
    # set and shift its path in time for the others.
    keys = list(zip(lat0.tolist(), lon0.tolist(), tlat.tolist(), tlon.tolist(), strict=True))
    first: dict[tuple[float, ...], int] = {}
    rep: list[int] = []
    copy = np.empty(n, dtype=np.int64)
    for i, key in enumerate(keys):
        if key not in first:
            first[key] = len(rep)
            rep.append(i)
        copy[i] = first[key]
    r = np.array(rep, dtype=np.int64)
    launches, coast, track, t_up, want = _aim(
        vehicle, lat0[r], lon0[r], tlat[r], tlon[r], t0[r], theta0_rad, cross_range_deg
    )
    dt = t0 - t0[r][copy]
    launches = with_values(launches.take(copy), t_launch_s=t0)
    track = _shifted(track, copy, dt)
    t_up = t_up[copy] + dt
    t_out = np.asarray(t_out_s, np.float64)
    y = fly(launches, t_out, theta0_rad=theta0_rad).y_eci
    y[t_out[None, :] > t_up[:, None]] = np.nan
    y = np.where(np.isnan(y), _glide_states(track, t_out, theta0_rad), y)
    miss = great_circle_distance_m(track.impact_lat_rad, track.impact_lon_rad, tlat, tlon)
    return HgvFlight(
        t_out,
        y,
        coast.event_t_s[copy, BURNOUT] + dt,
        t_up,
        track.end_t_s,
        track.impact_t_s,
        track.impact_lat_rad,
        track.impact_lon_rad,
        track.reached,
        track,
        want[copy],
        miss,
        launches,
    )


def _shifted(track: GlideTrack, copy: IntArray, dt: FloatArray) -> GlideTrack:
    """The glides ``copy`` of ``track``, each later by ``dt``."""
    return GlideTrack(
        track.t_s[copy] + dt[:, None],
        track.lat_rad[copy],
        track.lon_rad[copy],
        track.altitude_m[copy],
        track.speed_m_s[copy],
        track.heading_rad[copy],
        track.bank_rad[copy],
        track.end_t_s[copy] + dt,
        track.impact_t_s[copy] + dt,
        track.impact_lat_rad[copy],
        track.impact_lon_rad[copy],
        track.reached[copy],
    )


def _aim(
    vehicle: GlideClass,
    lat0: FloatArray,
    lon0: FloatArray,
    tlat: FloatArray,
    tlon: FloatArray,
    t0: FloatArray,
    theta0_rad: float,
    cross_range_deg: float,
) -> tuple[Launches, Flight, GlideTrack, FloatArray, FloatArray]:
    """Kick and cut-off of each boost, and its coast, glide, pull-up time and target range."""
    n = lat0.shape[0]
    want, az, _ = geodesic_inverse(lat0, lon0, tlat, tlon)
    launches = Launches.of(
        [vehicle.booster],
        lat0,
        lon0,
        az + math.radians(cross_range_deg),
        0.0,
        t_launch_s=t0,
    )
    kick = kick_for(launches, burnout_fpa, BOOST_FPA_RAD, theta0_rad, kick_max_rad=HGV_KICK_MAX_RAD)
    launches = with_values(launches, kick_rad=kick)

    def arrival_excess(cutoff: FloatArray) -> FloatArray:
        """Arrival speed above ARRIVAL_SPEED_M_S when the glide reaches the target; the
        distance (km) the pull-up lies past the target when the boost overshoots; minus the
        distance (km) short when it falls short. It changes sign once as cut-off grows."""
        track = _fly_once(vehicle, with_values(launches, cutoff_s=cutoff), tlat, tlon, theta0_rad)[
            1
        ]
        short = great_circle_distance_m(track.impact_lat_rad, track.impact_lon_rad, tlat, tlon)
        v_end = track.speed_m_s[np.arange(n), np.isfinite(track.t_s).sum(axis=1) - 1]
        pulled_to = great_circle_distance_m(lat0, lon0, track.lat_rad[:, 0], track.lon_rad[:, 0])
        past = np.nan_to_num(pulled_to - want, nan=-1e12)
        value = np.where(
            track.reached, v_end - ARRIVAL_SPEED_M_S, -np.nan_to_num(short, nan=1e9) / 1e3
        )
        return np.where(past > 0, past / 1e3, value)

    burn = np.sum(launches.stage_burn_s, axis=1)
    cutoff = solve_bracketed(arrival_excess, 0.6 * burn, burn, np.zeros(n), x_tol=0.05)
    launches = with_values(launches, cutoff_s=np.where(np.isfinite(cutoff), cutoff, math.inf))
    coast, track, t_up = _fly_once(vehicle, launches, tlat, tlon, theta0_rad)
    return launches, coast, track, t_up, want


def _fly_once(
    vehicle: GlideClass, launches: Launches, tlat: FloatArray, tlon: FloatArray, theta0: float
) -> tuple[Flight, GlideTrack, FloatArray]:
    """Boost and coast to the pull-up point, then glide: (coast flight, glide, pull-up time)."""
    t_fine = np.arange(
        float(np.min(launches.t_launch_s)),
        float(np.max(launches.t_launch_s)) + COAST_WINDOW_S,
        COAST_SAMPLE_S,
    )
    coast = fly(launches, t_fine, theta0_rad=theta0)
    t_up, lat_up, lon_up, psi_up, v_up = _pullup(
        vehicle, t_fine, coast.y_eci, coast.event_t_s[:, APOGEE], theta0
    )
    return coast, glide(vehicle, t_up, lat_up, lon_up, psi_up, v_up, tlat, tlon), t_up


def _glide_states(track: GlideTrack, t_out: FloatArray, theta0: float) -> FloatArray:
    """ECI states of the glide and dive at ``t_out`` (NaN outside them), (n, n_time, 6).

    Each vehicle's track is interpolated on its own; the frame changes run on all at once."""
    n, m = track.t_s.shape[0], t_out.shape[0]
    lat, lon_t, h, v, psi = (np.zeros((n, m)) for _ in range(5))
    in_glide, in_dive = np.zeros((n, m), bool), np.zeros((n, m), bool)
    last = np.zeros(n)
    for i in range(n):
        ok = np.isfinite(track.t_s[i])
        ts = track.t_s[i, ok]
        last[i] = ts[-1]
        in_glide[i] = (t_out >= ts[0]) & (t_out <= ts[-1])
        in_dive[i] = (t_out > ts[-1]) & (t_out <= track.impact_t_s[i])
        lat[i] = np.interp(t_out, ts, track.lat_rad[i, ok])
        lon_t[i] = np.interp(t_out, ts, np.unwrap(track.lon_rad[i, ok]))
        h[i] = np.interp(t_out, ts, track.altitude_m[i, ok])
        v[i] = np.interp(t_out, ts, track.speed_m_s[i, ok])
        psi[i] = np.interp(t_out, ts, np.unwrap(track.heading_rad[i, ok]))
    r = geodetic_to_ecef(lat, lon_t, h)
    east, north, _ = enu_axes_ecef(lat, lon_t)
    vel = v[..., None] * (np.sin(psi)[..., None] * east + np.cos(psi)[..., None] * north)
    # The dive: a straight line from the glide's end to the impact point.
    rows = np.arange(n)
    at_end = np.searchsorted(t_out, last, side="right") - 1
    gliding: BoolArray = np.any(in_glide, axis=1)
    start = np.where(gliding[:, None], r[rows, np.maximum(at_end, 0)], r[:, 0])
    end = geodetic_to_ecef(track.impact_lat_rad, track.impact_lon_rad, np.zeros(n))
    span = np.maximum(track.impact_t_s - last, 1e-9)
    frac = np.clip((t_out[None, :] - last[:, None]) / span[:, None], 0.0, 1.0)
    dive_r = start[:, None, :] + frac[..., None] * (end - start)[:, None, :]
    dive_v = (end - start) / span[:, None]
    r = np.where(in_dive[..., None], dive_r, r)
    vel = np.where(in_dive[..., None], dive_v[:, None, :], vel)
    theta = theta0 + OMEGA_EARTH_RAD_S * t_out
    keep = in_glide | in_dive
    states = state_ecef_to_eci(np.concatenate([r, vel], axis=-1), theta[None, :])
    return np.where(keep[..., None], states, np.nan)
