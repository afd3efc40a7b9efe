"""The code before the run pipeline, importable beside today's as ``goldendome_baseline``.

Speed goals of the form "N times faster than today's code" compare against the commit the
goal was set on, run in the same process: its ``src/goldendome`` is read from git, every
``goldendome`` name is renamed ``goldendome_baseline`` (package data included, since the
catalogs are found through the package name), and the copy is kept under
``.benchmarks/`` so that numba compiles its kernels once per checkout. The tree needs its
git history (a shallow clone without that commit fails with a message saying so).
"""

import importlib
import io
import re
import subprocess
import sys
import tarfile
from pathlib import Path
from types import ModuleType

#: The last commit before the run pipeline (issue "One run pipeline").
BASELINE_COMMIT = "09856762a54b41201f48ce8a1e310612e32c435f"
ROOT = Path(__file__).resolve().parents[1]
NAME = "goldendome_baseline"


def _extract(target: Path) -> None:
    try:
        archive = subprocess.run(
            ["git", "archive", "--format=tar", BASELINE_COMMIT, "src/goldendome"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        raise RuntimeError(
            f"Cannot read commit {BASELINE_COMMIT[:12]} from git in {ROOT}: the speed "
            "comparison needs the repository's history (clone without --depth)."
        ) from exc
    package = target / NAME
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        for member in tar.getmembers():
            if not member.isfile():
                continue
            rel = Path(member.name).relative_to("src/goldendome")
            data = tar.extractfile(member)
            assert data is not None
            out = package / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            content = data.read()
            if out.suffix == ".py":
                text = re.sub(r"\bgoldendome\b", NAME, content.decode("utf-8"))
                content = text.encode("utf-8")
            out.write_bytes(content)


def baseline_api() -> ModuleType:
    """The baseline's ``api`` module (extracting the baseline on first use)."""
    target = ROOT / ".benchmarks" / f"baseline-{BASELINE_COMMIT[:12]}"
    if not (target / NAME / "api.py").is_file():
        _extract(target)
    if str(target) not in sys.path:
        sys.path.insert(0, str(target))
    return importlib.import_module(f"{NAME}.api")
