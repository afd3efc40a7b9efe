"""Storage imports no simulator code: reports, the viewer and the summary stay light."""

import json
import subprocess
import sys

RESULTS = (
    "goldendome.results",
    "goldendome.results.reader",
    "goldendome.results.summary",
    "goldendome.results.run_folder",
    "goldendome.results.schemas",
    "goldendome.results.run_state",
    "goldendome.results.runs_dir",
)
#: Heavy libraries (pyarrow is imported only when a table is read or written).
HEAVY = ("numba", "scipy", "pyarrow", "pydantic")
ROLES = (
    "threats",
    "orbits",
    "sensors",
    "tracking",
    "interceptors",
    "engagement",
    "run",
    "scenario",
)


def test_importing_results_loads_no_heavy_library_and_no_role_package():
    code = f"import sys, json; import {', '.join(RESULTS)}; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = json.loads(out.stdout)
    assert set(RESULTS) <= set(loaded)  # the check ran
    heavy = [m for m in loaded if m.split(".")[0] in HEAVY]
    roles = [m for m in loaded if m.split(".")[:2] in [["goldendome", r] for r in ROLES]]
    assert heavy == []
    assert roles == []
