"""Two-line element sets (TLEs): the layout, and parsing that checks it line by line.

The layout is the NORAD one (Hoots and Roehrich, Spacetrack Report No. 3, 1980; CelesTrak,
"NORAD Two-Line Element Set Format"): two 69-column lines, optionally after a name line.
The TLE constellation and SGP4 positions are in :mod:`goldendome.orbits.tle_set`.
"""

import math
import re
from collections.abc import Callable, Iterable

#: The standard layout of each line: N a digit, C the classification, A the designator.
TLE_TEMPLATE = {
    "1": "1 NNNNNC NNNNNAAA NNNNN.NNNNNNNN +.NNNNNNNN +NNNNN-N +NNNNN-N N NNNNN",
    "2": "2 NNNNN NNN.NNNN NNN.NNNN NNNNNNN NNN.NNNN NNN.NNNN NN.NNNNNNNNNNNNNN",
}
TLE_LINE_LENGTH = 69

_NUMBER = re.compile(r" *[+-]?(\d+\.?\d*|\.\d+)")
Check = Callable[[str], bool]


def _number_in(low: float, high: float, *, closed: bool = False) -> Check:
    def check(s: str) -> bool:
        x = float(s) if _NUMBER.fullmatch(s) else math.nan
        return low <= x <= high if closed else low <= x < high

    return check


def _pattern(regex: str) -> Check:
    compiled = re.compile(regex)
    return lambda s: bool(compiled.fullmatch(s))


_CATALOG = (3, 7, "the catalog number (5 digits, or a letter and 4 digits)")
_CATALOG_CHECK = _pattern(r" *\d+|[A-HJ-NP-Z]\d{4}")
_EXP = _pattern(r"[ +-]\d{5}[+-]\d")  # assumed leading decimal point and a power of ten
# (first column, last column, what it holds, its check); columns counted from 1.
_FIELDS: dict[str, tuple[tuple[int, int, str, Check], ...]] = {
    "1": (
        (*_CATALOG, _CATALOG_CHECK),
        (8, 8, "the classification (U, C or S)", _pattern(r"[UCS ]")),
        (19, 20, "the epoch year (2 digits)", _pattern(r"\d\d")),
        (21, 32, "the epoch day of the year (1 to 366.99999999)", _number_in(1.0, 367.0)),
        (34, 43, "the first derivative of mean motion", _number_in(-1.0, 1.0)),
        (45, 52, "the second derivative of mean motion (such as ' 12345-6')", _EXP),
        (54, 61, "the drag term B* (such as '-11606-4')", _EXP),
        (63, 63, "the ephemeris type (a digit)", _pattern(r"[\d ]")),
        (65, 68, "the element set number", _pattern(r" *\d*")),
    ),
    "2": (
        (*_CATALOG, _CATALOG_CHECK),
        (9, 16, "the inclination (0 to 180 deg)", _number_in(0.0, 180.0, closed=True)),
        (18, 25, "the right ascension of the node (0 to 360 deg)", _number_in(0.0, 360.0)),
        (27, 33, "the eccentricity (7 digits, decimal point assumed)", _pattern(r"\d{7}")),
        (35, 42, "the argument of perigee (0 to 360 deg)", _number_in(0.0, 360.0)),
        (44, 51, "the mean anomaly (0 to 360 deg)", _number_in(0.0, 360.0)),
        (53, 63, "the mean motion (revolutions per day, > 0)", _number_in(1e-8, 100.0)),
        (64, 68, "the revolution number", _pattern(r" *\d*")),
    ),
}
_SPACES = {"1": (2, 9, 18, 33, 44, 53, 62, 64), "2": (2, 8, 17, 26, 34, 43, 52)}


class TleFormatError(ValueError):
    """A TLE text that does not follow the two-line format.

    Attributes
    ----------
    satellite : int | None
        1-based index of the satellite in the text, None when the text as a whole is wrong.
    tle_line : str | None
        ``"1"`` or ``"2"``: which line of that satellite's set.
    rule : str
        The rule broken, as a sentence.
    """

    def __init__(self, message: str, satellite: int | None, tle_line: str | None, rule: str):
        super().__init__(message)
        self.satellite = satellite
        self.tle_line = tle_line
        self.rule = rule


