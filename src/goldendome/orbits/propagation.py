"""Numerical propagation of satellite states under point-mass gravity and zonal harmonics.

This is the reference propagator: fixed-step RK4 on the full gravity model from
:mod:`goldendome.physics.gravity`, vectorized over satellites. Fast analytic propagation
arrives with the space-layer work; this one stays as its accuracy reference.
"""

from collections.abc import Callable

import numpy as np

from goldendome.physics._types import ArrayLike, FloatArray
from goldendome.physics.gravity import gravity_acceleration
from goldendome.physics.integrators import rk4_fixed


def gravity_rhs(zonal_degree: int = 2) -> Callable[[FloatArray, FloatArray], FloatArray]:
    """Right-hand side ``d[r, v]/dt = [v, g(r)]`` for states in the ECI frame.

    Parameters
    ----------
    zonal_degree : int
        0 (two-body), 2, 3 or 4 (zonal harmonics up to J4).

    Returns
    -------
    callable
        ``f(t_s (n,), y (n, 6)) -> (n, 6)`` in m/s and m/s^2.
    """

    def rhs(t_s: FloatArray, y: FloatArray) -> FloatArray:
        return np.concatenate(
            [y[:, 3:], gravity_acceleration(y[:, :3], zonal_degree=zonal_degree)], axis=1
        )

    return rhs


def propagate_numerical(
    x0_eci: ArrayLike,
    t_s: ArrayLike,
    *,
    zonal_degree: int = 2,
    max_step_s: float = 10.0,
    chunk: int = 4096,
    on_chunk: Callable[[int], None] | None = None,
) -> FloatArray:
    """States of satellites at common times, by RK4 integration.

    Parameters
    ----------
    x0_eci : (n_satellite, 6) float64, meters and m/s
        States at ``t_s[0]``.
    t_s : (n_time,) float64, seconds
        Increasing output times.
    zonal_degree : int
        Gravity model (see :func:`gravity_rhs`).
    max_step_s : float
        Largest integration step, seconds (10 s keeps LEO errors below a meter per orbit).
    chunk : int
        Satellites integrated together, to bound memory.
    on_chunk : callable, optional
        Called with the number of satellites finished after each chunk (for progress bars).

    Returns
    -------
    (n_satellite, n_time, 6) float64, meters and m/s, ECI
    """
    x0 = np.atleast_2d(np.asarray(x0_eci, dtype=np.float64))
    times = np.asarray(t_s, dtype=np.float64)
    out = np.empty((x0.shape[0], times.shape[0], 6), dtype=np.float64)
    rhs = gravity_rhs(zonal_degree)
    for start in range(0, x0.shape[0], chunk):
        stop = min(start + chunk, x0.shape[0])
        out[start:stop] = rk4_fixed(rhs, x0[start:stop], times, max_step_s=max_step_s)
        if on_chunk is not None:
            on_chunk(stop - start)
    return out
