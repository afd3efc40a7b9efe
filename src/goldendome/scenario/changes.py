"""Change a parsed scenario by key path, before validation (what sweeps and the API use).

A change names a value by its path in the file, written as in error reports:
``"space.sbi_layer.altitude_km"``, ``"time.duration_s"``, ``"threats.raid[0].count"``, or a
top-level key such as ``"seed"``. Rules:

- every table or list on the way must exist; the last key may be new (a new key is then
  checked by validation like any other: an unknown one is reported with its path);
- a list index must lie within the list (``[0]`` to ``[n - 1]``);
- the value ``None`` deletes the key, table or list entry (which must exist);
- changes apply in the order given, so a deleted list entry shifts the later ones.

A change that breaks no path rule but gives a bad value is reported by validation, with the
same path (``space.sbi_layer.altitude_km = -40.0: altitude must be above the surface``).
:func:`toml_text` writes a changed mapping back as TOML, so a run's manifest can store the
scenario that actually ran.
"""

import copy
import difflib
import re
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

from goldendome.data.shown_values import toml_string
from goldendome.scenario.errors import Problem, ScenarioError
from goldendome.scenario.problems import show_value

_KEY = r"[A-Za-z0-9_-]+"
_PATH = re.compile(rf"^{_KEY}(?:\[\d+\])*(?:\.{_KEY}(?:\[\d+\])*)*$")
_STEP = re.compile(rf"({_KEY})|\[(\d+)\]")
_BARE_KEY = re.compile(rf"^{_KEY}$")

#: One step of a path: a table key (str) or a list index (int).
Step = str | int


class _PathError(Exception):
    """A change that breaks a path rule (the message is the rule)."""


def parse_path(path: str) -> list[Step]:
    """The steps of a key path: ``"threats.raid[0].count"`` -> ``["threats", "raid", 0, "count"]``.

    Raises
    ------
    ValueError
        If ``path`` is not a key path.
    """
    if not isinstance(path, str) or not _PATH.match(path):
        raise ValueError(
            "not a key path; write table keys joined by dots, with list indices in brackets, "
            "e.g. space.sbi_layer.altitude_km or threats.raid[0].count"
        )
    return [key if key else int(index) for key, index in _STEP.findall(path)]


def _show_path(steps: list[Step]) -> str:
    out = ""
    for step in steps:
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out += f".{step}" if out else step
    return out


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return f"a {type(value).__name__}"


def _no_key(where: str, key: str, table: dict[str, Any], hint: str) -> _PathError:
    close = difflib.get_close_matches(key, list(table), n=3, cutoff=0.5)
    if close:
        known = f"closest: {', '.join(close)}"
    elif table:
        known = f"its keys: {', '.join(table)}"
    else:
        known = "it is empty"
    place = where or "the scenario"
    return _PathError(f"{place} has no key '{key}' ({known}){hint}")


def _out_of_range(where: str, index: int, items: list[Any]) -> _PathError:
    n = len(items)
    if n == 0:
        return _PathError(f"{where} is an empty list; index {index} is out of range")
    entries = f"{n} entr{'y' if n == 1 else 'ies'} (indices 0-{n - 1})"
    return _PathError(f"{where} has {entries}; index {index} is out of range")


def _container(data: dict[str, Any], steps: list[Step]) -> dict[str, Any] | list[Any]:
    """The table or list holding the last step (every step before it must exist)."""
    node: Any = data
    for i, step in enumerate(steps[:-1]):
        where = _show_path(steps[:i])
        if isinstance(step, int):
            if not isinstance(node, list):
                raise _PathError(f"{where} is {_kind(node)}, not a list; it has no index [{step}]")
            if step >= len(node):
                raise _out_of_range(where, step, node)
            node = node[step]
        else:
            if not isinstance(node, dict):
                raise _PathError(f"{where} is {_kind(node)}, not a table; it has no key '{step}'")
            if step not in node:
                hint = (
                    "; a change sets keys of tables that exist: give the whole table as the "
                    f"value of {_show_path(steps[: i + 1])} to add one"
                )
                raise _no_key(where, step, node, hint)
            node = node[step]
    if not isinstance(node, dict | list):
        where = _show_path(steps[:-1])
        raise _PathError(f"{where} is {_kind(node)}, not a table or a list")
    return node


