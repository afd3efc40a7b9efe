"""Then-year and constant dollars, and optional discounting.

*Then-year* (TY) dollars are what is paid in the year it is paid; *constant* dollars of a
base year B are TY dollars rescaled by a price index so that a dollar buys the same in every
year: ``usd_B = usd_Y * index[B] / index[Y]``. Published life-cycle estimates (CBO, AEI) are
in constant dollars of a stated year; contract awards and budget lines are then-year.

The index is a :class:`DeflatorTable` (by default ``data/cost_deflators.toml``, read by
:func:`goldendome.economics.catalog.deflator_table`). A year outside the table is an error
that names it, never an extrapolation.

Discounting is separate from inflation: a real discount rate on constant dollars gives a
present value (OMB Circular A-94 practice); by default nothing is discounted.
"""

from dataclasses import dataclass

import numpy as np

from goldendome.economics.errors import check, problem
from goldendome.physics._types import ArrayLike, FloatArray


@dataclass(frozen=True)
class DeflatorTable:
    """A price index by calendar year.

    Attributes
    ----------
    first_year : int
        Year of ``index[0]``.
    index : (n_year,) float64
        Price level, one value per consecutive year (any reference year).
    source : str
        Where the values come from.
    """

    first_year: int
    index: FloatArray
    source: str

    @property
    def last_year(self) -> int:
        """The last year the table covers."""
        return self.first_year + int(self.index.shape[0]) - 1

    def check_years(self, years: ArrayLike, key: str = "year") -> None:
        """Raise a :class:`~goldendome.economics.errors.CostError` for years not covered."""
        y = np.atleast_1d(np.asarray(years))
        bad = y[(y < self.first_year) | (y > self.last_year) | (y != np.round(y))]
        rule = (
            f"outside the deflator table ({self.first_year} to {self.last_year}, "
            "data/cost_deflators.toml); choose a year it covers"
        )
        check(problem(key, float(v) if v % 1 else int(v), rule) for v in np.unique(bad)[:3])

    def at(self, years: ArrayLike, key: str = "year") -> FloatArray:
        """Index value of each year, ``(...)`` float64 (years checked first)."""
        self.check_years(years, key)
        y = np.asarray(years, dtype=np.int64)
        return np.asarray(self.index[y - self.first_year], np.float64)


def to_constant_usd(
    then_year_usd: ArrayLike, year: ArrayLike, base_year: int, table: DeflatorTable
) -> FloatArray:
    """Constant dollars of ``base_year`` from then-year dollars paid in ``year``.

    Parameters
    ----------
    then_year_usd : (...) float64, then-year dollars
    year : (...) int, calendar year of each amount (broadcasts against the amounts)
    base_year : int
    table : DeflatorTable

    Returns
    -------
    (...) float64, constant base-year dollars
    """
    base = table.at(base_year, "base_year")
    return np.asarray(np.asarray(then_year_usd, np.float64) * base / table.at(year), np.float64)


def to_then_year_usd(
    constant_usd: ArrayLike, year: ArrayLike, base_year: int, table: DeflatorTable
) -> FloatArray:
    """Then-year dollars of ``year`` from constant dollars of ``base_year`` (the inverse).

    Shapes and units as :func:`to_constant_usd`, the other way round.
    """
    base = table.at(base_year, "base_year")
    return np.asarray(np.asarray(constant_usd, np.float64) * table.at(year) / base, np.float64)


def discount_factor(year: ArrayLike, base_year: int, rate: float) -> FloatArray:
    """``(1 + rate) ** -(year - base_year)``: what a dollar in ``year`` is worth in the base year.

    Parameters
    ----------
    year : (...) int or float, calendar year
    base_year : int
    rate : float
        Real discount rate per year (0.02 is 2%); must be > -1.

    Returns
    -------
    (...) float64, dimensionless
    """
    check([problem("discount_rate", rate, "must be above -1 (-100% a year)")] if rate <= -1 else [])
    t = np.asarray(year, dtype=np.float64) - base_year
    return np.asarray((1.0 + rate) ** -t, np.float64)


def present_value_usd(
    cost_by_year_usd: ArrayLike, years: ArrayLike, base_year: int, rate: float
) -> FloatArray:
    """Sum over the last axis of a cost profile, discounted to ``base_year``.

    Parameters
    ----------
    cost_by_year_usd : (..., n_year) float64, constant dollars
    years : (n_year,) int, calendar years of the last axis
    base_year : int
    rate : float
        Real discount rate per year; 0 gives the plain sum.

    Returns
    -------
    (...) float64, constant dollars of the base year, discounted
    """
    factor = discount_factor(years, base_year, rate)
    return np.asarray((np.asarray(cost_by_year_usd, np.float64) * factor).sum(axis=-1), np.float64)
