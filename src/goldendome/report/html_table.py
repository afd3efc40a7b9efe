"""Small HTML tables and number formats for the report page (escaped, no styling inline).

Written by hand: a dozen lines that escape every cell, where ``pandas.DataFrame.to_html``
would pull pandas into the report's import for tables of a few rows.
"""

import html
import math
from collections.abc import Sequence
from typing import Any


def fmt(value: Any, digits: int = 2) -> str:
    """A cell: integers with thousands separators, floats to ``digits`` decimals, NaN and
    None as ``-``."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if not math.isfinite(value):
            return "-"
        return f"{value:,.{digits}f}"
    return str(value)


def usd(value: float) -> str:
    """Dollars in words a reader scans: ``$884.3B``, ``$1,575.5M``, ``$22.0M``."""
    if not math.isfinite(value):
        return "-"
    if abs(value) >= 1e9:
        return f"${value / 1e9:,.1f}B"
    return f"${value / 1e6:,.1f}M"


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], caption: str = "") -> str:
    """An HTML table; numbers right-aligned, every cell escaped (cells already ``str`` are
    taken as text, other values pass through :func:`fmt`)."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = []
        for v in row:
            text = v if isinstance(v, str) else fmt(v)
            num = not isinstance(v, str) and v is not None
            cells.append(f"<td{' class=num' if num else ''}>{html.escape(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def facts(pairs: Sequence[tuple[str, Any]]) -> str:
    """A two-column list of facts (``<dl>``), escaped."""
    items = "".join(
        f"<dt>{html.escape(k)}</dt><dd>{html.escape(v if isinstance(v, str) else fmt(v))}</dd>"
        for k, v in pairs
    )
    return f'<dl class="facts">{items}</dl>'
