"""Fixed costs spread over years: development (non-recurring) and ground segment / C2.

Development (research, design, test, the first prototypes) is a one-time cost spread
evenly over its years. A ground segment or command-and-control (C2) system is bought once
(spread over its build years, a procurement cost) and then costs a fixed O&S a year from
the year after its build ends.
"""

import numpy as np

from goldendome.physics._types import ArrayLike, FloatArray


def spread_by_year_usd(
    total_usd: ArrayLike, start_year_index: int, n_years: int, n_year: int
) -> FloatArray:
    """A total spread evenly over ``n_years`` years from ``start_year_index``.

    Parameters
    ----------
    total_usd : (...) float64, dollars
    start_year_index : int
        First year, counted from the horizon's first year (0).
    n_years : int
        Years it is spread over (>= 1); the part after the horizon is left out.
    n_year : int
        Length of the horizon.

    Returns
    -------
    (..., n_year) float64, dollars per year
    """
    years = np.arange(n_year)
    width = max(int(n_years), 1)
    inside = (years >= start_year_index) & (years < start_year_index + width)
    return np.asarray(np.asarray(total_usd, np.float64)[..., None] * inside / width, np.float64)


def development_by_year_usd(
    total_usd: ArrayLike, start_year_index: int, n_years: int, n_year: int
) -> FloatArray:
    """Non-recurring development cost per year (even spread; see :func:`spread_by_year_usd`)."""
    return spread_by_year_usd(total_usd, start_year_index, n_years, n_year)


def ground_segment_by_year_usd(
    acquisition_usd: ArrayLike,
    o_and_s_usd_per_year: ArrayLike,
    start_year_index: int,
    build_years: int,
    n_year: int,
) -> tuple[FloatArray, FloatArray]:
    """A ground segment or C2 system: its purchase and then its yearly O&S.

    Parameters
    ----------
    acquisition_usd : (...) float64, dollars (facilities, equipment, software)
    o_and_s_usd_per_year : (...) float64, dollars per year once built
    start_year_index, build_years : int
        When the build starts (from the horizon's first year) and how long it takes.
    n_year : int

    Returns
    -------
    acquisition_by_year_usd, o_and_s_by_year_usd : (..., n_year) float64, dollars per year
    """
    buy = spread_by_year_usd(acquisition_usd, start_year_index, build_years, n_year)
    operating = np.arange(n_year) >= start_year_index + max(int(build_years), 1)
    run = np.asarray(o_and_s_usd_per_year, np.float64)[..., None] * operating
    return buy, np.asarray(run, np.float64)
