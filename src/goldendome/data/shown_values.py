"""How a problem shows the value it is about: as TOML writes it, cut to one short line.

A value comes back from ``tomllib`` as Python data, so the text the person typed is gone;
this writes it back the way TOML spells it (``1e20``, not Python's ``1e+20``; ``true``;
``2029-06-01T00:00:00Z``; strings in double quotes; arrays and inline tables), which is what
they wrote up to spelling (underscores in ``1_000``, the case of ``1E20``). Long values are
cut at :data:`MAX_SHOWN` characters, and the cut happens while writing, so a value nested
thousands deep (possible in a mapping built in Python) costs no more than a short one.
"""

import json
import math
import re
from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from typing import Any

#: Longest shown value, in characters (longer ones end with "...").
MAX_SHOWN = 60
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_UNPRINTED = re.compile("[\x7f-\x9f\u2028\u2029]")
_MAX_BITS = 256  # about 77 digits: more than any shown value holds


def toml_number(value: float) -> str:
    """A float as TOML writes it: ``1e20``, ``1.5e-7``, ``400.0``, ``nan``, ``-inf``."""
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    text = repr(value)
    if "e" in text:
        mantissa, exponent = text.split("e")
        return f"{mantissa}e{int(exponent)}"
    return text


def _huge(value: int) -> str:
    # Python refuses to write ints of thousands of digits; their size is what matters.
    digits = int(value.bit_length() * math.log10(2)) + 1
    sign = "a negative" if value < 0 else "a"
    return f"{sign} whole number of about {digits:,} digits"


def toml_string(value: str) -> str:
    """A TOML basic string: JSON's escapes (which TOML shares), and DEL, the C1 controls and
    the Unicode line separators escaped too, so the string stays on one line wherever it
    is printed."""
    text = json.dumps(value, ensure_ascii=False)
    return _UNPRINTED.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _datetime(value: datetime) -> str:
    text = value.isoformat()
    return text[:-6] + "Z" if value.tzinfo is UTC or text.endswith("+00:00") else text


def toml_key(key: object) -> str:
    """A key as TOML writes it: bare (``altitude_km``) when it can be, else quoted."""
    text = str(key)
    return text if _BARE_KEY.match(text) else toml_string(text)


def _write(value: Any, out: list[str], budget: int) -> int:
    """Append ``value``'s TOML text to ``out``, stopping once ``budget`` characters are spent;
    returns the budget left (negative when the text was cut)."""
    if budget < 0:
        return budget
    if isinstance(value, list | tuple | Mapping):
        items = list(value.items()) if isinstance(value, Mapping) else list(value)
        opening, closing = ("{", "}") if isinstance(value, Mapping) else ("[", "]")
        out.append(opening)
        budget -= 1
        for i, item in enumerate(items):
            if budget < 0:
                return budget
            if i:
                out.append(", ")
                budget -= 2
            if isinstance(value, Mapping):
                head = f"{toml_key(item[0])} = "
                out.append(head)
                budget = _write(item[1], out, budget - len(head))
            else:
                budget = _write(item, out, budget)
        out.append(closing)
        return budget - 1
    text = _scalar(value)
    out.append(text)
    return budget - len(text)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value) if value.bit_length() <= _MAX_BITS else _huge(value)
    if isinstance(value, float):
        return toml_number(value)
    if isinstance(value, str):
        return toml_string(value[: MAX_SHOWN * 2])
    if isinstance(value, datetime):
        return _datetime(value)
    if isinstance(value, date | time):
        return value.isoformat()
    return repr(value)[: MAX_SHOWN * 2]


def show_value(value: Any) -> str | None:
    """A value as TOML would show it; None for tables, which are not worth echoing.

    Parameters
    ----------
    value : object
        A value as ``tomllib`` reads it (or as a mapping built in Python holds it).

    Returns
    -------
    str or None
        At most :data:`MAX_SHOWN` characters; a cut string keeps its closing quote.
    """
    if isinstance(value, Mapping):
        return None
    out: list[str] = []
    _write(value, out, MAX_SHOWN + 1)
    text = "".join(out)
    if len(text) <= MAX_SHOWN:
        return text
    if isinstance(value, str):
        return text[: MAX_SHOWN - 4] + '..."'
    return text[: MAX_SHOWN - 3] + "..."
