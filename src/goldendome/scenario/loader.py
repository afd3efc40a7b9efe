"""Read scenario files: bytes -> TOML -> validated :class:`ScenarioSpec`, or one ScenarioError."""

from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from goldendome.data.files import UnusableFileError, read_text_file
from goldendome.data.toml_text import TomlTextError, parse_toml_text
from goldendome.scenario.base import CROSS_FIELD
from goldendome.scenario.changes import apply_changes, describe_changes, toml_text
from goldendome.scenario.consistency import consistency_problems
from goldendome.scenario.errors import Problem, ScenarioError
from goldendome.scenario.problems import problems_from_errors
from goldendome.scenario.spec import ScenarioSpec

DEFAULT_SCENARIO_FILE = "default_scenario.toml"
#: Largest scenario file read, in bytes (the default scenario is about 20 kB).
MAX_SCENARIO_BYTES = 10_000_000


def default_scenario_text() -> str:
    """The embedded default scenario ("Golden Dome 2029"), commented TOML."""
    return resources.files("goldendome.data").joinpath(DEFAULT_SCENARIO_FILE).read_text("utf-8")


#: Scenarios shipped inside the package, by the name ``goldendome run NAME`` accepts (a file
#: name, or a (base scenario, spliced part) pair: see :func:`embedded_scenario_text`).
EMBEDDED_SCENARIOS: dict[str, str | tuple[str, str]] = {
    "default": DEFAULT_SCENARIO_FILE,
    "peer-raid": "peer_raid_scenario.toml",
    "liquid-raid": ("default", "liquid_raid.toml"),
    "russian-raid": ("air-defense-2029", "russian_raid.toml"),
    "chinese-raid": ("air-defense-2029", "chinese_raid.toml"),
}
#: Bases that embedded scenarios splice onto but that are not run by name: the default
#: architecture with the glide and cruise-missile defenses, their sensors and the sites they
#: defend (issue 18), under the default raid.
SPLICE_BASES: dict[str, tuple[str, str]] = {
    "air-defense-2029": ("default", "air_defense_sites.toml"),
}
#: The comment line that opens a part's space layers (``[space.NAME]`` tables), added after
#: the base's own.
ADDED_SPACE = "# " + "-" * 64 + " added space layers"
#: The comment line that opens the base's section after its space layers: a part's added
#: layers go before it.
AFTER_SPACE = "# " + "-" * 64 + " space-based interceptors"
#: The comment line that opens the raid section of an embedded scenario (and of a part).
RAID_SECTION = "# " + "-" * 64 + " the baseline raid"
#: The comment line that opens the section after it.
AFTER_RAID = "# " + "-" * 64 + " ground and sea sites"
#: The comment line that opens the base's section after its sites: a part's added sites go
#: before it.
AFTER_SITES = "# " + "-" * 64 + " battle management"
#: The comment line that opens a part's sites, added after the base's own.
ADDED_SITES = "# " + "-" * 64 + " added sites"
#: The comment line that opens a part's defended assets, added after the base's own (the
#: base's last section).
ADDED_ASSETS = "# " + "-" * 64 + " added defended assets"
_PART_SECTIONS = (ADDED_SPACE, RAID_SECTION, ADDED_SITES, ADDED_ASSETS)


def _data_text(name: str) -> str:
    return resources.files("goldendome.data").joinpath(name).read_text("utf-8")


def _sections(part: str) -> tuple[str, dict[str, str]]:
    """A part's head (before its first section) and its sections by opening line, each
    from that line to the next section (absent ones left out), in the order of
    :data:`_PART_SECTIONS`."""
    starts = {mark: part.find(mark) for mark in _PART_SECTIONS if mark in part}
    order = sorted(starts.values())
    if order != list(starts.values()):
        raise ValueError(
            "a scenario part holds its added space layers, raid, added sites and assets in "
            "this order"
        )
    edges = [*order, len(part)]
    sections = {
        mark: part[start : edges[order.index(start) + 1]].rstrip("\n") + "\n\n"
        for mark, start in starts.items()
    }
    return part[: edges[0]], sections


def _with_head_keys(base: str, head: str) -> str:
    """``base`` with each ``key = value`` line of a part's head in place of the base's first
    line of that key (``name``, ``description``; ``duration_s`` or ``trials``, say)."""
    lines = base.splitlines(keepends=True)
    for mine in head.splitlines(keepends=True):
        if not mine.strip() or mine.startswith("#"):
            continue
        key = mine.split("=", 1)[0].strip()
        index = next(i for i, line in enumerate(lines) if line.startswith(f"{key} ="))
        lines[index] = mine
    return "".join(lines)


