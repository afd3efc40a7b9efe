"""The radar horizon over a smooth Earth with standard refraction, for low fliers.

A radar's beam bends down slightly in the standard atmosphere; the textbook accounts for it by
drawing straight rays over an Earth of effective radius ``k R`` with ``k = 4/3`` (Skolnik,
*Introduction to Radar Systems*, 3rd ed., 2001, ch. 8; the "radar line-of-sight equation"
of Federal Standard 1037C). A ray grazing that sphere reaches ``sqrt(2 k R h + h^2)`` from a
point at height ``h``, about ``4.12 sqrt(h_m)`` km, and a radar at ``h1`` sees a target at
``h2`` out to the sum of the two. **Terrain is ignored** (a smooth sphere: hills, buildings
and the sea state are not modelled), and so are ducting and sub-refraction (``k`` other than
4/3 may be given). Heights are above the sphere; ranges are the tangent (slant) distances,
which differ from ground ranges by under 0.1% for the heights of aircraft and masts.
"""

import numpy as np

from goldendome.physics._types import ArrayLike, FloatArray
from goldendome.physics.constants import R_EARTH_MEAN_M

#: Standard refraction: effective Earth radius over the true one (Skolnik 2001, ch. 8).
STANDARD_REFRACTION_K = 4.0 / 3.0


def horizon_distance_m(
    height_m: ArrayLike, k: float = STANDARD_REFRACTION_K, radius_m: float = R_EARTH_MEAN_M
) -> FloatArray:
    """Distance from a point at ``height_m`` to its radar horizon on the effective Earth.

    Parameters
    ----------
    height_m : (...) float64, meters
        Height above the (smooth) surface; negative heights are taken as 0.
    k : float
        Effective-radius factor (4/3: standard refraction).
    radius_m : float
        True Earth radius.

    Returns
    -------
    (...) float64, meters
        ``sqrt(2 k R h + h^2)``, the tangent distance to the effective sphere.
    """
    h = np.maximum(np.asarray(height_m, np.float64), 0.0)
    return np.asarray(np.sqrt(2.0 * k * radius_m * h + h * h))


def radar_horizon_range_m(
    radar_height_m: ArrayLike,
    target_height_m: ArrayLike,
    k: float = STANDARD_REFRACTION_K,
    radius_m: float = R_EARTH_MEAN_M,
) -> FloatArray:
    """Farthest range at which a radar sees a target over a smooth Earth (terrain ignored).

    Parameters
    ----------
    radar_height_m, target_height_m : (...) float64, meters
        Heights of the antenna and of the target above the surface; they broadcast.
    k, radius_m : float
        As for :func:`horizon_distance_m`.

    Returns
    -------
    (...) float64, meters
        The sum of the two horizon distances (``d_km ~ 4.12 (sqrt(h1_m) + sqrt(h2_m))``).
    """
    return horizon_distance_m(radar_height_m, k, radius_m) + horizon_distance_m(
        target_height_m, k, radius_m
    )


def lowest_visible_height_m(
    radar_height_m: ArrayLike,
    range_m: ArrayLike,
    k: float = STANDARD_REFRACTION_K,
    radius_m: float = R_EARTH_MEAN_M,
) -> FloatArray:
    """Lowest height a target at ``range_m`` from the radar can fly and still be seen.

    Parameters
    ----------
    radar_height_m, range_m : (...) float64, meters
        Antenna height, and the target's distance from it (they broadcast).
    k, radius_m : float
        As for :func:`horizon_distance_m`.

    Returns
    -------
    (...) float64, meters
        0 within the radar's own horizon; beyond it, the height whose horizon distance makes
        up the rest of the range (the inverse of :func:`horizon_distance_m`).
    """
    beyond = np.maximum(
        np.asarray(range_m, np.float64) - horizon_distance_m(radar_height_m, k, radius_m), 0.0
    )
    a = k * radius_m
    # h^2 + 2 a h - d^2 = 0, solved without cancellation: h = d^2 / (a + sqrt(a^2 + d^2)).
    return np.asarray(beyond * beyond / (a + np.sqrt(a * a + beyond * beyond)))


__all__ = [
    "STANDARD_REFRACTION_K",
    "horizon_distance_m",
    "lowest_visible_height_m",
    "radar_horizon_range_m",
]
