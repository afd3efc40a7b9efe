"""Launch cost: putting a constellation's mass on orbit.

Launch is priced either per kilogram (``$500/kg``, CBO 2026's Starship planning value) or
per launch (``$74M`` for a Falcon 9, 2026 list), and a run of launches may have its own
learning curve. Either way the first launch costs ``price_usd_per_launch`` or
``price_usd_per_kg x mass_kg x satellites_per_launch``, and later launches follow the
curve over the cumulative launch count. Priced per kilogram, a part-filled launch costs its
share (the provider sells mass); priced per launch, each year's launches are rounded up.
"""

import numpy as np

from goldendome.economics.learning import Theory, lot_cost_usd
from goldendome.physics._types import ArrayLike, FloatArray


def launches_needed(satellites: ArrayLike, satellites_per_launch: ArrayLike) -> FloatArray:
    """Whole launches to carry ``satellites`` (rounded up).

    Parameters
    ----------
    satellites : (...) float64, satellites to launch
    satellites_per_launch : (...) float64 (> 0)

    Returns
    -------
    (...) float64, launches
    """
    s = np.asarray(satellites, np.float64) / np.asarray(satellites_per_launch, np.float64)
    return np.asarray(np.ceil(s - 1e-9), np.float64)


def mass_launch_cost_usd(mass_kg: ArrayLike, price_usd_per_kg: ArrayLike) -> FloatArray:
    """Cost of putting ``mass_kg`` on orbit at a price per kilogram, ``(...)`` float64 dollars."""
    return np.asarray(
        np.asarray(mass_kg, np.float64) * np.asarray(price_usd_per_kg, np.float64), np.float64
    )


def launch_cost_by_year_usd(
    satellites_per_year: ArrayLike,
    mass_kg: ArrayLike,
    satellites_per_launch: ArrayLike = 1.0,
    price_usd_per_kg: ArrayLike = 0.0,
    price_usd_per_launch: ArrayLike = 0.0,
    slope: ArrayLike = 1.0,
    theory: Theory = "crawford",
) -> FloatArray:
    """Launch cost of each year's satellites.

    Parameters
    ----------
    satellites_per_year : (..., n_year) float64, satellites launched each year
    mass_kg : (...) float64, kilograms per satellite on orbit
    satellites_per_launch : (...) float64 (> 0)
    price_usd_per_kg : (...) float64, dollars per kilogram (used where > 0)
    price_usd_per_launch : (...) float64, dollars per launch (used where the per-kilogram
        price is 0)
    slope : (...) float64, in (0, 1]
        Learning slope over the cumulative launch count (1: a flat price).
    theory : {"crawford", "wright"}

    Returns
    -------
    (..., n_year) float64, dollars per year
    """
    sats = np.asarray(satellites_per_year, np.float64)
    per_launch = np.asarray(satellites_per_launch, np.float64)[..., None]
    per_kg = np.asarray(price_usd_per_kg, np.float64)[..., None]
    by_kg = per_kg > 0
    first = np.where(
        by_kg,
        per_kg * np.asarray(mass_kg, np.float64)[..., None] * per_launch,
        np.asarray(price_usd_per_launch, np.float64)[..., None],
    )
    launches = np.where(by_kg, sats / per_launch, launches_needed(sats, per_launch))
    before = np.cumsum(launches, axis=-1) - launches
    b = np.asarray(slope, np.float64)[..., None]
    return lot_cost_usd(first, before, launches, b, theory)
