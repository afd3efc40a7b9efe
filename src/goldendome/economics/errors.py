"""The error bad cost input raises: every problem at once, each naming key, value and rule.

A :class:`CostError` is a :class:`~goldendome.data.errors.ScenarioError`, so whatever
reports scenario problems (and exits 2 on them) reports cost problems the same way:

```
economics: 2 problems
  lines[sbi].learning_slope = 1.2: learning slope must be in (0, 1] (> 0 and <= 1)
  base_year = 1990: base year outside the deflator table (2000 to 2050)
```
"""

from collections.abc import Iterable

from goldendome.data.errors import Problem, ScenarioError
from goldendome.data.shown_values import show_value

__all__ = ["CostError", "Problem", "check", "problem"]


class CostError(ScenarioError):
    """Bad cost input (a cost line, a preset, a base year); ``problems`` lists them all."""


def problem(key: str, value: object, rule: str) -> Problem:
    """One problem, the value shown as TOML writes it (None for no value)."""
    return Problem(path=key, value=None if value is None else show_value(value), rule=rule)


def check(problems: Iterable[Problem], source: str = "economics") -> None:
    """Raise a :class:`CostError` holding ``problems`` if there are any."""
    found = list(problems)
    if found:
        raise CostError(source, found)
