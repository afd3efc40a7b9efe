"""Angle arithmetic shared by sensors and trackers."""

import numpy as np

from goldendome.physics._types import ArrayLike, FloatArray


def wrap_angle(angle_rad: ArrayLike) -> FloatArray:
    """Angles wrapped to (-pi, pi].

    Parameters
    ----------
    angle_rad : (...) float64, radians

    Returns
    -------
    (...) float64, radians
    """
    a = np.asarray(angle_rad, dtype=np.float64)
    return np.asarray(a - 2.0 * np.pi * np.ceil((a - np.pi) / (2.0 * np.pi)), dtype=np.float64)
