"""One run of a changed scenario for a study (timeline years, exchange steps, partners):
the mapping validated, its TOML text stored in the run's manifest, the trials in this
process unless told otherwise, and no catalog update (the study indexes what it keeps)."""

from pathlib import Path
from typing import Any

from goldendome.run.context import SharedRaid
from goldendome.run.pipeline import StoredRun, TrialOptions, run_scenario
from goldendome.scenario.changes import toml_text
from goldendome.scenario.loader import scenario_from_mapping


def run_mapping(
    data: dict[str, Any],
    label: str,
    runs_dir: Path,
    trials: int | None,
    workers: int | None = 0,
    comment: str | None = None,
    raid: SharedRaid | None = None,
) -> StoredRun:
    """Validate ``data`` (problems named under ``label``) and run it.

    Parameters
    ----------
    data : dict
        A parsed scenario, changed by the study.
    label : str
        How problems and the stored text name it.
    runs_dir : Path
    trials, workers : int, optional
        As ``goldendome run`` takes them (``workers`` 0: trials in this process).
    comment : str, optional
        The stored text's heading comment (``label`` when omitted).
    raid : SharedRaid, optional
        The raid already flown (:func:`goldendome.run.pipeline.run_scenario`).
    """
    spec = scenario_from_mapping(data, label)
    return run_scenario(
        spec,
        toml_text(data, [comment or label]),
        runs_dir,
        options=TrialOptions(trials=trials, workers=workers),
        catalog=False,
        raid=raid,
    )
