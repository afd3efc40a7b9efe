"""Fractional orbital bombardment: a boost into a low orbit, part of one revolution, a braking
burn, and a ballistic reentry onto the target.

Each vehicle is flown in three pieces, all point masses on the rotating oblate Earth of the
flight kernel (:mod:`goldendome.threats._flight_kernel`: J2 gravity, US76 drag):

1. **Ascent**: the booster's gravity turn to the orbit's altitude and circular speed
   (:func:`goldendome.threats.fobs_boost.ascent`), then the orbital stage's insertion burn
   at burnout (impulsive) onto a circular orbit.
2. **Orbit**: the orbital stage coasts (drag with the warhead's ballistic coefficient; at
   150 km it costs well under 1 m/s in one revolution).
3. **Descent**: at the de-orbit time the stage brakes (impulsive, against its velocity, by
   the class's ``fobs_deorbit_delta_v_m_s``) and the warhead falls ballistically to impact.

The orbit's plane holds the launch point and the target: the approach (``"south"`` or
``"north"``) picks the way round that great circle that arrives heading north or south.
Aiming corrects the launch azimuth by the target's distance from the flown orbital plane
(turning the plane about the launch point by ``d az`` moves a point an angle ``lambda`` along
it by ``d az sin(lambda)`` across it) and the de-orbit time by the along-track miss over the
orbital rate, until the warhead lands within :data:`FOBS_MISS_LIMIT_M`.
"""

from dataclasses import dataclass

import numpy as np

from goldendome.physics._types import BoolArray, FloatArray
from goldendome.physics.constants import MU_EARTH_M3_S2, OMEGA_EARTH_RAD_S
from goldendome.physics.frames import ecef_to_eci
from goldendome.physics.geodesy import geodesic_inverse
from goldendome.physics.geodetic import geodetic_to_ecef
from goldendome.threats.ballistic import FlightPhysics, Launches, StepSizes
from goldendome.threats.flight import BURNOUT, IMPACT, Flight, fly, fly_bodies
from goldendome.threats.fobs_boost import ascent, circularize
from goldendome.threats.shaping import with_values

#: A FOBS warhead is in reach when it lands within this distance of its target, meters.
FOBS_MISS_LIMIT_M = 1_000.0
#: Aiming rounds (azimuth and de-orbit time corrected together), at most.
MAX_AIM_ROUNDS = 10
#: The largest azimuth correction of one round, radians.
MAX_AZIMUTH_STEP_RAD = np.radians(15.0)
#: Booster flight before its orbit starts, a first guess for the aim, seconds.
_ASCENT_GUESS_S = 350.0


@dataclass(frozen=True)
class FobsFlight:
    """Fractional orbits from launch to impact.

    Attributes
    ----------
    launches : Launches
        The aimed ascents (azimuth, kick, cut-off).
    t_s : (n_time,) float64, scenario seconds
    y_eci : (n, n_time, 6) float64, meters and m/s
        Booster until burnout, orbital stage until the de-orbit burn, warhead after; NaN
        before launch and after impact.
    burnout_t_s, deorbit_t_s : (n,) float64, seconds
        Insertion (booster burnout) and braking burn.
    insertion_delta_v_m_s : (n,) float64
        The orbital stage's insertion burn.
    orbit_x_eci, deorbit_x_eci : (n, 6) float64
        State just after the insertion burn and just after the braking burn.
    descent : Flight
        The warheads from the braking burn (events: apogee NaN, reentry, impact), on ``t_s``.
    miss_m : (n,) float64
    reached : (n,) bool
        Landed within :data:`FOBS_MISS_LIMIT_M`.
    """

    launches: Launches
    t_s: FloatArray
    y_eci: FloatArray
    burnout_t_s: FloatArray
    deorbit_t_s: FloatArray
    insertion_delta_v_m_s: FloatArray
    orbit_x_eci: FloatArray
    deorbit_x_eci: FloatArray
    descent: Flight
    miss_m: FloatArray
    reached: BoolArray

    @property
    def orbit_altitude_m(self) -> FloatArray:
        """Radius of the orbit above the equatorial radius, (n,) meters (its insertion height
        above the ellipsoid is within a few km of it at mid latitudes)."""
        from goldendome.physics.geodetic import ecef_to_geodetic

        return np.asarray(ecef_to_geodetic(self.orbit_x_eci[:, :3])[2])

    @property
    def orbit_period_s(self) -> FloatArray:
        """Two-body period of the orbit after insertion, (n,) seconds."""
        r = np.linalg.norm(self.orbit_x_eci[:, :3], axis=-1)
        return np.asarray(2.0 * np.pi * np.sqrt(r**3 / MU_EARTH_M3_S2))

    def transfer_angle_rad(self) -> FloatArray:
        """Angle swept in the orbital plane from the insertion to impact, (n,) radians in
        [0, 2 pi): how much of one revolution the vehicle flew."""
        r0, v0 = self.orbit_x_eci[:, :3], self.orbit_x_eci[:, 3:]
        r1 = self.descent.event_x_eci[:, IMPACT, :3]
        h = _unit(np.cross(r0, v0))
        s = np.sum(np.cross(r0, r1) * h, -1)
        return np.asarray(np.mod(np.arctan2(s, np.sum(r0 * r1, -1)), 2.0 * np.pi))


