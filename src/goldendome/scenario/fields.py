"""Single keys of a scenario validated on their own, for rules that span several keys.

pydantic runs a model's cross-field check only when every field of the model is valid, so a
file with a bad ``planes`` and a bad ``satellites`` elsewhere would learn about the Walker
pattern in a second round. The cross-field rules (:mod:`goldendome.scenario.consistency`)
instead read the keys they need straight from the parsed file through :func:`field_value`,
which validates one key with that field's own type, bounds and unit conversion, and raises
:class:`UnusableKeyError` when the key is missing or invalid (its own problem is reported anyway),
so a rule runs whenever the keys it needs are valid.
"""

import functools
from collections.abc import Iterator, Mapping
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

_CONFIG = ConfigDict(strict=True, allow_inf_nan=False)


class UnusableKeyError(Exception):
    """A key a rule needs is missing, of the wrong type or out of bounds."""


@functools.cache
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    field = model.model_fields[name]
    annotated: Any = (
        Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation
    )
    return TypeAdapter(annotated, config=_CONFIG)


def file_key(model: type[BaseModel], name: str) -> str:
    """The key a file uses for field ``name`` of ``model`` (its alias, if it has one)."""
    field = model.model_fields[name]
    return field.alias or name


def field_value(model: type[BaseModel], name: str, table: object) -> Any:
    """Field ``name`` of ``model`` read from a parsed ``table`` and validated alone.

    Parameters
    ----------
    model : type of BaseModel
        The spec the table is validated as.
    name : str
        The field's attribute name (``altitude_m``; the file key may differ).
    table : object
        The parsed table (anything, since the file may hold anything there).

    Returns
    -------
    object
        The value as the spec holds it (SI units), or the field's default when the key is
        left out.

    Raises
    ------
    UnusableKeyError
        When ``table`` is not a table, or the key is required and missing, or invalid.
    """
    if not isinstance(table, Mapping):
        raise UnusableKeyError
    field = model.model_fields[name]
    key = field.alias or name
    if key not in table:
        if field.is_required():
            raise UnusableKeyError
        return field.get_default(call_default_factory=True)
    try:
        return _adapter(model, name).validate_python(table[key])
    except ValidationError:
        raise UnusableKeyError from None


def written(model: type[BaseModel], name: str, table: object) -> Any:
    """The value of field ``name`` as the file wrote it, or its default when left out."""
    key = file_key(model, name)
    if isinstance(table, Mapping) and key in table:
        return table[key]
    return model.model_fields[name].get_default(call_default_factory=True)


def tables(data: object, key: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """``(key, table)`` for each table under ``data[key]`` (a table of tables)."""
    if isinstance(data, Mapping):
        inner = data.get(key)
        if isinstance(inner, Mapping):
            for name, table in inner.items():
                if isinstance(table, Mapping):
                    yield str(name), table


def entries(data: object, key: str) -> Iterator[tuple[int, Mapping[str, Any]]]:
    """``(index, table)`` for each table in the list ``data[key]`` (an array of tables)."""
    if isinstance(data, Mapping):
        items = data.get(key)
        if isinstance(items, list):
            for index, table in enumerate(items):
                if isinstance(table, Mapping):
                    yield index, table
