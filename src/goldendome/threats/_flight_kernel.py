"""Compiled point-mass flight of many objects at once: boost, coast, reentry, impact.

One object is a rocket with up to ``MAX_STAGES`` stages and a payload, or (with no stages) a
ballistic body such as a released reentry vehicle or decoy. Each object is integrated on its
own with classic RK4 in the inertial (ECI) frame under J2 gravity, atmospheric drag relative
to the rotating atmosphere (US76), and thrust; steps follow the flight phase (``dt_boost``
while thrusting, up to ``dt_coast`` above the atmosphere, ``dt_reentry`` below 120 km) and
end exactly on staging, cut-off and steering switches. States at the common output times
are cubic Hermite interpolants between steps. Objects run in parallel (``prange``).

Steering: thrust along the local vertical until ``vertical_s``, then along a fixed "kicked"
direction until ``vertical_s + kick_s``, then along the velocity relative to the rotating
atmosphere (a zero-lift gravity turn). The kick angle shapes the trajectory: small kicks
loft, large kicks depress.

Why hand-written: no library integrates thousands of independent staged rockets with events
and dense output at compiled speed; this loop is the hot path of every raid.
"""

import math

import numba
import numpy as np

from goldendome.physics.constants import (
    MU_EARTH_M3_S2,
    R_EARTH_EQUATORIAL_M,
    WGS84_A_M,
    WGS84_B_M,
)

MAX_STAGES = 4
#: Event columns of the kernel's ``ev_t`` and ``ev_x`` outputs.
EV_BURNOUT, EV_APOGEE, EV_REENTRY, EV_IMPACT = 0, 1, 2, 3
N_EVENTS = 4
#: Altitude that marks reentry (the conventional 100 km), m.
REENTRY_ALTITUDE_M = 100_000.0
#: Below this altitude steps shrink to ``dt_reentry``, m.
DENSE_AIR_M = 120_000.0
#: Status codes per object.
STATUS_IMPACT, STATUS_FLYING, STATUS_NO_LIFTOFF = 0, 1, 2


@numba.njit(cache=True, inline="always")
def _height(x: float, y: float, z: float, sphere_r: float) -> float:
    """Height above the WGS-84 ellipsoid along the radius (within 1 m of the geodetic height
    below 120 km), or above a sphere of radius ``sphere_r`` when it is positive."""
    r = math.sqrt(x * x + y * y + z * z)
    if sphere_r > 0.0:
        return r - sphere_r
    s2 = z * z / (r * r)
    c2 = 1.0 - s2
    r_ell = WGS84_A_M * WGS84_B_M / math.sqrt(WGS84_B_M**2 * c2 + WGS84_A_M**2 * s2)
    return r - r_ell


@numba.njit(cache=True)
def _deriv(
    s: np.ndarray,
    out: np.ndarray,
    thrust_n: float,
    mass_kg: float,
    ux: float,
    uy: float,
    uz: float,
    steer_velocity: bool,
    drag_area_cd: float,
    beta: float,
    ln_rho: np.ndarray,
    dz: float,
    env: np.ndarray,
) -> None:
    """d(state)/dt for one object: state = [r (3), v (3)], ECI, SI units.

    Drag uses ``beta = m / (Cd A)``: the rocket's own while thrusting (``mass_kg /
    drag_area_cd``), the payload's ``beta`` after burnout; zero (or a zero ``drag_area_cd``)
    means no drag. ``env`` = [omega_earth, J2, sphere radius (0: WGS-84), drag on (1/0)].
    """
    omega, j2, sphere_r, drag_on = env[0], env[1], env[2], env[3]
    x, y, z, vx, vy, vz = s[0], s[1], s[2], s[3], s[4], s[5]
    r2 = x * x + y * y + z * z
    r = math.sqrt(r2)
    k = -MU_EARTH_M3_S2 / (r2 * r)
    q = 1.5 * j2 * (R_EARTH_EQUATORIAL_M / r) ** 2
    zz = 5.0 * z * z / r2
    ax = k * x * (1.0 + q * (1.0 - zz))
    ay = k * y * (1.0 + q * (1.0 - zz))
    az = k * z * (1.0 + q * (3.0 - zz))
    # Velocity relative to the atmosphere, which turns with the Earth.
    wx = vx + omega * y
    wy = vy - omega * x
    wz = vz
    w = math.sqrt(wx * wx + wy * wy + wz * wz)
    b = beta
    if thrust_n > 0.0:
        b = mass_kg / drag_area_cd if drag_area_cd > 0.0 else 0.0
    h = _height(x, y, z, sphere_r)
    if drag_on > 0.0 and b > 0.0 and w > 0.0 and h < dz * (ln_rho.shape[0] - 1):
        f = max(h, 0.0) / dz
        i = min(int(f), ln_rho.shape[0] - 2)
        rho = math.exp(ln_rho[i] + (f - i) * (ln_rho[i + 1] - ln_rho[i]))
        d = 0.5 * rho * w / b
        ax -= d * wx
        ay -= d * wy
        az -= d * wz
    if thrust_n > 0.0:
        tx, ty, tz = ux, uy, uz
        if steer_velocity and w > 0.0:
            tx, ty, tz = wx / w, wy / w, wz / w
        a_t = thrust_n / mass_kg
        ax += a_t * tx
        ay += a_t * ty
        az += a_t * tz
    out[0], out[1], out[2] = vx, vy, vz
    out[3], out[4], out[5] = ax, ay, az


