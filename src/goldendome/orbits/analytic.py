"""Fast analytic propagation: Kepler motion of mean elements with J2 secular drift.

The node regresses, the perigee advances and the mean motion changes at the first-order
J2 secular rates (Vallado 2013, eqs. 9-41 and 9-42). Short-period J2 terms are left out,
so this propagates *mean* elements; its accuracy against a numerically integrated J2
reference is stated in ``docs/space.md`` and checked in ``tests/orbits/test_analytic.py``.
The compiled kernel lives in :mod:`goldendome.orbits._analytic_kernel`.
"""

import math
from datetime import datetime
from typing import Literal

import numpy as np

from goldendome.orbits._analytic_kernel import positions_kernel
from goldendome.physics._types import ArrayLike, FloatArray
from goldendome.physics.constants import J2_EARTH, MU_EARTH_M3_S2, OMEGA_EARTH_RAD_S, WGS84_A_M
from goldendome.physics.earth_rotation import earth_rotation_angle_rad
from goldendome.physics.elements import OrbitalElements
from goldendome.physics.frames import eci_to_ecef
from goldendome.physics.kepler import elements_to_state

Frame = Literal["eci", "ecef"]


def secular_rates(
    semi_major_axis_m: ArrayLike, eccentricity: ArrayLike, inclination_rad: ArrayLike
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """First-order J2 secular rates of the node, the perigee and the mean anomaly.

    Parameters
    ----------
    semi_major_axis_m : (...) float64, meters (mean)
    eccentricity : (...) float64
    inclination_rad : (...) float64, radians

    Returns
    -------
    raan_rate, arg_perigee_rate, mean_anomaly_rate : (...) float64, rad/s
        The last includes the Keplerian mean motion.
    """
    a = np.asarray(semi_major_axis_m, dtype=np.float64)
    e = np.asarray(eccentricity, dtype=np.float64)
    inc = np.asarray(inclination_rad, dtype=np.float64)
    n = np.sqrt(MU_EARTH_M3_S2 / a**3)
    k = J2_EARTH * (WGS84_A_M / (a * (1.0 - e * e))) ** 2
    sin2 = np.sin(inc) ** 2
    raan_rate = -1.5 * n * k * np.cos(inc)
    argp_rate = 0.75 * n * k * (4.0 - 5.0 * sin2)
    mean_rate = n * (1.0 + 0.75 * k * np.sqrt(1.0 - e * e) * (2.0 - 3.0 * sin2))
    return raan_rate, argp_rate, mean_rate


def rates_of(elements: OrbitalElements) -> tuple[FloatArray, FloatArray, FloatArray]:
    """:func:`secular_rates` of a set of mean elements, each ``(n_sat,)`` rad/s."""
    el = elements
    return secular_rates(el.semi_major_axis_m, el.eccentricity, el.inclination_rad)


def elements_at(elements: OrbitalElements, dt_s: float) -> OrbitalElements:
    """Mean elements advanced by ``dt_s`` seconds (may be negative) at the secular rates."""
    rates = secular_rates(
        elements.semi_major_axis_m, elements.eccentricity, elements.inclination_rad
    )
    two_pi = 2.0 * math.pi
    return OrbitalElements(
        semi_major_axis_m=elements.semi_major_axis_m,
        eccentricity=elements.eccentricity,
        inclination_rad=elements.inclination_rad,
        raan_rad=np.mod(elements.raan_rad + rates[0] * dt_s, two_pi),
        arg_perigee_rad=np.mod(elements.arg_perigee_rad + rates[1] * dt_s, two_pi),
        mean_anomaly_rad=np.mod(elements.mean_anomaly_rad + rates[2] * dt_s, two_pi),
    )


def _is_uniform(t_s: FloatArray) -> bool:
    if t_s.shape[0] < 3:
        return True
    steps = np.diff(t_s)
    return bool(np.all(np.abs(steps - steps[0]) <= 1e-9 * max(abs(steps[0]), 1.0)))


def _theta0(frame: Frame, epoch_utc: datetime | None) -> float:
    if frame == "eci":
        return math.nan
    if epoch_utc is None:
        raise ValueError("frame='ecef' needs the scenario epoch (epoch_utc) for Earth rotation.")
    return float(earth_rotation_angle_rad(0.0, epoch_utc))


def propagate_analytic(
    elements: OrbitalElements,
    t_s: ArrayLike,
    *,
    frame: Frame = "eci",
    epoch_utc: datetime | None = None,
    out: FloatArray | None = None,
) -> FloatArray:
    """Positions of satellites at common times from their mean elements.

    Parameters
    ----------
    elements : OrbitalElements
        Mean elements of ``n_sat`` satellites at t = 0 (the scenario epoch).
    t_s : (n_t,) float64, seconds since the epoch
        Any order; a uniform grid is fastest.
    frame : {"eci", "ecef"}
    epoch_utc : datetime, optional
        The epoch; required for ``frame="ecef"``.
    out : (n_sat, n_t, 3) float64 array, optional
        Written in place and returned (saves the allocation on repeated calls).

    Returns
    -------
    (n_sat, n_t, 3) float64, meters, in ``frame``
    """
    times = np.ascontiguousarray(np.atleast_1d(np.asarray(t_s, dtype=np.float64)))
    n_sat, n_t = len(elements), times.shape[0]
    if out is None:
        out = np.empty((n_sat, n_t, 3), dtype=np.float64)
    elif out.shape != (n_sat, n_t, 3) or out.dtype != np.float64 or not out.flags.c_contiguous:
        raise ValueError(f"out must be a C-contiguous float64 array of shape {(n_sat, n_t, 3)}.")
    table = np.stack(
        [
            elements.semi_major_axis_m,
            elements.eccentricity,
            elements.inclination_rad,
            elements.raan_rad,
            elements.arg_perigee_rad,
            elements.mean_anomaly_rad,
        ],
        axis=1,
    )
    rates = np.stack(secular_rates(table[:, 0], table[:, 1], table[:, 2]), axis=1)
    theta0 = _theta0(frame, epoch_utc)
    positions_kernel(table, rates, times, _is_uniform(times), theta0, OMEGA_EARTH_RAD_S, out)
    return out


def propagate_reference(
    elements: OrbitalElements,
    t_s: ArrayLike,
    *,
    frame: Frame = "eci",
    epoch_utc: datetime | None = None,
) -> FloatArray:
    """The same propagation written plainly in NumPy (the kernel's test reference).

    Returns
    -------
    (n_sat, n_t, 3) float64, meters, in ``frame``
    """
    times = np.atleast_1d(np.asarray(t_s, dtype=np.float64))
    rates = secular_rates(
        elements.semi_major_axis_m, elements.eccentricity, elements.inclination_rad
    )
    col = (slice(None), None)
    state = elements_to_state(
        elements.semi_major_axis_m[col],
        elements.eccentricity[col],
        elements.inclination_rad[col],
        elements.raan_rad[col] + rates[0][col] * times,
        elements.arg_perigee_rad[col] + rates[1][col] * times,
        elements.mean_anomaly_rad[col] + rates[2][col] * times,
    )
    r = state[..., :3]
    if frame == "eci":
        return r
    return eci_to_ecef(r, _theta0(frame, epoch_utc) + OMEGA_EARTH_RAD_S * times)