def _apply(data: dict[str, Any], steps: list[Step], value: Any) -> None:
    node = _container(data, steps)
    last = steps[-1]
    where = _show_path(steps[:-1])
    if isinstance(last, int):
        if not isinstance(node, list):
            raise _PathError(f"{where} is {_kind(node)}, not a list; it has no index [{last}]")
        if last >= len(node):
            raise _out_of_range(where, last, node)
        if value is None:
            del node[last]
        else:
            node[last] = copy.deepcopy(value)
        return
    if not isinstance(node, dict):
        raise _PathError(f"{where} is a list; choose an entry by its index, e.g. {where}[0].{last}")
    if value is None:
        if last not in node:
            raise _no_key(where, last, node, "; there is nothing to delete")
        del node[last]
    else:
        node[last] = copy.deepcopy(value)


def apply_changes(
    data: Mapping[str, Any], changes: Mapping[str, Any], source: str = "changes"
) -> dict[str, Any]:
    """A copy of the parsed scenario ``data`` with ``changes`` applied, in order.

    Parameters
    ----------
    data : mapping
        A parsed scenario file (``tomllib.loads``); it is not modified.
    changes : mapping of str to value
        Key path -> new value in file units (``{"space.sbi_layer.altitude_km": 300.0}``);
        ``None`` deletes the key, table or list entry.
    source : str
        Name shown in the error report.

    Returns
    -------
    dict
        The changed mapping, still to be validated.

    Raises
    ------
    ScenarioError
        Listing every change that breaks a path rule (path, value and rule).
    """
    out = copy.deepcopy(dict(data))
    problems = []
    for path, value in changes.items():
        shown = None if value is None else show_value(value)
        try:
            _apply(out, parse_path(path), value)
        except (ValueError, _PathError) as exc:
            problems.append(Problem(path=str(path), value=shown, rule=str(exc)))
    if problems:
        raise ScenarioError(source, problems)
    return out


def describe_changes(changes: Mapping[str, Any]) -> list[str]:
    """One line per change, as a person reads it (``time.duration_s = 600.0``, ``x deleted``)."""
    return [
        f"{path} deleted" if value is None else f"{path} = {_value(value)}"
        for path, value in changes.items()
    ]


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else toml_string(key)


def _value(value: Any) -> str:
    """A TOML value (inline form)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_key(str(k))} = {_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot write {type(value).__name__} {value!r} as TOML")


def _is_table_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mapping) for v in value)


def _table(lines: list[str], path: list[str], table: Mapping[str, Any]) -> None:
    """Write ``table``'s plain keys, then its sub-tables and lists of tables."""
    for key, value in table.items():
        if not isinstance(value, Mapping) and not _is_table_list(value):
            lines.append(f"{_key(str(key))} = {_value(value)}")
    for key, value in table.items():
        here = [*path, _key(str(key))]
        if isinstance(value, Mapping):
            plain = [
                v for v in value.values() if not isinstance(v, Mapping) and not _is_table_list(v)
            ]
            if plain or not value:  # a table of tables needs no header of its own
                lines.extend(["", f"[{'.'.join(here)}]"])
            _table(lines, here, value)
        elif _is_table_list(value):
            for item in value:
                lines.extend(["", f"[[{'.'.join(here)}]]"])
                _table(lines, here, item)


def toml_text(data: Mapping[str, Any], header: list[str] | tuple[str, ...] = ()) -> str:
    """``data`` as TOML text that ``tomllib.loads`` reads back equal (comments are not kept).

    Parameters
    ----------
    data : mapping
        Tables, lists, strings, numbers, booleans and date-times (what TOML holds).
    header : sequence of str
        Comment lines written first (without the ``#``).
    """
    lines = [f"# {line}".rstrip() for line in header]
    body: list[str] = []
    _table(body, [], data)
    while body and not body[0]:
        body.pop(0)
    if lines and body:
        lines.append("")
    return "\n".join(lines + body) + "\n"