def _spliced_text(entry: str | tuple[str, str]) -> str:
    if isinstance(entry, str):
        return _data_text(entry)
    base_name, part_name = entry
    base = _spliced_text(EMBEDDED_SCENARIOS.get(base_name) or SPLICE_BASES[base_name])
    head, sections = _sections(_data_text(part_name))
    text = _with_head_keys(base, head)
    if ADDED_SPACE in sections:
        if AFTER_SPACE not in text:
            raise ValueError(f"{base_name} has no {AFTER_SPACE!r} line to add space layers before")
        text = text.replace(AFTER_SPACE, sections[ADDED_SPACE] + AFTER_SPACE, 1)
    if RAID_SECTION in sections:
        raid = sections[RAID_SECTION]
        text = text[: text.index(RAID_SECTION)] + raid + text[text.index(AFTER_RAID) :]
    if ADDED_SITES in sections:
        text = text.replace(AFTER_SITES, sections[ADDED_SITES] + AFTER_SITES, 1)
    if ADDED_ASSETS in sections:
        text = text.rstrip("\n") + "\n\n" + sections[ADDED_ASSETS].rstrip("\n") + "\n"
    return text


def embedded_scenario_text(name: str) -> str:
    """An embedded scenario's text (``default``, ``peer-raid``, ``liquid-raid``,
    ``russian-raid``, ``chinese-raid``).

    A spliced scenario is its base's text (an embedded scenario, or one of
    :data:`SPLICE_BASES`, itself spliced) with the part's sections put in: its added space
    layers (from :data:`ADDED_SPACE`: ``[space.NAME]`` tables) after the base's layers, its
    raid section (from :data:`RAID_SECTION` on, if it has one) in place of the base's, its
    added sites
    (from :data:`ADDED_SITES`) after the base's sites and its added defended assets (from
    :data:`ADDED_ASSETS`) after the base's. Each ``key = value`` line at the part's head
    (``name``, ``description``, or any other key the base writes on a line of its own, such
    as ``duration_s``) replaces the base's first line of that key. The base's comments and
    sources stay and nothing is written twice.
    """
    return _spliced_text(EMBEDDED_SCENARIOS[name])


def _fail(source: str, rule: str) -> ScenarioError:
    return ScenarioError(source, [Problem(path="", value=None, rule=rule)])


def read_scenario_file(path: str | Path) -> str:
    """The text of a scenario file, or a ScenarioError saying plainly why it cannot be read.

    Only a regular file of at most :data:`MAX_SCENARIO_BYTES` is read (a directory, a
    device such as ``/dev/zero`` or a pipe is refused by name, never read); its text must be
    UTF-8 (a byte-order mark at its start is dropped). A path that does not exist may name
    an embedded scenario (``default``, ``peer-raid``).

    Parameters
    ----------
    path : str or Path

    Returns
    -------
    str
        The file's text.
    """
    source = str(path)
    try:
        return read_text_file(
            path, limit_bytes=MAX_SCENARIO_BYTES, what="scenario file", text="TOML text"
        )
    except UnusableFileError as exc:
        if exc.missing and source in EMBEDDED_SCENARIOS:
            return embedded_scenario_text(source)
        if exc.missing:
            raise _fail(
                source,
                "no such file; check the path, create one with 'goldendome init "
                f"scenario.toml', or name an embedded scenario ({', '.join(EMBEDDED_SCENARIOS)})",
            ) from None
        raise _fail(source, exc.rule) from None


def parse_toml(text: str, source: str = "<text>") -> dict[str, Any]:
    """Parse TOML text, turning every way it can fail into a ScenarioError naming the line.

    See :func:`goldendome.data.toml_text.parse_toml_text` (a leading byte-order mark is
    dropped; nesting deeper than 64 is refused before parsing).
    """
    if not text.lstrip("\ufeff").strip():
        raise _fail(source, "is empty; write a scenario or start from 'goldendome init FILE'")
    try:
        return parse_toml_text(text)
    except TomlTextError as exc:
        raise _fail(source, exc.rule) from None


def _validated(data: dict[str, Any]) -> tuple[ScenarioSpec | None, list[Problem]]:
    """The spec, or the problems of single keys pydantic found (cross-field ones left out:
    :func:`consistency_problems` finds those, whatever else is wrong)."""
    try:
        return ScenarioSpec.model_validate(data), []
    except ValidationError as exc:
        errors = [e for e in exc.errors() if e["type"] != CROSS_FIELD]
        return None, problems_from_errors(ScenarioSpec, errors)


def _in_file_order(problems: list[Problem], data: dict[str, Any]) -> list[Problem]:
    """``problems`` ordered by the file's top-level tables (stable within each)."""
    order = {str(key): index for index, key in enumerate(data)}

    def top(problem: Problem) -> int:
        head = problem.path.split(".", 1)[0].split("[", 1)[0]
        return order.get(head, len(order))

    return sorted(problems, key=top)


def scenario_from_mapping(data: Mapping[str, Any], source: str = "<mapping>") -> ScenarioSpec:
    """Validate a parsed mapping into a :class:`ScenarioSpec`, reporting every problem at once.

    The keys are checked one by one, and every rule across keys (a Walker pattern, launches
    inside the time window, targets within reach; :mod:`goldendome.scenario.consistency`)
    whenever the keys it needs are valid, so one report names them all.

    Raises
    ------
    ScenarioError
        Listing each problem with its key path, value and rule.
    """
    if not isinstance(data, Mapping):
        raise _fail(source, "expected a table of scenario keys at the top level")
    plain = dict(data)
    spec, problems = _validated(plain)
    problems += consistency_problems(plain)
    if spec is None or problems:
        raise ScenarioError(source, _in_file_order(problems, plain))
    return spec


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
