"""Compiled equilibrium glide of many vehicles, one at a time in parallel: the step loop of
:func:`goldendome.threats.glide.glide` (same formulas: spherical great-circle steps, the
equilibrium altitude from the US76 table, bank proportional to the heading error), which in
NumPy costs a few milliseconds of interpreter time a step whatever the number of vehicles.
"""

import math

import numba
import numpy as np

from goldendome.physics.constants import MU_EARTH_M3_S2, R_EARTH_MEAN_M


@numba.njit(cache=True)
def _interp(x: float, xp: np.ndarray, fp: np.ndarray) -> float:
    """``np.interp`` for one value (NaN stays NaN; clamped at the ends)."""
    if math.isnan(x):
        return math.nan
    n = xp.shape[0]
    if x <= xp[0]:
        return float(fp[0])
    if x >= xp[n - 1]:
        return float(fp[n - 1])
    lo, hi = 0, n - 1
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if xp[mid] <= x:
            lo = mid
        else:
            hi = mid
    slope = (fp[hi] - fp[lo]) / (xp[hi] - xp[lo])
    return float(slope * (x - xp[lo]) + fp[lo])


@numba.njit(cache=True)
def equilibrium_altitude(
    v: float, bank: float, ld: float, beta: float, h: float, neg_ln_rho: np.ndarray,
    heights: np.ndarray,
) -> float:  # fmt: skip
    """:func:`goldendome.threats.glide.equilibrium_altitude_m` for one vehicle."""
    for _ in range(2):
        r = R_EARTH_MEAN_M + h
        need = MU_EARTH_M3_S2 / r**2 - v * v / r
        rho = 2.0 * beta * need / (math.cos(bank) * ld * v * v)
        x = -math.log(rho) if rho > 0.0 else math.nan
        h = _interp(x, neg_ln_rho, heights)
        if not need > 0.0:
            h = math.nan
    return h