@numba.njit(cache=True)
def _hermite(s0: np.ndarray, s1: np.ndarray, h: float, u: float, out: np.ndarray) -> None:
    """State at fraction ``u`` of a step of length ``h``: the cubic Hermite of the positions
    (with the velocities as end slopes), and its derivative for the velocity."""
    u2 = u * u
    u3 = u2 * u
    h00 = 2 * u3 - 3 * u2 + 1
    h10 = u3 - 2 * u2 + u
    h01 = -2 * u3 + 3 * u2
    h11 = u3 - u2
    g00 = (6 * u2 - 6 * u) / h
    g10 = 3 * u2 - 4 * u + 1
    g01 = (-6 * u2 + 6 * u) / h
    g11 = 3 * u2 - 2 * u
    for j in range(3):
        out[j] = h00 * s0[j] + h10 * h * s0[3 + j] + h01 * s1[j] + h11 * h * s1[3 + j]
        out[3 + j] = g00 * s0[j] + g10 * s0[3 + j] + g01 * s1[j] + g11 * s1[3 + j]


@numba.njit(cache=True)
def _locate(
    s0: np.ndarray,
    s1: np.ndarray,
    h: float,
    kind: int,
    level: float,
    tmp: np.ndarray,
    sphere_r: float,
) -> float:
    """Fraction of the step where a falling quantity crosses ``level`` (bisection, 40 halvings).

    ``kind`` 0: height above the ellipsoid; 1: radial velocity r.v (for apogee).
    """
    lo, hi = 0.0, 1.0
    for _ in range(40):
        mid = 0.5 * (lo + hi)
        _hermite(s0, s1, h, mid, tmp)
        if kind == 0:
            g = _height(tmp[0], tmp[1], tmp[2], sphere_r) - level
        else:
            g = tmp[0] * tmp[3] + tmp[1] * tmp[4] + tmp[2] * tmp[5]
        if g > 0.0:
            lo = mid
        else:
            hi = mid
    return hi


@numba.njit(cache=True)
def _record(ev_t: np.ndarray, ev_x: np.ndarray, n: int, k: int, t: float, x: np.ndarray) -> None:
    ev_t[n, k] = t
    for j in range(6):
        ev_x[n, k, j] = x[j]


