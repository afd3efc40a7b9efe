"""Spec of a scenario's ``[[partners]]``: what an allied partner pays for, hosts and fields,
and the raid on its own territory.

```toml
[[partners]]
name = "Japan"
country = "JP"                                        # its defended assets and targets
shares = { "Aegis BMD destroyer (Sea of Japan)/sm-3-iia" = 0.25 }   # share of an element's
                                                      # life-cycle cost the partner pays
hosted = ["Shariki (AN/TPY-2)", "Kyogamisaki (AN/TPY-2)"]   # elements on its soil
programs = [{ name = "GPI co-development", musd = 1000.0, dollar_year = 2024, source = "..." }]
sites = [ ... ]            # its own elements (ships, batteries) as [[sites]] tables
raid = [ ... ]             # a raid on its territory, as [[threats.raid]] entries
targets = ["tokyo", "osaka", "yokosuka"]    # defended in the raid on it (data/targets.toml)
```

Rules that need the scenario (a share naming no element, shares of one element summing past
1 over all partners) are checked by :mod:`goldendome.studies.partners`, each naming its key.
"""

from typing import Annotated

from pydantic import Field

from goldendome.scenario.base import SpecModel
from goldendome.scenario.quantities import Bounded
from goldendome.scenario.sites import SiteSpec
from goldendome.scenario.threats import RaidEntrySpec

Share = Annotated[float, Bounded("a share lies in [0, 1] (0% to 100%)", ge=0, le=1)]
Element = Annotated[str, Field(min_length=1, max_length=200)]


class ProgramSpec(SpecModel):
    """A partner's money in a programme outside the scenario's elements (co-development)."""

    name: Annotated[str, Field(min_length=1, max_length=200)]
    musd: Annotated[float, Bounded("an amount must be positive", "M$", gt=0, le=1e7)]
    dollar_year: Annotated[int, Bounded("a calendar year", ge=1990, le=2100)]
    source: str = ""


class PartnerSpec(SpecModel):
    """One partner: shares of elements' cost, hosted elements, programmes, its own elements
    and a raid on its territory."""

    name: Annotated[str, Field(min_length=1, max_length=64)]
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")]
    shares: dict[Element, Share] = Field(default_factory=dict)
    hosted: list[Element] = Field(default_factory=list)
    programs: list[ProgramSpec] = Field(default_factory=list)
    sites: list[SiteSpec] = Field(default_factory=list)
    raid: list[RaidEntrySpec] = Field(default_factory=list)
    targets: list[Annotated[str, Field(min_length=1, max_length=64)]] = Field(default_factory=list)