def _unit(x: FloatArray) -> FloatArray:
    return np.asarray(x / np.linalg.norm(x, axis=-1, keepdims=True))


def _target_eci(lat: FloatArray, lon: FloatArray, t_s: FloatArray, theta0: float) -> FloatArray:
    r = geodetic_to_ecef(lat, lon, np.zeros_like(lat))
    return np.asarray(ecef_to_eci(r, theta0 + OMEGA_EARTH_RAD_S * t_s))


def _first_azimuth(
    launches: Launches,
    lat_t: FloatArray,
    lon_t: FloatArray,
    south: BoolArray,
    theta0: float,
) -> FloatArray:
    """Launch azimuth (Earth-fixed, radians) along the great circle in inertial space through
    the launch point and the target's position at a guessed arrival, the way round that
    arrives northbound (``south``) or southbound."""
    t0 = launches.t_launch_s
    r_l = _unit(_target_eci(launches.lat_rad, launches.lon_rad, t0, theta0))
    period = 2.0 * np.pi * np.sqrt((6.53e6) ** 3 / MU_EARTH_M3_S2)
    t_arrive = t0 + _ASCENT_GUESS_S + 0.5 * period
    for _ in range(3):
        r_t = _unit(_target_eci(lat_t, lon_t, t_arrive, theta0))
        n = _unit(np.cross(r_l, r_t))
        northbound = np.cross(n, r_t)[:, 2] > 0.0
        n = np.where((northbound == south)[:, None], n, -n)
        u = np.cross(n, r_l)
        angle = np.mod(np.arctan2(np.sum(np.cross(r_l, r_t) * n, -1), np.sum(r_l * r_t, -1)),
                       2.0 * np.pi)  # fmt: skip
        t_arrive = t0 + _ASCENT_GUESS_S + angle / (2.0 * np.pi) * period
    east = _unit(np.cross(np.array([0.0, 0.0, 1.0]), r_l))
    north = np.cross(r_l, east)
    v = 7_800.0
    ve, vn = v * np.sum(u * east, -1), v * np.sum(u * north, -1)
    spin = OMEGA_EARTH_RAD_S * 6.378e6 * np.cos(launches.lat_rad)
    return np.asarray(np.arctan2(ve - spin, vn))


def _states_at(orbit: Flight, t_s: FloatArray) -> FloatArray:
    """Each orbit's state at its own time ``t_s[i]``, (n, 6) (the kernel's dense output at
    the sorted times, read on its own row)."""
    _, where = np.unique(t_s, return_inverse=True)
    return orbit.y_eci[np.arange(t_s.shape[0]), where.ravel()]


