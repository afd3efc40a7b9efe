"""Keeping a force in service: operations and support (O&S), and replenishment.

A constellation whose satellites last ``L`` years is bought again every ``L`` years: each
unit fielded in year ``i`` is replaced at ``i + L``, ``i + 2L``, ... while the horizon lasts
(its replacements are themselves replaced, which the multiples of ``L`` already count). A
replacement due at a fractional year ``t`` is split between ``floor(t)`` and
``floor(t) + 1`` in proportion, so the total varies smoothly with ``L`` (what a Monte Carlo
over an uncertain life needs). An infinite life means no replenishment.

O&S is a cost per fielded unit per year plus a fixed cost per year (crews, facilities,
ground stations) from the first year anything is fielded. The fielded count is the
cumulative initial deployment: replacements keep it level, they do not add to it.
"""

import numpy as np

from goldendome.physics._types import ArrayLike, FloatArray


def replenishment_by_year(items_per_year: ArrayLike, service_life_years: ArrayLike) -> FloatArray:
    """Replacement units bought each year for a finite service life, over all generations.

    Parameters
    ----------
    items_per_year : (..., n_year) float64, units first fielded each year
    service_life_years : (...) float64, years (> 0; ``inf``: none)

    Returns
    -------
    (..., n_year) float64, replacement units per year
    """
    items = np.asarray(items_per_year, np.float64)
    life = np.asarray(service_life_years, np.float64)
    shape = np.broadcast_shapes(items.shape[:-1], life.shape)
    n_year = items.shape[-1]
    items = np.broadcast_to(items, (*shape, n_year)).reshape(-1, n_year)
    life = np.broadcast_to(life, shape).reshape(-1, 1)
    n_row = items.shape[0]
    finite = np.isfinite(life)
    if not finite.any():
        return np.zeros((*shape, n_year))
    n_gen = int(np.ceil(n_year / float(life[finite].min())))
    width = n_year + 2  # room for due years past the horizon, dropped at the end
    row = np.arange(n_row)[:, None] * width
    i = np.arange(n_year, dtype=np.float64)
    out = np.zeros(n_row * width)
    for k in range(1, n_gen + 1):
        due = np.where(finite, i + k * np.where(finite, life, 0.0), np.inf)
        due = np.minimum(due, n_year + 0.0)  # n_year and later: outside the horizon
        base = np.floor(due)
        frac = due - base
        for offset, weight in ((0.0, 1.0 - frac), (1.0, frac)):
            slot = np.minimum(base + offset, n_year + 1).astype(np.int64)
            out += np.bincount((row + slot).ravel(), (items * weight).ravel(), n_row * width)
    return np.asarray(out.reshape(n_row, width)[:, :n_year].reshape(*shape, n_year), np.float64)


def fielded_by_year(items_per_year: ArrayLike) -> FloatArray:
    """Units in service each year (the cumulative initial deployment), ``(..., n_year)``."""
    return np.asarray(np.cumsum(np.asarray(items_per_year, np.float64), axis=-1), np.float64)


def o_and_s_by_year_usd(
    fielded: ArrayLike,
    usd_per_unit_year: ArrayLike = 0.0,
    fixed_usd_per_year: ArrayLike = 0.0,
) -> FloatArray:
    """Operations and support cost per year.

    Parameters
    ----------
    fielded : (..., n_year) float64, units in service each year
    usd_per_unit_year : (...) float64, dollars per unit per year
    fixed_usd_per_year : (...) float64, dollars per year once anything is fielded

    Returns
    -------
    (..., n_year) float64, dollars per year
    """
    n = np.asarray(fielded, np.float64)
    per_unit = np.asarray(usd_per_unit_year, np.float64)[..., None]
    fixed = np.asarray(fixed_usd_per_year, np.float64)[..., None]
    return np.asarray(n * per_unit + np.where(n > 0, fixed, 0.0), np.float64)
