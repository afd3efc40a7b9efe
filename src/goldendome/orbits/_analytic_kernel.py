"""Compiled kernel of the analytic (Kepler + J2 secular) propagator.

Each satellite's mean anomaly, argument of perigee and right ascension of the node are
linear in time, and so is the Earth rotation angle. On a uniform time grid their sines and
cosines follow from one rotation per step (angle addition) instead of a call to ``sin``
and ``cos`` per sample; every ``RESYNC`` steps they are recomputed exactly so rounding
cannot accumulate. Kepler's equation is solved by Newton's method on ``delta = E - M``,
again by angle addition from ``sin M`` and ``cos M`` (a series in ``delta``, exact to
1e-15 for the eccentricities it is used for); very eccentric orbits call ``sin``/``cos``.
Circular orbits (e = 0) skip Kepler and the perigee entirely. Written by hand because no
library propagates mean elements on a grid this way; the NumPy reference it is tested
against is :func:`goldendome.orbits.analytic.propagate_reference`.
"""

import math

import numba as nb
import numpy as np

from goldendome.physics._types import FloatArray

#: Steps between exact recomputations of the rotating angles.
RESYNC = 64
#: Below this eccentricity Kepler's equation is solved by angle addition (|E - M| < 0.43).
SERIES_ECCENTRICITY = 0.3


@nb.njit(cache=True, inline="always")
def _sin_cos_small(d: float) -> tuple[float, float]:
    d2 = d * d
    s = d * (
        1.0
        - d2 / 6.0 * (1.0 - d2 / 20.0 * (1.0 - d2 / 42.0 * (1.0 - d2 / 72.0 * (1.0 - d2 / 110.0))))
    )
    c = 1.0 - d2 / 2.0 * (
        1.0 - d2 / 12.0 * (1.0 - d2 / 30.0 * (1.0 - d2 / 56.0 * (1.0 - d2 / 90.0)))
    )
    return s, c


@nb.njit(cache=True, inline="always")
def _eccentric(m: float, sm: float, cm: float, e: float) -> tuple[float, float]:
    """``(sin E, cos E)`` for mean anomaly ``m`` (with its sine and cosine) and ``e``."""
    if e == 0.0:
        return sm, cm
    if e < SERIES_ECCENTRICITY:
        d = e * sm
        for _ in range(8):
            sd, cd = _sin_cos_small(d)
            se = sm * cd + cm * sd
            ce = cm * cd - sm * sd
            step = (d - e * se) / (1.0 - e * ce)
            d -= step
            if abs(step) < 1e-15:
                break
        sd, cd = _sin_cos_small(d)
        return sm * cd + cm * sd, cm * cd - sm * sd
    big_e = m if e < 0.8 else math.pi
    for _ in range(30):
        step = (big_e - e * math.sin(big_e) - m) / (1.0 - e * math.cos(big_e))
        big_e -= step
        if abs(step) < 1e-14:
            break
    return math.sin(big_e), math.cos(big_e)


@nb.njit(parallel=True, cache=True)
def positions_kernel(
    elements: FloatArray,
    rates: FloatArray,
    t_s: FloatArray,
    uniform: bool,
    theta0_rad: float,
    omega_earth_rad_s: float,
    out: FloatArray,
) -> None:
    """Fill ``out`` (n_sat, n_t, 3) with positions in meters.

    ``elements`` is (n_sat, 6): a, e, i, RAAN, argp, M at t = 0; ``rates`` is (n_sat, 3):
    RAAN, argp and M rates in rad/s. ``theta0_rad`` NaN gives ECI, else ECEF with the
    Earth rotation angle ``theta0 + omega * t``.
    """
    n_sat = elements.shape[0]
    n_t = t_s.shape[0]
    ecef = not math.isnan(theta0_rad)
    dt = t_s[1] - t_s[0] if n_t > 1 else 0.0
    for s in nb.prange(n_sat):
        a, e, inc = elements[s, 0], elements[s, 1], elements[s, 2]
        raan0, argp0, m0 = elements[s, 3], elements[s, 4], elements[s, 5]
        draan, dargp, dm = rates[s, 0], rates[s, 1], rates[s, 2]
        ci, si = math.cos(inc), math.sin(inc)
        b = a * math.sqrt(1.0 - e * e)
        circular = e == 0.0
        # In ECEF the node's longitude (RAAN - theta) replaces the RAAN.
        dnode = draan - omega_earth_rad_s if ecef else draan
        node0 = raan0 - theta0_rad if ecef else raan0
        # On a circular orbit only the argument of latitude u = argp + M matters.
        dang = dargp + dm if circular else dm
        ang0 = argp0 + m0 if circular else m0
        rot_node = (math.cos(dnode * dt), math.sin(dnode * dt))
        rot_ang = (math.cos(dang * dt), math.sin(dang * dt))
        rot_w = (math.cos(dargp * dt), math.sin(dargp * dt))
        cn = sn = ca = sa = cw = sw = 0.0
        for k in range(n_t):
            t = t_s[k]
            if not uniform or k % RESYNC == 0:
                node = node0 + dnode * t
                ang = ang0 + dang * t
                cn, sn = math.cos(node), math.sin(node)
                ca, sa = math.cos(ang), math.sin(ang)
                if not circular:
                    w = argp0 + dargp * t
                    cw, sw = math.cos(w), math.sin(w)
            elif k > 0:
                cn, sn = cn * rot_node[0] - sn * rot_node[1], sn * rot_node[0] + cn * rot_node[1]
                ca, sa = ca * rot_ang[0] - sa * rot_ang[1], sa * rot_ang[0] + ca * rot_ang[1]
                if not circular:
                    cw, sw = cw * rot_w[0] - sw * rot_w[1], sw * rot_w[0] + cw * rot_w[1]
            if circular:
                xw = a * ca
                yw = a * sa
            else:
                se, ce = _eccentric(m0 + dm * t, sa, ca, e)
                xp = a * (ce - e)
                yp = b * se
                xw = xp * cw - yp * sw
                yw = xp * sw + yp * cw
            out[s, k, 0] = xw * cn - yw * ci * sn
            out[s, k, 1] = xw * sn + yw * ci * cn
            out[s, k, 2] = yw * si


def warm_up() -> None:
    """Compile the kernel on a tiny problem (numba caches it on disk afterwards)."""
    el = np.array([[7e6, 0.0, 1.0, 0.0, 0.0, 0.0], [7e6, 0.1, 1.0, 0.0, 0.0, 0.0]])
    out = np.empty((2, 2, 3))
    positions_kernel(el, np.zeros((2, 3)), np.array([0.0, 1.0]), True, math.nan, 0.0, out)
