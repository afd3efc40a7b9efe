"""Hypothesis strategies of scenario documents: the default scenario, broken on purpose.

Three forms, as a scenario reaches goldendome:

* :func:`scenario_texts`: TOML text. The default scenario's table tree is mutated (keys
  deleted or renamed, values replaced by TOML values of other types, numbers huge, tiny,
  negative, NaN or infinite, random and unicode strings, arrays nested up to a hundred deep,
  tables where values belong, array-of-tables entries duplicated, well-formed random space
  layers, raid entries and sites swapped in (:mod:`tests.fuzz.parts`), numbers nudged
  within range so that many documents stay valid) and written back as TOML; then, sometimes, the
  text itself is broken (a byte-order mark, a table declared twice, a runaway bracket, a
  random splice, a cut).
* :func:`scenario_bytes`: file contents: such texts encoded, random bytes, bytes flipped.
* :func:`scenario_mappings`: parsed mappings holding what TOML cannot (None, tuples, lists
  nested thousands deep), for :func:`goldendome.scenario.scenario_from_mapping`.

A later step draws validating documents from :func:`scenario_texts` to run them; nothing
here depends on pytest.
"""

import contextlib
import math
import tomllib
from datetime import UTC
from typing import Any

from hypothesis import strategies as st

from goldendome.scenario import default_scenario_text
from goldendome.scenario.changes import toml_text
from tests.fuzz.parts import swap_in_part

DEFAULT_TEXT = default_scenario_text()
DEFAULT: dict[str, Any] = tomllib.loads(DEFAULT_TEXT)

Path = tuple[str | int, ...]


def key_paths(node: Any, prefix: Path = ()) -> list[Path]:
    """Every key path into a nested document of tables and arrays, the root excluded."""
    out: list[Path] = []
    items = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else ()
    )
    for key, value in items:
        out.append((*prefix, key))
        out.extend(key_paths(value, (*prefix, key)))
    return out


PATHS = key_paths(DEFAULT)


