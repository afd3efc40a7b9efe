"""Spec of a sizing question: which salvo, how many shots, how sure, over which geometries.

Defaults come from the ``[question]`` table of ``data/sbi_assumptions.toml`` (the APS 2003
case: one solid ICBM from North Korea), the kill vehicle and rule from its other tables;
:func:`sizing_spec` merges a user's values over them and validates the whole.
"""

from typing import Annotated, Any

from pydantic import Field, ValidationError

from goldendome.scenario.base import SpecModel
from goldendome.scenario.errors import ScenarioError
from goldendome.scenario.interceptors import SbiSpec, sbi_assumptions
from goldendome.scenario.orbit_quantities import Altitude, Inclination
from goldendome.scenario.problems import problems_from_errors
from goldendome.scenario.quantities import Bounded
from goldendome.scenario.threats import BallisticClassName, LaunchAreaName, TargetName

PlaneCount = Annotated[int, Bounded("a constellation needs 1 to 1,000 planes", ge=1, le=1_000)]


class SizingSpec(SpecModel):
    """A question for ``goldendome size``, validated and in SI units."""

    threat: BallisticClassName
    from_: LaunchAreaName = Field(alias="from")
    to: TargetName
    salvo: Annotated[int, Bounded("the salvo must hold 1 to 1,000 missiles", ge=1, le=1_000)]
    shots: Annotated[int, Bounded("shots per missile must be 1 to 20", ge=1, le=20)]
    confidence: Annotated[float, Bounded("confidence must lie in (0, 1]", gt=0, le=1)]
    launch_times: Annotated[
        int, Bounded("launch times must number 10 to 100,000", ge=10, le=100_000)
    ]
    phasing: Annotated[int, Bounded("Walker phasing must not be negative", ge=0)]
    altitudes_m: Annotated[list[Altitude], Field(min_length=1, alias="altitudes_km")]
    inclinations_rad: Annotated[list[Inclination], Field(min_length=1, alias="inclinations_deg")]
    planes: Annotated[list[PlaneCount], Field(min_length=1)]
    sbi: SbiSpec = Field(default_factory=SbiSpec)


def sizing_spec(values: dict[str, Any] | None = None, source: str = "size") -> SizingSpec:
    """The default question with ``values`` (file units: km, deg) put over it, validated.

    ``values`` may hold an ``sbi`` table (kill vehicle and rule, as in a scenario's
    ``[sbi]``).

    Raises
    ------
    ScenarioError
        Naming each bad value's path, the value and the rule.
    """
    merged: dict[str, Any] = dict(sbi_assumptions()["question"])
    merged.update(values or {})
    try:
        return SizingSpec.model_validate(merged)
    except ValidationError as exc:
        raise ScenarioError(source, problems_from_errors(SizingSpec, exc.errors())) from None
