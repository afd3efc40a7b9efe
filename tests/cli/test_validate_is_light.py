"""``goldendome validate`` reads and checks a scenario and estimates its memory without
loading the simulation: no SciPy, numba, Dask, pyarrow or SGP4, and none of the role
packages that fly, sense, track or engage (the first-run figure of docs/speed.md rests on
this; issue 13 asks for validate with its estimate in under 0.5 s)."""

import json
import subprocess
import sys

HEAVY = ("scipy", "numba", "dask", "distributed", "pyarrow", "sgp4", "pyproj")
#: The simulation: flight, propagation, reach, tracking, engagement, the pipeline, studies
#: (the scenario package itself reads a few light vocabularies of the role packages).
MODELS = (
    "goldendome.threats.flight",
    "goldendome.orbits.analytic",
    "goldendome.interceptors.sbi_reach",
    "goldendome.tracking",
    "goldendome.engagement",
    "goldendome.run.pipeline",
    "goldendome.run.layers",
    "goldendome.studies",
)


def _loaded_by(args: list[str]) -> tuple[int, str, list[str]]:
    """Exit code, output (stdout then stderr) and modules loaded by one CLI command."""
    code = (
        "import sys, json\n"
        "from goldendome.cli.main import main\n"
        f"sys.argv = ['goldendome', *{args!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exc:\n"
        "    code = exc.code\n"
        "else:\n"
        "    code = 0\n"
        "print(json.dumps([code, sorted(sys.modules)]), file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    *said, last = out.stderr.strip().splitlines()
    rc, loaded = json.loads(last)
    return rc, out.stdout + "\n".join(said), loaded


def _heavy(loaded: list[str]) -> list[str]:
    heavy = [m for m in loaded if m.split(".")[0] in HEAVY]
    models = [m for m in loaded if any(m == p or m.startswith(p + ".") for p in MODELS)]
    return heavy + models


def test_validate_with_its_estimate_loads_no_simulation():
    rc, out, loaded = _loaded_by(["validate", "default"])
    assert rc in (0, None)
    assert "needs about" in out
    assert "within its memory budget" in out
    assert "goldendome.run.footprint" in loaded  # the estimate ran
    assert _heavy(loaded) == []


def test_validate_refusing_a_run_over_budget_loads_no_simulation():
    rc, out, loaded = _loaded_by(["validate", "peer-raid", "--max-memory", "100MB"])
    assert rc == 2
    assert "more than its memory budget" in out
    assert _heavy(loaded) == []
