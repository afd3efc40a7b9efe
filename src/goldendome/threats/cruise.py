"""Cruise missiles: constant speed at low altitude along great-circle (geodesic) waypoint legs.

A kinematic model, as open studies of cruise-missile defense use (the missile's route and
speed are what sensors and interceptors face): climb-out and terminal manoeuvres take seconds
and are left out. Positions along each leg come from the WGS-84 geodesic (pyproj), so the
whole raid is evaluated as arrays over missiles x times.
"""

from dataclasses import dataclass

import numpy as np

from goldendome.physics._types import ArrayLike, BoolArray, FloatArray, IntArray
from goldendome.physics.constants import OMEGA_EARTH_RAD_S
from goldendome.physics.frames import state_ecef_to_eci
from goldendome.physics.geodesy import geodesic_direct, geodesic_inverse
from goldendome.physics.geodetic import geodetic_to_ecef
from goldendome.physics.topocentric import enu_axes_ecef


@dataclass(frozen=True)
class CruiseClass:
    """A cruise-missile class: speed, cruise altitude and maximum range."""

    name: str
    label: str
    speed_m_s: float
    cruise_altitude_m: float
    max_range_m: float
    source: str = ""


@dataclass(frozen=True)
class CruiseFlight:
    """Cruise missiles from launch to arrival.

    Attributes
    ----------
    t_s : (n_time,) float64, scenario seconds
    y_eci : (n, n_time, 6) float64, meters and m/s; NaN before launch and after arrival
    launch_t_s, arrival_t_s : (n,) float64, seconds (arrival NaN when out of range)
    route_length_m : (n,) float64
    reachable : (n,) bool; False when the route is longer than the class's range (the
        missile then comes down where its fuel runs out: ``end_lat_rad``, ``end_lon_rad``)
    end_lat_rad, end_lon_rad : (n,) float64
    """

    t_s: FloatArray
    y_eci: FloatArray
    launch_t_s: FloatArray
    arrival_t_s: FloatArray
    route_length_m: FloatArray
    reachable: BoolArray
    end_lat_rad: FloatArray
    end_lon_rad: FloatArray


def _legs(route_lat: FloatArray, route_lon: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Leg lengths and start azimuths of ``(n, n_point)`` routes, each ``(n, n_point - 1)``."""
    dist, az, _ = geodesic_inverse(
        route_lat[:, :-1], route_lon[:, :-1], route_lat[:, 1:], route_lon[:, 1:]
    )
    return np.asarray(dist, np.float64), np.asarray(az, np.float64)


def fly_cruise(
    missile: CruiseClass,
    route_lat_rad: ArrayLike,
    route_lon_rad: ArrayLike,
    t_launch_s: ArrayLike,
    t_out_s: ArrayLike,
    *,
    theta0_rad: float = 0.0,
) -> CruiseFlight:
    """Fly cruise missiles along their routes (launch point, waypoints, target).

    Parameters
    ----------
    missile : CruiseClass
    route_lat_rad, route_lon_rad : (n, n_point) float64, radians
        Each missile's route, launch point first and target last (n_point >= 2).
    t_launch_s : (n,) float64, scenario seconds
    t_out_s : (n_time,) float64, scenario seconds
    theta0_rad : float
        Earth rotation angle at scenario time 0.

    Returns
    -------
    CruiseFlight
    """
    lat = np.atleast_2d(np.asarray(route_lat_rad, np.float64))
    lon = np.atleast_2d(np.asarray(route_lon_rad, np.float64))
    if lat.shape != lon.shape or lat.shape[1] < 2:
        raise ValueError(
            f"Routes need matching (n, n_point >= 2) shapes; got {lat.shape}, {lon.shape}."
        )
    n = lat.shape[0]
    t_out = np.asarray(t_out_s, np.float64)
    t0 = np.broadcast_to(np.asarray(t_launch_s, np.float64), (n,))
    leg_len, leg_az = _legs(lat, lon)
    route = leg_len.sum(axis=1)
    flown = np.minimum(route, missile.max_range_m)
    reachable = route <= missile.max_range_m
    arrival = np.where(reachable, t0 + route / missile.speed_m_s, np.nan)
    # Distance along the route at every output time; NaN outside the flight.
    s = (t_out[None, :] - t0[:, None]) * missile.speed_m_s
    s = np.where((s >= 0.0) & (s <= flown[:, None]), s, np.nan)
    cum = np.concatenate([np.zeros((n, 1)), np.cumsum(leg_len, axis=1)], axis=1)
    # The states at the samples in flight only, and the Earth-fixed ones once per point of a
    # route (a salvo on one route passes the same points, a launch spacing apart).
    li, lj = np.nonzero(np.isfinite(s))
    s_live = s[li, lj]
    _, route_id = np.unique(np.concatenate([lat, lon], axis=1), axis=0, return_inverse=True)
    on_route = route_id.reshape(-1)[li]
    point = np.empty(li.size, np.int64)
    firsts: list[IntArray] = []
    for r in range(int(route_id.max()) + 1 if n else 0):
        sel = np.flatnonzero(on_route == r)
        _, first, inverse = np.unique(s_live[sel], return_index=True, return_inverse=True)
        point[sel] = inverse.reshape(-1) + sum(f.size for f in firsts)
        firsts.append(sel[first])
    at = np.concatenate(firsts) if firsts else np.zeros(0, np.int64)
    ui, us = li[at], s_live[at]
    leg = np.clip((us[:, None] >= cum[ui, 1:]).sum(axis=-1), 0, leg_len.shape[1] - 1)
    along = us - cum[ui, leg]
    p_lat, p_lon, back = geodesic_direct(lat[ui, leg], lon[ui, leg], leg_az[ui, leg], along)
    heading = np.mod(np.asarray(back, np.float64) + np.pi, 2 * np.pi)
    r_ecef = geodetic_to_ecef(p_lat, p_lon, missile.cruise_altitude_m)
    east, north, _ = enu_axes_ecef(p_lat, p_lon)
    v_ecef = missile.speed_m_s * (
        np.sin(heading)[..., None] * east + np.cos(heading)[..., None] * north
    )
    x_ecef = np.concatenate([r_ecef, v_ecef], axis=-1)[point]
    theta = theta0_rad + OMEGA_EARTH_RAD_S * t_out
    y = np.full((n, t_out.shape[0], 6), np.nan)
    y[li, lj] = state_ecef_to_eci(x_ecef, theta[lj])
    # Where each flight ends: the target, or where the fuel runs out.
    end_leg = np.clip((flown[:, None] > cum[:, 1:]).sum(axis=1), 0, leg_len.shape[1] - 1)
    idx = np.arange(n)
    e_lat, e_lon, _ = geodesic_direct(
        lat[idx, end_leg], lon[idx, end_leg], leg_az[idx, end_leg], flown - cum[idx, end_leg]
    )
    return CruiseFlight(
        t_out,
        y,
        t0.copy(),
        arrival,
        route,
        reachable,
        np.asarray(e_lat, np.float64),
        np.asarray(e_lon, np.float64),
    )
