"""A small run folder for the globe's tests (``SMALL_DEFENDED``: three missiles, 1,041
satellites, shots in every layer), made once per session."""

from pathlib import Path

from tests.small_scenario import SMALL_DEFENDED


def make_small_run(runs_dir: Path) -> Path:
    """Run ``SMALL_DEFENDED`` in-process into ``runs_dir``; the run folder."""
    from goldendome import api

    scenario = runs_dir.parent / "small_defended.toml"
    scenario.write_text(SMALL_DEFENDED, "utf-8")
    stored = api.run(scenario, runs_dir=runs_dir, workers=0)
    return Path(stored.folder.path)
