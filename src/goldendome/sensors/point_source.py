"""The point-source detector of the space infrared sensors: an unresolved object's signal
falls as the square of its range (see :mod:`goldendome.sensors.infrared`)."""

import numpy as np
from scipy.special import ndtr, ndtri

from goldendome.physics._types import FloatArray

#: False-alarm probability per resolution cell of the cold-body detector.
PFA = 1e-6


def cold_detection_probability(
    range_m: FloatArray, reference_range_m: FloatArray, signature: FloatArray
) -> FloatArray:
    """Point-source detection probability (Pd 0.9 at the reference range for signature 1).

    ``Pd = Phi(d - T)``: ``T = Phi^-1(1 - PFA)`` the threshold in noise standard deviations,
    ``d = (T + Phi^-1(0.9)) s (R_ref / R)^2``; arrays ``(...)`` broadcast (meters).
    """
    threshold = float(ndtri(1.0 - PFA))
    snr = (threshold + float(ndtri(0.9))) * signature * (reference_range_m / range_m) ** 2
    return np.asarray(ndtr(snr - threshold), dtype=np.float64)
