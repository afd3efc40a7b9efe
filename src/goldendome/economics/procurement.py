"""Procurement of a build schedule: items bought per year to dollars per year.

A production run is one learning curve (:mod:`goldendome.economics.learning`): year ``y``
buys the lot from unit ``N[y-1] + 1`` to unit ``N[y]``, where ``N`` is the cumulative count,
so later lots are cheaper when the slope is below 1. Replacement units bought for a finite
service life continue the same run (the line keeps producing).
"""

import numpy as np

from goldendome.economics.learning import Theory, lot_cost_usd
from goldendome.physics._types import ArrayLike, FloatArray


def build_schedule(
    quantity: ArrayLike, start_year_index: int, build_years: int, n_year: int
) -> FloatArray:
    """Items bought per year: ``quantity`` spread evenly over ``build_years`` years.

    Parameters
    ----------
    quantity : (...) float64, items
    start_year_index : int
        First year of the build, counted from the horizon's first year (0).
    build_years : int
        Years the build takes (>= 1).
    n_year : int
        Length of the horizon; purchases after it are left out.

    Returns
    -------
    (..., n_year) float64, items per year
    """
    q = np.asarray(quantity, dtype=np.float64)
    years = np.arange(n_year)
    inside = (years >= start_year_index) & (years < start_year_index + max(build_years, 1))
    return np.asarray(q[..., None] * inside / max(build_years, 1), np.float64)


def procurement_by_year_usd(
    items_per_year: ArrayLike,
    first_unit_cost_usd: ArrayLike,
    slope: ArrayLike = 1.0,
    theory: Theory = "crawford",
    units_before: ArrayLike = 0.0,
) -> FloatArray:
    """Cost of each year's lot along one learning curve.

    Parameters
    ----------
    items_per_year : (..., n_year) float64, items bought each year
    first_unit_cost_usd : (...) float64, dollars
        Cost of the run's first unit.
    slope : (...) float64, in (0, 1]
    theory : {"crawford", "wright"}
    units_before : (...) float64
        Units of the same run bought before the first year (0 for a new run).

    Returns
    -------
    (..., n_year) float64, dollars per year
    """
    items = np.asarray(items_per_year, dtype=np.float64)
    before = np.asarray(units_before, np.float64)[..., None] + np.cumsum(items, axis=-1) - items
    a = np.asarray(first_unit_cost_usd, np.float64)[..., None]
    b = np.asarray(slope, np.float64)[..., None]
    return lot_cost_usd(a, before, items, b, theory)
