"""Flying launches: the kernel call, and the figures analysts read off a flight."""

from dataclasses import dataclass

import numpy as np

from goldendome.physics._types import ArrayLike, FloatArray, IntArray
from goldendome.physics.atmosphere import us76_log_density_table
from goldendome.physics.constants import OMEGA_EARTH_RAD_S, R_EARTH_MEAN_M
from goldendome.physics.frames import ecef_to_eci, eci_to_ecef, state_eci_to_ecef
from goldendome.physics.geodesy import geodesic_inverse, great_circle_distance_m
from goldendome.physics.geodetic import ecef_to_geodetic, geodetic_to_ecef
from goldendome.physics.topocentric import enu_axes_ecef
from goldendome.threats import _flight_kernel as kernel
from goldendome.threats._threads import threads_for
from goldendome.threats.ballistic import (
    KICK_DURATION_S,
    VERTICAL_RISE_S,
    FlightPhysics,
    Launches,
    StepSizes,
)
from goldendome.threats.classes import BallisticClass

EVENT_NAMES = ("burnout", "apogee", "reentry", "impact")
#: A class with no stages: what unpowered bodies fly as.
_NO_ROCKET = BallisticClass("body", "unpowered body", "none", (), 1.0, 0.0, 0.0, 0, 0.0, 0.0)
BURNOUT, APOGEE, REENTRY, IMPACT = (
    kernel.EV_BURNOUT,
    kernel.EV_APOGEE,
    kernel.EV_REENTRY,
    kernel.EV_IMPACT,
)


def _f64(x: object) -> FloatArray:
    return np.asarray(x, dtype=np.float64)


@dataclass(frozen=True)
class Flight:
    """Trajectories and events of ``n`` flown objects (missiles from launch, or bodies).

    Attributes
    ----------
    start_lat_rad, start_lon_rad, t_start_s : (n,) float64
        Where and when each flight began (launch point, or a body's first sub-point).
    t_s : (n_time,) float64, seconds on the scenario clock
    y_eci : (n, n_time, 6) float64, meters and m/s; NaN before launch and after impact
    event_t_s : (n, 4) float64, seconds; burnout, apogee, reentry (100 km), impact; NaN if none
    event_x_eci : (n, 4, 6) float64, states at the events
    status : (n,) int64; 0 impact, 1 still flying at the time limit, 2 could not lift off
    x_start_eci : (n, 6) float64; start position with the free-flight velocity (burnout for
        missiles), which fixes the plane and sense of the flight
    """

    start_lat_rad: FloatArray
    start_lon_rad: FloatArray
    t_start_s: FloatArray
    physics: FlightPhysics
    theta0_rad: float
    t_s: FloatArray
    y_eci: FloatArray
    event_t_s: FloatArray
    event_x_eci: FloatArray
    status: IntArray
    x_start_eci: FloatArray

    def theta_rad(self, t_s: ArrayLike) -> FloatArray:
        """Earth rotation angle at scenario times (constant for a non-rotating Earth)."""
        omega = OMEGA_EARTH_RAD_S if self.physics.rotating_earth else 0.0
        return self.theta0_rad + omega * np.asarray(t_s, dtype=np.float64)

    def event_ecef(self, event: int) -> FloatArray:
        """(n, 6) Earth-fixed states at an event (NaN where it did not happen)."""
        return state_eci_to_ecef(
            self.event_x_eci[:, event], self.theta_rad(self.event_t_s[:, event])
        )

    def surface_point(self, r_ecef_m: FloatArray) -> tuple[FloatArray, FloatArray]:
        """Latitude and longitude (radians) under Earth-fixed positions (..., 3): geodetic, or
        geocentric on a spherical Earth."""
        if self.physics.sphere_radius_m > 0.0:
            lat = np.arctan2(r_ecef_m[..., 2], np.hypot(r_ecef_m[..., 0], r_ecef_m[..., 1]))
            return lat, np.arctan2(r_ecef_m[..., 1], r_ecef_m[..., 0])
        lat, lon, _ = ecef_to_geodetic(r_ecef_m)
        return lat, lon

    def impact_lat_lon_rad(self) -> tuple[FloatArray, FloatArray]:
        """Impact points, (n,) radians (geodetic, or geocentric on a spherical Earth)."""
        return self.surface_point(self.event_ecef(IMPACT)[:, :3])

    def transfer_angle_rad(self) -> FloatArray:
        """Inertial angle swept from the start to impact, in the direction of motion, (n,)
        radians in [0, 2 pi): past pi the flight went more than half-way round the Earth."""
        r0, v0 = self.x_start_eci[:, :3], self.x_start_eci[:, 3:]
        r1 = self.event_x_eci[:, IMPACT, :3]
        h = np.cross(r0, v0)
        sin_part = np.sum(np.cross(r0, r1) * h, -1) / np.linalg.norm(h, axis=-1)
        return _f64(np.mod(np.arctan2(sin_part, np.sum(r0 * r1, -1)), 2.0 * np.pi))

    def ground_range_m(self) -> FloatArray:
        """Distance along the surface from the start to impact, (n,) meters.

        The shortest surface distance, or (for flights that swept more than half-way round
        the Earth) the long way: the circumference of the mean sphere minus it.
        """
        lat, lon = self.impact_lat_lon_rad()
        la, lo = self.start_lat_rad, self.start_lon_rad
        if self.physics.sphere_radius_m > 0.0:
            out = great_circle_distance_m(la, lo, lat, lon, radius_m=self.physics.sphere_radius_m)
            circumference = 2.0 * np.pi * self.physics.sphere_radius_m
        else:
            ok = np.isfinite(lat)
            out = np.full(lat.shape, np.nan)
            out[ok] = geodesic_inverse(la[ok], lo[ok], lat[ok], lon[ok])[0]
            circumference = 2.0 * np.pi * R_EARTH_MEAN_M
        return np.where(self.transfer_angle_rad() > np.pi, circumference - out, out)

    def downrange_m(self, azimuth_rad: ArrayLike) -> FloatArray:
        """Ground range to impact, negative when the impact lies behind the launch azimuth (a
        near-vertical shot the Earth's rotation carries backwards); NaN without impact, (n,)."""
        lat, lon = self.impact_lat_lon_rad()
        ok = np.isfinite(lat) & (self.status == 0)
        out = np.full(lat.shape, np.nan)
        dist, az, _ = geodesic_inverse(
            self.start_lat_rad[ok], self.start_lon_rad[ok], lat[ok], lon[ok]
        )
        heading = np.broadcast_to(np.asarray(azimuth_rad, np.float64), lat.shape)[ok]
        out[ok] = dist * np.sign(np.cos(az - heading))
        return out

    def flight_time_s(self) -> FloatArray:
        """Start (launch) to impact, (n,) seconds."""
        return self.event_t_s[:, IMPACT] - self.t_start_s

    def altitude_at_m(self, event: int) -> FloatArray:
        """Height above the surface at an event, (n,) meters."""
        r = self.event_x_eci[:, event, :3]
        if self.physics.sphere_radius_m > 0.0:
            return _f64(np.linalg.norm(r, axis=-1) - self.physics.sphere_radius_m)
        return ecef_to_geodetic(r)[2]  # height does not depend on the rotation about z

    def speed_at_m_s(self, event: int, *, relative: bool = False) -> FloatArray:
        """Speed at an event, inertial or relative to the rotating Earth, (n,) m/s."""
        if relative:
            return _f64(np.linalg.norm(self.event_ecef(event)[:, 3:], axis=-1))
        return _f64(np.linalg.norm(self.event_x_eci[:, event, 3:], axis=-1))

    def flight_path_angle_rad(self, event: int) -> FloatArray:
        """Angle of the inertial velocity above the local horizontal (radial sense), (n,)."""
        x = self.event_x_eci[:, event]
        r, v = x[:, :3], x[:, 3:]
        sin_g = np.sum(r * v, -1) / (np.linalg.norm(r, axis=-1) * np.linalg.norm(v, axis=-1))
        return _f64(np.arcsin(np.clip(sin_g, -1.0, 1.0)))


