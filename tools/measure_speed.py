"""Measure how long goldendome's everyday commands take here, and write ``docs/speed.md``.

What is timed, each as its own process (so start-up is included, as a user sees it):

* the first default run with no compiled kernels (``NUMBA_CACHE_DIR`` an empty folder):
  what a run costs when nothing was cached, numba compiling every kernel;
* warming the caches (``tools/warm_caches.py``, which ``make install`` runs);
* the first default run after that (what ``make demo`` runs after installing);
* a warm default run (the best of two);
* ``goldendome validate`` of the default scenario (the best of three);
* ``goldendome size`` with its defaults.

Peak resident memory is that of the command's process tree (``getrusage`` of the
children). Usage: ``python tools/measure_speed.py [--out docs/speed.md]``.
"""

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLDENDOME = [sys.executable, "-m", "goldendome"]
#: Runs one command and prints its wall time and its process tree's peak memory (KiB).
_TIMED = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
    "stderr=subprocess.DEVNULL).returncode; "
    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, rc)"
)


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak memory (MiB) of ``command``; raises if it fails."""
    out = subprocess.run(
        [sys.executable, "-c", _TIMED, *command],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout.split()
    seconds, kib, rc = float(out[0]), int(out[1]), int(out[2])
    if rc not in (0, 2):  # validate exits 2 on a problem, which the default has none of
        raise SystemExit(f"{' '.join(command)} failed (exit {rc}).")
    return seconds, kib / 1024


def machine() -> str:
    """CPU model, cores and memory, in words."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem_kib = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal:")
        )
        memory = f", {mem_kib / 2**20:.0f} GiB"
    except (OSError, StopIteration, ValueError):
        memory = ""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{model}, {cores} cores{memory}"


def commit() -> str:
    """The checkout's short commit, ``+changes`` when the tree differs from it."""

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, check=False
        ).stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--untracked-files=no")
    return f"{head}+changes" if dirty else head


def measure() -> list[tuple[str, float, float]]:
    """Every row of the table: (what, seconds, peak MiB)."""
    rows: list[tuple[str, float, float]] = []
    with tempfile.TemporaryDirectory(prefix="goldendome-speed-") as tmp:
        runs = str(Path(tmp) / "runs")
        env = {**os.environ, "NUMBA_CACHE_DIR": str(Path(tmp) / "numba")}
        run = [*GOLDENDOME, "run", "--runs-dir", runs]
        # validate first, while no Dask worker of an earlier run is still shutting down
        validate = [
            *GOLDENDOME,
            "validate",
            str(ROOT / "src/goldendome/data/default_scenario.toml"),
        ]
        validated = min(timed(validate, env) for _ in range(3))
        rows.append(
            ("default run, nothing compiled (numba compiles every kernel)", *timed(run, env))
        )
        env["NUMBA_CACHE_DIR"] = str(Path(tmp) / "numba-install")
        warm = [sys.executable, str(ROOT / "tools" / "warm_caches.py")]
        rows.append(("warming the kernel caches (make install does it once)", *timed(warm, env)))
        rows.append(("first default run after install", *timed(run, env)))
        rows.append(("default run, warm (best of 2)", *min(timed(run, env) for _ in range(2))))
        rows.append(("goldendome validate, default scenario (best of 3)", *validated))
        rows.append(
            ("goldendome size, defaults", *timed([*GOLDENDOME, "size", "--runs-dir", runs], env))
        )
    return rows


#: What follows this line in ``docs/speed.md`` is written by hand and kept on rewriting.
KEEP = "<!-- Written by hand below: tools/measure_speed.py keeps it. -->"


def write(rows: list[tuple[str, float, float]], out: Path) -> str:
    """The table as Markdown, written to ``out`` above its hand-written part; returns it."""
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    where, at = machine(), commit()
    lines = [
        "# Speed",
        "",
        "How long everyday commands take, each timed as its own process (Python start-up",
        "included). Written by `python tools/measure_speed.py` (`make speed`); rerun it after",
        "a change that may move these figures. The first row is what a run costs when numba",
        "has cached nothing; `make install` compiles the kernels once",
        "(`tools/warm_caches.py`), so the first run after installing costs what a warm run",
        "does. Runs use the embedded default scenario and two local Dask workers.",
        "",
        "| what | seconds | peak memory (MiB) | machine | date | commit |",
        "|---|---:|---:|---|---|---|",
    ]
    for what, seconds, mib in rows:
        lines.append(f"| {what} | {seconds:.1f} | {mib:,.0f} | {where} | {when} | {at} |")
    text = "\n".join(lines) + "\n"
    old = out.read_text() if out.is_file() else ""
    kept = old[old.index(KEEP) :] if KEEP in old else ""
    out.write_text(text + ("\n" + kept if kept else ""))
    return text


#: The README's sentence on the default run's time lies between these markers; it is rewritten
#: from the measured warm run, so the README states a measured figure, not a hand-written one.
README_MARKS = ("<!-- speed: warm default run -->", "<!-- /speed -->")


def update_readme(rows: list[tuple[str, float, float]], readme: Path) -> None:
    """Rewrite the README's measured-speed sentence from the warm default run's row."""
    seconds = next(s for what, s, _ in rows if what.startswith("default run, warm"))
    first = next(s for what, s, _ in rows if what.startswith("first default run"))
    text = readme.read_text()
    start, end = README_MARKS
    if start not in text or end not in text:
        raise SystemExit(f"{readme}: the markers {start} and {end} are missing.")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    sentence = (
        f"about {seconds:.0f} s in all on {machine()}, starting Python and the Dask cluster "
        f"included; the first run after installing took {first:.0f} s; measured by `make "
        f"speed`, see [speed](docs/speed.md)"
    )
    readme.write_text(head + start + sentence + end + tail)


def main() -> None:
    """Measure and write the table (``--out``, default ``docs/speed.md``) and the README's
    sentence on the default run's time."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "speed.md")
    args = parser.parse_args()
    t0 = time.perf_counter()
    rows = measure()
    text = write(rows, args.out)
    update_readme(rows, ROOT / "README.md")
    print(text)
    print(f"Measured in {time.perf_counter() - t0:.0f} s; written to {args.out}.")


if __name__ == "__main__":
    main()
