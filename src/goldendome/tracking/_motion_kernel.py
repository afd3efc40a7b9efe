"""Compiled RK4 of ballistic states and their state transition matrices, one track at a time.

The same model and steps as :func:`goldendome.tracking.motion.propagate_reference` (point
mass, optionally J2, and the analytic gravity gradient of
:func:`goldendome.tracking.motion.gravity_gradient`), without ``(n, 6, 6)`` temporaries.
"""

import math

import numba as nb
import numpy as np

from goldendome.physics._types import FloatArray, IntArray
from goldendome.physics.constants import J2_EARTH, MU_EARTH_M3_S2, R_EARTH_EQUATORIAL_M

_K_J2 = -1.5 * J2_EARTH * MU_EARTH_M3_S2 * R_EARTH_EQUATORIAL_M**2
_J2_C = (1.0, 1.0, 3.0)


@nb.njit(cache=True)
def _field(r: FloatArray, j2: bool, acc: FloatArray, grad: FloatArray) -> None:
    """Gravity ``acc (3,)`` and its gradient ``grad (3, 3)`` at ``r (3,)``."""
    r2 = r[0] * r[0] + r[1] * r[1] + r[2] * r[2]
    norm = math.sqrt(r2)
    inv_r5 = r2**-2.5
    for i in range(3):
        acc[i] = -MU_EARTH_M3_S2 * r[i] / norm**3
        for j in range(3):
            grad[i, j] = MU_EARTH_M3_S2 * inv_r5 * (3.0 * r[i] * r[j] - (r2 if i == j else 0.0))
    if not j2:
        return
    s = r[2] / norm
    c = MU_EARTH_M3_S2 / (norm * norm) * J2_EARTH * (R_EARTH_EQUATORIAL_M / norm) ** 2
    radial = c * (3.0 * (0.5 * (3.0 * s * s - 1.0)) + s * (3.0 * s))
    for i in range(3):
        acc[i] += radial * r[i] / norm
    acc[2] += -c * (3.0 * s)
    s2 = r[2] * r[2] / r2
    inv_r7 = inv_r5 / r2
    for i in range(3):
        for j in range(3):
            term = r[i] * r[j] * (35.0 * s2 - 5.0 * _J2_C[i]) * inv_r7
            if i == j:
                term += (_J2_C[i] - 5.0 * s2) * inv_r5
            grad[i, j] += _K_J2 * term
        grad[i, 2] -= _K_J2 * 10.0 * r[2] * r[i] * inv_r7


@nb.njit(cache=True)
def _derivatives(x: FloatArray, stm: FloatArray, j2: bool, dx: FloatArray, dstm: FloatArray,
                 acc: FloatArray, grad: FloatArray) -> None:  # fmt: skip
    """Right-hand sides of a state (6,) and of its transition matrix (6, 6), into ``dx`` and
    ``dstm`` (``acc``, ``grad``: scratch)."""
    _field(x[:3], j2, acc, grad)
    for i in range(3):
        dx[i] = x[3 + i]
        dx[3 + i] = acc[i]
        for j in range(6):
            dstm[i, j] = stm[3 + i, j]
            g0, g1, g2 = grad[i, 0], grad[i, 1], grad[i, 2]
            dstm[3 + i, j] = g0 * stm[0, j] + g1 * stm[1, j] + g2 * stm[2, j]


@nb.njit(cache=True)
def propagate_tracks(x: FloatArray, h: FloatArray, n_sub: IntArray, j2: bool) -> FloatArray:
    """States ``x (n, 6)`` stepped in place ``n_sub[k]`` RK4 sub-steps of ``h[k]`` seconds;
    returns the transition matrices ``(n, 6, 6)``."""
    n = x.shape[0]
    stm_all = np.zeros((n, 6, 6))
    kx, kp = np.empty((4, 6)), np.empty((4, 6, 6))
    xs, ps = np.empty(6), np.empty((6, 6))
    acc, grad = np.empty(3), np.empty((3, 3))
    weight = (1.0, 2.0, 2.0, 1.0)
    for t in range(n):
        stm, xt = stm_all[t], x[t]
        for i in range(6):
            stm[i, i] = 1.0
        for _ in range(n_sub[t]):
            step = h[t]
            xs[:], ps[:] = xt, stm
            for stage in range(4):
                _derivatives(xs, ps, j2, kx[stage], kp[stage], acc, grad)
                if stage < 3:  # the next stage's point: half a step, then a whole one
                    frac = (0.5 if stage < 2 else 1.0) * step
                    for i in range(6):
                        xs[i] = xt[i] + frac * kx[stage, i]
                        for j in range(6):
                            ps[i, j] = stm[i, j] + frac * kp[stage, i, j]
            for i in range(6):
                acc_x = 0.0
                for q in range(4):
                    acc_x += weight[q] * kx[q, i]
                for j in range(6):
                    acc_p = 0.0
                    for q in range(4):
                        acc_p += weight[q] * kp[q, i, j]
                    stm[i, j] = stm[i, j] + (step / 6.0) * acc_p
                xt[i] = xt[i] + (step / 6.0) * acc_x
    return stm_all
