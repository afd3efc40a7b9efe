"""Annotated number metadata that checks bounds and explains the rule in the user's units.

pydantic's own constraint messages ("Input should be greater than 0") name neither the
quantity nor its unit, so each bound here carries its rule: a failing value reports, for
example, ``altitude must be above the surface (> 0 km)``. A value above an upper bound gets
an upper-bound message (``must be at most 1,000,000``, or the ``upper`` phrase given), and a
number far out of range is told so even when it is also of the wrong kind (``1e20`` where a
whole number belongs breaks the bound before it breaks the type). The bounds also go into
the JSON Schema (``exclusiveMinimum`` and friends) so editors can check files.
"""

import math
import operator
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

_OPS: dict[str, tuple[Callable[[Any, Any], bool], str, str]] = {
    "gt": (operator.gt, ">", "exclusiveMinimum"),
    "ge": (operator.ge, ">=", "minimum"),
    "lt": (operator.lt, "<", "exclusiveMaximum"),
    "le": (operator.le, "<=", "maximum"),
}
_UPPER_DEFAULT = {"lt": "must be less than {bound}", "le": "must be at most {bound}"}


def _fmt(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:g}"


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


@dataclass(frozen=True)
class Bounded:
    """Bounds on a number with the rule they express, for ``Annotated[float, Bounded(...)]``.

    Parameters
    ----------
    rule : str
        What the bound means, e.g. ``"altitude must be above the surface"``; shown with the
        bounds when a value breaks a lower bound.
    unit : str
        Unit shown after the bound (``"km"``, ``"deg"``); empty for counts.
    gt, ge, lt, le : float, optional
        Exclusive and inclusive lower and upper bounds.
    upper : str, optional
        The rule shown when a value breaks the upper bound, with ``{bound}`` standing for it
        in the unit (``"a constellation holds at most {bound} satellites"``); by default
        ``must be at most {bound}`` (or ``must be less than {bound}``).
    """

    rule: str
    unit: str = ""
    gt: float | None = None
    ge: float | None = None
    lt: float | None = None
    le: float | None = None
    upper: str | None = None

    def _bounds(self) -> dict[str, float]:
        pairs = (("gt", self.gt), ("ge", self.ge), ("lt", self.lt), ("le", self.le))
        return {k: v for k, v in pairs if v is not None}

    def _with_unit(self, value: float) -> str:
        return f"{_fmt(value)} {self.unit}" if self.unit else _fmt(value)

    @property
    def message(self) -> str:
        """The rule with its bounds, e.g. ``altitude must be above the surface (> 0 km)``."""
        bounds = self._bounds().items()
        shown = " and ".join(f"{_OPS[k][1]} {self._with_unit(v)}" for k, v in bounds)
        return f"{self.rule} ({shown})"

    def upper_message(self, key: str) -> str:
        """The rule a value above the upper bound ``key`` (``"lt"`` or ``"le"``) breaks."""
        template = self.upper or _UPPER_DEFAULT[key]
        return template.format(bound=self._with_unit(self._bounds()[key]))

    def broken(self, value: float) -> str | None:
        """The rule ``value`` breaks (a finite number), or None when it is within bounds."""
        for key, bound in self._bounds().items():
            if not _OPS[key][0](value, bound):
                return self.upper_message(key) if key in _UPPER_DEFAULT else self.message
        return None

    def check(self, value: float | None) -> float | None:
        """Return ``value`` if it is finite and within bounds, else raise a pydantic error."""
        if value is None:  # an optional value left out has no bound to break
            return value
        if isinstance(value, float) and not math.isfinite(value):
            raise PydanticCustomError("not_finite", "must be a finite number")
        rule = self.broken(value)
        if rule is not None:
            raise PydanticCustomError("out_of_range", rule)
        return value

    def _validate(self, value: Any, handler: core_schema.ValidatorFunctionWrapHandler) -> Any:
        # A number out of range breaks its bound whatever its kind: 1e20 for a count is too
        # many before it is "not a whole number".
        if _is_number(value):
            self.check(value)
        return self.check(handler(value))

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return core_schema.no_info_wrap_validator_function(self._validate, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema.update({_OPS[k][2]: v for k, v in self._bounds().items()})
        return json_schema