def _orbit_flight(
    x0: FloatArray,
    beta: FloatArray,
    t0: FloatArray,
    t_out: FloatArray,
    theta0: float,
    physics: FlightPhysics,
) -> Flight:
    span = float(np.max(t_out) - np.min(t0)) + 60.0 if t_out.size else 60.0
    return fly_bodies(x0, beta, t0, np.unique(t_out), theta0_rad=theta0, physics=physics,
                      steps=StepSizes(max_flight_s=span))  # fmt: skip


def fly_fobs(
    launches: Launches,
    target_lat_rad: FloatArray,
    target_lon_rad: FloatArray,
    south: BoolArray,
    orbit_altitude_m: FloatArray,
    deorbit_delta_v_m_s: FloatArray,
    t_s: FloatArray,
    *,
    theta0_rad: float = 0.0,
    physics: FlightPhysics = FlightPhysics(),
) -> FobsFlight:
    """Aim and fly fractional orbits at their targets.

    Parameters
    ----------
    launches : Launches
        Where, when and what is launched (azimuth, kick and cut-off are replaced).
    target_lat_rad, target_lon_rad : (n,) float64, radians
    south : (n,) bool
        Come at the target from the south (heading north), else from the north.
    orbit_altitude_m, deorbit_delta_v_m_s : (n,) float64
        The class's orbit and braking burn.
    t_s : (n_time,) float64, scenario seconds
    theta0_rad, physics
        As for :func:`goldendome.threats.flight.fly`.

    Returns
    -------
    FobsFlight
    """
    n = len(launches)
    lat_t = np.asarray(target_lat_rad, np.float64)
    lon_t = np.asarray(target_lon_rad, np.float64)
    dv = np.broadcast_to(np.asarray(deorbit_delta_v_m_s, np.float64), (n,))
    beta = launches.beta_kg_m2
    az = _first_azimuth(launches, lat_t, lon_t, np.asarray(south, bool), theta0_rad)
    current = ascent(with_values(launches, azimuth_rad=az), orbit_altitude_m, theta0_rad, physics)
    burn = float(np.max(np.sum(launches.stage_burn_s, axis=1)))
    boost_steps = StepSizes(max_flight_s=burn + 1.0)
    t_d: FloatArray | None = None
    miss = np.full(n, np.inf)
    for round_no in range(MAX_AIM_ROUNDS):
        booster = fly(current, theta0_rad=theta0_rad, physics=physics, steps=boost_steps)
        t_b = booster.event_t_s[:, BURNOUT]
        x_o, _ = circularize(booster.event_x_eci[:, BURNOUT])
        r_o = np.linalg.norm(x_o[:, :3], axis=-1)
        rate = np.sqrt(MU_EARTH_M3_S2 / r_o**3)
        if t_d is None:
            r_t = _target_eci(lat_t, lon_t, t_b + 1_000.0, theta0_rad)
            h = _unit(np.cross(x_o[:, :3], x_o[:, 3:]))
            ahead = np.mod(np.arctan2(np.sum(np.cross(x_o[:, :3], r_t) * h, -1),
                                      np.sum(x_o[:, :3] * r_t, -1)), 2.0 * np.pi)  # fmt: skip
            t_d = t_b + np.maximum(ahead / rate - 600.0, 60.0)
        x_d = _states_at(_orbit_flight(x_o, beta, t_b, t_d, theta0_rad, physics), t_d)
        x_d[:, 3:] -= dv[:, None] * _unit(x_d[:, 3:])
        down = fly_bodies(x_d, beta, t_d, theta0_rad=theta0_rad, physics=physics)
        lat_i, lon_i = down.impact_lat_lon_rad()
        miss = np.where(np.isfinite(lat_i), geodesic_inverse(lat_i, lon_i, lat_t, lon_t)[0], np.inf)
        if np.all(miss < FOBS_MISS_LIMIT_M) or round_no == MAX_AIM_ROUNDS - 1:
            break
        t_i = down.event_t_s[:, IMPACT]
        r_i = _unit(down.event_x_eci[:, IMPACT, :3])
        r_t = _unit(_target_eci(lat_t, lon_t, t_i, theta0_rad))
        h = _unit(np.cross(x_o[:, :3], x_o[:, 3:]))
        along = np.arctan2(np.sum(np.cross(r_i, r_t) * h, -1), np.sum(r_i * r_t, -1))
        across = np.arcsin(np.clip(np.sum(h * r_t, -1), -1.0, 1.0)) - np.arcsin(
            np.clip(np.sum(h * r_i, -1), -1.0, 1.0)
        )
        r_l = _unit(x_o[:, :3])
        swept = np.mod(np.arctan2(np.sum(np.cross(r_l, r_i) * h, -1), np.sum(r_l * r_i, -1)),
                       2.0 * np.pi)  # fmt: skip
        sin_swept = np.sin(swept)
        sin_swept = np.where(np.abs(sin_swept) < 0.2, np.copysign(0.2, sin_swept), sin_swept)
        open_ = miss >= FOBS_MISS_LIMIT_M
        step = np.clip(-across / sin_swept, -MAX_AZIMUTH_STEP_RAD, MAX_AZIMUTH_STEP_RAD)
        t_d = t_d + np.where(open_ & np.isfinite(along), along / rate, 0.0)
        turn = np.where(open_ & np.isfinite(step), step, 0.0)
        if np.any(np.abs(turn) > 0.0):
            current = with_values(current, azimuth_rad=current.azimuth_rad + turn)
            if np.max(np.abs(turn)) > np.radians(0.5):
                current = ascent(current, orbit_altitude_m, theta0_rad, physics)
    assert t_d is not None
    return _fly_whole(current, t_d, dv, beta, lat_t, miss, t_s, theta0_rad, physics)


