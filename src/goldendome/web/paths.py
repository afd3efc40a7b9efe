"""What the server may read: a run folder by its id, a file inside a folder, nothing else.

Every path from a URL goes through :func:`run_folder` or :func:`file_under`. A run id is one
plain folder name (letters, digits, ``.``, ``_``, ``-``; not ``.`` or ``..``); a file path is
relative, without ``..`` parts; and the resolved path (symlinks followed) must still lie
inside the runs directory or the static folder. Anything else is None, which the server
answers with 404, whether the path was written plainly or URL-encoded (the server sees the
decoded path).
"""

import re
from pathlib import Path, PurePosixPath

#: A run id: a folder name as ``goldendome run`` makes them (``20261204T191947Z-name``).
RUN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}")


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def run_folder(runs_dir: Path, run_id: str) -> Path | None:
    """The run folder ``run_id`` directly under ``runs_dir`` (resolved), or None when the id is
    not a plain folder name, the folder does not exist, is no run folder (no manifest), or
    resolves (through a symlink) to a place outside ``runs_dir``."""
    if not RUN_ID.fullmatch(run_id) or set(run_id) == {"."}:
        return None
    root = runs_dir.resolve()
    try:
        folder = (root / run_id).resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if folder.parent != root or not (folder / "manifest.json").is_file():
        return None
    return folder


def file_under(root: Path, relative: str) -> Path | None:
    """The regular file ``relative`` under ``root`` (resolved), or None when the path is
    absolute, has a ``..``, empty or backslash part, does not exist, or resolves (through a
    symlink) outside ``root``."""
    if not relative or "\\" in relative or "\x00" in relative:
        return None
    parts = PurePosixPath(relative).parts
    if PurePosixPath(relative).is_absolute() or any(p in ("..", ".", "") for p in parts):
        return None
    base = root.resolve()
    try:
        path = base.joinpath(*parts).resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not _inside(path, base) or not path.is_file():
        return None
    return path