@numba.njit(cache=True, parallel=True)
def fly_objects(
    t0_s: np.ndarray,
    x0: np.ndarray,
    up: np.ndarray,
    kick_dir: np.ndarray,
    vertical_s: np.ndarray,
    kick_s: np.ndarray,
    stage_thrust_n: np.ndarray,
    stage_mdot_kg_s: np.ndarray,
    stage_burn_s: np.ndarray,
    stage_dry_kg: np.ndarray,
    n_stages: np.ndarray,
    payload_kg: np.ndarray,
    cutoff_s: np.ndarray,
    drag_area_cd_m2: np.ndarray,
    beta_kg_m2: np.ndarray,
    ln_rho: np.ndarray,
    dz_m: float,
    env: np.ndarray,
    t_out_s: np.ndarray,
    store: bool,
    dt_boost_s: float,
    dt_coast_s: float,
    dt_reentry_s: float,
    t_max_s: float,
    t_stop_s: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Fly ``n`` objects to impact; see the module docstring for the model.

    An object whose step ends at or after its ``t_stop_s`` (scenario s; inf: none) stops
    there, still flying: its states up to that time are stored, its later events not sought.

    Returns
    -------
    y : (n, n_t, 6) float64, ECI states at ``t_out_s`` (NaN before the start and after impact;
        (n, 0, 6) when ``store`` is False)
    ev_t : (n, 4) float64, event times (burnout, apogee, reentry, impact), NaN if none
    ev_x : (n, 4, 6) float64, states at the events
    status : (n,) int64, STATUS_IMPACT, STATUS_FLYING (t_max reached) or STATUS_NO_LIFTOFF

    ``env`` = [omega_earth rad/s, J2, sphere radius m (0: WGS-84 ellipsoid), drag on (1/0)].
    """
    sphere_r = env[2]
    n = t0_s.shape[0]
    n_t = t_out_s.shape[0] if store else 0
    y = np.full((n, n_t, 6), np.nan)
    ev_t = np.full((n, N_EVENTS), np.nan)
    ev_x = np.full((n, N_EVENTS, 6), np.nan)
    status = np.full(n, STATUS_FLYING, dtype=np.int64)
    for o in numba.prange(n):
        s = x0[o].copy()
        s_new = np.empty(6)
        tmp = np.empty(6)
        k1 = np.empty(6)
        k2 = np.empty(6)
        k3 = np.empty(6)
        k4 = np.empty(6)
        ns = n_stages[o]
        mass0 = payload_kg[o]
        burn_total = 0.0
        for i in range(ns):
            mass0 += stage_mdot_kg_s[o, i] * stage_burn_s[o, i] + stage_dry_kg[o, i]
            burn_total += stage_burn_s[o, i]
        t_thrust_end = min(cutoff_s[o], burn_total)
        if ns > 0 and stage_thrust_n[o, 0] <= mass0 * 9.80665:
            status[o] = STATUS_NO_LIFTOFF
            continue
        j = 0
        while j < n_t and t_out_s[j] < t0_s[o]:
            j += 1
        tau = 0.0
        stage = 0
        stage_t0 = 0.0
        stage_m0 = mass0
        reentered = False
        while True:
            thrust = 0.0
            m_start = payload_kg[o]
            mdot = 0.0
            ux, uy, uz = 0.0, 0.0, 0.0
            steer_velocity = False
            if tau < t_thrust_end - 1e-9:
                while tau >= stage_t0 + stage_burn_s[o, stage] - 1e-9:
                    stage_m0 -= stage_mdot_kg_s[o, stage] * stage_burn_s[o, stage]
                    stage_m0 -= stage_dry_kg[o, stage]
                    stage_t0 += stage_burn_s[o, stage]
                    stage += 1
                thrust = stage_thrust_n[o, stage]
                mdot = stage_mdot_kg_s[o, stage]
                m_start = stage_m0 - mdot * (tau - stage_t0)
                nxt = min(stage_t0 + stage_burn_s[o, stage], t_thrust_end)
                if tau < vertical_s[o] - 1e-9:
                    ux, uy, uz = up[o, 0], up[o, 1], up[o, 2]
                    nxt = min(nxt, vertical_s[o])
                elif tau < vertical_s[o] + kick_s[o] - 1e-9:
                    ux, uy, uz = kick_dir[o, 0], kick_dir[o, 1], kick_dir[o, 2]
                    nxt = min(nxt, vertical_s[o] + kick_s[o])
                else:
                    steer_velocity = True
                h = min(dt_boost_s, nxt - tau)
            else:
                alt = _height(s[0], s[1], s[2], sphere_r)
                if alt < DENSE_AIR_M:
                    h = dt_reentry_s
                else:
                    h = dt_coast_s
                    rv = (s[0] * s[3] + s[1] * s[4] + s[2] * s[5]) / math.sqrt(
                        s[0] ** 2 + s[1] ** 2 + s[2] ** 2
                    )
                    if rv < 0.0:
                        h = min(h, max(dt_reentry_s, (alt - DENSE_AIR_M) / -rv + dt_reentry_s))
            cd_a = drag_area_cd_m2[o]
            beta = beta_kg_m2[o]
            _deriv(
                s, k1, thrust, m_start, ux, uy, uz, steer_velocity, cd_a, beta, ln_rho, dz_m, env
            )
            for q in range(6):
                tmp[q] = s[q] + 0.5 * h * k1[q]
            m_half = m_start - mdot * 0.5 * h
            _deriv(
                tmp, k2, thrust, m_half, ux, uy, uz, steer_velocity, cd_a, beta, ln_rho, dz_m, env
            )
            for q in range(6):
                tmp[q] = s[q] + 0.5 * h * k2[q]
            _deriv(
                tmp, k3, thrust, m_half, ux, uy, uz, steer_velocity, cd_a, beta, ln_rho, dz_m, env
            )
            for q in range(6):
                tmp[q] = s[q] + h * k3[q]
            m_end = m_start - mdot * h
            _deriv(
                tmp, k4, thrust, m_end, ux, uy, uz, steer_velocity, cd_a, beta, ln_rho, dz_m, env
            )
            for q in range(6):
                s_new[q] = s[q] + h / 6.0 * (k1[q] + 2.0 * k2[q] + 2.0 * k3[q] + k4[q])
            t_start = t0_s[o] + tau
            t_end = t_start + h
            stop_u = 2.0
            if thrust > 0.0 and tau + h >= t_thrust_end - 1e-9:
                _record(ev_t, ev_x, o, EV_BURNOUT, t_end, s_new)
            rv1 = s_new[0] * s_new[3] + s_new[1] * s_new[4] + s_new[2] * s_new[5]
            h1 = _height(s_new[0], s_new[1], s_new[2], sphere_r)
            if thrust == 0.0:
                rv0 = s[0] * s[3] + s[1] * s[4] + s[2] * s[5]
                if rv0 > 0.0 and rv1 <= 0.0 and np.isnan(ev_t[o, EV_APOGEE]):
                    u = _locate(s, s_new, h, 1, 0.0, tmp, sphere_r)
                    _hermite(s, s_new, h, u, tmp)
                    _record(ev_t, ev_x, o, EV_APOGEE, t_start + u * h, tmp)
                if not reentered and h1 <= REENTRY_ALTITUDE_M and rv1 < 0.0:
                    if _height(s[0], s[1], s[2], sphere_r) > REENTRY_ALTITUDE_M:
                        u = _locate(s, s_new, h, 0, REENTRY_ALTITUDE_M, tmp, sphere_r)
                        _hermite(s, s_new, h, u, tmp)
                        _record(ev_t, ev_x, o, EV_REENTRY, t_start + u * h, tmp)
                    reentered = True
            if h1 <= 0.0 and rv1 < 0.0:  # the ground, in any phase (a rocket may fly into it)
                stop_u = _locate(s, s_new, h, 0, 0.0, tmp, sphere_r)
                _hermite(s, s_new, h, stop_u, tmp)
                _record(ev_t, ev_x, o, EV_IMPACT, t_start + stop_u * h, tmp)
                status[o] = STATUS_IMPACT
            while j < n_t and t_out_s[j] <= t_end:
                u = (t_out_s[j] - t_start) / h
                if u > stop_u:
                    break
                _hermite(s, s_new, h, u, tmp)
                for q in range(6):
                    y[o, j, q] = tmp[q]
                j += 1
            if status[o] == STATUS_IMPACT:
                break
            for q in range(6):
                s[q] = s_new[q]
            tau += h
            if tau >= t_max_s or t_end >= t_stop_s[o]:
                break
    return y, ev_t, ev_x, status
