"""Progress in a log or a pipe: plain lines, a stage's first and last always, at most one
line every few seconds between (issue 13: progress "in piped output as plain lines")."""

import io
import subprocess
import sys

from goldendome.cli.progress import LINE_EVERY_S, PlainProgress


class Clock:
    def __init__(self) -> None:
        self.t_s = 100.0

    def __call__(self) -> float:
        return self.t_s


def test_plain_lines_first_throttled_and_last() -> None:
    out, clock = io.StringIO(), Clock()
    progress = PlainProgress(out, clock)
    progress("tracker scans", 0, 1000)
    for done in range(1, 1000):
        clock.t_s += 0.01  # 10 s in all: two lines between first and last
        progress("tracker scans", done, 1000)
    progress("tracker scans", 1000, 1000)
    progress("tracker scans", 1000, 1000)  # a repeated finish writes nothing
    lines = out.getvalue().splitlines()
    assert lines[0] == "tracker scans: 0/1,000 (0 s)"
    assert lines[-1] == "tracker scans: 1,000/1,000 (10 s)"
    assert len(lines) == 2 + int(9.99 // LINE_EVERY_S)
    assert all(line.startswith("tracker scans: ") for line in lines)
    assert "\x1b" not in out.getvalue()  # no terminal control codes


def test_a_stage_run_again_is_shown_again() -> None:
    out, clock = io.StringIO(), Clock()
    progress = PlainProgress(out, clock)
    for _ in range(2):
        progress("shells", 0, 3)
        clock.t_s += 1.0
        progress("shells", 3, 3)
    assert out.getvalue().splitlines() == ["shells: 0/3 (0 s)", "shells: 3/3 (1 s)"] * 2


def test_a_piped_run_prints_its_stages_as_plain_lines(tmp_path) -> None:
    args = ["run", "--trials", "4", "--workers", "0", "--runs-dir", str(tmp_path)]
    done = subprocess.run(
        [sys.executable, "-m", "goldendome.cli", *args],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert "tracker scans" in {line.split(":")[0] for line in lines}
    assert lines[-1].startswith("Monte Carlo trials: 4/4 (")
    assert "\x1b" not in done.stderr
