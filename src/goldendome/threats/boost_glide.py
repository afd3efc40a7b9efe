"""Fly boost-glide vehicles end to end: boost and coast (flight kernel), pull-up, glide, dive."""

import math
from dataclasses import dataclass

import numpy as np

from goldendome.physics._types import ArrayLike, BoolArray, FloatArray
from goldendome.physics.geodesy import geodesic_inverse, great_circle_distance_m
from goldendome.physics.roots import solve_bracketed
from goldendome.threats.ballistic import Launches
from goldendome.threats.flight import APOGEE, BURNOUT, Flight, fly
from goldendome.threats.glide import (
    ARRIVAL_SPEED_M_S,
    BOOST_FPA_RAD,
    GlideClass,
    GlideTrack,
    glide,
)
from goldendome.threats.glide_states import glide_states, pullup_point, shifted
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


@dataclass(frozen=True)
class HgvAim:
    """Boost-glide vehicles aimed: the boosters to launch and the glides they lead to.

    Attributes
    ----------
    launches : Launches
        The boosters: kick and thrust cut-off found for each glide, ``(n,)``.
    burnout_t_s, pullup_t_s : (n,) float64, scenario seconds
    glide : GlideTrack
    target_lat_rad, target_lon_rad, target_range_m : (n,) float64
    """

    launches: Launches
    burnout_t_s: FloatArray
    pullup_t_s: FloatArray
    glide: GlideTrack
    target_lat_rad: FloatArray
    target_lon_rad: FloatArray
    target_range_m: FloatArray

    @property
    def miss_m(self) -> FloatArray:
        """Distance from each glide's impact point to its target, ``(n,)`` meters."""
        g = self.glide
        return great_circle_distance_m(
            g.impact_lat_rad, g.impact_lon_rad, self.target_lat_rad, self.target_lon_rad
        )


def aim_hgv(
    vehicle: GlideClass,
    lat_rad: ArrayLike,
    lon_rad: ArrayLike,
    target_lat_rad: ArrayLike,
    target_lon_rad: ArrayLike,
    t_launch_s: ArrayLike,
    *,
    theta0_rad: float = 0.0,
    cross_range_deg: float = 0.0,
) -> HgvAim:
    """Aim each vehicle's boost (kick and cut-off) and glide it to its target (parameters as
    for :func:`fly_hgv`)."""
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
    return HgvAim(
        with_values(launches.take(copy), t_launch_s=t0),
        coast.event_t_s[copy, BURNOUT] + dt,
        t_up[copy] + dt,
        shifted(track, copy, dt),
        np.array(tlat),
        np.array(tlon),
        want[copy],
    )


def hgv_flight(
    aimed: HgvAim, boost_y_eci: FloatArray, t_out_s: ArrayLike, *, theta0_rad: float = 0.0
) -> HgvFlight:
    """The aimed vehicles' whole flights on ``t_out_s``: the boosters' states up to the
    pull-up, the glide and dive after it.

    Parameters
    ----------
    aimed : HgvAim
    boost_y_eci : (n, n_time, 6) float64
        ``aimed.launches`` flown on ``t_out_s`` (:func:`goldendome.threats.flight.fly`), at
        least to each pull-up (``t_stop_s=aimed.pullup_t_s``); not changed.
    t_out_s : (n_time,) float64, scenario seconds
    theta0_rad : float
    """
    t_out = np.asarray(t_out_s, np.float64)
    track, t_up = aimed.glide, aimed.pullup_t_s
    y = np.array(boost_y_eci, np.float64, copy=True)
    y[t_out[None, :] > t_up[:, None]] = np.nan
    y = np.where(np.isnan(y), glide_states(track, t_out, theta0_rad), y)
    return HgvFlight(
        t_out,
        y,
        aimed.burnout_t_s,
        t_up,
        track.end_t_s,
        track.impact_t_s,
        track.impact_lat_rad,
        track.impact_lon_rad,
        track.reached,
        track,
        aimed.target_range_m,
        aimed.miss_m,
        aimed.launches,
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
    aimed = aim_hgv(vehicle, lat_rad, lon_rad, target_lat_rad, target_lon_rad, t_launch_s,
                    theta0_rad=theta0_rad, cross_range_deg=cross_range_deg)  # fmt: skip
    t_out = np.asarray(t_out_s, np.float64)
    boost = fly(aimed.launches, t_out, theta0_rad=theta0_rad, t_stop_s=aimed.pullup_t_s)
    return hgv_flight(aimed, boost.y_eci, t_out, theta0_rad=theta0_rad)


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
        aimed = with_values(launches, cutoff_s=cutoff)
        track = _fly_once(vehicle, aimed, tlat, tlon, theta0_rad, ends_only=True)[1]
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
    vehicle: GlideClass,
    launches: Launches,
    tlat: FloatArray,
    tlon: FloatArray,
    theta0: float,
    *,
    ends_only: bool = False,
) -> tuple[Flight, GlideTrack, FloatArray]:
    """Boost and coast to the pull-up point, then glide: (coast flight, glide, pull-up time);
    the glide's first and last samples only with ``ends_only``."""
    t_fine = np.arange(
        float(np.min(launches.t_launch_s)),
        float(np.max(launches.t_launch_s)) + COAST_WINDOW_S,
        COAST_SAMPLE_S,
    )
    coast = fly(launches, t_fine, theta0_rad=theta0)
    t_up, lat_up, lon_up, psi_up, v_up = pullup_point(
        vehicle, t_fine, coast.y_eci, coast.event_t_s[:, APOGEE], theta0
    )
    track = glide(vehicle, t_up, lat_up, lon_up, psi_up, v_up, tlat, tlon, ends_only=ends_only)
    return coast, track, t_up
