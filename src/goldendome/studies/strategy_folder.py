"""A strategic study (timeline, exchange, partners) run inside a study folder of its own.

The timeline, exchange and partners studies make Monte Carlo runs, each in its own run
folder; their own figures (the years, the step curve, the partner table) used to be printed
only. :func:`run_in_folder` runs such a study inside :func:`goldendome.studies.folder.
study_folder`, so its answer is stored as declared tables beside a manifest that says
``running``, then ``complete``, ``interrupted`` or ``failed`` like every other study, and a
report can be made from the folder without rerunning anything.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from goldendome.results.run_folder import Columns
from goldendome.results.schemas import schema
from goldendome.studies.folder import study_folder

R = TypeVar("R")


@dataclass(frozen=True)
class StoredStudy(Generic[R]):
    """A study's result and the folder it was stored in."""

    result: R
    folder: Path


def run_in_folder(
    runs_dir: str | Path,
    study: str,
    *,
    scenario_name: str,
    scenario_text: str,
    seed: int,
    facts: dict[str, Any],
    work: Callable[[], R],
    tables: Callable[[R], dict[str, Columns]],
    result_facts: Callable[[R], dict[str, Any]],
) -> StoredStudy[R]:
    """Run ``work`` inside a new study folder ``<UTC time>-<study>-<scenario name>`` and
    store what it returns.

    Parameters
    ----------
    runs_dir : str or Path
        Parent of the folder (the study's own runs go there too).
    study : str
        ``timeline``, ``exchange`` or ``partners`` (the manifest's ``run["study"]``).
    scenario_name, scenario_text : str
        The scenario the study answered, and its text as read.
    seed : int
        The scenario's seed.
    facts : dict
        The study's inputs, written into the manifest from the start.
    work : callable
        Runs the study and returns its result (timed as the stage named ``study``).
    tables : callable
        The result's declared tables, by name (written in the stage ``tables``).
    result_facts : callable
        Facts of the result added to the manifest (the model, the goal, ...).

    Returns
    -------
    StoredStudy
        The result and the folder.

    Raises
    ------
    KeyboardInterrupt, Exception
        Re-raised after the manifest says ``interrupted`` or ``failed``.
    """
    with study_folder(
        runs_dir,
        f"{study}-{scenario_name}",
        study=study,
        scenario_name=scenario_name,
        scenario_text=scenario_text,
        seed=seed,
        facts=facts,
    ) as folder:
        with folder.stage(study):
            result = work()
        folder.facts.update(result_facts(result))
        with folder.stage("tables"):
            for name, columns in tables(result).items():
                # A table without rows (no step curve, no runs) is written empty, so a
                # reader can tell "none" from "not reached".
                empty: dict[str, list[Any]] = {c: [] for c in schema(name).column_names}
                folder.table(name, columns or empty)
    return StoredStudy(result, folder.path)


def nan_if_none(value: Any) -> float:
    """``value`` as a float, NaN for None."""
    return float("nan") if value is None else float(value)


def interval(kill_chain: dict[str, Any] | None) -> tuple[float, float, float]:
    """P(zero leakers) and its 95% interval from a study's kill-chain dict (NaN if none)."""
    if kill_chain is None:
        return (float("nan"),) * 3
    low, high = kill_chain.get("p_zero_leakers_95") or (None, None)
    return float(kill_chain["p_zero_leakers"]), nan_if_none(low), nan_if_none(high)
