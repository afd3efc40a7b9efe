"""Annotated number metadata that checks bounds and explains the rule in the user's units.

pydantic's own constraint messages ("Input should be greater than 0") name neither the
quantity nor its unit, so each bound here carries its rule: a failing value reports, for
example, ``altitude must be above the surface (> 0 km)``. The bounds also go into the JSON
Schema (``exclusiveMinimum`` and friends) so editors can check files.
"""

import math
import operator
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

_OPS: dict[str, tuple[Callable[[float, float], bool], str, str]] = {
    "gt": (operator.gt, ">", "exclusiveMinimum"),
    "ge": (operator.ge, ">=", "minimum"),
    "lt": (operator.lt, "<", "exclusiveMaximum"),
    "le": (operator.le, "<=", "maximum"),
}


def _fmt(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:g}"


@dataclass(frozen=True)
class Bounded:
    """Bounds on a number with the rule they express, for ``Annotated[float, Bounded(...)]``.

    Parameters
    ----------
    rule : str
        What the bound means, e.g. ``"altitude must be above the surface"``.
    unit : str
        Unit shown after the bound (``"km"``, ``"deg"``); empty for counts.
    gt, ge, lt, le : float, optional
        Exclusive and inclusive lower and upper bounds.
    """

    rule: str
    unit: str = ""
    gt: float | None = None
    ge: float | None = None
    lt: float | None = None
    le: float | None = None

    def _bounds(self) -> dict[str, float]:
        pairs = (("gt", self.gt), ("ge", self.ge), ("lt", self.lt), ("le", self.le))
        return {k: v for k, v in pairs if v is not None}

    @property
    def message(self) -> str:
        """The rule with its bounds, e.g. ``altitude must be above the surface (> 0 km)``."""
        unit = f" {self.unit}" if self.unit else ""
        shown = " and ".join(f"{_OPS[k][1]} {_fmt(v)}{unit}" for k, v in self._bounds().items())
        return f"{self.rule} ({shown})"

    def check(self, value: float | None) -> float | None:
        """Return ``value`` if it is finite and within bounds, else raise a pydantic error."""
        if value is None:  # an optional value left out has no bound to break
            return value
        if isinstance(value, float) and not math.isfinite(value):
            raise PydanticCustomError("not_finite", "must be a finite number")
        for key, bound in self._bounds().items():
            if not _OPS[key][0](value, bound):
                raise PydanticCustomError("out_of_range", self.message)
        return value

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return core_schema.no_info_after_validator_function(self.check, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema.update({_OPS[k][2]: v for k, v in self._bounds().items()})
        return json_schema
