"""What every document must get: a spec, or a ScenarioError whose report names each problem.

:func:`validate_file` does what ``goldendome validate FILE`` does, in this process: read
and validate through :func:`goldendome.api.read_scenario`, then build each space layer to
count its satellites. :func:`validate_text` starts after the reading (the text as
``read_scenario`` passes it on, to :func:`goldendome.api.load_scenario_text`), saving the
campaign a file per document. Any exception other than a ScenarioError escapes, and fails
the test.
"""

from pathlib import Path
from typing import Any

from goldendome.api import ScenarioError, load_scenario_text, read_scenario
from goldendome.scenario import ScenarioSpec, scenario_from_mapping


def check_report(error: ScenarioError, source: str) -> None:
    """Assert that a report is not empty and each of its problems names where it is.

    A problem with an empty path is about the whole file (it cannot be read, is not TOML):
    it is then the only one, on one line that starts with the file's name.
    """
    problems = error.problems
    report = error.report()
    assert problems, report
    assert report.strip(), problems
    lines = report.split("\n")
    assert lines[0].startswith(f"{source}: "), report
    if len(problems) == 1 and not problems[0].path:
        assert problems[0].rule.strip(), report
        return
    assert lines[0] == f"{source}: {len(problems)} problem{'s' if len(problems) != 1 else ''}"
    firsts = [line for line in lines[1:] if line.startswith("  ") and not line.startswith("   ")]
    for problem in problems:
        assert problem.path, report
        assert problem.rule.strip(), report
        assert f"  {problem}".split("\n", 1)[0] in firsts, report


def _built(spec: ScenarioSpec) -> int:
    return sum(layer.build(name).n_satellites for name, layer in spec.space.items())


def validate_file(path: Path) -> bool:
    """True if the file validates (and its layers build), False if it gets a proper report."""
    try:
        spec, _ = read_scenario(path)
    except ScenarioError as error:
        check_report(error, str(path))
        return False
    assert _built(spec) >= 0
    return True


def validate_text(text: str, source: str = "fuzz.toml") -> bool:
    """As :func:`validate_file`, for the text of a file."""
    try:
        spec = load_scenario_text(text, source)
    except ScenarioError as error:
        check_report(error, source)
        return False
    assert _built(spec) >= 0
    return True


def validate_mapping(data: Any) -> bool:
    """As :func:`validate_file`, for a parsed mapping."""
    try:
        spec = scenario_from_mapping(data, "fuzz")
    except ScenarioError as error:
        check_report(error, "fuzz")
        return False
    assert _built(spec) >= 0
    return True
