"""Uncertain cost inputs: distributions, P10/P50/P90, and the tornado table.

An input (a field of one cost line) can be a :class:`Distribution` given by low, mode and
high values:

* ``triangular``: low, mode, high are the minimum, the most likely value and the maximum;
* ``uniform``: between low and high (mode unused);
* ``lognormal``: ``mode`` is the *median* and low/high the 10th and 90th percentiles
  (the log-spread is ``ln(high / low) / (2 x 1.2816)``; the median is kept as given).

:func:`simulate` draws every input at once with a seeded ``numpy.random.Generator`` and
evaluates all lines for all draws in one vectorized pass (10,000 draws in tens of
milliseconds). :func:`tornado` moves one input at a time to its low and high value, the
others at their point values, and sorts the inputs by the swing of the total: the inputs
that drive the spread.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from goldendome.economics.errors import check, problem
from goldendome.economics.lines import UNCERTAIN_FIELDS, CostLine
from goldendome.economics.table import cost_array_usd
from goldendome.physics._types import FloatArray

Kind = Literal["triangular", "uniform", "lognormal"]
#: Standard-normal 90th percentile.
Z90 = 1.2815515655446004


@dataclass(frozen=True)
class Distribution:
    """An uncertain input by its low, mode and high values (see the module notes)."""

    kind: Kind
    low: float
    mode: float
    high: float

    def __post_init__(self) -> None:
        bad = []
        if self.kind not in ("triangular", "uniform", "lognormal"):
            bad.append(problem("kind", self.kind, "must be one of: triangular, uniform, lognormal"))
        elif not (self.low <= self.mode <= self.high) or not self.low < self.high:
            rule = "needs low <= mode <= high and low < high"
            bad.append(problem("low, mode, high", [self.low, self.mode, self.high], rule))
        elif self.kind == "lognormal" and self.low <= 0:
            bad.append(problem("low", self.low, "a lognormal needs low > 0"))
        check(bad)

    def sample(self, n: int, rng: np.random.Generator) -> FloatArray:
        """``(n,)`` float64 draws."""
        if self.kind == "triangular":
            return rng.triangular(self.low, self.mode, self.high, n)
        if self.kind == "uniform":
            return rng.uniform(self.low, self.high, n)
        sigma = math.log(self.high / self.low) / (2.0 * Z90)
        return np.asarray(self.mode * np.exp(sigma * rng.standard_normal(n)), np.float64)


#: Uncertain inputs: (line name, field) -> Distribution.
Uncertain = Mapping[tuple[str, str], Distribution]


@dataclass(frozen=True)
class Simulation:
    """Draws of the total and their percentiles.

    Attributes
    ----------
    total_usd : (n_draw,) float64, constant dollars
    by_category_usd : (n_draw, n_category) float64
    p10_usd, p50_usd, p90_usd : float
    """

    total_usd: FloatArray
    by_category_usd: FloatArray
    p10_usd: float
    p50_usd: float
    p90_usd: float


def _check_uncertain(lines: Sequence[CostLine], uncertain: Uncertain) -> None:
    names = {line.name for line in lines}
    bad = []
    for name, key in uncertain:
        if name not in names:
            rule = "unknown cost line; known: " + ", ".join(sorted(names))
            bad.append(problem(f"lines[{name}]", None, rule))
        elif key not in UNCERTAIN_FIELDS:
            rule = "cannot be drawn; these can: " + ", ".join(UNCERTAIN_FIELDS)
            bad.append(problem(f"lines[{name}].{key}", None, rule))
    check(bad)


def _overrides(draws: Mapping[tuple[str, str], FloatArray]) -> dict[str, dict[str, FloatArray]]:
    out: dict[str, dict[str, FloatArray]] = {}
    for (name, key), values in draws.items():
        out.setdefault(name, {})[key] = values
    return out


def simulate(
    lines: Sequence[CostLine],
    uncertain: Uncertain,
    n_year: int,
    n_draw: int,
    rng: np.random.Generator,
) -> Simulation:
    """Total cost over the horizon for ``n_draw`` joint draws of the uncertain inputs.

    Inputs are drawn independently, in the order given (so equal seeds give equal draws).

    Parameters
    ----------
    lines : sequence of CostLine
        Point values for every input not in ``uncertain``.
    uncertain : mapping of (line name, field) to Distribution
    n_year : int
    n_draw : int
    rng : numpy.random.Generator

    Returns
    -------
    Simulation
    """
    _check_uncertain(lines, uncertain)
    draws = {k: d.sample(n_draw, rng) for k, d in uncertain.items()}
    cost = cost_array_usd(lines, n_year, _overrides(draws))
    cost = np.broadcast_to(cost, (n_draw, *cost.shape[-3:]))
    by_cat = cost.sum(axis=(-3, -2))
    total = by_cat.sum(axis=-1)
    p10, p50, p90 = np.percentile(total, [10.0, 50.0, 90.0])
    return Simulation(total, by_cat, float(p10), float(p50), float(p90))


@dataclass(frozen=True)
class TornadoRow:
    """One input's swing: the total with the input at its low and at its high value."""

    line: str
    field: str
    low_usd: float
    high_usd: float

    @property
    def swing_usd(self) -> float:
        """``|high - low|``, dollars."""
        return abs(self.high_usd - self.low_usd)


def tornado(lines: Sequence[CostLine], uncertain: Uncertain, n_year: int) -> list[TornadoRow]:
    """Which inputs drive the spread: one at a time to its low and high, largest swing first.

    All inputs are evaluated in one vectorized pass (2 evaluations per input).

    Returns
    -------
    list of TornadoRow, by decreasing swing
    """
    _check_uncertain(lines, uncertain)
    keys = list(uncertain)
    n = len(keys)
    if n == 0:
        return []
    point = {line.name: line for line in lines}
    draws: dict[tuple[str, str], FloatArray] = {}
    for i, key in enumerate(keys):
        values = np.full(2 * n, float(getattr(point[key[0]], key[1])))
        values[2 * i], values[2 * i + 1] = uncertain[key].low, uncertain[key].high
        draws[key] = values
    totals = cost_array_usd(lines, n_year, _overrides(draws)).sum(axis=(-3, -2, -1))
    totals = np.broadcast_to(totals, (2 * n,))
    rows = [
        TornadoRow(key[0], key[1], float(totals[2 * i]), float(totals[2 * i + 1]))
        for i, key in enumerate(keys)
    ]
    return sorted(rows, key=lambda r: r.swing_usd, reverse=True)
