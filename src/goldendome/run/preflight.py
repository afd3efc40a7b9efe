"""What is checked before a run starts: its memory, its scheduler, its runs directory; and
memory sizes as people write them (:func:`parse_size`).

Each check takes a fraction of a second (a scheduler: at most a few seconds) and raises
with a sentence saying what to change, so a run that cannot finish never starts: no run
folder is made and no stage runs.
"""

import re
from pathlib import Path

from goldendome.results.runs_dir import RunsDirError, check_runs_dir
from goldendome.run.budget import BudgetError, RunEstimate, check_budget, default_budget_bytes
from goldendome.run.executor import check_scheduler
from goldendome.run.scheduler import SchedulerError
from goldendome.scenario.spec import ScenarioSpec

__all__ = ["BudgetError", "RunsDirError", "SchedulerError", "parse_size", "preflight"]


def preflight(
    spec: ScenarioSpec,
    runs_dir: str | Path | None,
    *,
    trials: int | None = None,
    scheduler: str | None = None,
    max_memory_bytes: int | None = None,
    workers: int = 0,
) -> tuple[RunEstimate, int]:
    """Check, before any work and before the run folder is made, that a run can start.

    Parameters
    ----------
    spec : ScenarioSpec
    runs_dir : str or Path, optional
        Where the run folder will be made (not checked when None).
    trials : int, optional
        Monte Carlo trials (the scenario's when None).
    scheduler : str, optional
        A Dask scheduler's address, checked for its form and for an answer.
    max_memory_bytes : int, optional
        The memory budget; :func:`goldendome.run.budget.default_budget_bytes` when None.
    workers : int
        Local Dask worker processes the run will start (their memory counts in the budget).

    Returns
    -------
    estimate : RunEstimate
        The run's estimated peak memory.
    budget_bytes : int
        The budget it was checked against.

    Raises
    ------
    ValueError
        For fewer than one trial, or a budget that is not a positive number of bytes.
    BudgetError
        If the estimated peak memory is above the budget.
    SchedulerError
        If the scheduler's address cannot be read or no scheduler answers there.
    RunsDirError
        If run folders cannot be written under ``runs_dir``.
    """
    if trials is not None and trials < 1:
        raise ValueError(f"trials = {trials}: a run draws at least one trial.")
    if max_memory_bytes is not None and max_memory_bytes < 1:
        raise ValueError(
            f"max_memory_bytes = {max_memory_bytes}: a memory budget is a positive number of bytes."
        )
    budget = default_budget_bytes() if max_memory_bytes is None else max_memory_bytes
    estimate = check_budget(spec, trials, budget, workers)
    if scheduler is not None:
        check_scheduler(scheduler)
    if runs_dir is not None:
        check_runs_dir(runs_dir)
    return estimate, budget


_UNITS = {
    "": 1, "b": 1,
    "kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12,
    "k": 2**10, "m": 2**20, "g": 2**30, "t": 2**40,
    "kib": 2**10, "mib": 2**20, "gib": 2**30, "tib": 2**40,
}  # fmt: skip
_SIZE = re.compile(r"^\s*(?P<number>[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)\s*(?P<unit>[A-Za-z]*)\s*$")


def parse_size(text: str | int) -> int:
    """A memory size in bytes: ``4GiB``, ``500MB``, ``1.5 GiB``, ``2g`` or a number of bytes.

    ``KB``, ``MB``, ``GB``, ``TB`` are powers of 1,000; ``KiB``, ``MiB``, ``GiB``, ``TiB`` and
    the single letters ``k``, ``m``, ``g``, ``t`` powers of 1,024 (any case).

    Raises
    ------
    ValueError
        If the text is not a positive size in one of those forms.
    """
    if isinstance(text, int) and not isinstance(text, bool):
        size = text
    else:
        match = _SIZE.match(str(text))
        unit = None if match is None else _UNITS.get(match["unit"].lower())
        if match is None or unit is None:
            raise ValueError(
                f"{text!r} is not a memory size; write a number of bytes or a number with a "
                "unit: 4GiB, 500MB, 1.5GiB (KB, MB, GB, TB: powers of 1,000; KiB, MiB, GiB, "
                "TiB: powers of 1,024)."
            )
        number = float(match["number"]) * unit
        if number >= 2**63:
            raise ValueError(f"{text!r}: a memory size must be below 8 EiB.")
        size = int(number)
    if size < 1:
        raise ValueError(f"{text!r}: a memory size must be at least one byte.")
    return size
