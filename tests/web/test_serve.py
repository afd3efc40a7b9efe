"""``goldendome serve``: loopback by default, a non-loopback address only when asked for (and
then a warning), Cesium missing or a busy port said in a sentence with exit code 2."""

import socket
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import goldendome.cli.web  # noqa: F401  (registers czml and serve)
from goldendome.cli.main import app
from goldendome.web.bind import BindError, bind_host, is_loopback
from goldendome.web.cesium import CesiumMissingError, find_cesium


@pytest.mark.parametrize("host", ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost"])
def test_loopback_addresses_bind_without_a_warning(host):
    assert is_loopback(host)
    assert bind_host(host, explicit=False) == (host, None)


def test_no_host_means_loopback():
    assert bind_host(None, explicit=False) == ("127.0.0.1", None)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "example.org"])
def test_a_non_loopback_address_is_refused_unless_asked_for(host):
    assert not is_loopback(host)
    with pytest.raises(BindError, match=f"Refusing to listen on {host}"):
        bind_host(host, explicit=False)
    chosen, warning = bind_host(host, explicit=True)
    assert chosen == host
    assert warning is not None
    assert warning.startswith("Warning")


@pytest.fixture
def served_with(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """uvicorn.run replaced by a recorder: the command goes as far as starting to serve."""
    calls: list[dict[str, Any]] = []
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    return calls


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_binds_loopback_by_default(served_with, tmp_path: Path):
    port = _free_port()
    result = CliRunner().invoke(app, ["serve", "--runs-dir", str(tmp_path), "--port", str(port)])
    assert result.exit_code == 0, result.output
    assert served_with == [{"host": "127.0.0.1", "port": port, "log_level": "warning"}]
    assert "Warning" not in result.output
    assert f"http://127.0.0.1:{port}/" in result.output


def test_serve_warns_when_told_to_bind_every_interface(served_with, tmp_path: Path):
    port = _free_port()
    result = CliRunner().invoke(
        app, ["serve", "--runs-dir", str(tmp_path), "--host", "0.0.0.0", "--port", str(port)]
    )
    assert result.exit_code == 0, result.output
    assert served_with[0]["host"] == "0.0.0.0"
    assert "Warning: listening on 0.0.0.0, which other machines can reach" in result.output


def test_the_api_refuses_a_remote_bind_it_was_not_told_to_allow(served_with, tmp_path: Path):
    from goldendome.api.web import serve

    with pytest.raises(BindError):
        serve(tmp_path, host="0.0.0.0")
    assert served_with == []


def test_missing_cesium_says_how_to_install(served_with, tmp_path: Path):
    result = CliRunner().invoke(
        app, ["serve", "--runs-dir", str(tmp_path), "--cesium-dir", str(tmp_path / "none")]
    )
    assert result.exit_code == 2
    assert "CesiumJS is not installed" in result.output
    assert "npm ci" in result.output
    assert served_with == []
    with pytest.raises(CesiumMissingError, match="make install"):
        find_cesium(tmp_path)


def test_a_busy_port_or_missing_runs_dir_is_a_sentence(served_with, tmp_path: Path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(
            app, ["serve", "--runs-dir", str(tmp_path), "--port", str(port)]
        )
    assert result.exit_code == 2
    assert f"Cannot listen on 127.0.0.1:{port}" in result.output
    missing = CliRunner().invoke(app, ["serve", "--runs-dir", str(tmp_path / "none")])
    assert missing.exit_code == 2
    assert "no such folder" in missing.output
    assert served_with == []
