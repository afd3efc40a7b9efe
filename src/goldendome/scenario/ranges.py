"""Numbers a scenario may give as ranges: a probability, or a distribution drawn per trial.

Wherever a scenario takes a kill probability or a discrimination figure, it may write a
table instead of a number (see :mod:`goldendome.engagement.ranges`)::

    sspk = 0.8                              # a point value
    sspk = { uniform = [0.5, 0.8] }         # uniform between the two
    sspk = { triangular = [0.4, 0.5, 0.6] } # low, most likely, high
    sspk = { record = "12 of 20" }          # a test record: Beta(13, 9)

Every value must lie in [0, 1]; a range's bounds in order.
"""

import re
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Discriminator, Tag, model_validator
from pydantic_core import PydanticCustomError

from goldendome.scenario.base import SpecModel
from goldendome.scenario.quantities import Bounded

if TYPE_CHECKING:  # the distributions (NumPy) load when a run is built, not when validated
    from goldendome.engagement.ranges import Distribution

Probability = Annotated[float, Bounded("a probability lies in [0, 1]", ge=0, le=1)]
_RECORD = re.compile(r"^\s*(\d+)\s+of\s+(\d+)\s*$")


class RangeSpec(SpecModel):
    """A distribution of a probability: exactly one of ``uniform``, ``triangular``,
    ``record``."""

    uniform: list[Probability] | None = None
    triangular: list[Probability] | None = None
    record: str | None = None

    @model_validator(mode="after")
    def _one_and_ordered(self) -> "RangeSpec":
        given = [k for k in ("uniform", "triangular", "record") if getattr(self, k) is not None]
        if len(given) != 1:
            raise PydanticCustomError(
                "range_kind",
                "a range is exactly one of uniform = [low, high], triangular = [low, mode, "
                'high] or record = "hits of tests" (given: {given})',
                {"given": ", ".join(given) or "none"},
            )
        for key, size, form in (
            ("uniform", 2, "[low, high]"),
            ("triangular", 3, "[low, mode, high]"),
        ):
            values = getattr(self, key)
            if values is not None and len(values) != size:
                raise PydanticCustomError(
                    "range_size",
                    "{key} takes {size} values, {form}",
                    {"key": key, "size": size, "form": form},
                )
        bounds = self.uniform or self.triangular
        if bounds is not None and list(bounds) != sorted(bounds):
            raise PydanticCustomError(
                "range_order", "a range's values must be in increasing order: low, (mode,) high"
            )
        if self.record is not None:
            m = _RECORD.match(self.record)
            if m is None or int(m.group(2)) < 1 or int(m.group(1)) > int(m.group(2)):
                raise PydanticCustomError(
                    "range_record",
                    'a test record reads "hits of tests", with at least one test and no more '
                    'hits than tests (e.g. "12 of 20")',
                )
        return self

    @property
    def mean(self) -> float:
        """The range's mean (what the battle manager plans with), without building it."""
        if self.uniform is not None:
            return (self.uniform[0] + self.uniform[1]) / 2.0
        if self.triangular is not None:
            return sum(self.triangular) / 3.0
        hits, tests = self._record()
        return (hits + 1) / (tests + 2)

    def _record(self) -> tuple[int, int]:
        assert self.record is not None
        m = _RECORD.match(self.record)
        assert m is not None
        return int(m.group(1)), int(m.group(2))

    def build(self) -> "Distribution":
        """The distribution."""
        from goldendome.engagement.ranges import HitRecord, Triangular, Uniform

        if self.uniform is not None:
            return Uniform(*self.uniform)
        if self.triangular is not None:
            return Triangular(*self.triangular)
        return HitRecord(*self._record())


def _which(value: Any) -> str:
    return "<range>" if isinstance(value, dict | RangeSpec) else "<number>"


#: A probability or its range (a table is read as a range, anything else as a number, so a
#: mistake is reported once, against the form the user meant).
RangedProbability = Annotated[
    Annotated[Probability, Tag("<number>")] | Annotated[RangeSpec, Tag("<range>")],
    Discriminator(_which),
]


def nominal(value: Any) -> float:
    """A point value as given, or a range's mean."""
    return float(value.mean) if isinstance(value, RangeSpec) else float(value)
