"""A set of cost lines over a horizon: the ``(n_line, n_year, n_category)`` cost array and
its tidy table by layer, element, category and year."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from goldendome.economics.dollars import DeflatorTable, present_value_usd, to_then_year_usd
from goldendome.economics.errors import check, problem
from goldendome.economics.lines import CATEGORIES, CostLine, line_cost_usd
from goldendome.physics._types import ArrayLike, FloatArray, IntArray


@dataclass(frozen=True)
class CostBreakdown:
    """Life-cycle cost of an architecture, constant dollars of ``base_year``.

    Attributes
    ----------
    cost_usd : (n_line, n_year, n_category) float64, constant dollars
    elements, layers : tuple of str, one per line
    years : (n_year,) int64, calendar years
    categories : tuple of str, :data:`~goldendome.economics.lines.CATEGORIES`
    base_year : int
        The dollar year of ``cost_usd``.
    """

    cost_usd: FloatArray
    elements: tuple[str, ...]
    layers: tuple[str, ...]
    years: IntArray
    categories: tuple[str, ...]
    base_year: int

    @property
    def total_usd(self) -> float:
        """The whole horizon's cost, dollars."""
        return float(self.cost_usd.sum())

    def by_category_usd(self) -> dict[str, float]:
        """Total per cost category, dollars."""
        sums = self.cost_usd.sum(axis=(0, 1))
        return {c: float(s) for c, s in zip(self.categories, sums, strict=True)}

    def by_layer_usd(self) -> dict[str, float]:
        """Total per layer, dollars (layers in the order they first appear)."""
        out: dict[str, float] = {}
        for layer, cost in zip(self.layers, self.cost_usd.sum(axis=(1, 2)), strict=True):
            out[layer] = out.get(layer, 0.0) + float(cost)
        return out

    def by_element_usd(self) -> dict[str, float]:
        """Total per element (line), dollars."""
        sums = self.cost_usd.sum(axis=(1, 2))
        return {e: float(s) for e, s in zip(self.elements, sums, strict=True)}

    def by_year_usd(self) -> FloatArray:
        """Total per year, ``(n_year,)`` float64 dollars."""
        return np.asarray(self.cost_usd.sum(axis=(0, 2)), np.float64)

    def then_year(self, table: DeflatorTable) -> "CostBreakdown":
        """The same costs in then-year dollars of each year (the deflator's years checked)."""
        factor = to_then_year_usd(1.0, self.years, self.base_year, table)
        return CostBreakdown(
            self.cost_usd * factor[None, :, None],
            self.elements,
            self.layers,
            self.years,
            self.categories,
            self.base_year,
        )

    def present_value_usd(self, rate: float) -> float:
        """Total discounted to the base year at a real ``rate`` a year, dollars."""
        return float(present_value_usd(self.by_year_usd(), self.years, self.base_year, rate))

    def tidy(self, drop_zero: bool = True) -> dict[str, np.ndarray]:
        """Long table: one row per (element, year, category), as columns.

        Returns
        -------
        dict with ``layer``, ``element``, ``category`` (str arrays), ``year`` (int64) and
        ``cost_usd`` (float64), each ``(n_row,)``.
        """
        n_line, n_year, n_cat = self.cost_usd.shape
        li, yi, ci = np.meshgrid(
            np.arange(n_line), np.arange(n_year), np.arange(n_cat), indexing="ij"
        )
        cost = self.cost_usd.ravel()
        keep = cost != 0 if drop_zero else np.ones(cost.shape, bool)
        return {
            "layer": np.asarray(self.layers, dtype=object)[li.ravel()[keep]],
            "element": np.asarray(self.elements, dtype=object)[li.ravel()[keep]],
            "category": np.asarray(self.categories, dtype=object)[ci.ravel()[keep]],
            "year": self.years[yi.ravel()[keep]],
            "cost_usd": cost[keep],
        }


def check_unique_names(lines: Sequence[CostLine]) -> None:
    """Raise when two lines share a name (rows of the table would be ambiguous)."""
    seen: set[str] = set()
    dups = []
    for line in lines:
        if line.name in seen:
            dups.append(problem(f"lines[{line.name}]", None, "two cost lines have this name"))
        seen.add(line.name)
    check(dups)


def cost_array_usd(
    lines: Sequence[CostLine],
    n_year: int,
    overrides: Mapping[str, Mapping[str, ArrayLike]] | None = None,
) -> FloatArray:
    """Every line's cost by year and category, stacked on a line axis.

    Parameters
    ----------
    lines : sequence of CostLine
    n_year : int
    overrides : mapping of line name to {field: (...) float64}, optional
        Draws replacing line fields (see :func:`~goldendome.economics.lines.line_cost_usd`).

    Returns
    -------
    (..., n_line, n_year, n_category) float64, constant dollars
    """
    given = dict(overrides or {})
    names = {line.name for line in lines}
    check(
        problem(f"lines[{name}]", None, "unknown cost line; known: " + ", ".join(sorted(names)))
        for name in sorted(set(given) - names)
    )
    parts = [line_cost_usd(line, n_year, given.get(line.name)) for line in lines]
    return np.stack(np.broadcast_arrays(*parts), axis=-3)


def cost_table(
    lines: Sequence[CostLine], first_year: int, n_year: int, base_year: int | None = None
) -> CostBreakdown:
    """Lay a set of cost lines out over ``n_year`` years from ``first_year``.

    Parameters
    ----------
    lines : sequence of CostLine
        Their dollar amounts in constant dollars of ``base_year``.
    first_year : int
        Calendar year of the horizon's first year.
    n_year : int
        Horizon length (20 for the usual life-cycle estimate).
    base_year : int, optional
        Dollar year of the inputs (default ``first_year``).

    Returns
    -------
    CostBreakdown
    """
    check([problem("years", n_year, "the horizon must be at least 1 year")] if n_year < 1 else [])
    check_unique_names(lines)
    return CostBreakdown(
        cost_usd=cost_array_usd(lines, n_year),
        elements=tuple(line.name for line in lines),
        layers=tuple(line.layer for line in lines),
        years=np.arange(first_year, first_year + n_year, dtype=np.int64),
        categories=CATEGORIES,
        base_year=first_year if base_year is None else base_year,
    )
