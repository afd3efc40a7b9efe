"""A sweep's cases: their ids and seeds (from the sweep's seed and the case's values), the
base scenario, and every case checked through the scenario schema before anything runs.

A case's id is a hash of the sweep's seed and its changes (path = value, sorted), and its
seed is read from the same hash, so neither depends on the worker that runs it, the order
cases finish or how many workers there are; two cases of a design with the same values are
one case, run once.
"""

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from goldendome.run.sweeps.design import DesignCase
from goldendome.run.sweeps.spec import SweepError, SweepSpec
from goldendome.scenario.changes import apply_changes
from goldendome.scenario.errors import ScenarioError
from goldendome.scenario.loader import load_scenario_text, parse_toml, read_scenario_file

#: Hex digits of a case id.
CASE_KEY_DIGITS = 16


@dataclass(frozen=True)
class Case:
    """A case to run: its key, seed and every change made to the base scenario (the sweep's
    ``drop`` list as deletions, its ``[set]`` table, then the case's values)."""

    case_key: str
    seed: int
    changes: dict[str, Any]


def _digest(seed: int, changes: Mapping[str, Any]) -> str:
    canonical = json.dumps([seed, sorted(changes.items())], default=repr, sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def make_case(spec: SweepSpec, row: DesignCase) -> Case:
    """The case of a design row: id and seed from the sweep's seed and the row's values."""
    changes = {**dict.fromkeys(spec.drop), **spec.set, **row.values}
    digest = _digest(spec.seed, changes)
    return Case(digest[:CASE_KEY_DIGITS], int(digest[16:31], 16), changes)


def base_scenario(spec: SweepSpec, sweep_path: str | Path | None) -> tuple[str, str]:
    """``(text, source)`` of the sweep's base scenario: a file (relative to the sweep file's
    folder first) or an embedded scenario's name.

    Raises
    ------
    SweepError
        If it cannot be read.
    """
    name = spec.scenario
    candidates = [Path(sweep_path).parent / name] if sweep_path is not None else []
    for path in candidates:
        if path.is_file():
            name = str(path)
    try:
        return read_scenario_file(name), name
    except ScenarioError as exc:
        raise SweepError(
            str(sweep_path or "<sweep>"), [f"scenario = {spec.scenario!r}: {exc}"]
        ) from None


def case_text(base_text: str, source: str, case: Case) -> tuple[Any, str]:
    """The validated spec of a case (its seed set) and the scenario text its run stores."""
    from goldendome.scenario.loader import changed_scenario_text

    changes = {**case.changes, "seed": case.seed}
    spec = load_scenario_text(base_text, source, changes)
    return spec, changed_scenario_text(base_text, source, changes)


def _case_problems(base: dict[str, Any], base_text: str, source: str, case: Case) -> list[str]:
    """Every problem of one case: each change's path checked alone (so a bad path does not
    hide a bad value of another change), then the scenario with the changes that apply."""
    problems: list[str] = []
    fine: dict[str, Any] = {}
    for path, value in case.changes.items():
        try:
            apply_changes(base, {path: value}, source)
            fine[path] = value
        except ScenarioError as exc:
            problems += [str(p) for p in exc.problems]
    try:
        load_scenario_text(base_text, source, {**fine, "seed": case.seed})
    except ScenarioError as exc:
        problems += [str(p) for p in exc.problems]
    return problems


def _cases_text(indices: list[int]) -> str:
    return ("case " if len(indices) == 1 else "cases ") + ", ".join(map(str, indices))


def check_cases(
    spec: SweepSpec, rows: list[DesignCase], base_text: str, source: str, sweep_source: str
) -> list[Case]:
    """Every design row's case, each validated through the scenario schema.

    Raises
    ------
    SweepError
        Naming every problem of every invalid case (its path, value and rule), each problem
        once with the design rows that have it.
    """
    cases = [make_case(spec, row) for row in rows]
    base = parse_toml(base_text, source)
    checked: dict[str, list[str]] = {}
    found: dict[str, list[int]] = {}
    bad = 0
    for row, case in zip(rows, cases, strict=True):
        if case.case_key not in checked:
            checked[case.case_key] = _case_problems(base, base_text, source, case)
        bad += bool(checked[case.case_key])
        for problem in checked[case.case_key]:
            found.setdefault(problem, []).append(row.index)
    if found:
        head = f"{bad} of {len(rows)} cases are invalid; nothing was run"
        lines = [f"{_cases_text(rows_)}: {problem}" for problem, rows_ in found.items()]
        raise SweepError(sweep_source, lines, head)
    return cases
