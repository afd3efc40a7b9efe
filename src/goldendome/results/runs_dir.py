"""The runs directory: checked before a run or study starts, and listed with each run's state.

:func:`check_runs_dir` makes the directory if needed and writes (then removes) a small file
in it, so a folder that cannot be written is reported in a sentence before any work rather
than after it. :func:`list_runs` gives the state of every run folder in it
(:func:`goldendome.results.run_state.run_state`), oldest first.
"""

import os
import tempfile
from pathlib import Path

from goldendome.results.run_state import RunState, run_state


class RunsDirError(ValueError):
    """A runs directory that cannot be written or read (the message says why)."""


def check_runs_dir(runs_dir: str | Path) -> Path:
    """Make sure run folders can be written under ``runs_dir`` (made if missing).

    Returns
    -------
    Path
        The runs directory.

    Raises
    ------
    RunsDirError
        If the directory cannot be made or written (a file in the way, no permission, a
        read-only disk), in a sentence naming the folder and the reason.
    """
    path = Path(runs_dir)
    try:
        path.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(prefix=".goldendome-write-check-", dir=path)
        os.close(handle)
        os.unlink(probe)
    except OSError as exc:
        if isinstance(exc, FileExistsError | NotADirectoryError):
            why = "a file stands where a folder is needed"
        else:
            why = exc.strerror or str(exc)
        raise RunsDirError(
            f"Cannot write run folders under {path}/: {why}. Choose a folder you can write "
            "with --runs-dir (runs_dir in the API); nothing was run."
        ) from None
    return path


def list_runs(runs_dir: str | Path) -> list[RunState]:
    """The state of every run folder under ``runs_dir``, oldest first (folder names start
    with the UTC time the run started).

    Raises
    ------
    RunsDirError
        If ``runs_dir`` is not a readable folder.
    """
    path = Path(runs_dir)
    if not path.is_dir():
        raise RunsDirError(
            f"{path}/: no such folder; run folders are written under runs/ unless "
            "--runs-dir names another."
        )
    try:
        folders = sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError as exc:
        raise RunsDirError(f"{path}/: cannot be listed: {exc.strerror or exc}.") from None
    return [run_state(folder) for folder in folders]
