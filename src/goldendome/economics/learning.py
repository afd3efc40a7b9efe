"""Learning curves: what the n-th item of a production run costs.

Two theories are in use, and estimates differ by which one they assume:

* **Crawford (unit theory)**, the default here and in most DoD cost work: the cost of the
  n-th unit is ``y_n = a n^b``. Cumulative cost is the sum of the units.
* **Wright (cumulative-average theory)**: the *average* cost of the first n units is
  ``a n^b``, so the cumulative cost is ``a n^(b+1)`` and the n-th unit costs
  ``a (n^(b+1) - (n-1)^(b+1))``.

In both ``a`` is the first-unit cost and ``b = log2(slope)``: each doubling of the
quantity multiplies the unit (or average) cost by ``slope``. A slope of 1 is no learning;
0.9 is a 90% curve. The slope must lie in (0, 1].

Cumulative Crawford cost has no closed form; it is summed exactly for the first
:data:`EXACT_TERMS` units and by the Euler-Maclaurin formula (three correction terms)
beyond, which agrees with the plain sum to about 1e-10 relative. Quantities may be
fractional (a year's share of a lot); the formulas are smooth in n.
"""

from typing import Literal

import numpy as np

from goldendome.physics._types import ArrayLike, FloatArray

Theory = Literal["crawford", "wright"]
THEORIES: tuple[Theory, ...] = ("crawford", "wright")

#: Units summed term by term before the Euler-Maclaurin tail takes over.
EXACT_TERMS = 16
_K = np.arange(1, EXACT_TERMS + 1, dtype=np.float64)


def exponent(slope: ArrayLike) -> FloatArray:
    """Learning exponent ``b = log2(slope)`` (0 for no learning, negative otherwise).

    Parameters
    ----------
    slope : (...) float64, in (0, 1]

    Returns
    -------
    (...) float64
    """
    return np.asarray(np.log2(np.asarray(slope, dtype=np.float64)), dtype=np.float64)


def _power_sum(n: FloatArray, b: FloatArray) -> FloatArray:
    """``sum_{k=1}^{n} k^b`` for real n >= 0 (exact head, Euler-Maclaurin tail)."""
    n, b = np.broadcast_arrays(np.asarray(n, np.float64), np.asarray(b, np.float64))
    if not b.any():  # no learning: every unit costs the first unit's cost
        return np.asarray(n, np.float64).copy()
    head_n = np.minimum(n, EXACT_TERMS)
    whole = np.floor(head_n)
    terms = _K ** b[..., None]  # (..., EXACT_TERMS)
    mask = whole[..., None] >= _K
    head = np.where(mask, terms, 0.0).sum(axis=-1)
    # A fractional quantity below EXACT_TERMS: interpolate the partial unit linearly.
    frac = head_n - whole
    head = head + frac * np.where(whole < EXACT_TERMS, (whole + 1.0) ** b, 0.0)
    # Tail: sum_{k=m+1}^{n} k^b with m = EXACT_TERMS, by Euler-Maclaurin on [m, n]:
    # int_m^n x^b dx + (f(n) - f(m))/2 + (f'(n) - f'(m))/12 - (f'''(n) - f'''(m))/720.
    m = float(EXACT_TERMS)
    nt = np.maximum(n, m)
    bp1 = b + 1.0
    near_log = np.abs(bp1) < 1e-12
    safe = np.where(near_log, 1.0, bp1)
    integral = np.where(near_log, np.log(nt / m), (nt**bp1 - m**bp1) / safe)

    def d1(x: FloatArray | float) -> FloatArray:
        return np.asarray(b * np.power(x, b - 1.0), np.float64)

    def d3(x: FloatArray | float) -> FloatArray:
        return np.asarray(b * (b - 1.0) * (b - 2.0) * np.power(x, b - 3.0), np.float64)

    tail = integral + 0.5 * (nt**b - m**b) + (d1(nt) - d1(m)) / 12.0 - (d3(nt) - d3(m)) / 720.0
    return np.asarray(head + np.where(n > m, tail, 0.0), np.float64)


