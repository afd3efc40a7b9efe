"""Reading a file a person named: only regular files, of bounded size, as UTF-8 text."""

import os
from pathlib import Path

import pytest

from goldendome.data.files import UnusableFileError, decode_text, read_file_bytes, read_text_file


def read(path: str | Path, limit_bytes: int = 1_000) -> str:
    return read_text_file(path, limit_bytes=limit_bytes, what="scenario file", text="TOML text")


def rule_for(path: str | Path, limit_bytes: int = 1_000) -> str:
    with pytest.raises(UnusableFileError) as info:
        read(path, limit_bytes)
    return info.value.rule


def test_a_regular_file_is_read_and_its_byte_order_mark_dropped(tmp_path: Path):
    path = tmp_path / "s.toml"
    path.write_bytes(b'\xef\xbb\xbfname = "x"\n')
    assert read(path) == 'name = "x"\n'


def test_a_device_is_named_and_never_read():
    assert rule_for("/dev/zero") == "is not a regular file (it is a character device)"


def test_a_directory_is_named(tmp_path: Path):
    assert rule_for(tmp_path) == "is not a regular file (it is a directory)"


def test_a_named_pipe_is_named_without_waiting_for_a_writer(tmp_path: Path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert rule_for(fifo) == "is not a regular file (it is a named pipe)"


def test_a_missing_file_is_marked_missing(tmp_path: Path):
    with pytest.raises(UnusableFileError) as info:
        read(tmp_path / "nope.toml")
    assert info.value.missing
    assert info.value.rule == "no such file"


def test_a_file_above_the_cap_is_refused_from_its_size(tmp_path: Path):
    path = tmp_path / "big.toml"
    with path.open("wb") as handle:  # sparse: nothing is written, nothing need be read
        handle.truncate(10_000_001)
    assert rule_for(path, limit_bytes=10_000_000) == (
        "is 10,000,001 bytes, more than the 10,000,000 bytes a scenario file may hold; "
        "is it the right file?"
    )


def test_an_unreadable_file_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "locked.toml"
    path.write_text("x = 1")

    def refuse(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    assert rule_for(path) == "cannot be read: Permission denied"


def test_binary_and_non_utf8_bytes_name_the_offset():
    with pytest.raises(UnusableFileError, match=r"^is a binary file \(NUL byte at offset 2\)"):
        decode_text(b"a \x00", "scenario file", "TOML text")
    with pytest.raises(UnusableFileError) as info:
        decode_text(b"\xef\xbb\xbfab\xff", "scenario file", "TOML text")
    assert info.value.rule == (
        "is not UTF-8 text (bad byte at offset 5); scenario files must be UTF-8"
    )


def test_read_file_bytes_returns_the_bytes(tmp_path: Path):
    path = tmp_path / "b"
    path.write_bytes(b"\x00\x01")
    assert read_file_bytes(path, limit_bytes=2, what="file") == b"\x00\x01"
