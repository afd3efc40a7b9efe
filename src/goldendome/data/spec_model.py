"""The base of every spec model (scenario files and data catalogs), and unit conversions
applied after validation.

Files carry units in their key names (``altitude_km``); spec attributes are SI
(``altitude_m``). A field declares the file key as its alias and a conversion step after
its bounds, so the bound is checked (and reported) in the unit the user wrote.
"""

import math

from pydantic import AfterValidator, BaseModel, ConfigDict

KM_TO_M = AfterValidator(lambda value: value * 1_000.0)
DEG_TO_RAD = AfterValidator(math.radians)
#: Millions (of dollars, as files write costs) to units.
MILLIONS = AfterValidator(lambda value: value * 1e6)
MIN_TO_S = AfterValidator(lambda value: value * 60.0)


class SpecModel(BaseModel):
    """Frozen, strict, closed: a typo in a key or a string where a number belongs is an error."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        strict=True,
        allow_inf_nan=False,
        populate_by_name=False,
    )
