"""Run a scenario file of ``tests/run/data`` through the pipeline and read its tables back."""

from pathlib import Path
from typing import Any

from goldendome.results.reader import open_run
from goldendome.run.pipeline import TrialOptions, run_scenario
from goldendome.scenario import load_scenario_text


def run_file_tables(
    scenario: Path, runs_dir: Path, trials: int, names: tuple[str, ...]
) -> dict[str, Any]:
    """The tables ``names`` (NumPy columns) of a ``trials``-trial run of ``scenario``."""
    text = scenario.read_text()
    spec = load_scenario_text(text, source=str(scenario))
    stored = run_scenario(spec, text, runs_dir, options=TrialOptions(trials=trials, workers=0))
    run = open_run(stored.folder.path)
    return {name: run.columns(name) for name in names}
