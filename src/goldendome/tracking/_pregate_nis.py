"""Compiled NIS of (track, measurement) pairs for pre-gating: a track's projection into a
sensor frame (predicted range, azimuth, elevation and ``H P H^T`` over them, which depend on
the track and the frame only, so a scan computes them once per track), and the NIS of a
projected track against one measurement; the same arithmetic as
:func:`goldendome.tracking.association.pairs_nis` with range rate left out.
"""

import math

import numba as nb
import numpy as np

from goldendome.physics._types import FloatArray

#: Tracks: states (n, 6), covariances (n, 6, 6), largest position variances (n,).
Tracks = tuple[FloatArray, FloatArray, FloatArray]
#: One scan: sensor position (3,), rotation (3, 3), lines of sight (n_m, 3), elevation and
#: azimuth variances (n_m,) (NaN without angles), range, azimuth and elevation (n_m, 3) (NaN:
#: not measured), their variances (n_m, 3), and each measurement's gate (n_m,).
Frame = tuple[
    FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray
]
#: Columns of a projection row: predicted range, azimuth, elevation, then ``H P H^T`` over
#: them (``c00, c01, c02, c11, c12, c22``), then 1 when valid.
PROJECTION_COLUMNS = 10
_SYM = ((0, 1, 2), (1, 3, 4), (2, 4, 5))


@nb.njit(cache=True, inline="always")
def wrap(a: float) -> float:
    """An angle difference wrapped to (-pi, pi], as
    :func:`goldendome.physics.angles.wrap_angle` does."""
    return a - 2.0 * math.pi * math.ceil((a - math.pi) / (2.0 * math.pi))


@nb.njit(cache=True)
def project(x: FloatArray, p: FloatArray, t: int, origin: FloatArray, rot: FloatArray,
            out: FloatArray, work: FloatArray) -> None:  # fmt: skip
    """Track ``t``'s predicted range, azimuth and elevation in the frame (``origin (3,)``,
    ``rot (3, 3)``) and ``H P H^T`` over them, into row ``t`` of ``out (n, 10)``, as
    :func:`goldendome.tracking.measurement.predict` and
    :func:`goldendome.tracking.association.pairs_nis` compute them. ``work``: scratch
    (3, 3, 3)."""
    w0, w1, w2 = x[t, 0] - origin[0], x[t, 1] - origin[1], x[t, 2] - origin[2]
    e = rot[0, 0] * w0 + rot[0, 1] * w1 + rot[0, 2] * w2
    n = rot[1, 0] * w0 + rot[1, 1] * w1 + rot[1, 2] * w2
    u = rot[2, 0] * w0 + rot[2, 1] * w1 + rot[2, 2] * w2
    rho = math.sqrt(e * e + n * n + u * u)
    horiz2 = e * e + n * n
    k = rho * rho * math.sqrt(horiz2)
    d = ((e / rho, n / rho, u / rho), (n / horiz2, -e / horiz2, 0.0),
         (-e * u / k, -n * u / k, horiz2 / k))  # fmt: skip
    for i in range(3):  # work[0]: rows of the Jacobian over ECI position
        for j in range(3):
            work[0, i, j] = d[i][0] * rot[0, j] + d[i][1] * rot[1, j] + d[i][2] * rot[2, j]
    for i in range(3):  # work[1]: H P
        for j in range(3):
            work[1, i, j] = (work[0, i, 0] * p[t, 0, j] + work[0, i, 1] * p[t, 1, j]
                             + work[0, i, 2] * p[t, 2, j])  # fmt: skip
    out[t, 0], out[t, 1], out[t, 2] = rho, math.atan2(e, n), math.asin(u / rho)
    for i in range(3):
        for j in range(i, 3):
            out[t, 3 + _SYM[i][j]] = (work[1, i, 0] * work[0, j, 0] + work[1, i, 1] * work[0, j, 1]
                                      + work[1, i, 2] * work[0, j, 2])  # fmt: skip
    out[t, 9] = 1.0


@nb.njit(cache=True)
def nis_of(cache: FloatArray, t: int, z: FloatArray, r: FloatArray, m: int,
           work: FloatArray) -> float:  # fmt: skip
    """NIS of projected track ``t`` (row ``t`` of ``cache``, see :func:`project`) against
    measurement ``m``'s range, azimuth and elevation ``z[m]`` (NaN: not measured) of
    variances ``r[m]``; NaN when ``S`` is not positive definite. ``work``: scratch (3, 3, 3)."""
    c = 0
    for i in range(3):
        if z[m, i] == z[m, i]:
            work[2, 1, c] = i
            c += 1
    if c == 0:
        return 0.0
    for a in range(c):  # S (work[0]) and the residual (work[2, 0])
        ia = int(work[2, 1, a])
        for b in range(a + 1):
            work[0, a, b] = cache[t, 3 + _SYM[ia][int(work[2, 1, b])]]
        work[0, a, a] += r[m, ia]
        y = z[m, ia] - cache[t, ia]
        work[2, 0, a] = wrap(y) if ia > 0 else y
    for a in range(c):  # Cholesky factor of S (work[1])
        for b in range(a + 1):
            acc = work[0, a, b]
            for q in range(b):
                acc -= work[1, a, q] * work[1, b, q]
            if a == b:
                if not acc > 0.0:
                    return math.nan
                work[1, a, a] = math.sqrt(acc)
            else:
                work[1, a, b] = acc / work[1, b, b]
    nis = 0.0
    for a in range(c):  # |L^-1 y|^2
        acc = work[2, 0, a]
        for q in range(a):
            acc -= work[1, a, q] * work[2, 0, q]
        work[2, 0, a] = acc / work[1, a, a]
        nis += work[2, 0, a] * work[2, 0, a]
    return nis


@nb.njit(cache=True)
def grow(a: np.ndarray) -> np.ndarray:
    """``a`` in an array twice as long."""
    out = np.empty(2 * a.size, a.dtype)
    out[: a.size] = a
    return out
