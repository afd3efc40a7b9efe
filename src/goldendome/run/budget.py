"""How much memory a run will need, known from its spec before anything is allocated.

:func:`estimate_run` reads the spec's dimensions (satellites per layer, time samples,
boost-phase samples, missiles and what they release, batteries, trials) and adds up the
bytes each stage keeps for the later ones and what each needs while it works
(:mod:`goldendome.run.footprint`), with a margin: an upper bound calibrated against
measured peak resident memory. :func:`check_budget` refuses a run above the budget with a
sentence that says what to reduce, so an oversized scenario fails in a fraction of a second
instead of after minutes of swapping.
"""

import os
from dataclasses import dataclass, replace
from pathlib import Path

from goldendome.run.footprint import (
    BASE_BYTES,
    WORKER_BASE_BYTES,
    WORKER_DATA_FACTOR,
    Dimensions,
    dimensions,
    stage_bytes,
)
from goldendome.run.work_estimate import WorkEstimate, estimate_work
from goldendome.scenario.spec import ScenarioSpec

#: Share of the available memory a run may plan to use.
BUDGET_SHARE = 0.75
#: Safety factor on the stages' bytes (the coefficients are fitted, not exact).
MARGIN = 1.15
#: Budget when the available memory cannot be read, bytes.
FALLBACK_BUDGET_BYTES = 4 * 2**30
#: The default scenario's dimensions: a dimension far above its default is the one to cut.
_REFERENCE = {
    "satellites": 7_800, "times": 361, "boost_samples": 337, "missiles": 10, "objects": 22,
    "phase_samples": 100, "trials": 200, "batteries": 9, "sensor_satellites": 206,
}  # fmt: skip


@dataclass(frozen=True)
class RunEstimate:
    """A run's estimated peak memory and what drives it.

    Attributes
    ----------
    peak_bytes : int
        Estimated peak resident memory of the run, bytes (an upper bound).
    dimensions : dict of str to int
        The counts the estimate was made from (``satellites``, ``times``, ``missiles``...).
    driver : str
        The stage and dimensions that drive the peak, e.g. ``"architecture: 7,800
        satellites x 361 times"``.
    advice : str
        What to reduce to lower the peak, e.g. ``"fewer satellites in space.sbi_layer"``.
    work : WorkEstimate or None
        The estimated computing time on the reference machine
        (:mod:`goldendome.run.work_estimate`).
    """

    peak_bytes: int
    dimensions: dict[str, int]
    driver: str
    advice: str = ""
    work: WorkEstimate | None = None

    def sentence(self) -> str:
        """``needs about 3.2 GiB at peak (architecture: 7,800 satellites x 361 times)``."""
        return f"needs about {format_bytes(self.peak_bytes)} at peak ({self.driver})"


class BudgetError(ValueError):
    """A run whose estimated peak memory is above the budget; ``str()`` says what to cut.

    Attributes
    ----------
    estimate : RunEstimate
    budget_bytes : int
    """

    def __init__(self, estimate: RunEstimate, budget_bytes: int) -> None:
        self.estimate, self.budget_bytes = estimate, budget_bytes
        super().__init__(
            f"This run {estimate.sentence()}, more than its memory budget of "
            f"{format_bytes(budget_bytes)}; to fit, use {estimate.advice}."
        )


def format_bytes(n: int) -> str:
    """``12.5 TiB``, ``3.2 GiB``, ``810 MiB``, ``12 KiB``."""
    if n >= 2**40:
        return f"{n / 2**40:,.1f} TiB"
    if n >= 2**30:
        return f"{n / 2**30:.1f} GiB"
    if n >= 2**20:
        return f"{n / 2**20:.0f} MiB"
    return f"{max(n, 0) / 2**10:.0f} KiB"


def default_budget_bytes() -> int:
    """Three quarters of the memory available now (``MemAvailable``, within any cgroup
    limit), or 4 GiB when it cannot be read."""
    available = _mem_available()
    if available is None:
        return FALLBACK_BUDGET_BYTES
    return int(BUDGET_SHARE * available)


def _mem_available() -> int | None:
    found: int | None = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                found = int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        found = None
    if found is None:
        try:
            import psutil  # type: ignore[import-untyped]  # optional: used only if installed

            found = int(psutil.virtual_memory().available)
        except Exception:
            return None
    try:  # a container's own limit (cgroup v2)
        root = Path("/sys/fs/cgroup")
        limit = (root / "memory.max").read_text().strip()
        if limit != "max":
            used = int((root / "memory.current").read_text().strip())
            found = min(found, max(0, int(limit) - used))
    except (OSError, ValueError):
        pass
    return found if found is None or found > 0 else None


def _n(x: int) -> str:
    return f"{x:,}"


