"""A track's first state and covariance from a single radar measurement.

Position comes from range, azimuth and elevation (their noise mapped through the
spherical-to-Cartesian Jacobian). A single measurement says little about velocity: the
prior mean is the sensor's velocity plus the range rate along the line of sight, and the
prior covariance is ``velocity_sigma_m_s^2`` across the line of sight. Along it, the
variance is the range rate's plus what the unknown cross-range velocity leaks in through the
angle errors, ``velocity_sigma^2 (sigma_az^2 cos^2 el + sigma_el^2)``. Position and velocity
errors are taken as uncorrelated. Angles alone (no range) give no position: such rows come
back NaN.
"""

import numpy as np

from goldendome.physics._types import ArrayLike, FloatArray

#: Default one-sigma prior on each cross-range velocity component, m/s (a ballistic
#: missile's midcourse speed relative to a sensor is up to about 7 km/s).
VELOCITY_SIGMA_M_S = 5_000.0


def initial_state_from_measurement(
    z: ArrayLike,
    sigma: ArrayLike,
    origin_r_eci_m: ArrayLike,
    origin_v_eci_m_s: ArrayLike,
    rotation: ArrayLike,
    *,
    velocity_sigma_m_s: float = VELOCITY_SIGMA_M_S,
) -> tuple[FloatArray, FloatArray]:
    """States and covariances of new tracks, one per measurement.

    Parameters
    ----------
    z : (n, 4) float64
        range (m), azimuth (rad), elevation (rad), range rate (m/s); the range rate may be
        NaN (then the velocity prior is the sensor's velocity, isotropic).
    sigma : (n, 4) float64
        One-sigma noise of each component, same units.
    origin_r_eci_m, origin_v_eci_m_s : (n, 3) float64
        Sensor position (m) and velocity (m/s), ECI.
    rotation : (n, 3, 3) float64
        ECI to sensor frame.
    velocity_sigma_m_s : float, m/s
        Prior one-sigma of each velocity component not measured, > 0.

    Returns
    -------
    x_eci : (n, 6) float64
        Position (m) and velocity (m/s), ECI; NaN rows where range or an angle is NaN.
    covariance : (n, 6, 6) float64
        NaN where ``x_eci`` is.
    """
    if not velocity_sigma_m_s > 0.0:
        raise ValueError(f"velocity_sigma_m_s must be positive; got {velocity_sigma_m_s}.")
    zz = np.asarray(z, dtype=np.float64)
    sig = np.asarray(sigma, dtype=np.float64)
    rot = np.asarray(rotation, dtype=np.float64)
    if zz.ndim != 2 or zz.shape[1] != 4 or sig.shape != zz.shape:
        raise ValueError(
            f"z and sigma must both have shape (n, 4); got {zz.shape} and {sig.shape}."
        )
    if np.any(np.isfinite(zz) & ~(sig > 0.0)):
        raise ValueError(
            "every measured (finite) component of z needs a finite, positive sigma; "
            f"got sigma {sig[np.isfinite(zz) & ~(sig > 0.0)][:5].tolist()}."
        )
    rho, az, el, rate = zz.T
    s_rho, s_az, s_el, s_rate = sig.T
    sin_az, cos_az, sin_el, cos_el = np.sin(az), np.cos(az), np.sin(el), np.cos(el)
    # Frame axes: x east-like, y north-like (azimuth from y toward x), z up-like.
    los_frame = np.stack([cos_el * sin_az, cos_el * cos_az, sin_el], axis=1)
    jac = np.stack(
        [
            los_frame,
            rho[:, None] * np.stack([cos_el * cos_az, -cos_el * sin_az, 0.0 * el], axis=1),
            rho[:, None] * np.stack([-sin_el * sin_az, -sin_el * cos_az, cos_el], axis=1),
        ],
        axis=2,
    )  # (n, 3 frame axes, 3 of range/az/el)
    rot_t = np.swapaxes(rot, 1, 2)
    jac_eci = rot_t @ jac
    var = np.stack([s_rho, s_az, s_el], axis=1) ** 2
    p_pos = (jac_eci * var[:, None, :]) @ np.swapaxes(jac_eci, 1, 2)
    los = np.einsum("nij,nj->ni", rot_t, los_frame)
    along = np.einsum("ni,nj->nij", los, los)
    has_rate = np.isfinite(rate)
    leak = velocity_sigma_m_s**2 * (s_az**2 * cos_el**2 + s_el**2)
    var_along = np.where(has_rate, s_rate**2 + leak, velocity_sigma_m_s**2)
    p_vel = velocity_sigma_m_s**2 * (np.eye(3) - along) + var_along[:, None, None] * along
    x = np.empty((zz.shape[0], 6))
    x[:, :3] = np.asarray(origin_r_eci_m, np.float64) + rho[:, None] * los
    x[:, 3:] = (
        np.asarray(origin_v_eci_m_s, np.float64) + np.where(has_rate, rate, 0.0)[:, None] * los
    )
    p = np.zeros((zz.shape[0], 6, 6))
    p[:, :3, :3] = p_pos
    p[:, 3:, 3:] = p_vel
    no_position = ~np.isfinite(zz[:, :3]).all(axis=1)
    x[no_position] = np.nan
    p[no_position] = np.nan
    return x, 0.5 * (p + np.swapaxes(p, 1, 2))
