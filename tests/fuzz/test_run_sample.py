"""The fuzz campaign's second half: a sample of the documents that validate, run end to end
under a small memory budget (issue 13, deliverable 7).

Each document is drawn from :func:`tests.fuzz.strategies.scenario_texts` (derandomized; see
:mod:`tests.fuzz.test_campaign` on how far that holds), kept if it validates and differs
from the default, and run as a user would: ``goldendome run FILE --trials 3 --workers 0
--max-memory 650MiB`` (520MiB every other document) in a subprocess. Each must end with exit
code 0 (a run folder whose manifest says ``complete``) or 2 (refused before any work as
above its budget, nothing written), never a traceback, and a run that went ahead must not
have used more memory than its budget: the child's peak resident set (``VmHWM``, read by the
child as it exits) is compared with the budget.
"""

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from goldendome.api import ScenarioError, load_scenario_text
from tests.fuzz.strategies import DEFAULT_TEXT, scenario_texts

#: Documents run; enough to see both outcomes, few enough for CI (about 6 s each).
SAMPLE = 8
#: Budgets, MiB, taken in turn: the larger just above the default scenario's estimate (608
#: MiB since pandas, which pyarrow loads, joined the dependencies), the smaller below it, so
#: the sample holds runs that go ahead and runs refused.
BUDGETS_MIB = (650, 520)
#: Longest a sampled run may take, seconds (the default scenario takes about 6 s here).
TIMEOUT_S = 300


def _validating_sample() -> list[str]:
    found: list[str] = []

    @settings(
        derandomize=True,
        database=None,
        deadline=None,
        max_examples=400,
        suppress_health_check=list(HealthCheck),
    )
    @given(text=scenario_texts())
    def draw(text: str) -> None:
        if len(found) >= SAMPLE or text == DEFAULT_TEXT or text in found:
            return
        try:
            load_scenario_text(text, "fuzz.toml")
        except ScenarioError:
            return
        found.append(text)

    draw()
    return found


#: Runs the command line in a child that writes its own peak resident set (``VmHWM``) to a
#: file as it exits. The peak is read there, not from ``wait4``'s ``ru_maxrss``: Linux keeps a
#: process's high-water mark across ``exec``, so a child spawned from this (large) pytest
#: process would report pytest's own peak.
_WRAPPER = """
import atexit, sys
from pathlib import Path

def _peak(out=Path(sys.argv[1])):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            out.write_text(line.split()[1])

atexit.register(_peak)
from goldendome.cli.main import main
sys.argv = ["goldendome", *sys.argv[2:]]
main()
"""


def _run(path: Path, runs_dir: Path, budget_mib: int) -> tuple[int, str, int]:
    """Exit code, output and peak resident bytes of one ``goldendome run``."""
    peak_file = runs_dir.with_suffix(".peak")
    args = [sys.executable, "-c", _WRAPPER, str(peak_file), "run", str(path), "--trials", "3"]
    args += ["--workers", "0", "--max-memory", f"{budget_mib}MiB", "--runs-dir", str(runs_dir)]
    done = subprocess.run(args, capture_output=True, text=True, timeout=TIMEOUT_S)
    peak_kib = int(peak_file.read_text())
    return done.returncode, done.stdout + done.stderr, peak_kib * 1024


def test_a_sample_of_validating_documents_runs_or_is_refused_within_its_budget(
    tmp_path: Path,
) -> None:
    sample = _validating_sample()
    assert len(sample) == SAMPLE  # the draw found enough documents to run
    outcomes = []
    for k, text in enumerate(sample):
        path = tmp_path / f"doc{k}.toml"
        path.write_text(text, encoding="utf-8")
        runs_dir = tmp_path / f"runs{k}"
        budget_mib = BUDGETS_MIB[k % len(BUDGETS_MIB)]
        rc, out, peak_bytes = _run(path, runs_dir, budget_mib)
        assert "Traceback" not in out, out
        assert rc in (0, 2), (rc, out)
        if rc == 2:
            assert f"more than its memory budget of {budget_mib} MiB" in out, out
            assert not runs_dir.exists() or not any(runs_dir.iterdir()), out  # no work
        else:
            (folder,) = runs_dir.iterdir()
            manifest = json.loads((folder / "manifest.json").read_text())
            assert manifest["status"] == "complete"
            assert peak_bytes <= budget_mib * 2**20, (peak_bytes / 2**20, out)
        outcomes.append((rc, budget_mib, round(peak_bytes / 2**20)))
    print(f"fuzz run sample (exit code, budget MiB, peak MiB): {outcomes}")
    codes = [rc for rc, _, _ in outcomes]
    assert 0 in codes  # documents ran end to end...
    assert 2 in codes  # ...and others were refused up front
