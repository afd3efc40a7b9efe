"""A study's run folder: the same writer, manifest and declared tables as a scenario run.

A study (``coverage``, ``size``, ``fly``) opens its folder with :func:`study_folder` once its
inputs are valid: the manifest is written ``running`` at once, tables as they are ready
(each declared in :mod:`goldendome.results.schemas`), and the manifest ``complete`` at the
end. Ctrl-C or SIGTERM marks it ``interrupted`` (with the signal) and any other error
``failed`` (with the stage and the error), keeping every table already written; a heartbeat
(:mod:`goldendome.run.lifecycle`) lets a reader tell a study killed outright. The manifest's
``run`` facts name the study (``run["study"]``) and hold its inputs, so a folder can be read
without the command line that made it.
"""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from goldendome.results.catalog import index_if_catalogued
from goldendome.results.heartbeat import Heartbeat
from goldendome.results.manifest import build_manifest
from goldendome.results.run_folder import MANIFEST, Columns, RunFolder
from goldendome.run.lifecycle import signal_name, watched


@dataclass
class StudyFolder:
    """A study's folder while it runs: its manifest facts, timings and current stage."""

    folder: RunFolder
    study: str
    scenario_name: str
    scenario_text: str
    seed: int
    facts: dict[str, Any]
    started: datetime
    timings_s: dict[str, float] = field(default_factory=dict)
    current: str | None = None
    heartbeat: Heartbeat | None = None

    @property
    def path(self) -> Path:
        """The folder."""
        return self.folder.path

    def table(self, name: str, columns: Columns) -> None:
        """Write declared table ``name`` (replacing an earlier version of it)."""
        self.folder.write_table(name, columns)

    def manifest(self, status: str, **extra: Any) -> None:
        """Write the manifest with ``status`` (``stage`` and ``error`` in ``extra``)."""
        self.folder.write_json(
            MANIFEST,
            build_manifest(
                scenario_name=self.scenario_name,
                scenario_text=self.scenario_text,
                seed=self.seed,
                status=status,
                timings_s=self.timings_s,
                started_utc=self.started,
                run={"study": self.study, **self.facts},
                **extra,
            ),
        )

    @contextmanager
    def stage(self, key: str) -> Iterator[None]:
        """Time a stage; an interruption or error inside it is recorded against ``key``."""
        self.current = key
        if self.heartbeat is not None:
            self.heartbeat.stage(key)
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.timings_s[key] = self.timings_s.get(key, 0.0) + time.perf_counter() - t0
        self.current = None


@contextmanager
def study_folder(
    runs_dir: str | Path,
    folder_name: str,
    *,
    study: str,
    scenario_name: str,
    scenario_text: str,
    seed: int = 0,
    facts: dict[str, Any] | None = None,
) -> Iterator[StudyFolder]:
    """Open a new run folder for a study and keep its manifest's status true.

    Parameters
    ----------
    runs_dir : str or Path
        Parent of the run folder (created if missing).
    folder_name : str
        Name after the time stamp (``<UTC time>-<folder_name>``).
    study : str
        ``coverage``, ``size`` or ``fly`` (stored as ``run["study"]``).
    scenario_name, scenario_text : str
        What the study answered: a scenario's name and text, or its inputs as TOML text.
    seed : int
        The scenario's seed (0 for a study that draws nothing).
    facts : dict, optional
        The study's inputs and results for the manifest's ``run`` facts; the study may add
        to it while it runs (it is written with every manifest).

    Yields
    ------
    StudyFolder
        Write tables with ``table``; the manifest says ``complete`` when the block ends.

    Raises
    ------
    KeyboardInterrupt, Exception
        Re-raised after the manifest is marked ``interrupted`` or ``failed``
        (:class:`goldendome.run.lifecycle.Terminated`, a KeyboardInterrupt, on SIGTERM).
    """
    started = datetime.now(UTC)
    folder = RunFolder.create(Path(runs_dir), folder_name, started)
    run = StudyFolder(folder, study, scenario_name, scenario_text, seed, dict(facts or {}), started)
    run.manifest("running")
    with watched(folder.path) as run.heartbeat:
        try:
            yield run
        except KeyboardInterrupt as exc:
            run.manifest("interrupted", stage=run.current, signal=signal_name(exc))
            index_if_catalogued(runs_dir, folder.path)
            raise
        except Exception as exc:
            run.manifest("failed", stage=run.current, error=f"{type(exc).__name__}: {exc}")
            index_if_catalogued(runs_dir, folder.path)
            raise
        run.manifest("complete")
    index_if_catalogued(runs_dir, folder.path)