@numba.njit(cache=True, inline="always")
def _distance(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dlon = lon2 - lon1
    s1, c1, s2, c2 = math.sin(lat1), math.cos(lat1), math.sin(lat2), math.cos(lat2)
    num = math.hypot(c2 * math.sin(dlon), c1 * s2 - s1 * c2 * math.cos(dlon))
    den = s1 * s2 + c1 * c2 * math.cos(dlon)
    return R_EARTH_MEAN_M * math.atan2(num, den)


@numba.njit(cache=True, inline="always")
def _azimuth(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dlon = lon2 - lon1
    y = math.sin(dlon) * math.cos(lat2)
    x = math.cos(lat1) * math.sin(lat2) - math.sin(lat1) * math.cos(lat2) * math.cos(dlon)
    az = math.atan2(y, x) % (2.0 * math.pi)
    return 0.0 if az >= 2.0 * math.pi else az


@numba.njit(cache=True, inline="always")
def _destination(lat: float, lon: float, az: float, dist: float) -> tuple[float, float]:
    d = dist / R_EARTH_MEAN_M
    s_lat, c_lat, s_lon, c_lon = math.sin(lat), math.cos(lat), math.sin(lon), math.cos(lon)
    s_az, c_az, s_d, c_d = math.sin(az), math.cos(az), math.sin(d), math.cos(d)
    x = c_d * c_lat * c_lon + s_d * (-c_az * s_lat * c_lon - s_az * s_lon)
    y = c_d * c_lat * s_lon + s_d * (-c_az * s_lat * s_lon + s_az * c_lon)
    z = c_d * s_lat + s_d * c_az * c_lat
    return math.atan2(z, math.hypot(x, y)), math.atan2(y, x)


@numba.njit(cache=True)
def _glide_one(
    i: int, t0: np.ndarray, lat0: np.ndarray, lon0: np.ndarray, psi0: np.ndarray,
    v0: np.ndarray, tlat: np.ndarray, tlon: np.ndarray, ld: float, beta: float,
    neg_ln_rho: np.ndarray, heights: np.ndarray, params: np.ndarray, max_steps: int,
    out: np.ndarray, store: int,
) -> tuple[int, float, bool]:  # fmt: skip
    """Glide vehicle ``i``; returns (samples, dive start time, reached). ``params`` = [bank
    gain, max bank, tan(dive angle), end speed, step]; with ``store`` 1, sample ``k`` goes to
    ``out[i, k, :]`` as (t, lat, lon, h, v, psi, bank); with 2, the first to ``out[i, 0]``
    and the latest to ``out[i, 1]`` (the glide's ends); with 0 none."""
    gain, max_bank, tan_dive, end_speed, dt = params[0], params[1], params[2], params[3], params[4]
    t, lat, lon, psi, v = t0[i], lat0[i], lon0[i], psi0[i], v0[i]
    h = equilibrium_altitude(v, 0.0, ld, beta, 40e3, neg_ln_rho, heights)
    if not math.isfinite(h):
        return 0, math.nan, False
    for k in range(max_steps):
        remaining = _distance(lat, lon, tlat[i], tlon[i])
        err = _azimuth(lat, lon, tlat[i], tlon[i]) - psi
        bank = min(max(gain * math.atan2(math.sin(err), math.cos(err)), -max_bank), max_bank)
        h = equilibrium_altitude(v, bank, ld, beta, h, neg_ln_rho, heights)
        if store:
            j = k if store == 1 else min(k, 1)
            out[i, j, 0], out[i, j, 1], out[i, j, 2], out[i, j, 3] = t, lat, lon, h
            out[i, j, 4], out[i, j, 5], out[i, j, 6] = v, psi, bank
        arrived = remaining <= h / tan_dive
        if arrived or v < end_speed:
            return k + 1, t, arrived
        r = R_EARTH_MEAN_M + h
        need = MU_EARTH_M3_S2 / r**2 - v * v / r
        lat_new, lon_new = _destination(lat, lon, psi, v * dt * R_EARTH_MEAN_M / r)
        psi_moved = (_azimuth(lat_new, lon_new, lat, lon) + math.pi) % (2.0 * math.pi)
        psi = psi_moved + need * math.tan(bank) / v * dt
        v = v - need / (math.cos(bank) * ld) * dt
        lat, lon = lat_new, lon_new
        t = t + dt
    return max_steps, math.nan, False


@numba.njit(cache=True, parallel=True)
def glide_all(
    t0: np.ndarray, lat0: np.ndarray, lon0: np.ndarray, psi0: np.ndarray, v0: np.ndarray,
    tlat: np.ndarray, tlon: np.ndarray, ld: float, beta: float, neg_ln_rho: np.ndarray,
    heights: np.ndarray, params: np.ndarray, max_steps: int, ends_only: bool,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:  # fmt: skip
    """Glide every vehicle: samples ``(n, n_step, 7)`` (NaN after each one's end; with
    ``ends_only`` ``(n, 2, 7)``, the first sample and the last, in one pass), sample counts,
    dive start times (NaN when none) and whether each reached its target."""
    n = t0.shape[0]
    count = np.zeros(n, np.int64)
    end_t = np.full(n, np.nan)
    reached = np.zeros(n, np.bool_)
    out = np.full((n, 2, 7), np.nan) if ends_only else np.empty((0, 0, 7))
    for i in numba.prange(n):
        count[i], end_t[i], reached[i] = _glide_one(
            i, t0, lat0, lon0, psi0, v0, tlat, tlon, ld, beta, neg_ln_rho, heights, params,
            max_steps, out, 2 if ends_only else 0,
        )  # fmt: skip
    if ends_only:
        return out, count, end_t, reached
    out = np.full((n, max(1, int(count.max()) if n else 1), 7), np.nan)
    for i in numba.prange(n):
        _glide_one(i, t0, lat0, lon0, psi0, v0, tlat, tlon, ld, beta, neg_ln_rho, heights,
                   params, max_steps, out, 1)  # fmt: skip
    return out, count, end_t, reached
