"""Two-body orbital elements: Kepler's equation and elements <-> Cartesian state.

Classical elements (a, e, i, RAAN, argument of perigee, mean anomaly) for elliptical orbits
(0 <= e < 1). Formulas: Vallado (2013), algorithms 2 (KepEqtnE), 9 (RV2COE) and 10 (COE2RV).
"""

import numpy as np

from goldendome.physics._types import ArrayLike, FloatArray
from goldendome.physics.constants import MU_EARTH_M3_S2, TWO_PI


def solve_kepler(mean_anomaly_rad: ArrayLike, eccentricity: ArrayLike) -> FloatArray:
    """Eccentric anomaly E from ``M = E - e sin E`` by Newton's method.

    Parameters
    ----------
    mean_anomaly_rad : (...) float64, radians
    eccentricity : (...) float64, dimensionless, in [0, 1)

    Returns
    -------
    (...) float64, radians
        Converged to 1e-14 rad (at most 30 iterations, a bound never reached for e < 0.99).
    """
    m = np.mod(np.asarray(mean_anomaly_rad, dtype=np.float64), TWO_PI)
    e = np.asarray(eccentricity, dtype=np.float64)
    big_e = np.where(e < 0.8, m, np.pi) + np.zeros_like(e)
    for _ in range(30):
        delta = (big_e - e * np.sin(big_e) - m) / (1.0 - e * np.cos(big_e))
        big_e = big_e - delta
        if np.all(np.abs(delta) < 1e-14):
            break
    return np.asarray(big_e, dtype=np.float64)


def elements_to_state(
    semi_major_axis_m: ArrayLike,
    eccentricity: ArrayLike,
    inclination_rad: ArrayLike,
    raan_rad: ArrayLike,
    arg_perigee_rad: ArrayLike,
    mean_anomaly_rad: ArrayLike,
    mu_m3_s2: float = MU_EARTH_M3_S2,
) -> FloatArray:
    """Cartesian state from classical elements.

    Parameters
    ----------
    semi_major_axis_m : (...) float64, meters
    eccentricity : (...) float64, dimensionless
    inclination_rad, raan_rad, arg_perigee_rad, mean_anomaly_rad : (...) float64, radians
        All broadcast together.
    mu_m3_s2 : float
        Gravitational parameter, m^3/s^2.

    Returns
    -------
    (..., 6) float64, meters and m/s
        Position and velocity in the frame the angles are measured in (ECI here).
    """
    a, e, inc, raan, argp, m = np.broadcast_arrays(
        *(
            np.asarray(v, dtype=np.float64)
            for v in (
                semi_major_axis_m,
                eccentricity,
                inclination_rad,
                raan_rad,
                arg_perigee_rad,
                mean_anomaly_rad,
            )
        )
    )
    big_e = solve_kepler(m, e)
    cos_e, sin_e = np.cos(big_e), np.sin(big_e)
    root = np.sqrt(1.0 - e * e)
    # Perifocal position and velocity.
    x_p = a * (cos_e - e)
    y_p = a * root * sin_e
    r = a * (1.0 - e * cos_e)
    speed_factor = np.sqrt(mu_m3_s2 * a) / r
    vx_p = -speed_factor * sin_e
    vy_p = speed_factor * root * cos_e
    co, so = np.cos(raan), np.sin(raan)
    cw, sw = np.cos(argp), np.sin(argp)
    ci, si = np.cos(inc), np.sin(inc)
    # Columns of the perifocal-to-inertial rotation (P and Q unit vectors).
    p_vec = np.stack([co * cw - so * sw * ci, so * cw + co * sw * ci, sw * si], axis=-1)
    q_vec = np.stack([-co * sw - so * cw * ci, -so * sw + co * cw * ci, cw * si], axis=-1)
    pos = x_p[..., None] * p_vec + y_p[..., None] * q_vec
    vel = vx_p[..., None] * p_vec + vy_p[..., None] * q_vec
    return np.concatenate([pos, vel], axis=-1)


def state_to_elements(
    state: ArrayLike, mu_m3_s2: float = MU_EARTH_M3_S2
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray]:
    """Classical elements of elliptical states (the inverse of :func:`elements_to_state`).

    Parameters
    ----------
    state : (..., 6) float64, meters and m/s
    mu_m3_s2 : float

    Returns
    -------
    semi_major_axis_m, eccentricity, inclination_rad, raan_rad, arg_perigee_rad,
    mean_anomaly_rad : (...) float64
        Angles in [0, 2 pi); RAAN is 0 for equatorial orbits and the argument of perigee 0
        for circular ones (the angle then sits in the mean anomaly).
    """
    x = np.asarray(state, dtype=np.float64)
    r_vec, v_vec = x[..., :3], x[..., 3:]
    r = np.linalg.norm(r_vec, axis=-1)
    v2 = np.sum(v_vec * v_vec, axis=-1)
    h_vec = np.cross(r_vec, v_vec)
    h = np.linalg.norm(h_vec, axis=-1)
    h_hat = h_vec / h[..., None]
    a = 1.0 / (2.0 / r - v2 / mu_m3_s2)
    e_vec = np.cross(v_vec, h_vec) / mu_m3_s2 - r_vec / r[..., None]
    e = np.linalg.norm(e_vec, axis=-1)
    inc = np.arccos(np.clip(h_hat[..., 2], -1.0, 1.0))
    equatorial = np.hypot(h_hat[..., 0], h_hat[..., 1]) < 1e-12
    raan = np.where(equatorial, 0.0, np.mod(np.arctan2(h_vec[..., 0], -h_vec[..., 1]), TWO_PI))
    node = np.stack([np.cos(raan), np.sin(raan), np.zeros_like(raan)], axis=-1)
    perp = np.cross(h_hat, node)
    circular = e < 1e-11
    # Reference direction in the plane: perigee, or the node for circular orbits (the anomaly
    # is then the argument of latitude).
    ref = np.where(circular[..., None], node, e_vec / np.where(circular, 1.0, e)[..., None])
    argp = np.where(
        circular, 0.0, np.mod(np.arctan2(np.sum(ref * perp, -1), np.sum(ref * node, -1)), TWO_PI)
    )
    true_anom = np.arctan2(np.sum(np.cross(ref, r_vec) * h_hat, -1), np.sum(ref * r_vec, -1))
    big_e = 2.0 * np.arctan2(
        np.sqrt(1.0 - e) * np.sin(true_anom / 2), np.sqrt(1.0 + e) * np.cos(true_anom / 2)
    )
    mean = np.mod(big_e - e * np.sin(big_e), TWO_PI)
    return a, e, inc, raan, argp, mean