def cumulative_cost_usd(
    first_unit_cost_usd: ArrayLike,
    quantity: ArrayLike,
    slope: ArrayLike,
    theory: Theory = "crawford",
) -> FloatArray:
    """Total cost of the first ``quantity`` units of a production run.

    Parameters
    ----------
    first_unit_cost_usd : (...) float64, dollars
        Cost of unit 1 (``a``).
    quantity : (...) float64, units (>= 0; may be fractional)
    slope : (...) float64, in (0, 1]
        Cost multiplier per doubling of quantity.
    theory : {"crawford", "wright"}
        Unit theory (Crawford) or cumulative-average theory (Wright).

    Returns
    -------
    (...) float64, dollars (the arguments broadcast)
    """
    a = np.asarray(first_unit_cost_usd, dtype=np.float64)
    n = np.maximum(np.asarray(quantity, dtype=np.float64), 0.0)
    b = exponent(slope)
    if theory == "wright":
        return np.asarray(a * np.where(n > 0, n ** (b + 1.0), 0.0), np.float64)
    if theory == "crawford":
        return np.asarray(a * _power_sum(n, b), np.float64)
    raise ValueError(f"learning theory = {theory!r}: must be one of {', '.join(THEORIES)}")


def unit_cost_usd(
    first_unit_cost_usd: ArrayLike,
    unit_number: ArrayLike,
    slope: ArrayLike,
    theory: Theory = "crawford",
) -> FloatArray:
    """Cost of the n-th unit (n >= 1).

    Parameters
    ----------
    first_unit_cost_usd : (...) float64, dollars
    unit_number : (...) float64, the unit's place in the run (1 is the first)
    slope : (...) float64, in (0, 1]
    theory : {"crawford", "wright"}

    Returns
    -------
    (...) float64, dollars
    """
    a = np.asarray(first_unit_cost_usd, dtype=np.float64)
    n = np.maximum(np.asarray(unit_number, dtype=np.float64), 1.0)
    b = exponent(slope)
    if theory == "crawford":
        return np.asarray(a * n**b, np.float64)
    if theory == "wright":
        return np.asarray(a * (n ** (b + 1.0) - (n - 1.0) ** (b + 1.0)), np.float64)
    raise ValueError(f"learning theory = {theory!r}: must be one of {', '.join(THEORIES)}")


def average_cost_usd(
    first_unit_cost_usd: ArrayLike,
    quantity: ArrayLike,
    slope: ArrayLike,
    theory: Theory = "crawford",
) -> FloatArray:
    """Average unit cost of the first ``quantity`` units (dollars; the first unit's cost at 0).

    Shapes and units as :func:`cumulative_cost_usd`.
    """
    n = np.asarray(quantity, dtype=np.float64)
    total = cumulative_cost_usd(first_unit_cost_usd, n, slope, theory)
    first = np.broadcast_to(np.asarray(first_unit_cost_usd, np.float64), total.shape)
    return np.asarray(np.where(n > 0, total / np.where(n > 0, n, 1.0), first), np.float64)


def lot_cost_usd(
    first_unit_cost_usd: ArrayLike,
    units_before: ArrayLike,
    lot_quantity: ArrayLike,
    slope: ArrayLike,
    theory: Theory = "crawford",
) -> FloatArray:
    """Cost of a lot: units ``units_before + 1`` to ``units_before + lot_quantity``.

    Parameters
    ----------
    first_unit_cost_usd : (...) float64, dollars
    units_before : (...) float64, units bought earlier in the same run
    lot_quantity : (...) float64, units in this lot
    slope : (...) float64, in (0, 1]
    theory : {"crawford", "wright"}

    Returns
    -------
    (...) float64, dollars
    """
    before = np.asarray(units_before, dtype=np.float64)
    after = before + np.asarray(lot_quantity, dtype=np.float64)
    return np.asarray(
        cumulative_cost_usd(first_unit_cost_usd, after, slope, theory)
        - cumulative_cost_usd(first_unit_cost_usd, before, slope, theory),
        np.float64,
    )


def first_unit_from_average_usd(
    average_cost_usd: ArrayLike,
    quantity: ArrayLike,
    slope: ArrayLike,
    theory: Theory = "crawford",
) -> FloatArray:
    """The first-unit cost that gives a stated average unit cost over ``quantity`` units.

    Studies often state an average unit cost ("$22 million per SBI"); this turns it into
    the ``a`` of the curve, so the same run of ``quantity`` units costs
    ``average x quantity``.

    Parameters
    ----------
    average_cost_usd : (...) float64, dollars
    quantity : (...) float64, units (> 0)
    slope : (...) float64, in (0, 1]
    theory : {"crawford", "wright"}

    Returns
    -------
    (...) float64, dollars
    """
    n = np.asarray(quantity, dtype=np.float64)
    per_dollar = cumulative_cost_usd(1.0, n, slope, theory)
    return np.asarray(np.asarray(average_cost_usd, np.float64) * n / per_dollar, np.float64)
