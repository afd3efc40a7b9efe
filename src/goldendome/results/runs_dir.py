"""The runs directory: checked before a run or study starts, and listed with each run's state.

:func:`check_runs_dir` writes (then removes) a small file in the directory, or checks that
its nearest existing parent may be written, so a folder that cannot be written is reported in
a sentence before any work rather than after it. :func:`list_runs` gives the state of every
run folder in it (:func:`goldendome.results.run_state.run_state`), oldest first.
"""

import os
import tempfile
from pathlib import Path

from goldendome.results.run_state import RunState, run_state


class RunsDirError(ValueError):
    """A runs directory that cannot be written or read (the message says why)."""


def check_runs_dir(runs_dir: str | Path) -> Path:
    """Make sure run folders can be written under ``runs_dir``, changing nothing.

    An existing directory gets a small file written and removed; a missing one needs its
    nearest existing parent to be a folder this process may write (it is made with the
    first run folder).

    Returns
    -------
    Path
        The runs directory.

    Raises
    ------
    RunsDirError
        If run folders cannot be written there (a file in the way, no permission, a
        read-only disk), in a sentence naming the folder and the reason.
    """
    path = Path(runs_dir)
    parent = path
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    why = None
    if not parent.is_dir():
        why = "a file stands where a folder is needed"
    elif parent != path:
        if not os.access(parent, os.W_OK | os.X_OK):
            why = f"{parent}/ cannot be written"
    else:
        try:
            handle, probe = tempfile.mkstemp(prefix=".goldendome-write-check-", dir=path)
            os.close(handle)
            os.unlink(probe)
        except OSError as exc:
            why = exc.strerror or str(exc)
    if why is not None:
        raise RunsDirError(
            f"Cannot write run folders under {path}/: {why}. Choose a folder you can write "
            "with --runs-dir (runs_dir in the API); nothing was run."
        )
    return path


def list_runs(runs_dir: str | Path) -> list[RunState]:
    """The state of every run folder under ``runs_dir``, oldest first (folder names start
    with the UTC time the run started); a sweep's folder (``sweep.json``) is not a run and is
    left out (its cases are in the catalog).

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
        folders = sorted(
            p
            for p in path.iterdir()
            if p.is_dir() and not p.name.startswith(".") and not (p / "sweep.json").is_file()
        )
    except OSError as exc:
        raise RunsDirError(f"{path}/: cannot be listed: {exc.strerror or exc}.") from None
    return [run_state(folder) for folder in folders]
