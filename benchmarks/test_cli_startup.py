"""``goldendome --help`` start-up time (goal: under 0.5 s) against a bare interpreter."""

import subprocess
import sys

import pytest


def _run(args: list[str]) -> None:
    subprocess.run(args, check=True, capture_output=True)


@pytest.mark.benchmark(group="cli start-up")
def test_help_startup(benchmark):
    benchmark.extra_info["role"] = "goldendome --help"
    benchmark.pedantic(
        _run, args=([sys.executable, "-m", "goldendome.cli", "--help"],), rounds=5, iterations=1
    )


@pytest.mark.benchmark(group="cli start-up")
def test_bare_interpreter(benchmark):
    benchmark.extra_info["role"] = "reference"
    benchmark.pedantic(_run, args=([sys.executable, "-c", "pass"],), rounds=5, iterations=1)
