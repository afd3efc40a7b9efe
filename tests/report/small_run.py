"""A small run folder for the report's tests: ``SMALL_DEFENDED`` (every stage has work: an SBI
layer, a radar, GBIs and THAAD, three missiles with decoys), 20 trials in this process."""

from pathlib import Path

from tests.small_scenario import SMALL_DEFENDED, small_spec


def make_small_run(runs_dir: Path) -> Path:
    """Run the small defended scenario under ``runs_dir`` and return its folder."""
    from goldendome import api

    stored = api.run_spec(small_spec(), SMALL_DEFENDED, runs_dir=runs_dir, trials=20, workers=0)
    return Path(stored.folder.path)
