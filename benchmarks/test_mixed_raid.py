"""A mixed raid of 1,000 missiles (ballistic, boost-glide and cruise, one warhead each) aimed and
flown to impact by the run's raid stage (issue 18; goal: under 2 s on the 2-core project
machine). A figure measured and reported (docs/benchmarks.md), not a ratio: the reference
group flies the ballistic missiles alone, on the same grid, so the summary's ratio (per
missile) says what the gliders and cruise missiles cost beside them.

The raid: 400 Hwasong-17-class ICBMs (one RV, no decoys) at eight US cities, 300 Avangard-class
gliders from Dombarovsky at Seattle, San Francisco and Anchorage, and 300 cruise missiles
(Kh-101-class from the Beaufort Sea and the Gulf of Alaska, Kalibr-class off Virginia), on
the Russian raid's 6,000 s scenario grid (10 s steps): :func:`goldendome.run.raid.fly_raid`,
which aims every missile (minimum-energy arcs, the glide's boost cut-off, the cruise routes),
flies it and releases and flies its payload.

With ``--benchmark-disable`` (``make test``) it runs once, untimed, on ten missiles (four
ICBMs, three DF-17-class gliders, whose 13-minute flights keep the glide's aim quick, and
three cruise missiles).
"""

from typing import Any

import numpy as np
import pytest

from goldendome import api
from goldendome.physics.clock import Clock
from goldendome.run.raid import FlownRaid, fly_raid
from goldendome.run.streams import Streams
from goldendome.scenario.spec import ScenarioSpec

N_MISSILES = 1_000
CITIES = ["washington", "new-york", "chicago", "los-angeles", "seattle", "san-francisco",
          "denver", "houston"]  # fmt: skip
TO_GREELY = {"latitude_deg": 69.6, "longitude_deg": -141.0}
OVER_KENAI = {"latitude_deg": 59.5, "longitude_deg": -150.5}
CHESAPEAKE = {"latitude_deg": 37.0, "longitude_deg": -76.0}


def _split(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def mixed_raid(n: int, glider: str = "avangard-class") -> list[dict[str, Any]]:
    """``n`` missiles: 40% ballistic, 30% gliders, 30% cruise, as raid entries."""
    n_ballistic, n_glide = 4 * n // 10, 3 * n // 10
    n_cruise = n - n_ballistic - n_glide
    raid: list[dict[str, Any]] = []
    for city, count in zip(CITIES, _split(n_ballistic, len(CITIES)), strict=True):
        raid.append({"class": "hwasong-17-class", "from": "sunan", "to": city, "count": count,
                     "launch_time_s": 60.0, "spacing_s": 0.5, "decoys": 0})  # fmt: skip
    if glider == "avangard-class":
        aims = [("dombarovsky", "seattle"), ("dombarovsky", "san-francisco"),
                ("dombarovsky", "anchorage")]  # fmt: skip
    else:
        aims = [("ordos", "kadena-ab")] * 3
    for (origin, city), count in zip(aims, _split(n_glide, 3), strict=True):
        raid.append({"class": glider, "from": origin, "to": city, "count": count,
                     "launch_time_s": 60.0, "spacing_s": 0.5})  # fmt: skip
    greely, anchorage, washington = _split(n_cruise, 3)
    raid += [
        {"class": "kh-101-class", "from": "beaufort-sea-release", "to": "fort-greely",
         "count": greely, "spacing_s": 1.0, "waypoints": [TO_GREELY]},
        {"class": "kh-101-class", "from": "gulf-of-alaska-release", "to": "anchorage",
         "count": anchorage, "spacing_s": 1.0, "waypoints": [OVER_KENAI]},
        {"class": "kalibr-class", "sea_launch_point": {"latitude_deg": 37.0,
         "longitude_deg": -72.0}, "launch_platform": "submarine", "to": "washington",
         "count": washington, "spacing_s": 1.0, "waypoints": [CHESAPEAKE]},
    ]  # fmt: skip
    return [entry for entry in raid if entry["count"] > 0]


def _spec(raid: list[dict[str, Any]]) -> ScenarioSpec:
    spec, _ = api.read_scenario("russian-raid", changes={"threats.raid": raid})
    return spec


def _fly(spec: ScenarioSpec) -> FlownRaid:
    clock = Clock.uniform(spec.time.epoch, spec.time.duration_s, spec.time.step_s)
    flown = fly_raid(spec, clock, Streams(spec.seed))
    assert flown is not None
    return flown


@pytest.fixture(scope="module")
def specs(request: pytest.FixtureRequest) -> dict[str, ScenarioSpec]:
    """The mixed raid and its ballistic part (timed: 1,000 missiles, after a small flight has
    compiled the kernels; untimed: ten)."""
    if request.config.getoption("benchmark_disable"):
        raid = mixed_raid(10, glider="df-17-class")
    else:
        raid = mixed_raid(N_MISSILES)
        _fly(_spec(mixed_raid(10, glider="df-17-class")))
    ballistic = [entry for entry in raid if entry["class"] == "hwasong-17-class"]
    return {"mixed": _spec(raid), "ballistic": _spec(ballistic)}


@pytest.mark.parametrize("role", ["mixed raid", "reference"])
def test_mixed_raid_flown_to_impact(benchmark, specs, role: str):
    spec = specs["mixed" if role == "mixed raid" else "ballistic"]
    n = sum(entry.count for entry in spec.threats.raid)
    benchmark.group = "mixed raid (ballistic, glide, cruise) aimed and flown to impact"
    benchmark.extra_info.update(role=role, work=n, missiles=n)
    flown = benchmark.pedantic(_fly, (spec,), rounds=1)
    assert len(flown.labels) == n
    # Every missile reaches its target: its warhead lands, at the end of its flight.
    assert bool(np.all(flown.reachable))
    shapes = {label[3] for label in flown.labels}
    assert shapes == ({"minimum_energy", "glide", "cruise"} if role == "mixed raid"
                      else {"minimum_energy"})  # fmt: skip