def _fly_whole(
    current: Launches,
    t_d: FloatArray,
    dv: FloatArray,
    beta: FloatArray,
    lat_t: FloatArray,
    miss: FloatArray,
    t_s: FloatArray,
    theta0: float,
    physics: FlightPhysics,
) -> FobsFlight:
    """The aimed vehicles flown on the scenario grid, boost, orbit and descent stitched."""
    t = np.asarray(t_s, np.float64)
    burn = float(np.max(np.sum(current.stage_burn_s, axis=1)))
    booster = fly(current, t, theta0_rad=theta0, physics=physics,
                  steps=StepSizes(max_flight_s=burn + 1.0))  # fmt: skip
    t_b = booster.event_t_s[:, BURNOUT]
    x_o, insertion = circularize(booster.event_x_eci[:, BURNOUT])
    orbit = fly_bodies(x_o, beta, t_b, t, theta0_rad=theta0, physics=physics,
                       steps=StepSizes(max_flight_s=float(np.max(t_d - t_b)) + 60.0))  # fmt: skip
    x_d = _states_at(_orbit_flight(x_o, beta, t_b, t_d, theta0, physics), t_d)
    x_d[:, 3:] -= dv[:, None] * _unit(x_d[:, 3:])
    descent = fly_bodies(x_d, beta, t_d, t, theta0_rad=theta0, physics=physics)
    before_b = (t[None, :] < t_b[:, None])[..., None]
    before_d = (t[None, :] < t_d[:, None])[..., None]
    y = np.where(before_b, booster.y_eci, np.where(before_d, orbit.y_eci, descent.y_eci))
    return FobsFlight(
        launches=current,
        t_s=t,
        y_eci=np.ascontiguousarray(y),
        burnout_t_s=t_b,
        deorbit_t_s=np.asarray(t_d, np.float64),
        insertion_delta_v_m_s=insertion,
        orbit_x_eci=x_o,
        deorbit_x_eci=x_d,
        descent=descent,
        miss_m=miss,
        reached=np.asarray(miss < FOBS_MISS_LIMIT_M),
    )


__all__ = ["FOBS_MISS_LIMIT_M", "FobsFlight", "fly_fobs"]
