"""Fly launches that differ only in their launch time once: the others turn with the Earth.

Missiles of one class launched from one point with one kick, cut-off and azimuth fly one
Earth-fixed path whatever their launch time: the flight kernel's gravity (J2) and atmosphere
(US76 on the ellipsoid, turning with the Earth) are symmetric about the rotation axis, so a
launch ``dt`` later flies the same inertial path turned about z by ``omega dt`` and later by
``dt``. A raid's salvo (a hundred missiles on one aim, half a second apart) is therefore
flown as one kernel flight per set, sampled at every member's times, and each member's
states and events are that flight's, turned and shifted. They agree with flying each member
to rounding (the kernel's steps fall at the same times after launch); a set of one, and each
set's first member, are flown as themselves, bit for bit.
"""

import numba
import numpy as np

from goldendome.physics._types import ArrayLike, FloatArray, IntArray
from goldendome.physics.constants import OMEGA_EARTH_RAD_S
from goldendome.threats.ballistic import FlightPhysics, Launches
from goldendome.threats.flight import BURNOUT, Flight, fly, launch_states


def _turned(x: FloatArray, angle_rad: FloatArray) -> FloatArray:
    """States ``(n, ..., 6)`` turned about z by ``angle_rad`` ``(n,)`` (positions and
    velocities alike, both inertial), in place; rows with no angle are left as they are."""
    moved = np.flatnonzero(angle_rad != 0.0)
    if not moved.size:
        return x
    c, s = np.cos(angle_rad[moved]), np.sin(angle_rad[moved])
    turn = np.zeros((moved.size, 3, 3))
    turn[:, 0, 0], turn[:, 0, 1], turn[:, 1, 0], turn[:, 1, 1] = c, s, -s, c  # transposed
    turn[:, 2, 2] = 1.0
    part = x[moved]
    x[moved] = np.matmul(part.reshape(moved.size, -1, 3), turn).reshape(part.shape)
    return x


@numba.njit(cache=True)
def _gather_turned(
    y: np.ndarray, row: np.ndarray, cols: np.ndarray, which: np.ndarray, c: np.ndarray,
    s: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """``out[i, j] = turn_i(y[row[i], cols[which[i], j]])``, the turn ``(c[i], s[i])`` about
    z applied to positions and velocities (an untouched copy where ``s[i]`` is 0): the
    members' states from their sets' flights without an ``(n, n_time, 6)`` temporary."""
    n, m = row.shape[0], cols.shape[1]
    out = np.empty((n, m, 6))
    for i in range(n):
        r, k, ci, si = row[i], which[i], c[i], s[i]
        for j in range(m):
            src = y[r, cols[k, j]]
            if si == 0.0:
                for q in range(6):
                    out[i, j, q] = src[q]
                continue
            for q in (0, 3):
                out[i, j, q] = ci * src[q] - si * src[q + 1]
                out[i, j, q + 1] = si * src[q] + ci * src[q + 1]
            out[i, j, 2] = src[2]
            out[i, j, 5] = src[5]
    return out


def _sets(launches: Launches, stop_after_s: FloatArray) -> tuple[IntArray, IntArray]:
    """Per launch, the first launch of its set (same everything but the launch time), and
    the sets' first launches."""
    columns = [a.reshape(len(launches), -1) for name, a in launches._arrays().items()
               if name != "t_launch_s"]  # fmt: skip
    key = np.concatenate([*columns, stop_after_s[:, None]], axis=1).astype(np.float64)
    _, first, inverse = np.unique(key, axis=0, return_index=True, return_inverse=True)
    rep = first[inverse.reshape(-1)]
    return rep, np.unique(rep)


def fly_same_paths(
    launches: Launches,
    t_out_s: ArrayLike,
    *,
    theta0_rad: float = 0.0,
    physics: FlightPhysics = FlightPhysics(),
    t_stop_s: ArrayLike | None = None,
) -> Flight:
    """:func:`goldendome.threats.flight.fly` (same parameters, states stored on ``t_out_s``),
    flying one launch of each set that differs only in launch time (see the module doc).

    Falls back to flying every launch when the sets' sample times would outnumber the
    launches' own (launch times off a common lattice).
    """
    t_out = np.asarray(t_out_s, np.float64)
    n = len(launches)
    t0 = launches.t_launch_s
    stop = np.full(n, np.inf) if t_stop_s is None else np.asarray(t_stop_s, np.float64)
    stop = np.where(np.isnan(stop), np.inf, stop)
    # Stops a rounding apart are one stop (the flight ends with the step that passes it).
    after = np.round(stop - t0, 6)
    rep, reps = _sets(launches, after)
    dt = t0 - t0[rep]
    shifts, which = np.unique(dt, return_inverse=True)
    times = np.unique(np.concatenate([t_out - d for d in shifts]))
    if reps.size == n or reps.size * times.size > n * t_out.size:
        return fly(launches, t_out, theta0_rad=theta0_rad, physics=physics, t_stop_s=stop)
    flown = fly(launches.take(reps), times, theta0_rad=theta0_rad, physics=physics,
                t_stop_s=stop[reps])  # fmt: skip
    row = np.searchsorted(reps, rep)
    cols = np.stack([np.searchsorted(times, t_out - d) for d in shifts])
    omega = OMEGA_EARTH_RAD_S if physics.rotating_earth else 0.0
    angle = omega * dt
    member_shift = which.reshape(-1).astype(np.int64)
    y = _gather_turned(np.ascontiguousarray(flown.y_eci), row, cols, member_shift,
                       np.cos(angle), np.sin(angle))  # fmt: skip
    event_t = flown.event_t_s[row] + dt[:, None]
    event_x = _turned(flown.event_x_eci[row], angle)
    x0, _, _ = launch_states(launches, theta0_rad, physics)
    x_start = np.concatenate([x0[:, :3], event_x[:, BURNOUT, 3:]], axis=-1)
    return Flight(
        launches.lat_rad, launches.lon_rad, t0, physics, theta0_rad, t_out, y, event_t,
        event_x, flown.status[row], x_start,
    )  # fmt: skip
