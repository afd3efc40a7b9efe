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
from goldendome.scenario.errors import ScenarioError
from goldendome.scenario.loader import load_scenario_text, read_scenario_file

#: Hex digits of a case id.
CASE_KEY_DIGITS = 16


@dataclass(frozen=True)
class Case:
    """A case to run: its id, seed and every change made to the base scenario (the sweep's
    ``[set]`` table, then the case's values)."""

    case_key: str
    seed: int
    changes: dict[str, Any]


def _digest(seed: int, changes: Mapping[str, Any]) -> str:
    canonical = json.dumps([seed, sorted(changes.items())], default=repr, sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def make_case(spec: SweepSpec, row: DesignCase) -> Case:
    """The case of a design row: id and seed from the sweep's seed and the row's values."""
    changes = {**spec.set, **row.values}
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


def check_cases(
    spec: SweepSpec, rows: list[DesignCase], base_text: str, source: str, sweep_source: str
) -> list[Case]:
    """Every design row's case, each validated through the scenario schema.

    Raises
    ------
    SweepError
        Naming every invalid case (its index and values) with each of its problems.
    """
    cases = [make_case(spec, row) for row in rows]
    problems: list[str] = []
    checked: dict[str, list[str]] = {}
    for row, case in zip(rows, cases, strict=True):
        if case.case_key not in checked:
            try:
                load_scenario_text(base_text, source, {**case.changes, "seed": case.seed})
                checked[case.case_key] = []
            except ScenarioError as exc:
                checked[case.case_key] = [str(p) for p in exc.problems]
        found = checked[case.case_key]
        if found:
            values = ", ".join(f"{k} = {v!r}" for k, v in row.values.items()) or "base scenario"
            problems.append(f"case {row.index} ({values}): " + "; ".join(found))
    if problems:
        head = f"{len(problems)} of {len(rows)} cases are invalid; nothing was run"
        raise SweepError(sweep_source, problems, head)
    return cases
