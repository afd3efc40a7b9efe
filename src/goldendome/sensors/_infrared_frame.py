"""Compiled detections of one infrared frame: which satellites report which objects.

The same rules as :meth:`goldendome.sensors.infrared.InfraredLayer.frame_reports_reference`
(NumPy), pair by pair with no ``(n_satellite, n_object)`` temporaries: the line of sight
clears the spherical Earth, the object lies in the field of regard, then the detection
probability (boosting and above the clouds: the boost probability within the boost range;
coasting above the clouds: the point-source probability against space or the Earth behind)
is compared with the frame's uniform draw; of the satellites that detect an object, the
``max_reports`` closest report it.
"""

import math

import numba as nb
import numpy as np

from goldendome.physics._types import BoolArray, FloatArray, IntArray


@nb.njit(cache=True, inline="always")
def _ndtr(x: float) -> float:
    """Standard normal distribution function."""
    return 0.5 * math.erfc(-x / math.sqrt(2.0))


@nb.njit(cache=True)
def frame_reports(
    r_obj: FloatArray,
    hot: BoolArray,
    coasting: BoolArray,
    signature: FloatArray,
    r_sat: FloatArray,
    draws: FloatArray,
    params: FloatArray,
    max_reports: int,
) -> tuple[IntArray, IntArray]:
    """Reporting (satellite, object) pairs of one frame.

    Parameters
    ----------
    r_obj : (n_obj, 3) float64, m, ECI
        Object positions (NaN: the object does not exist now).
    hot, coasting : (n_obj,) bool
        Boosting above the clouds; not boosting, above the clouds.
    signature : (n_obj,) float64
        Relative infrared signature.
    r_sat : (n_sat, 3) float64, m, ECI
    draws : (n_sat, n_obj) float64
        Uniform draws; a pair is detected when its draw is below its probability.
    params : (10,) float64
        cos of the largest off-nadir angle, Earth radius (m), boost range (m), boost
        probability, cold detection (1 or 0), cold reference ranges against space and the
        Earth (m), limb radius (m), the cold detector's threshold in noise sigmas, and its
        signal at the reference range in noise sigmas.
    max_reports : int

    Returns
    -------
    sat, obj : (n_report,) int64
        By rank (closest first), then object.
    """
    cos_regard, radius, boost_range, boost_pd = params[0], params[1], params[2], params[3]
    cold, space_m, earth_m, limb_m = params[4], params[5], params[6], params[7]
    threshold, gain = params[8], params[9]
    n_sat, n_obj = r_sat.shape[0], r_obj.shape[0]
    best_sat = np.full((max_reports, n_obj), -1, np.int64)
    best_dist = np.full((max_reports, n_obj), np.inf)
    for s in range(n_sat):
        s0, s1, s2 = r_sat[s, 0], r_sat[s, 1], r_sat[s, 2]
        s_norm = math.sqrt(s0 * s0 + s1 * s1 + s2 * s2)
        for o in range(n_obj):
            if not (hot[o] or coasting[o]) or r_obj[o, 0] != r_obj[o, 0]:
                continue
            d0, d1, d2 = r_obj[o, 0] - s0, r_obj[o, 1] - s1, r_obj[o, 2] - s2
            rng = math.sqrt(d0 * d0 + d1 * d1 + d2 * d2)
            if -(d0 * s0 + d1 * s1 + d2 * s2) / s_norm / rng < cos_regard:
                continue  # outside the field of regard
            dd = d0 * d0 + d1 * d1 + d2 * d2
            t = min(max(-(s0 * d0 + s1 * d1 + s2 * d2) / dd, 0.0), 1.0) if dd > 0.0 else 0.0
            c0, c1, c2 = s0 + t * d0, s1 + t * d1, s2 + t * d2
            if math.sqrt(c0 * c0 + c1 * c1 + c2 * c2) < radius - 1e-3:
                continue  # the Earth is in the way
            if hot[o]:
                pd = boost_pd if rng <= boost_range else 0.0
            elif cold > 0.0:
                u0, u1, u2 = d0 / rng, d1 / rng, d2 / rng
                o0, o1, o2 = r_obj[o, 0], r_obj[o, 1], r_obj[o, 2]
                miss = math.inf
                if u0 * o0 + u1 * o1 + u2 * o2 < 0.0:
                    x0, x1, x2 = o1 * u2 - o2 * u1, o2 * u0 - o0 * u2, o0 * u1 - o1 * u0
                    miss = math.sqrt(x0 * x0 + x1 * x1 + x2 * x2)
                ref = space_m if miss > limb_m else earth_m
                pd = _ndtr(gain * signature[o] * (ref / rng) ** 2 - threshold)
            else:
                pd = 0.0
            if not draws[s, o] < pd:
                continue
            # Keep the max_reports closest detecting satellites of the object.
            k = max_reports - 1
            if rng >= best_dist[k, o]:
                continue
            while k > 0 and best_dist[k - 1, o] > rng:
                best_dist[k, o], best_sat[k, o] = best_dist[k - 1, o], best_sat[k - 1, o]
                k -= 1
            best_dist[k, o], best_sat[k, o] = rng, s
    n = 0
    for k in range(max_reports):
        for o in range(n_obj):
            n += best_sat[k, o] >= 0
    sat, obj = np.empty(n, np.int64), np.empty(n, np.int64)
    n = 0
    for k in range(max_reports):
        for o in range(n_obj):
            if best_sat[k, o] >= 0:
                sat[n], obj[n] = best_sat[k, o], o
                n += 1
    return sat, obj