def _describe(stage: str, d: Dimensions) -> tuple[str, str]:
    """The driver sentence and the advice for the stage that drives the peak."""
    ratio = {k: getattr(d, k) / v for k, v in _REFERENCE.items()}
    longer = "a shorter [time] duration_s or a longer step_s"
    layer, n_max = d.largest_layer
    objects = d.missiles + d.objects
    fewer_missiles = "fewer missiles or decoys in threats.raid"
    closer = "launch times closer together in threats.raid (the boost-phase grid runs "
    closer += "from the first launch to the last burnout)"
    if stage == "architecture":
        driver = f"architecture: {_n(n_max)} satellites x {_n(d.times)} times"
        cut = longer if ratio["times"] > n_max / 7_800 else f"fewer satellites in space.{layer}"
    elif stage == "boost":
        # Each boost sample is worked in blocks of satellites and kept small, so the number
        # of samples does not drive the memory (it drives the work).
        driver = f"boost phase: {_n(d.sbi_satellites)} SBIs x {_n(d.boost_samples)} boost samples"
        options = {
            f"fewer satellites in space.{d.sbi_layer}": d.sbi_satellites / 7_800,
            closer: ratio["boost_samples"],
        }
        cut = max(options, key=lambda k: options[k])
    elif stage == "trials":
        driver = f"Monte Carlo: {_n(d.trials)} trials x {_n(objects)} objects"
        cut = "fewer trials (--trials or [monte_carlo] trials)"
        if ratio["objects"] > ratio["trials"]:
            cut = fewer_missiles
    else:
        label = {"raid": "raid", "sensing": "sensing", "kill_chain": "kill chain"}[stage]
        driver = (
            f"{label}: {_n(objects)} objects ({_n(d.missiles)} missiles and the "
            f"{_n(d.objects)} RVs and decoys they release) x {_n(d.times)} times"
        )
        options = {fewer_missiles: max(ratio["missiles"], ratio["objects"]), longer: ratio["times"]}
        if stage == "raid":
            options[closer] = ratio["boost_samples"]
        cut = max(options, key=lambda k: options[k])
    return driver, cut


def local_workers(workers: int | None) -> int:
    """The local Dask worker processes a run starts: ``workers``, or one per core, at most 2."""
    return workers if workers is not None else min(2, os.cpu_count() or 1)


def estimate_run(spec: ScenarioSpec, trials: int | None = None, workers: int = 0) -> RunEstimate:
    """The estimated peak memory of running ``spec`` (``trials`` overrides the spec's), with
    ``workers`` local Dask worker processes for its trials (0: in this process).

    Reads the spec and the catalogs only; nothing is propagated or flown. The local workers'
    memory is added to the run's own: each holds its base and the kill chain's windows.
    """
    d = dimensions(spec, trials)
    stages = stage_bytes(d)
    peak, kept, top = 0, 0, stages[0].name
    for k, stage in enumerate(stages):  # each stage works while earlier results are kept
        kept += stage.kept
        if kept + stage.working > peak:
            peak = kept + stage.working
            # The largest part of that peak: a kept result so far, or this stage's work.
            parts = [(s.kept, s.name) for s in stages[: k + 1]] + [(stage.working, stage.name)]
            top = max(parts)[1]
    driver, advice = _describe(top, d)
    work = estimate_work(d, workers)
    total = int(BASE_BYTES + MARGIN * peak)
    if workers and d.missiles:
        kill_chain = next(s.kept for s in stages if s.name == "kill_chain")
        each = int(WORKER_BASE_BYTES + MARGIN * WORKER_DATA_FACTOR * kill_chain)
        total += workers * each
        driver += f"; with {workers} local worker{'s' if workers > 1 else ''} of about "
        driver += f"{format_bytes(each)} each"
    return RunEstimate(total, d.as_dict(), driver, advice, work)


def check_budget(
    spec: ScenarioSpec,
    trials: int | None = None,
    max_memory_bytes: int | None = None,
    workers: int = 0,
) -> RunEstimate:
    """:func:`estimate_run`, raising :class:`BudgetError` above ``max_memory_bytes``.

    Parameters
    ----------
    spec : ScenarioSpec
    trials : int, optional
        Overrides ``[monte_carlo] trials``.
    max_memory_bytes : int, optional
        The budget, bytes; :func:`default_budget_bytes` when omitted.
    workers : int
        Local Dask worker processes the run will start (0: trials in this process, or on a
        remote scheduler's workers, whose memory is not this machine's).

    Raises
    ------
    BudgetError
        When the estimate is above the budget.
    """
    estimate = estimate_run(spec, trials, workers)
    budget = default_budget_bytes() if max_memory_bytes is None else int(max_memory_bytes)
    if estimate.peak_bytes > budget:
        if workers and estimate_run(spec, trials, 0).peak_bytes <= budget:
            advice = "fewer local workers (--workers 1, or --workers 0: trials in-process)"
            raise BudgetError(replace(estimate, advice=advice), budget)
        raise BudgetError(estimate, budget)
    return estimate


__all__ = [
    "BudgetError",
    "RunEstimate",
    "check_budget",
    "default_budget_bytes",
    "estimate_run",
    "format_bytes",
    "local_workers",
]
