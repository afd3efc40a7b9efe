"""Rotations between the inertial (ECI) and Earth-fixed (ECEF) frames.

The two frames share the z axis (the rotation axis); ECEF is ECI turned by the Earth
rotation angle ``theta`` (see :mod:`goldendome.physics.earth_rotation`). Velocities pick up
the transport term ``omega x r``.
"""

import numpy as np

from goldendome.physics._types import ArrayLike, FloatArray
from goldendome.physics.constants import OMEGA_EARTH_RAD_S


def _rotate_z(v: FloatArray, angle_rad: FloatArray) -> FloatArray:
    """Rotate vectors by +angle about z: (..., 3) with angle broadcast over (...)."""
    c = np.cos(angle_rad)
    s = np.sin(angle_rad)
    out = np.empty(np.broadcast_shapes(v.shape, (*np.shape(angle_rad), 3)), dtype=np.float64)
    out[..., 0] = c * v[..., 0] - s * v[..., 1]
    out[..., 1] = s * v[..., 0] + c * v[..., 1]
    out[..., 2] = v[..., 2]
    return out


def eci_to_ecef(r_eci_m: ArrayLike, theta_rad: ArrayLike) -> FloatArray:
    """Positions from ECI to ECEF.

    Parameters
    ----------
    r_eci_m : (..., 3) float64, meters
        Inertial positions.
    theta_rad : (...) float64, radians
        Earth rotation angle at each position's time (broadcast against ``r_eci_m[..., 0]``).

    Returns
    -------
    (..., 3) float64, meters
    """
    return _rotate_z(np.asarray(r_eci_m, dtype=np.float64), -np.asarray(theta_rad, np.float64))


def ecef_to_eci(r_ecef_m: ArrayLike, theta_rad: ArrayLike) -> FloatArray:
    """Positions from ECEF to ECI; the inverse of :func:`eci_to_ecef`.

    Parameters
    ----------
    r_ecef_m : (..., 3) float64, meters
    theta_rad : (...) float64, radians

    Returns
    -------
    (..., 3) float64, meters
    """
    return _rotate_z(np.asarray(r_ecef_m, dtype=np.float64), np.asarray(theta_rad, np.float64))


def state_eci_to_ecef(x_eci: ArrayLike, theta_rad: ArrayLike) -> FloatArray:
    """States (position, velocity) from ECI to ECEF.

    Parameters
    ----------
    x_eci : (..., 6) float64, meters and m/s
        Inertial states ``[r, v]``.
    theta_rad : (...) float64, radians

    Returns
    -------
    (..., 6) float64, meters and m/s
        Earth-fixed states; ``v_ecef = R v_eci - omega x r_ecef``.
    """
    x = np.asarray(x_eci, dtype=np.float64)
    theta = np.asarray(theta_rad, dtype=np.float64)
    r_ecef = eci_to_ecef(x[..., :3], theta)
    v_rot = eci_to_ecef(x[..., 3:], theta)
    v_rot[..., 0] += OMEGA_EARTH_RAD_S * r_ecef[..., 1]
    v_rot[..., 1] -= OMEGA_EARTH_RAD_S * r_ecef[..., 0]
    return np.concatenate([r_ecef, v_rot], axis=-1)


def state_ecef_to_eci(x_ecef: ArrayLike, theta_rad: ArrayLike) -> FloatArray:
    """States from ECEF to ECI; the inverse of :func:`state_eci_to_ecef`.

    Parameters
    ----------
    x_ecef : (..., 6) float64, meters and m/s
    theta_rad : (...) float64, radians

    Returns
    -------
    (..., 6) float64, meters and m/s
    """
    x = np.asarray(x_ecef, dtype=np.float64)
    theta = np.asarray(theta_rad, dtype=np.float64)
    v = x[..., 3:].copy()
    v[..., 0] -= OMEGA_EARTH_RAD_S * x[..., 1]
    v[..., 1] += OMEGA_EARTH_RAD_S * x[..., 0]
    return np.concatenate([ecef_to_eci(x[..., :3], theta), ecef_to_eci(v, theta)], axis=-1)
