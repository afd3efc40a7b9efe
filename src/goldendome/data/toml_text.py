"""Parse TOML text a person wrote, turning every way it can fail into one plain sentence.

``tomllib`` recurses once per level of nested arrays and inline tables, so a file of a few
thousand ``[`` would end in a RecursionError; :func:`nesting_problem` finds such nesting
first with a cheap scan of the brackets and braces outside strings and comments, and names
the line. A UTF-8 byte-order mark at the start is dropped. Syntax errors are reported with
their line and column, and an integer too long for Python to read (over 4,300 digits) with
its line. Scenario files and data catalogs share this parser.
"""

import re
import tomllib
from typing import Any

#: Deepest nesting of arrays and inline tables accepted (a scenario needs three or four).
MAX_NESTING = 64
_BOM = "\ufeff"
_POSITION = re.compile(
    r"^(?P<msg>.*?) \((?:at line (?P<line>\d+), column (?P<col>\d+)|at end of document)\)$"
)
_TOKEN = re.compile(r"\"\"\"|'''|[\"'#\[\]{}\n]")
_STRING_END = {
    '"': re.compile(r'(?:[^"\\\n]|\\.)*(?:"|(?=\n)|\Z)'),
    "'": re.compile(r"[^'\n]*(?:'|(?=\n)|\Z)"),
    '"""': re.compile(r'(?:[^"\\]|\\[\s\S]|"(?!""))*(?:"""|\Z)'),
    "'''": re.compile(r"(?:[^']|'(?!''))*(?:'''|\Z)"),
}
_LONG_INTEGER = re.compile(r"\d(?:_?\d){4300}")


class TomlTextError(Exception):
    """TOML text that cannot be read; ``rule`` says why and where (``line 3, column 1: ...``)."""

    def __init__(self, rule: str) -> None:
        super().__init__(rule)
        self.rule = rule


def nesting_problem(text: str, limit: int = MAX_NESTING) -> str | None:
    """The sentence for arrays or inline tables nested deeper than ``limit``, else None.

    Brackets and braces are counted outside strings and comments; table headers
    (``[[threats.raid]]``) count too, which costs them two levels at most.
    """
    if text.count("[") + text.count("{") <= limit:
        return None
    depth, line, pos = 0, 1, 0
    while (match := _TOKEN.search(text, pos)) is not None:
        token, pos = match.group(), match.end()
        if token == "\n":
            line += 1
        elif token == "#":
            end = text.find("\n", pos)
            pos = len(text) if end < 0 else end
        elif token in _STRING_END:
            end_match = _STRING_END[token].match(text, pos)
            end = end_match.end() if end_match else len(text)
            line += text.count("\n", pos, end)
            pos = end
        elif token in "[{":
            depth += 1
            if depth > limit:
                return (
                    f"line {line}: arrays and inline tables nested more than {limit} deep; "
                    f"a scenario needs only a few levels, so look for a bracket left open"
                )
        else:
            depth = max(depth - 1, 0)
    return None


def _syntax_rule(exc: tomllib.TOMLDecodeError) -> str:
    message = str(exc)
    match = _POSITION.match(message)
    if not match:
        return f"not valid TOML ({message})"
    where = f"line {match['line']}, column {match['col']}" if match["line"] else "end of file"
    return f"{where}: not valid TOML ({match['msg'].rstrip('.').lower()})"


def _long_integer_rule(text: str) -> str:
    match = _LONG_INTEGER.search(text)
    where = f"line {text.count(chr(10), 0, match.start()) + 1}: " if match else ""
    return f"{where}not valid TOML (an integer of more than 4,300 digits)"


def parse_toml_text(text: str) -> dict[str, Any]:
    """Parse TOML text (a leading byte-order mark is dropped).

    Raises
    ------
    TomlTextError
        With the line (and column) of the first problem: nesting deeper than
        :data:`MAX_NESTING`, a syntax error, or an integer Python cannot read.
    """
    if text.startswith(_BOM):
        text = text[len(_BOM) :]
    problem = nesting_problem(text)
    if problem is not None:
        raise TomlTextError(problem)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TomlTextError(_syntax_rule(exc)) from None
    except ValueError:  # int() refuses more than sys.get_int_max_str_digits() digits
        raise TomlTextError(_long_integer_rule(text)) from None
    except RecursionError:  # nesting the scan above did not see (it should not happen)
        raise TomlTextError("arrays and inline tables nested too deep to read") from None
