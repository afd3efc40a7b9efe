"""What a ``goldendome fly`` request must be before anything is flown: every numeric flag's
rule, and the combinations of flags a class cannot take, reported together."""

import math
from collections.abc import Callable

from goldendome.scenario.errors import Problem, ScenarioError

#: Half the Earth's mean circumference, km: the longest ground range asked for.
HALF_CIRCUMFERENCE_KM = math.pi * 6_371.0


def bad_request(what: str, rule: str) -> ScenarioError:
    return ScenarioError(what, [Problem(path="", value=None, rule=rule)])


#: What each numeric input of a flight must be: flag -> (test, rule).
_NUMBER_RULES: dict[str, tuple[Callable[[float], bool], str]] = {
    "--range-km": (
        lambda v: 0 < v <= HALF_CIRCUMFERENCE_KM,
        f"a ground range lies in (0, {HALF_CIRCUMFERENCE_KM:,.0f}] km: at most half-way round "
        "the Earth",
    ),
    "--apogee-km": (lambda v: 0 < v <= 384_400, "an apogee lies in (0, 384,400] km"),
    "--fpa-deg": (lambda v: -90 < v < 90, "a flight-path angle lies between -90 and 90 deg"),
    "--azimuth-deg": (lambda v: -360 <= v <= 360, "a bearing lies in [-360, 360] deg"),
    "--cross-range-deg": (lambda v: -90 <= v <= 90, "a cross-range angle lies in [-90, 90] deg"),
    "--flight-time-s": (lambda v: 0 < v <= 86_400, "a flight time lies in (0, 86,400] s"),
}


def number_problems(values: dict[str, float | None]) -> list[Problem]:
    """A problem for each given value (by flag) that is not finite or breaks its rule."""
    problems = []
    for flag, value in values.items():
        if value is not None and not math.isfinite(value):
            problems.append(Problem(flag, f"{value}", "must be a finite number"))
        elif value is not None and not _NUMBER_RULES[flag][0](value):
            problems.append(Problem(flag, f"{value:g}", _NUMBER_RULES[flag][1]))
    return problems


def request_problems(
    kind: str,
    target: str | None,
    numbers: dict[str, float | None],
    lofted: bool,
) -> list[Problem]:
    """Every reason a ``fly`` request cannot be flown as asked, whatever the class can do;
    ``numbers`` by flag (``--range-km``, ``--apogee-km``, ``--fpa-deg``, ...)."""
    problems = number_problems(numbers)
    range_km, apogee_km, fpa = (numbers[k] for k in ("--range-km", "--apogee-km", "--fpa-deg"))
    cross = numbers["--cross-range-deg"] or 0.0
    aimed = target is not None or range_km is not None
    ballistic, only = kind == "ballistic", f"applies to ballistic classes; this is a {kind} class"
    rules = [
        (sum(x is not None for x in (target, range_km, apogee_km)) > 1,
         "", "give at most one of a target, a range and an apogee"),
        (not ballistic and apogee_km is not None, "--apogee-km", only),
        (not ballistic and fpa is not None, "--fpa-deg", only),
        (not ballistic and lofted, "--lofted", only),
        (not ballistic and not aimed,
         "", f"this is a {kind} class: give a target (--to) or a range (--range-km)"),
        (kind != "hgv" and cross != 0.0,
         "--cross-range-deg", f"steers a hypersonic glider's boost; this is a {kind} class"),
        (ballistic and lofted and fpa is not None,
         "--lofted", "a lofted shot burns out where its full burn ends: give --lofted or "
         "--fpa-deg, not both"),
        (ballistic and lofted and not aimed,
         "--lofted", "aims a full burn at a target or range (--to, --range-km); --apogee-km "
         "lofts to an apogee"),
        (ballistic and fpa is not None and apogee_km is not None,
         "--fpa-deg", "give a burnout flight-path angle or an apogee, not both"),
    ]  # fmt: skip
    return problems + [Problem(flag, None, rule) for broken, flag, rule in rules if broken]
