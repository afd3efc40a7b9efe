"""Command-line values checked like scenario values: finite, in range, said in a sentence.

Click accepts ``nan`` and ``inf`` for a float option, and a range set with ``min``/``max``
lets NaN through (every comparison with NaN is false). :func:`number` gives an option
callback that refuses both, and a value outside its range, with a sentence naming the
range and its unit; typer prints it under the option's name and exits with code 2.

Example
-------
>>> range_km: Annotated[float | None, typer.Option(callback=number(0, 20_015, unit="km",
...     low_open=True))] = None  # doctest: +SKIP
"""

import math
import os
from collections.abc import Callable
from typing import Any

import typer


def _bound(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,g}"


def _range_text(low: float | None, high: float | None, low_open: bool, high_open: bool) -> str:
    above = None if low is None else f"{'above' if low_open else 'at least'} {_bound(low)}"
    below = None if high is None else f"{'below' if high_open else 'at most'} {_bound(high)}"
    return " and ".join(t for t in (above, below) if t is not None)


def number(
    low: float | None = None,
    high: float | None = None,
    *,
    low_open: bool = False,
    high_open: bool = False,
    unit: str = "",
    why: str = "",
) -> Callable[[Any], Any]:
    """An option callback: the value (or each value of a list) finite and in range.

    Parameters
    ----------
    low, high : float, optional
        The range's ends (None: unbounded on that side).
    low_open, high_open : bool
        Whether the end itself is excluded.
    unit : str
        The unit, named in the message.
    why : str
        What the range means, appended to the message (e.g. "half the Earth's
        circumference").

    Returns
    -------
    callable
        ``callback(value)``: the value unchanged; ``typer.BadParameter`` otherwise.
    """
    suffix = f" {unit}" if unit else ""
    in_unit = f" in {unit}" if unit else ""

    def check_one(value: float) -> None:
        if not math.isfinite(value):
            raise typer.BadParameter(f"{value} is not a finite number; give a number{in_unit}.")
        inside = (
            (low is None or (value > low if low_open else value >= low))
            and (high is None or (value < high if high_open else value <= high))
        )  # fmt: skip
        if not inside:
            rule = _range_text(low, high, low_open, high_open)
            reason = f" ({why})" if why else ""
            raise typer.BadParameter(f"{value:g}{suffix}: must be {rule}{suffix}{reason}.")

    def callback(value: Any) -> Any:
        if value is None:
            return value
        for item in value if isinstance(value, list | tuple) else [value]:
            check_one(float(item))
        return value

    return callback


def worker_count(value: int | None) -> int | None:
    """Option callback for ``--workers``: at most four per core of this machine."""
    cores = os.cpu_count() or 1
    most = max(4, 4 * cores)
    if value is not None and value > most:
        raise typer.BadParameter(
            f"{value:,} worker processes on a machine with {cores} cores; ask for at most "
            f"{most} (one per core is fastest), or name a --scheduler for a larger cluster."
        )
    return value
