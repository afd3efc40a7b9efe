"""Gravitational acceleration: two-body point mass and the zonal harmonics J2, J3, J4.

The zonal terms are symmetric about the Earth's rotation axis, so they take the same form
in the Earth-fixed frame and in an inertial frame sharing its z axis (the ECI frame used
here); the functions below therefore accept positions in either and return the acceleration
in the same frame. Formulas: Vallado (2013), eq. 8-30 and its J3/J4 extensions.
"""

import numpy as np

from goldendome.physics._types import ArrayLike, FloatArray
from goldendome.physics.constants import (
    J2_EARTH,
    J3_EARTH,
    J4_EARTH,
    MU_EARTH_M3_S2,
    R_EARTH_EQUATORIAL_M,
)


def two_body_acceleration(r_m: ArrayLike, mu_m3_s2: float = MU_EARTH_M3_S2) -> FloatArray:
    """Point-mass gravitational acceleration.

    Parameters
    ----------
    r_m : (..., 3) float64, meters
        Positions relative to the Earth's center (ECI or ECEF).
    mu_m3_s2 : float
        Gravitational parameter, m^3/s^2.

    Returns
    -------
    (..., 3) float64, m/s^2
        ``-mu r / |r|^3``.
    """
    r = np.asarray(r_m, dtype=np.float64)
    norm = np.linalg.norm(r, axis=-1, keepdims=True)
    return np.asarray(-mu_m3_s2 * r / norm**3, dtype=np.float64)


def zonal_acceleration(
    r_m: ArrayLike,
    *,
    j2: float = J2_EARTH,
    j3: float = 0.0,
    j4: float = 0.0,
    mu_m3_s2: float = MU_EARTH_M3_S2,
    r_ref_m: float = R_EARTH_EQUATORIAL_M,
) -> FloatArray:
    """Perturbing acceleration of the zonal harmonics J2, J3 and J4 (no point-mass term).

    Parameters
    ----------
    r_m : (..., 3) float64, meters
        Positions relative to the Earth's center, z along the rotation axis.
    j2, j3, j4 : float
        Unnormalized zonal coefficients; pass 0 to leave a term out.
    mu_m3_s2 : float
        Gravitational parameter, m^3/s^2.
    r_ref_m : float
        Reference radius of the coefficients, m.

    Returns
    -------
    (..., 3) float64, m/s^2
    """
    r_vec = np.asarray(r_m, dtype=np.float64)
    r = np.linalg.norm(r_vec, axis=-1, keepdims=True)
    s = r_vec[..., 2:3] / r  # sine of the geocentric latitude, (..., 1)
    mu_r2 = mu_m3_s2 / (r * r)
    q = r_ref_m / r
    # For V_n = -(mu/r) J_n (R/r)^n P_n(s), the gradient is
    # (mu/r^2) J_n q^n [((n+1) P_n + s P_n') r_hat - P_n' z_hat].
    radial = np.zeros_like(r)
    axial = np.zeros_like(r)
    for j_n, n, p_n, dp_n in (
        (j2, 2, 0.5 * (3.0 * s**2 - 1.0), 3.0 * s),
        (j3, 3, 0.5 * (5.0 * s**3 - 3.0 * s), 0.5 * (15.0 * s**2 - 3.0)),
        (j4, 4, 0.125 * (35.0 * s**4 - 30.0 * s**2 + 3.0), 0.5 * (35.0 * s**3 - 15.0 * s)),
    ):
        if j_n == 0.0:
            continue
        c = mu_r2 * j_n * q**n
        radial = radial + c * ((n + 1) * p_n + s * dp_n)
        axial = axial - c * dp_n
    out = np.asarray(radial * r_vec / r, dtype=np.float64)
    out[..., 2:3] += axial
    return out


def gravity_acceleration(r_m: ArrayLike, *, zonal_degree: int = 2) -> FloatArray:
    """Point mass plus zonal harmonics up to ``zonal_degree`` (0, 2, 3 or 4).

    Parameters
    ----------
    r_m : (..., 3) float64, meters
        Positions relative to the Earth's center, z along the rotation axis.
    zonal_degree : int
        0 for two-body only, 2 for J2, 3 for J2+J3, 4 for J2+J3+J4.

    Returns
    -------
    (..., 3) float64, m/s^2
    """
    if zonal_degree not in (0, 2, 3, 4):
        raise ValueError(f"zonal_degree must be 0, 2, 3 or 4; got {zonal_degree}.")
    acc = two_body_acceleration(r_m)
    if zonal_degree >= 2:
        acc = acc + zonal_acceleration(
            r_m,
            j2=J2_EARTH,
            j3=J3_EARTH if zonal_degree >= 3 else 0.0,
            j4=J4_EARTH if zonal_degree >= 4 else 0.0,
        )
    return acc
