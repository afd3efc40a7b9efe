"""The command line itself, in a subprocess: exit 0 for a good scenario, 2 with a report
and no traceback for a bad one, a device or runaway nesting (and never a hang)."""

import subprocess
import sys
from pathlib import Path

import pytest

from goldendome.scenario import default_scenario_text


def validate(path: Path | str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "goldendome", "validate", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_good_scenario_exits_0(tmp_path: Path):
    path = tmp_path / "good.toml"
    path.write_text(default_scenario_text())
    result = validate(path)
    assert result.returncode == 0, result.stderr
    assert f"{path}: OK: scenario 'golden-dome-2029'" in result.stdout


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            default_scenario_text()
            .replace("satellites = 7800 ", "satellites = 10000000 ")
            .replace("epoch_utc = 2029-06-01T00:00:00Z", "epoch_utc = 1870000000"),
            "2 problems",
        ),
        ("a = " + "[" * 5000 + "]" * 5000, "nested more than 64 deep"),
        (None, "/dev/zero: is not a regular file (it is a character device)"),
    ],
    ids=["problems", "nesting", "device"],
)
def test_a_bad_scenario_exits_2_with_a_report(tmp_path: Path, content: str | None, expected: str):
    path: Path | str = "/dev/zero"
    if content is not None:
        path = tmp_path / "bad.toml"
        path.write_text(content)
    result = validate(path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert expected in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