def _fail(
    where: tuple[int, str | None, str, int],
    line: str,
    rule: str,
    columns: tuple[int, int] | None = None,
) -> TleFormatError:
    """The error for ``line``; ``where`` is (satellite, its name, "1" or "2", text line)."""
    satellite, name, which, text_line = where
    named = f" ({name})" if name else ""
    marker = ""
    if columns is not None:
        marker = "\n" + " " * (11 + columns[0]) + "^" * (columns[1] - columns[0] + 1)
    message = (
        f"satellite #{satellite}{named}, TLE line {which} (line {text_line} of the text) "
        f"does not follow the TLE format:\n  expected  {TLE_TEMPLATE[which]}\n"
        f"  given     {line}{marker}\n  {rule}"
    )
    return TleFormatError(message, satellite, which, rule)


def tle_checksum(line: str) -> int:
    """The modulo-10 checksum of a TLE line's first 68 columns (digits count their value,
    each '-' counts 1, everything else 0)."""
    return sum(int(c) if c.isdigit() else c == "-" for c in line[:68]) % 10


def _line_rule(line: str, which: str) -> tuple[str, tuple[int, int] | None] | None:
    """The first rule ``line`` breaks as TLE line ``which``, with the columns at fault."""
    if len(line) != TLE_LINE_LENGTH:
        return (
            f"the line has {len(line)} characters but a TLE line has exactly 69; "
            "copy the whole line (its last column is the checksum digit)",
            None,
        )
    if line[0] != which:
        return f"line {which} of a set must start with '{which}', not '{line[0]}'", (1, 1)
    for col in _SPACES[which]:
        if line[col - 1] != " ":
            rule = f"column {col} must be a space between fields, not '{line[col - 1]}'"
            return rule, (col, col)
    for first, last, what, check in _FIELDS[which]:
        field = line[first - 1 : last]
        if not check(field):
            return f"columns {first}-{last} should hold {what}, not '{field}'", (first, last)
    given, computed = line[68], tle_checksum(line)
    if not given.isdigit() or int(given) != computed:
        return (
            f"checksum is {given} but the line's digits give {computed} (sum of the digits of "
            "columns 1-68, '-' counting 1, modulo 10): the line was mistyped or altered; "
            "copy it again from its source",
            (69, 69),
        )
    return None


def parse_tle_lines(text_or_lines: str | Iterable[str]) -> list[tuple[str | None, str, str]]:
    """Split TLE text into checked element sets.

    Parameters
    ----------
    text_or_lines : str or iterable of str
        Two-line sets, each optionally after a name line (a leading ``"0 "`` on a name line
        is dropped); blank lines and surrounding whitespace are ignored.

    Returns
    -------
    list of (name or None, line1, line2)

    Raises
    ------
    TleFormatError
        Naming the satellite and line, with the expected layout above the line given.
    """
    raw = text_or_lines.splitlines() if isinstance(text_or_lines, str) else list(text_or_lines)
    rows = [(k + 1, s.strip()) for k, s in enumerate(raw) if s.strip()]
    if not rows:
        rule = "the TLE text is empty: give each satellite as its TLE lines 1 and 2"
        raise TleFormatError(rule + ", optionally after a name line", None, None, rule)
    sets: list[tuple[str | None, str, str]] = []
    i = 0
    while i < len(rows):
        sat, name = len(sets) + 1, None
        if not rows[i][1].startswith(("1 ", "2 ")):
            name = rows[i][1].removeprefix("0 ").strip()
            i += 1
        pair = []
        for which in ("1", "2"):
            if i >= len(rows):
                where = (sat, name, which, rows[-1][0] + 1)
                raise _fail(where, "(end of text)", f"the text ends before line {which}")
            number, line = rows[i]
            found = _line_rule(line, which)
            if found is not None:
                raise _fail((sat, name, which, number), line, *found)
            pair.append(line)
            i += 1
        if pair[0][2:7] != pair[1][2:7]:
            rule = (
                f"the catalog number '{pair[1][2:7]}' differs from line 1's '{pair[0][2:7]}': "
                "the two lines come from different satellites"
            )
            raise _fail((sat, name, "2", rows[i - 1][0]), pair[1], rule, (3, 7))
        sets.append((name, pair[0], pair[1]))
    return sets
