"""Read scenario files: bytes -> TOML -> validated :class:`ScenarioSpec`, or one ScenarioError."""

import re
import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from goldendome.scenario.changes import apply_changes, describe_changes, toml_text
from goldendome.scenario.errors import Problem, ScenarioError
from goldendome.scenario.problems import problems_from_errors
from goldendome.scenario.spec import ScenarioSpec

DEFAULT_SCENARIO_FILE = "default_scenario.toml"
_TOML_POSITION = re.compile(
    r"^(?P<msg>.*?) \((?:at line (?P<line>\d+), column (?P<col>\d+)|at end of document)\)$"
)


def default_scenario_text() -> str:
    """The embedded default scenario ("Golden Dome 2029"), commented TOML."""
    return resources.files("goldendome.data").joinpath(DEFAULT_SCENARIO_FILE).read_text("utf-8")


#: Scenarios shipped inside the package, by the name ``goldendome run NAME`` accepts.
EMBEDDED_SCENARIOS = {"default": DEFAULT_SCENARIO_FILE, "peer-raid": "peer_raid_scenario.toml"}


def embedded_scenario_text(name: str) -> str:
    """An embedded scenario's text (``default``, ``peer-raid``)."""
    return resources.files("goldendome.data").joinpath(EMBEDDED_SCENARIOS[name]).read_text("utf-8")


def _fail(source: str, rule: str) -> ScenarioError:
    return ScenarioError(source, [Problem(path="", value=None, rule=rule)])


def read_scenario_file(path: str | Path) -> str:
    """The text of a scenario file, or a ScenarioError saying plainly why it cannot be read.

    Parameters
    ----------
    path : str or Path

    Returns
    -------
    str
        The file's text (UTF-8).
    """
    p = Path(path)
    source = str(path)
    if not p.exists() and source in EMBEDDED_SCENARIOS:
        return embedded_scenario_text(source)
    if not p.exists():
        raise _fail(
            source,
            "no such file; check the path, create one with 'goldendome init scenario.toml', "
            f"or name an embedded scenario ({', '.join(EMBEDDED_SCENARIOS)})",
        )
    if p.is_dir():
        raise _fail(source, "is a directory, not a scenario file")
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise _fail(source, f"cannot be read: {exc.strerror or exc}") from None
    if b"\x00" in raw:
        raise _fail(source, f"is a binary file (NUL byte at offset {raw.index(0)}), not TOML text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _fail(
            source,
            f"is not UTF-8 text (bad byte at offset {exc.start}); scenario files are UTF-8 TOML",
        ) from None


def parse_toml(text: str, source: str = "<text>") -> dict[str, Any]:
    """Parse TOML text, turning syntax errors into a ScenarioError with line and column."""
    if not text.strip():
        raise _fail(source, "is empty; write a scenario or start from 'goldendome init FILE'")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POSITION.match(message)
        if match:
            where = (
                f"line {match['line']}, column {match['col']}" if match["line"] else "end of file"
            )
            rule = f"{where}: not valid TOML ({match['msg'].rstrip('.').lower()})"
        else:
            rule = f"not valid TOML ({message})"
        raise _fail(source, rule) from None


def scenario_from_mapping(data: Mapping[str, Any], source: str = "<mapping>") -> ScenarioSpec:
    """Validate a parsed mapping into a :class:`ScenarioSpec`, reporting every problem at once.

    Raises
    ------
    ScenarioError
        Listing each problem with its key path, value and rule.
    """
    if not isinstance(data, Mapping):
        raise _fail(source, "expected a table of scenario keys at the top level")
    try:
        return ScenarioSpec.model_validate(dict(data))
    except ValidationError as exc:
        raise ScenarioError(source, problems_from_errors(ScenarioSpec, exc.errors())) from None


def load_scenario_text(
    text: str, source: str = "<text>", overrides: Mapping[str, Any] | None = None
) -> ScenarioSpec:
    """Parse and validate scenario TOML text.

    Parameters
    ----------
    text : str
        TOML text.
    source : str
        Name shown in error reports (a file name).
    overrides : mapping, optional
        Changes by key path applied before validation, so they are checked too: top-level
        keys (``{"seed": 7}``) or dotted paths (``{"space.sbi_layer.altitude_km": 300.0}``,
        ``{"threats.raid[0].count": 2}``; ``None`` deletes). See
        :mod:`goldendome.scenario.changes` for the rules.

    Raises
    ------
    ScenarioError
        If the text is not TOML, a change breaks a path rule, or the result is invalid.
    """
    data = parse_toml(text, source)
    if overrides:
        data = apply_changes(data, overrides, source)
    return scenario_from_mapping(data, source)


def changed_scenario_text(text: str, source: str, changes: Mapping[str, Any]) -> str:
    """The scenario ``text`` with ``changes`` applied, as TOML (what a run's manifest stores).

    The original comments are not kept; a header names the source and lists the changes.
    With no changes the text comes back as it was.

    Raises
    ------
    ScenarioError
        If the text is not TOML or a change breaks a path rule.
    """
    if not changes:
        return text
    data = apply_changes(parse_toml(text, source), changes, source)
    header = [
        f"{source}, with changes applied by goldendome (its comments are not kept here):",
        *(f"  {line}" for line in describe_changes(changes)),
    ]
    return toml_text(data, header)


def load_scenario(path: str | Path) -> ScenarioSpec:
    """Read, parse and validate a scenario file."""
    return load_scenario_text(read_scenario_file(path), str(path))
