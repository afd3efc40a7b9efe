"""A sweep file: the base scenario, the parameters to vary, the design, trials and outputs.

A sweep file is TOML::

    name = "sbi-trade"
    scenario = "default"               # an embedded scenario, or a file beside the sweep file
    seed = 2029                        # the sweep's seed: each case's derives from it
    trials = 100                       # Monte Carlo trials per case
    outputs = ["p_zero_leakers", "expected_leakers", "cost_usd"]

    drop = ["space.warning_heo"]       # tables or keys every case deletes
    [set]                              # changes every case makes (file keys and units)
    "time.duration_s" = 1800.0

    [design]
    kind = "sobol"                     # grid, lhs, sobol, morris or oat
    samples = 32

    [[parameters]]
    path = "space.sbi_layer.altitude_km"
    low = 300.0
    high = 500.0

    [[parameters]]
    path = "threats.raid[0].count"
    values = [1, 2, 4]

A parameter has either ``values`` (a list, of any type the scenario key takes) or ``low`` and
``high`` (numbers; ``integer = true`` rounds; ``levels`` points for a grid or one-at-a-time
design). The file's own rules are checked here; each case's scenario is checked by
:mod:`goldendome.run.sweeps.cases`.
"""

import re
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

#: Outputs a case stores, by name (the sweep table's columns).
OUTPUTS = (
    "p_zero_leakers",
    "expected_leakers",
    "cost_usd",
    "cost_per_warhead_stopped_usd",
    "interceptors_expended",
)
_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,80}$")
#: Design kinds.
DESIGNS = ("grid", "lhs", "sobol", "morris", "oat")


class SweepError(ValueError):
    """A sweep file that cannot be used; ``problems`` lists every problem found."""

    def __init__(self, source: str, problems: list[str], header: str | None = None) -> None:
        self.source = source
        self.problems = problems
        count = len(problems)
        head = f"{source}: " + (header or f"{count} problem{'s' if count != 1 else ''}")
        super().__init__("\n".join([head, *(f"  {p}" for p in problems)]))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Parameter(_Strict):
    """One swept input: its key path in the scenario and its range or values."""

    path: str
    values: list[Any] | None = None
    low: float | None = None
    high: float | None = None
    integer: bool = False
    levels: int = Field(3, ge=2, le=1000)

    @model_validator(mode="after")
    def _range_or_values(self) -> "Parameter":
        has_range = self.low is not None or self.high is not None
        if self.values is not None and has_range:
            raise ValueError("give either values or low and high, not both")
        if self.values is None:
            if self.low is None or self.high is None:
                raise ValueError("give values = [...] or both low and high")
            if not self.low < self.high:
                raise ValueError(f"low ({self.low:g}) must be below high ({self.high:g})")
        elif not self.values:
            raise ValueError("values must list at least one value")
        return self

    def at(self, u: float) -> Any:
        """The value at ``u`` in [0, 1]: linear between low and high (rounded when
        ``integer``), or the ``floor(u * n)``-th of ``n`` values."""
        if self.values is not None:
            k = min(int(u * len(self.values)), len(self.values) - 1)
            return self.values[k]
        assert self.low is not None
        assert self.high is not None
        x = self.low + u * (self.high - self.low)
        return round(x) if self.integer else float(x)

    def points(self) -> list[Any]:
        """The values a grid or one-at-a-time design takes (``values``, or ``levels`` evenly
        spaced from low to high)."""
        if self.values is not None:
            return list(self.values)
        n = self.levels
        out = [self.at(k / (n - 1)) for k in range(n)]
        return list(dict.fromkeys(out))  # integer rounding may repeat a value


class Design(_Strict):
    """How cases are drawn: ``samples`` is the number of cases for ``lhs``, the base sample
    N for ``sobol`` (N x (D + 2) cases; a power of two), the trajectories for ``morris``
    ((D + 1) each); ``grid`` and ``oat`` use each parameter's points."""

    kind: Literal["grid", "lhs", "sobol", "morris", "oat"] = "grid"
    samples: int = Field(16, ge=1, le=1_000_000)
    levels: int = Field(4, ge=2, le=100, description="Morris grid levels")


class SweepSpec(_Strict):
    """A validated sweep file (see the module docstring)."""

    name: str
    scenario: str = "default"
    seed: int = Field(0, ge=0, lt=2**63)
    trials: int | None = Field(None, ge=1, le=10_000_000)
    max_memory: str | None = None
    outputs: list[str] = Field(default_factory=lambda: ["p_zero_leakers", "expected_leakers"])
    drop: list[str] = Field(default_factory=list)
    set: dict[str, Any] = Field(default_factory=dict)
    design: Design = Design()
    parameters: list[Parameter] = Field(min_length=1)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not _NAME.match(value):
            raise ValueError("a sweep's name takes letters, digits and _ . - (at most 80)")
        return value

    @field_validator("outputs")
    @classmethod
    def _known_outputs(cls, value: list[str]) -> list[str]:
        unknown = [o for o in value if o not in OUTPUTS]
        if unknown:
            raise ValueError(f"unknown outputs {unknown}; known: {', '.join(OUTPUTS)}")
        return value

    @field_validator("parameters")
    @classmethod
    def _once(cls, value: list[Parameter]) -> list[Parameter]:
        paths = [p.path for p in value]
        twice = sorted({p for p in paths if paths.count(p) > 1})
        if twice:
            raise ValueError(f"parameters named twice: {', '.join(twice)}")
        return value


def _where(loc: tuple[Any, ...]) -> str:
    out = ""
    for step in loc:
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out += f".{step}" if out else str(step)
    return out


def parse_sweep(text: str, source: str = "<sweep>") -> SweepSpec:
    """Parse and validate sweep TOML text.

    Raises
    ------
    SweepError
        Listing every problem of the file (by key path) at once.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SweepError(source, [f"not TOML: {exc}"]) from None
    try:
        return SweepSpec.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            where = _where(tuple(err["loc"]))
            msg = str(err["msg"]).removeprefix("Value error, ")
            value = err.get("input")
            shown = "" if isinstance(value, dict | list) or value is None else f" = {value!r}"
            problems.append(f"{where or 'file'}{shown}: {msg}")
        raise SweepError(source, problems) from None


def read_sweep(path: str | Path) -> tuple[SweepSpec, str]:
    """A sweep file validated, and its text.

    Raises
    ------
    SweepError
        If the file cannot be read or is invalid.
    """
    try:
        text = Path(path).read_text("utf-8")
    except OSError as exc:
        raise SweepError(str(path), [f"cannot be read: {exc.strerror or exc}"]) from None
    return parse_sweep(text, str(path)), text
