"""Read a text file a person named (a scenario, a TLE file), refusing plainly what is not one.

:func:`read_text_file` reads only regular files: a directory, a device such as
``/dev/zero`` (which would never end), a named pipe (which would wait for a writer) or a
socket is named for what it is before anything is read. Files above a size cap are refused
from their size alone, so a huge file costs nothing. The text must be UTF-8 without NUL
bytes; a UTF-8 byte-order mark at its start (some Windows editors write one) is dropped.
Every refusal is a :class:`UnusableFileError` whose ``rule`` completes the sentence that starts
with the file's name.
"""

import os
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
)
_BOM = b"\xef\xbb\xbf"


class UnusableFileError(Exception):
    """Why a file cannot be used; ``rule`` follows the file's name (``"is empty"``).

    Parameters
    ----------
    rule : str
        A sentence fragment such as ``"is not a regular file (it is a directory)"``.
    missing : bool
        True when there is no file at the path (callers may name alternatives).
    """

    def __init__(self, rule: str, *, missing: bool = False) -> None:
        super().__init__(rule)
        self.rule = rule
        self.missing = missing


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a plain file")


def _not_regular(mode: int) -> UnusableFileError:
    return UnusableFileError(f"is not a regular file (it is {_kind(mode)})")


def _too_large(size: int, limit_bytes: int, what: str) -> UnusableFileError:
    return UnusableFileError(
        f"is {size:,} bytes, more than the {limit_bytes:,} bytes a {what} may hold; "
        f"is it the right file?"
    )


def read_file_bytes(path: str | Path, *, limit_bytes: int, what: str) -> bytes:
    """The bytes of a regular file of at most ``limit_bytes``.

    Parameters
    ----------
    path : str or Path
    limit_bytes : int
        Largest size accepted.
    what : str
        What the file should be, for messages (``"scenario file"``).

    Raises
    ------
    UnusableFileError
        When there is no file, it is not a regular file, is too large, or cannot be read.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise UnusableFileError("no such file", missing=True) from None
    except OSError as exc:
        raise UnusableFileError(f"cannot be read: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):  # checked before opening: a pipe would block
        raise _not_regular(info.st_mode)
    if info.st_size > limit_bytes:
        raise _too_large(info.st_size, limit_bytes, what)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise UnusableFileError(f"cannot be read: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(handle.fileno()).st_mode
        if not stat.S_ISREG(mode):  # replaced since the check above
            raise _not_regular(mode)
        try:
            raw = handle.read(limit_bytes + 1)
        except OSError as exc:
            raise UnusableFileError(f"cannot be read: {exc.strerror or exc}") from None
    if len(raw) > limit_bytes:
        raise _too_large(len(raw), limit_bytes, what)
    return raw


def decode_text(raw: bytes, what: str, text: str) -> str:
    """UTF-8 text from ``raw``, without a leading byte-order mark.

    Parameters
    ----------
    raw : bytes
    what : str
        What the file should be (``"scenario file"``).
    text : str
        What its text should be (``"TOML text"``).

    Raises
    ------
    UnusableFileError
        When ``raw`` holds a NUL byte (a binary file) or is not UTF-8; offsets count bytes
        from the start of the file.
    """
    if b"\x00" in raw:
        raise UnusableFileError(f"is a binary file (NUL byte at offset {raw.index(0)}), not {text}")
    skip = len(_BOM) if raw.startswith(_BOM) else 0
    try:
        return raw[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnusableFileError(
            f"is not UTF-8 text (bad byte at offset {exc.start + skip}); {what}s must be UTF-8"
        ) from None


def read_text_file(path: str | Path, *, limit_bytes: int, what: str, text: str) -> str:
    """The UTF-8 text of a regular file (see :func:`read_file_bytes`, :func:`decode_text`).

    Parameters
    ----------
    path : str or Path
    limit_bytes : int
        Largest size accepted.
    what : str
        What the file should be (``"scenario file"``), for the size message.
    text : str
        What its text should be (``"TOML text"``), for the encoding messages.
    """
    raw = read_file_bytes(path, limit_bytes=limit_bytes, what=what)
    return decode_text(raw, what, text)
