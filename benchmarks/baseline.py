"""Earlier code, importable beside today's: the code before the run pipeline as
``goldendome_baseline``, any other commit as ``goldendome_at_<commit>``.

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
#: The last commit before the coupled kill chain (issue 14), when its speed goals were set.
UNCOUPLED_COMMIT = "2284d41cee1521db99377c0a88701a9c91d92793"
ROOT = Path(__file__).resolve().parents[1]
NAME = "goldendome_baseline"


def _name(commit: str) -> str:
    return NAME if commit == BASELINE_COMMIT else f"goldendome_at_{commit[:12]}"


def _extract(target: Path, commit: str) -> None:
    name = _name(commit)
    try:
        archive = subprocess.run(
            ["git", "archive", "--format=tar", commit, "src/goldendome"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        raise RuntimeError(
            f"Cannot read commit {commit[:12]} from git in {ROOT}: the speed "
            "comparison needs the repository's history (clone without --depth)."
        ) from exc
    package = target / name
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
                text = re.sub(r"\bgoldendome\b", name, content.decode("utf-8"))
                content = text.encode("utf-8")
            out.write_bytes(content)


def baseline_api(commit: str = BASELINE_COMMIT) -> ModuleType:
    """The ``api`` module of ``commit`` (extracting its package on first use)."""
    name = _name(commit)
    target = ROOT / ".benchmarks" / f"baseline-{commit[:12]}"
    package = target / name
    if not ((package / "api.py").is_file() or (package / "api" / "__init__.py").is_file()):
        _extract(target, commit)
    if str(target) not in sys.path:
        sys.path.insert(0, str(target))
    return importlib.import_module(f"{name}.api")
