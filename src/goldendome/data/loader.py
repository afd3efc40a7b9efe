"""One loader for every data catalog shipped in ``goldendome/data``.

A catalog is a TOML file of package data. Each role package declares a pydantic model of its
own catalog (a :class:`~goldendome.data.spec_model.SpecModel`: frozen, strict, closed) and
reads the file through :func:`load_catalog`, which validates it like a scenario file: every
problem is reported at once, each with its key path, value and rule, in a
:class:`~goldendome.data.errors.CatalogError`. :func:`parse_catalog` validates an
already-parsed mapping (a modified copy of a catalog, in tests or studies) the same way.

This module is the bottom layer: it knows no role package and no scenario.
"""

import functools
from collections.abc import Mapping
from importlib import resources
from typing import Any, TypeVar, cast

from pydantic import BaseModel, ValidationError

from goldendome.data.errors import CatalogError, Problem
from goldendome.data.problems import problems_from_errors
from goldendome.data.toml_text import TomlTextError, parse_toml_text

#: The package whose data files are the catalogs.
DATA_PACKAGE = "goldendome.data"

M = TypeVar("M", bound=BaseModel)


def catalog_source(filename: str) -> str:
    """How problems name a catalog file: ``goldendome/data/<filename>``."""
    return f"goldendome/data/{filename}"


def catalog_text(filename: str) -> str:
    """The text of a catalog file of the package.

    Raises
    ------
    CatalogError
        When the package holds no such file.
    """
    resource = resources.files(DATA_PACKAGE).joinpath(filename)
    if not resource.is_file():
        known = sorted(
            entry.name
            for entry in resources.files(DATA_PACKAGE).iterdir()
            if entry.name.endswith(".toml")
        )
        rule = f"no such catalog in the package; catalogs: {', '.join(known)}"
        raise CatalogError(catalog_source(filename), [Problem(path="", value=None, rule=rule)])
    return resource.read_text("utf-8")


def parse_catalog(data: Mapping[str, Any], model: type[M], source: str) -> M:
    """Validate parsed catalog contents against ``model``.

    Parameters
    ----------
    data : mapping
        The file's contents as ``tomllib`` gives them.
    model : type of pydantic BaseModel
        The catalog's model.
    source : str
        How problems name the data (a file name).

    Raises
    ------
    CatalogError
        Listing every problem, each with its key path, value and rule.
    """
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise CatalogError(source, problems_from_errors(model, exc.errors())) from None


def parse_catalog_text(text: str, model: type[M], source: str) -> M:
    """Validate a catalog given as TOML text (see :func:`parse_catalog`); the text is read
    like a scenario's (:func:`~goldendome.data.toml_text.parse_toml_text`)."""
    try:
        data = parse_toml_text(text)
    except TomlTextError as exc:
        raise CatalogError(source, [Problem(path="", value=None, rule=exc.rule)]) from None
    return parse_catalog(data, model, source)


@functools.cache
def _load(filename: str, model: type[BaseModel]) -> BaseModel:
    return parse_catalog_text(catalog_text(filename), model, catalog_source(filename))


def load_catalog(filename: str, model: type[M]) -> M:
    """The embedded catalog ``filename``, validated by ``model`` (read once, then cached).

    Parameters
    ----------
    filename : str
        A TOML file of ``goldendome/data`` (``radars.toml``).
    model : type of pydantic BaseModel
        The catalog's model; its instance is shared by every caller, so make it frozen.

    Raises
    ------
    CatalogError
        When the file is missing, is not TOML, or breaks the model's rules.
    """
    return cast(M, _load(filename, model))
