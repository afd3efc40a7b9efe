"""The exception a problem with a scenario or a data catalog raises, holding every problem
found at once (:mod:`goldendome.scenario` re-exports these names)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a scenario.

    Attributes
    ----------
    path : str
        Dotted key path in the file (``space.sbi_layer.altitude_km``); empty for the file.
    value : str | None
        The offending value as written in TOML, or None when there is none to show.
    rule : str
        The rule it breaks, as a sentence fragment a person can act on.
    """

    path: str
    value: str | None
    rule: str

    def __str__(self) -> str:
        if not self.path:
            return self.rule
        if self.value is None:
            return f"{self.path}: {self.rule}"
        return f"{self.path} = {self.value}: {self.rule}"


class ScenarioError(Exception):
    """A scenario could not be read or is invalid; ``problems`` lists every problem found.

    Parameters
    ----------
    source : str
        Where the scenario came from (a file name, or ``<text>``).
    problems : list of Problem
    """

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(self.report())

    def report(self) -> str:
        """The problems as a report: a header line, then one indented line per problem."""
        if len(self.problems) == 1 and not self.problems[0].path:
            return f"{self.source}: {self.problems[0].rule}"
        count = len(self.problems)
        header = f"{self.source}: {count} problem{'s' if count != 1 else ''}"
        return "\n".join([header, *(f"  {p}" for p in self.problems)])


class CatalogError(ScenarioError):
    """A data catalog of ``goldendome/data`` (or a copy of one) is invalid.

    A broken embedded catalog is a bug in goldendome; a broken copy is the caller's. It is a
    :class:`ScenarioError`, so whatever reports scenario problems reports these too.
    """
