"""``goldendome report`` for the default run (goal: under 5 s), against the run summary.

The default scenario (200 trials, trials in this process) is run once; then its report is
written three ways, each three rounds:

- ``goldendome report RUN --out FILE`` in a fresh interpreter: what a user waits for, start-up
  and imports included;
- ``api.write_report`` in this process (imports already paid);
- reference: ``summarize_folder``, the summary ``goldendome run`` prints, from the same
  folder: the same tables read, no figures and no page.

With ``--benchmark-disable`` (``make test``), each runs once, untimed, on a 20-trial run.
"""

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from goldendome import api
from goldendome.results.summary import summarize_folder

ROUNDS = 3
GROUP = "report of the default run"


@pytest.fixture(scope="module")
def default_run(request: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    disabled = request.config.getoption("benchmark_disable", False)
    runs = tmp_path_factory.mktemp("runs")
    return Path(api.run(runs_dir=runs, trials=20 if disabled else 200, workers=0).folder.path)


def _cli(folder: Path, out: Path) -> None:
    cmd = [sys.executable, "-m", "goldendome.cli", "report", str(folder), "--out", str(out)]
    subprocess.run(cmd, check=True, capture_output=True)


@pytest.mark.benchmark(group=GROUP)
def test_report_command(benchmark, default_run: Path, tmp_path: Path):
    benchmark.extra_info["role"] = "goldendome report (fresh interpreter)"
    out = tmp_path / "report.html"
    benchmark.pedantic(_cli, args=(default_run, out), rounds=ROUNDS, iterations=1)
    benchmark.extra_info["bytes"] = out.stat().st_size
    assert out.read_text().count('class="figure"') == 8


@pytest.mark.benchmark(group=GROUP)
def test_report_in_process(benchmark, default_run: Path, tmp_path: Path):
    benchmark.extra_info["role"] = "api.write_report (in process)"
    out = tmp_path / "report.html"
    path = benchmark.pedantic(
        api.write_report, args=(default_run, out), rounds=ROUNDS, iterations=1
    )
    assert path == out


@pytest.mark.benchmark(group=GROUP)
def test_summary_reference(benchmark, default_run: Path):
    benchmark.extra_info["role"] = "reference"
    summary = benchmark.pedantic(summarize_folder, args=(default_run,), rounds=ROUNDS, iterations=1)
    assert summary["kill_chain"]["trials"] > 0
