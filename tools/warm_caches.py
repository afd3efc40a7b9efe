"""Compile and cache every numba kernel a default run uses, so that the first run after an
install does not spend minutes compiling.

numba compiles a kernel on its first call for each signature (argument types, parallel or
not) and, with ``cache=True``, keeps the machine code beside the source (``__pycache__``,
or ``NUMBA_CACHE_DIR``). The surest way to compile exactly the signatures a run uses is to
run one: this script runs the embedded default scenario with two trials in this checkout's
interpreter into a temporary folder. Beside it, a second process compiles the
weapon-target assignment kernels (the slowest to compile, used last in a run), so on a
machine with two cores they are cached by the time the run reaches its trials.

Usage: ``python tools/warm_caches.py`` (``make install`` runs it once after installing).
"""

import os
import subprocess
import sys
import tempfile
import time

#: The assignment kernels' own warm-up (same signatures as a run's; see benchmarks/test_wta).
WTA_WARM_UP = "from goldendome.engagement._wta_kernel import warm_up; warm_up()"


def warm(trials: int = 2) -> float:
    """Run the default scenario once (``trials`` trials, in process); returns seconds."""
    t0 = time.perf_counter()
    side = None
    if (os.cpu_count() or 1) > 1:
        side = subprocess.Popen(
            [sys.executable, "-c", WTA_WARM_UP],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    with tempfile.TemporaryDirectory(prefix="goldendome-warm-") as runs:
        command = [sys.executable, "-m", "goldendome", "run", "--trials", str(trials)]
        done = subprocess.run(
            [*command, "--workers", "0", "--runs-dir", runs],
            capture_output=True,
            text=True,
        )
    if side is not None:
        side.wait()
    if done.returncode != 0:
        sys.stderr.write(done.stdout[-4000:] + done.stderr[-4000:])
        raise SystemExit(f"warming the numba caches failed (exit {done.returncode}).")
    return time.perf_counter() - t0


def main() -> None:
    """Warm the caches and say how long it took."""
    print("Compiling the numba kernels once (cached for every later run)...", flush=True)
    seconds = warm()
    print(f"Kernels compiled and cached in {seconds:.0f} s.")


if __name__ == "__main__":
    main()