def _copy(node: Any) -> Any:
    """A copy of a document's tables and arrays (its scalars are immutable): faster than
    :func:`copy.deepcopy`, which the campaign would spend a fifth of its time in."""
    if isinstance(node, dict):
        return {key: _copy(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_copy(value) for value in node]
    return node


def _at(document: Any, path: Path) -> Any:
    for key in path:
        document = document[key]
    return document


TABLE_PATHS = [()] + [p for p in PATHS if isinstance(_at(DEFAULT, p), dict)]
NUMBER_PATHS = [
    p
    for p in PATHS
    if isinstance(_at(DEFAULT, p), int | float) and not isinstance(_at(DEFAULT, p), bool)
]
LIST_PATHS = [p for p in PATHS if isinstance(_at(DEFAULT, p), list) and _at(DEFAULT, p)]

EXTREME_NUMBERS: list[int | float] = [
    0, -1, 1, -0.0, 0.5, 1.5, 1e-3, 5e-324, 1e-300, 1e20, 1e308, -1e308, 2**31, 2**53 + 1,
    2**63 - 1, 2**63, 2**64, -(2**63) - 1, 10**30, 10**400, math.nan, math.inf, -math.inf,
]  # fmt: skip
NAMES = [
    "walker_delta", "walker_star", "geostationary", "molniya", "elements", "tle",
    "interceptor", "tracking", "early_warning", "radar", "command", "city", "military",
    "sbi_layer", "warning_geo", "hwasong-17-class", "df-17-class", "kh-101-class",
    "sunan", "washington", "lrdr", "gbi", "2029-06-01T00:00:00Z", "1870000000", "",
]  # fmt: skip

numbers = st.one_of(
    st.sampled_from(EXTREME_NUMBERS),
    st.integers(),
    st.integers(min_value=-(10**100), max_value=10**100),
    st.floats(allow_nan=True, allow_infinity=True),
)
strings = st.one_of(
    st.text(max_size=30),
    st.sampled_from(NAMES),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
)
scalars = st.one_of(
    numbers,
    strings,
    st.booleans(),
    st.datetimes(timezones=st.sampled_from([None, UTC])),
    st.dates(),
    st.times(),
)
toml_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def nested_arrays(draw: st.DrawFn, max_depth: int = 100) -> Any:
    """An array nested 1 to ``max_depth`` deep around a random scalar."""
    value: Any = draw(scalars)
    for _ in range(draw(st.integers(min_value=1, max_value=max_depth))):
        value = [value]
    return value


def _typo(key: str, draw: st.DrawFn) -> str:
    if not key:
        return "x"
    at = draw(st.integers(min_value=0, max_value=len(key) - 1))
    return key[:at] + draw(st.sampled_from(["", "_", "x", key[at] * 2, "é"])) + key[at + 1 :]


@st.composite
def _mutate(draw: st.DrawFn, document: dict[str, Any]) -> str:
    """Apply one random mutation to ``document`` in place; return its name."""
    action = draw(
        st.sampled_from(
            ["delete", "value", "number", "string", "nested", "table", "rename", "nudge",
             "nudge", "nudge", "duplicate", "unknown_key", "part", "part", "part"]
        )
    )  # fmt: skip
    if action == "part":
        draw(swap_in_part(document))
        return action
    if action == "unknown_key":
        table_path = draw(st.sampled_from(TABLE_PATHS))
        path: Path = (*table_path, draw(st.text(min_size=1, max_size=12)))
    elif action == "nudge":
        path = draw(st.sampled_from(NUMBER_PATHS))
    elif action == "duplicate":
        path = draw(st.sampled_from(LIST_PATHS))
    else:
        path = draw(st.sampled_from(PATHS))
    try:
        parent = _at(document, path[:-1])
        key = path[-1]
        if action == "delete":
            del parent[key]
        elif action == "rename":
            if isinstance(parent, dict) and isinstance(key, str):
                parent[_typo(key, draw)] = parent.pop(key)
        elif action == "nudge":
            old = parent[key]
            if isinstance(old, bool) or not isinstance(old, int | float):
                return action
            factor = draw(st.sampled_from([0.5, 0.9, 0.99, 1.01, 1.1, 2.0]))
            parent[key] = round(old * factor) if isinstance(old, int) else old * factor
        elif action == "duplicate":
            items = parent[key]
            if isinstance(items, list) and items:
                items.append(_copy(draw(st.sampled_from(items))))
        else:
            parent[key] = {
                "value": lambda: draw(toml_values),
                "unknown_key": lambda: draw(toml_values),
                "number": lambda: draw(numbers),
                "string": lambda: draw(strings),
                "nested": lambda: draw(nested_arrays()),
                "table": lambda: draw(
                    st.dictionaries(st.text(max_size=12), toml_values, max_size=4)
                ),
            }[action]()
    except (KeyError, IndexError, TypeError):
        pass  # an earlier mutation removed or replaced this path
    return action


@st.composite
def mutated_documents(draw: st.DrawFn, max_mutations: int = 4) -> dict[str, Any]:
    """The default scenario's tables with 0 to ``max_mutations`` random mutations."""
    document = _copy(DEFAULT)
    for _ in range(draw(st.integers(min_value=0, max_value=max_mutations))):
        draw(_mutate(document))
    return document


def _block(text: str, draw: st.DrawFn) -> str:
    """A table header and its lines, drawn from ``text``."""
    lines = text.split("\n")
    headers = [i for i, line in enumerate(lines) if line.startswith("[")]
    if not headers:
        return ""
    start = draw(st.sampled_from(headers))
    end = next((i for i in headers if i > start), len(lines))
    return "\n".join(lines[start:end])


@st.composite
def broken_text(draw: st.DrawFn, text: str) -> str:
    """``text`` as is, or with one textual accident."""
    action = draw(
        st.sampled_from(
            ["none", "none", "none", "bom", "repeat_table", "deep", "splice", "cut", "line"]
        )
    )
    if action == "bom":
        return "\ufeff" + text
    if action == "repeat_table":
        return text + "\n" + _block(text, draw) + "\n"
    if action == "deep":
        depth = draw(st.integers(min_value=30, max_value=3_000))
        closed = draw(st.booleans())
        return text + f"\nrunaway = {'[' * depth}{']' * depth if closed else ''}\n"
    position = draw(st.integers(min_value=0, max_value=len(text)))
    if action == "splice":
        return text[:position] + draw(st.text(max_size=20)) + text[position:]
    if action == "cut":
        return text[:position]
    if action == "line":
        lines = text.split("\n")
        at = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        if draw(st.booleans()):
            lines.insert(at, lines[at])
        else:
            del lines[at]
        return "\n".join(lines)
    return text


@st.composite
def scenario_texts(draw: st.DrawFn) -> str:
    """TOML text of a scenario: the commented default, or a mutated one written back,
    perhaps with a textual accident."""
    if draw(st.integers(min_value=0, max_value=9)) == 0:
        text = DEFAULT_TEXT
    else:
        text = toml_text(draw(mutated_documents()))
    return draw(broken_text(text))


@st.composite
def scenario_bytes(draw: st.DrawFn) -> bytes:
    """A scenario file's bytes: a scenario text, random bytes, or a text with bytes flipped."""
    kind = draw(st.sampled_from(["text", "text", "random", "flipped"]))
    if kind == "random":
        return draw(st.binary(max_size=400))
    raw = draw(scenario_texts()).encode("utf-8", errors="surrogatepass")
    if kind == "flipped" and raw:
        for _ in range(draw(st.integers(min_value=1, max_value=4))):
            at = draw(st.integers(min_value=0, max_value=len(raw) - 1))
            raw = raw[:at] + bytes([draw(st.integers(0, 255))]) + raw[at + 1 :]
    return raw


@st.composite
def scenario_mappings(draw: st.DrawFn) -> Any:
    """A parsed scenario holding what no TOML file can: None, tuples, integer keys, nesting
    deeper than a file may, or not a table at all."""
    document = draw(mutated_documents())
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        path = draw(st.sampled_from(PATHS))
        value = draw(
            st.one_of(
                st.none(),
                st.tuples(scalars, scalars),
                nested_arrays(max_depth=150),
                st.dictionaries(st.integers(), scalars, max_size=3),
                toml_values,
            )
        )
        with contextlib.suppress(KeyError, IndexError, TypeError):
            _at(document, path[:-1])[path[-1]] = value
    if draw(st.integers(min_value=0, max_value=19)) == 0:
        return draw(st.one_of(st.lists(scalars, max_size=3), scalars))
    return document
