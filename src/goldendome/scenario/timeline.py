"""Spec of a scenario's ``[timeline]`` table: the years, the budget, and per element when it
may be fielded, what is already fielded, and an explicit schedule.

```toml
[timeline]
first_year = 2026                   # the first calendar year of the timeline
last_year = 2035                    # the last
budget = "objective-185b"           # a profile of data/budget_profiles.toml
# budget_musd = { 2026 = 20000.0 }  # or your own: then-year M$ per year (replaces `budget`)

[timeline.elements.sbi_layer]       # an element by name, as in [economics.elements]
first_year = 2029                   # not before data/production_rates.toml allows
in_service = 0                      # units already fielded when the timeline starts
max_per_year = 200                  # a cap of your own below the production limit
schedule = { 2029 = 80, 2030 = 155 }  # units fielded each year (checked against the limits)
```

Rules that need the scenario's elements and the production catalog (a fielding year before
the item exists, a schedule above a production limit) are checked when the timeline is
built (:mod:`goldendome.studies.timeline`), each naming its key.
"""

from typing import Annotated

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from goldendome.scenario.base import SpecModel
from goldendome.scenario.quantities import Bounded

#: The error type of a timeline rule (kept by the loader, unlike cross-field errors, which
#: the loader expects :mod:`goldendome.scenario.consistency` to repeat).
TIMELINE_RULE = "timeline_rule"

Year = Annotated[int, Bounded("a calendar year", ge=1990, le=2100)]
YearKey = Annotated[str, Field(pattern=r"^(19|20)\d\d$")]
Units = Annotated[float, Bounded("a number of units must not be negative", ge=0, le=1e7)]
Musd = Annotated[float, Bounded("a budget must not be negative", "M$", ge=0, le=1e7)]


class ElementTimelineSpec(SpecModel):
    """One element's fielding: earliest year, units already fielded, a cap, a fixed schedule."""

    first_year: Year | None = None
    in_service: Units | None = None
    max_per_year: Units | None = None
    schedule: dict[YearKey, Units] | None = None


class TimelineSpec(SpecModel):
    """The ``[timeline]`` table: years, budget profile and per-element fielding rules."""

    first_year: Year = 2026
    last_year: Year = 2035
    budget: Annotated[str, Field(min_length=1, max_length=64)] = "objective-185b"
    budget_musd: dict[YearKey, Musd] | None = None
    elements: dict[Annotated[str, Field(min_length=1, max_length=200)], ElementTimelineSpec] = (
        Field(default_factory=dict)
    )

    @model_validator(mode="after")
    def _years_in_order(self) -> "TimelineSpec":
        if self.last_year < self.first_year:
            rule = f"last_year = {self.last_year} is before first_year = {self.first_year}"
            raise PydanticCustomError(TIMELINE_RULE, rule + "; a timeline runs forward")
        if self.last_year - self.first_year >= 40:
            rule = f"first_year = {self.first_year} to last_year = {self.last_year}"
            raise PydanticCustomError(TIMELINE_RULE, rule + " is over 40 years; shorten it")
        return self
