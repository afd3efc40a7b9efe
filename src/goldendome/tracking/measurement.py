"""Predicted measurements and their Jacobians for ECI states (the trackers' model ``h(x)``).

See :mod:`goldendome.physics.measurements` for the frame and component conventions.
"""

import numpy as np

from goldendome.physics._types import FloatArray


def predict(
    x_eci: FloatArray, origin_r: FloatArray, origin_v: FloatArray, rotation: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """Measurements predicted from states, and their Jacobians.

    Parameters
    ----------
    x_eci : (n, 6) float64
        Position (m) and velocity (m/s), ECI.
    origin_r, origin_v : (n, 3) float64
        Sensor position (m) and velocity (m/s), ECI.
    rotation : (n, 3, 3) float64
        ECI to sensor frame.

    Returns
    -------
    z : (n, 4) float64
        range (m), azimuth (rad, from the frame's y axis toward x), elevation (rad),
        range rate (m/s).
    jacobian : (n, 4, 6) float64
        d z / d x.
    """
    rel = np.einsum("nij,nj->ni", rotation, x_eci[:, :3] - origin_r)
    vel = np.einsum("nij,nj->ni", rotation, x_eci[:, 3:] - origin_v)
    e, n, u = rel[:, 0], rel[:, 1], rel[:, 2]
    rho = np.linalg.norm(rel, axis=1)
    horiz2 = e * e + n * n
    horiz = np.sqrt(horiz2)
    rate = np.einsum("ni,ni->n", rel, vel) / rho
    z = np.stack([rho, np.arctan2(e, n), np.arcsin(u / rho), rate], axis=1)
    # Derivatives with respect to the frame position (rows) then rotated back to ECI.
    d_rel = np.zeros((rel.shape[0], 4, 3))
    d_rel[:, 0] = rel / rho[:, None]
    d_rel[:, 1] = np.stack([n, -e, np.zeros_like(e)], axis=1) / horiz2[:, None]
    d_rel[:, 2] = np.stack([-e * u, -n * u, horiz2], axis=1) / (rho**2 * horiz)[:, None]
    d_rel[:, 3] = (vel - rate[:, None] * rel / rho[:, None]) / rho[:, None]
    jac = np.zeros((rel.shape[0], 4, 6))
    jac[:, :, :3] = np.einsum("nkj,nji->nki", d_rel, rotation)
    jac[:, 3, 3:] = np.einsum("nj,nji->ni", rel / rho[:, None], rotation)
    return z, jac


def variance(sigma: FloatArray) -> FloatArray:
    """Each component's noise variance, 0 where its sigma is NaN (not measured).

    Parameters
    ----------
    sigma : (...) float64
        One-sigma noise, in the component's unit; NaN where not measured.

    Returns
    -------
    (...) float64
        ``sigma ** 2`` (the unit squared), 0 where ``sigma`` is NaN. ``np.nan_to_num(sigma) ** 2``
        gives the same values (an infinite sigma squares to infinity either way) at several
        times the cost on a scan's few rows.
    """
    return np.where(np.isnan(sigma), 0.0, sigma) ** 2
