"""Turn pydantic validation errors into problems a person can act on.

pydantic locates an error by a tuple of keys (``("space", "sbi_layer", "walker_delta",
"altitude_km")``): field aliases, list indices, and the tag chosen by a discriminated union.
:func:`problems_from_errors` walks that tuple alongside the spec's types to drop the tags,
print ``space.sbi_layer.altitude_km``, and, for an unknown key or kind, suggest the closest
known name. Scenario files and data catalogs share it.
"""

import difflib
import types
import typing
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from goldendome.data.errors import Problem
from goldendome.data.shown_values import show_value, toml_key

_TYPE_RULES = {
    "float_type": "expected a number",
    "int_type": "expected a whole number",
    "int_from_float": "expected a whole number",
    "string_type": "expected a text string in quotes",
    "bool_type": "expected true or false",
    "list_type": "expected a list [ ... ]",
    "dict_type": "expected a table",
    "model_type": "expected a table",
    "model_attributes_type": "expected a table",
    "missing": "required key is missing",
    "finite_number": "must be a finite number",
    "string_too_short": "must not be empty",
    "too_short": "must not be empty",
}

__all__ = ["known_keys", "problems_from_errors", "show_value"]


def _unwrap(tp: Any) -> Any:
    """Strip Annotated and Optional wrappers from a type."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(members) == 1:
                tp = members[0]
            else:
                return tp
        else:
            return tp


def _union_members(tp: Any) -> list[type[BaseModel]]:
    if typing.get_origin(tp) not in (typing.Union, types.UnionType):
        return []
    return [m for m in typing.get_args(tp) if isinstance(m, type) and issubclass(m, BaseModel)]


def _field_by_alias(model: type[BaseModel], key: str) -> Any:
    for name, field in model.model_fields.items():
        if key in (field.alias, name):
            return field.annotation
    return None


def known_keys(model: type[BaseModel]) -> list[str]:
    """The keys a file may use for ``model`` (aliases where they exist)."""
    return [field.alias or name for name, field in model.model_fields.items()]


def _has_tag(member: type[BaseModel], tag: object) -> bool:
    """Whether a union member's discriminator (any ``Literal`` field) takes the value ``tag``."""
    return any(
        typing.get_origin(field.annotation) is typing.Literal
        and tag in typing.get_args(field.annotation)
        for field in member.model_fields.values()
    )


def _discriminator(error: ErrorDetails) -> str:
    """The key that picks a union's member (``kind`` in scenario files)."""
    return str(error.get("ctx", {}).get("discriminator", "'kind'")).strip("'\"")


def _walk(root: type[BaseModel], loc: Sequence[int | str]) -> tuple[str, Any]:
    """Display path for ``loc`` and the type holding its last element."""
    path = ""
    tp: Any = root
    parent: Any = root
    for item in loc:
        if isinstance(item, str) and item.startswith("<") and item.endswith(">"):
            continue  # the tag of a union picked by a callable (a number or its range)
        tp = _unwrap(tp)
        members = _union_members(tp)
        if members:  # a discriminated union: this loc item is the tag
            chosen = [m for m in members if _has_tag(m, item)]
            tp = chosen[0] if chosen else None
            continue
        parent = tp
        origin = typing.get_origin(tp)
        if isinstance(item, int):
            path += f"[{item}]"
            tp = typing.get_args(tp)[0] if origin is list else None
            continue
        path += f".{toml_key(item)}" if path else toml_key(item)
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            tp = _field_by_alias(tp, item)
        elif origin is dict:
            tp = typing.get_args(tp)[1]
        else:
            tp = None
    return path, parent


def _closest(word: str, choices: Iterable[str]) -> str:
    choices = list(choices)
    close = difflib.get_close_matches(word, choices, n=3, cutoff=0.5)
    if close:
        return "closest: " + ", ".join(close)
    return "expected one of: " + ", ".join(choices)


def _rule(error: ErrorDetails, parent: Any, loc: Sequence[int | str]) -> str:
    kind = error["type"]
    ctx = error.get("ctx", {})
    if kind == "extra_forbidden":
        keys = (
            known_keys(parent) if isinstance(parent, type) and issubclass(parent, BaseModel) else []
        )
        return "unknown key; " + _closest(str(loc[-1]), keys) if keys else "unknown key"
    if kind == "union_tag_invalid":
        tags = [t.strip(" '") for t in str(ctx.get("expected_tags", "")).split(",")]
        return "unknown kind; " + _closest(str(ctx.get("tag", "")), tags)
    if kind == "union_tag_not_found":
        return f"a '{_discriminator(error)}' key is required to say which model this is"
    if kind == "literal_error":
        options = [
            o.strip(" '") for o in str(ctx.get("expected", "")).replace(" or ", ",").split(",")
        ]
        options = [o for o in options if o]
        close = difflib.get_close_matches(str(error["input"]), options, n=3, cutoff=0.5)
        hint = f"; closest: {', '.join(close)}" if close else ""
        return f"must be one of: {', '.join(options)}{hint}"
    if kind == "string_pattern_mismatch":
        return f"must match the pattern {ctx.get('pattern')}"
    if kind.startswith(("datetime", "date")):
        return "expected a date-time such as 2029-06-01T00:00:00Z"
    if kind in ("too_long", "string_too_long"):
        return f"too long (at most {ctx.get('max_length')})"
    return _TYPE_RULES.get(kind, error["msg"])


def problems_from_errors(root: type[BaseModel], errors: list[ErrorDetails]) -> list[Problem]:
    """One :class:`Problem` per pydantic error, with display paths and readable rules.

    Parameters
    ----------
    root : type of BaseModel
        The model that was validated (a scenario spec, a catalog).
    errors : list
        ``ValidationError.errors()``.
    """
    problems = []
    for error in errors:
        loc = error["loc"]
        try:
            path, parent = _walk(root, loc)
        except (TypeError, KeyError, IndexError):  # keep the raw path if the walk fails
            path, parent = ".".join(toml_key(p) for p in loc), None
        no_value = error["type"] in ("missing", "union_tag_not_found") or error["input"] is None
        value = None if no_value else show_value(error["input"])
        if error["type"] == "union_tag_invalid":  # point at the tag's key itself
            tag = show_value(error.get("ctx", {}).get("tag"))
            path, value = f"{path}.{_discriminator(error)}", tag
        problems.append(Problem(path=path, value=value, rule=_rule(error, parent, loc)))
    return problems