def launch_states(
    launches: Launches, theta0_rad: float, physics: FlightPhysics
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Initial ECI states, local verticals and kicked thrust directions, each (n, 3|6)."""
    omega = OMEGA_EARTH_RAD_S if physics.rotating_earth else 0.0
    theta = theta0_rad + omega * launches.t_launch_s
    lat, lon = launches.lat_rad, launches.lon_rad
    east, north, up_ecef = enu_axes_ecef(lat, lon)
    if physics.sphere_radius_m > 0.0:
        r_ecef = up_ecef * (physics.sphere_radius_m + launches.height_m)[:, None]
    else:
        r_ecef = geodetic_to_ecef(lat, lon, launches.height_m)
    az, kick = launches.azimuth_rad[:, None], launches.kick_rad[:, None]
    kick_ecef = np.cos(kick) * up_ecef + np.sin(kick) * (np.sin(az) * east + np.cos(az) * north)
    r_eci = ecef_to_eci(r_ecef, theta)
    v_eci = omega * np.stack([-r_eci[:, 1], r_eci[:, 0], np.zeros(len(launches))], -1)
    return (
        np.concatenate([r_eci, v_eci], axis=-1),
        ecef_to_eci(up_ecef, theta),
        ecef_to_eci(kick_ecef, theta),
    )


def _run(
    t0_s: FloatArray,
    x0: FloatArray,
    up: FloatArray,
    kick: FloatArray,
    launches: Launches,
    beta_kg_m2: FloatArray,
    t_out_s: ArrayLike | None,
    physics: FlightPhysics,
    steps: StepSizes,
    t_stop_s: ArrayLike | None = None,
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray, IntArray]:
    store = t_out_s is not None
    t_out = np.ascontiguousarray(np.asarray(t_out_s if store else [], dtype=np.float64))
    ln_rho, dz = us76_log_density_table()
    n = t0_s.shape[0]
    stop = np.full(n, np.inf) if t_stop_s is None else np.broadcast_to(t_stop_s, (n,))
    with threads_for(n):
        y, ev_t, ev_x, status = kernel.fly_objects(
            np.ascontiguousarray(t0_s),
            np.ascontiguousarray(x0),
            up,
            kick,
            np.full(n, VERTICAL_RISE_S),
            np.full(n, KICK_DURATION_S),
            launches.stage_thrust_n,
            launches.stage_mdot_kg_s,
            launches.stage_burn_s,
            launches.stage_dry_kg,
            launches.n_stages,
            launches.payload_kg,
            launches.cutoff_s,
            launches.drag_area_cd_m2,
            beta_kg_m2,
            np.asarray(ln_rho),
            dz,
            physics.env(),
            t_out,
            store,
            steps.boost_s,
            steps.coast_s,
            steps.reentry_s,
            steps.max_flight_s,
            np.ascontiguousarray(stop, dtype=np.float64),
        )
    return t_out, y, ev_t, ev_x, status


def fly(
    launches: Launches,
    t_out_s: ArrayLike | None = None,
    *,
    theta0_rad: float = 0.0,
    physics: FlightPhysics = FlightPhysics(),
    steps: StepSizes = StepSizes(),
    t_stop_s: ArrayLike | None = None,
) -> Flight:
    """Fly every launch to impact (or to ``t_stop_s``).

    Parameters
    ----------
    launches : Launches
    t_out_s : (n_time,) float64, seconds, optional
        Scenario times at which to store states; events only when omitted (fast).
    theta0_rad : float
        Earth rotation angle at scenario time 0 (see ``physics.earth_rotation``).
    physics : FlightPhysics
    steps : StepSizes
    t_stop_s : (n,) float64, scenario seconds, optional
        Where each flight may stop, still flying (status 1): its states are stored up to
        it (to the end of the step that passes it), its later events not sought.

    Returns
    -------
    Flight
    """
    x0, up, kick = launch_states(launches, theta0_rad, physics)
    t_out, y, ev_t, ev_x, status = _run(
        launches.t_launch_s, x0, up, kick, launches, launches.beta_kg_m2, t_out_s, physics, steps,
        t_stop_s,
    )  # fmt: skip
    return Flight(
        launches.lat_rad,
        launches.lon_rad,
        launches.t_launch_s,
        physics,
        theta0_rad,
        t_out,
        y,
        ev_t,
        ev_x,
        status,
        _start_after_burnout(x0, ev_x),
    )


def fly_bodies(
    x0_eci: ArrayLike,
    beta_kg_m2: ArrayLike,
    t0_s: ArrayLike = 0.0,
    t_out_s: ArrayLike | None = None,
    *,
    theta0_rad: float = 0.0,
    physics: FlightPhysics = FlightPhysics(),
    steps: StepSizes = StepSizes(),
) -> Flight:
    """Fly unpowered bodies (reentry vehicles, decoys, burnt-out payloads) to impact.

    Parameters
    ----------
    x0_eci : (n, 6) float64, meters and m/s
        States at ``t0_s``.
    beta_kg_m2 : (n,) float64, kg/m^2
        Ballistic coefficients m / (Cd A); 0 for no drag.
    t0_s : (n,) float64, seconds on the scenario clock
    t_out_s, theta0_rad, physics, steps
        As for :func:`fly`.

    Returns
    -------
    Flight
        Starting points are the bodies' sub-points at ``t0_s``.
    """
    x0 = np.atleast_2d(np.asarray(x0_eci, dtype=np.float64))
    n = x0.shape[0]
    t0 = np.broadcast_to(np.asarray(t0_s, np.float64), (n,)).copy()
    beta = np.broadcast_to(np.asarray(beta_kg_m2, np.float64), (n,)).copy()
    none = Launches.of(
        [_NO_ROCKET], np.zeros(n), np.zeros(n), np.zeros(n), np.zeros(n), payload_kg=1.0
    )
    zeros = np.zeros((n, 3))
    t_out, y, ev_t, ev_x, status = _run(t0, x0, zeros, zeros, none, beta, t_out_s, physics, steps)
    flight = Flight(t0, t0, t0, physics, theta0_rad, t_out, y, ev_t, ev_x, status, x0)
    r_ecef = eci_to_ecef(x0[:, :3], flight.theta_rad(t0))
    lat, lon = flight.surface_point(r_ecef)
    return Flight(lat, lon, t0, physics, theta0_rad, t_out, y, ev_t, ev_x, status, x0)


def _start_after_burnout(x0: FloatArray, ev_x: FloatArray) -> FloatArray:
    """Start position with the burnout velocity: fixes the plane and sense of the free flight."""
    return np.concatenate([x0[:, :3], ev_x[:, BURNOUT, 3:]], axis=-1)
