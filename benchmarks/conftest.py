"""Benchmark harness: pytest-benchmark, with each group's ratio to its reference printed.

A group holds one benchmark named ``reference`` (an outside library or a straightforward
implementation, run in the same process) and one or more others; the summary prints, for
each, ``reference median / median``: how many times faster than the reference it is. A
benchmark's ``extra_info["work"]`` (missiles flown, say) normalizes unequal workloads.
"""

from typing import Any

import pytest


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    session = getattr(config, "_benchmarksession", None)
    if session is None or not session.benchmarks:
        return
    groups: dict[str, dict[str, float]] = {}
    for bench in session.benchmarks:
        if bench.stats is None or not bench.stats.rounds:
            continue
        role = bench.extra_info.get("role", bench.name)
        work = float(bench.extra_info.get("work", 1.0))  # normalize by the work done
        groups.setdefault(bench.group or bench.name, {})[role] = bench.stats.median / work
    lines = []
    for group, medians in sorted(groups.items()):
        ref = medians.get("reference")
        for role, median in sorted(medians.items()):
            if role == "reference" or ref is None:
                continue
            lines.append(
                f"{group}: {role} {median * 1e3:.3f} ms, reference {ref * 1e3:.3f} ms "
                f"(per unit of work), ratio {ref / median:.1f}x"
            )
    if lines:
        terminalreporter.write_sep("=", "ratios against the reference (median times)")
        for line in lines:
            terminalreporter.write_line(line)
