"""The server reads run artifacts and its own static files, and nothing else: traversal in
every form, symlinks out and unknown runs are 404; only GET and HEAD are answered."""

import asyncio
import json
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient

from goldendome.web.server import create_app

#: A secret outside the runs directory that no request may read.
SECRET = "not-for-the-browser"


@pytest.fixture(scope="module")
def served(small_run: Path, tmp_path_factory: pytest.TempPathFactory):
    """A runs directory holding the small run, a symlinked run folder that points outside,
    and a symlinked file inside the run folder that points outside; and its client."""
    base = tmp_path_factory.mktemp("served")
    runs = base / "runs"
    runs.mkdir()
    run = runs / small_run.name
    shutil.copytree(small_run, run)
    outside = base / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET)
    (outside / "manifest.json").write_text(json.dumps({"secret": SECRET}))
    os.symlink(outside, runs / "escape")  # a "run" that is a link out of the runs dir
    os.symlink(outside / "secret.txt", run / "link.txt")  # a file link out of a run
    cesium = base / "cesium"
    cesium.mkdir()
    (cesium / "Cesium.js").write_text("// stand-in")
    os.symlink(outside / "secret.txt", cesium / "leak.js")
    client = TestClient(create_app(runs, cesium))
    return client, run.name, runs


class Sent:
    """A response taken straight from the ASGI app."""

    def __init__(self, status_code: int, body: bytes) -> None:
        self.status_code, self.text = status_code, body.decode("utf-8", "replace")


def _get_raw(client: TestClient, raw_path: bytes) -> Sent:
    """A GET with its path exactly as written, as uvicorn hands it on (``path`` percent-
    decoded, ``raw_path`` as sent): httpx would resolve ``..`` before sending."""
    messages: list[dict[str, Any]] = []
    incoming = [{"type": "http.request", "body": b"", "more_body": False}]

    async def receive() -> dict[str, Any]:
        return incoming.pop() if incoming else {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        messages.append(message)

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": unquote(raw_path.decode("ascii")), "raw_path": raw_path,
        "query_string": b"", "root_path": "", "headers": [(b"host", b"testserver")],
        "client": ("127.0.0.1", 50000), "server": ("testserver", 80),
    }  # fmt: skip
    # In a thread of its own: the browser tests' Playwright keeps an event loop running in
    # this one for the whole session, and asyncio.run refuses to start inside it.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, client.app(scope, receive, send)).result()
    status = next(m["status"] for m in messages if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")
    return Sent(status, body)


def test_the_run_list_run_page_globe_and_files_are_served(served):
    client, run_id, _ = served
    assert _get_raw(client, b"/static/globe.js").status_code == 200  # the raw path works
    index = client.get("/")
    assert index.status_code == 200
    assert run_id in index.text
    assert client.get(f"/runs/{run_id}").status_code == 200
    assert "Cesium.js" in client.get(f"/runs/{run_id}/globe").text
    info = client.get(f"/runs/{run_id}/globe.json").json()
    assert info["counts"]["satellites"] == 1041
    assert client.get(f"/runs/{run_id}/czml/raid.czml").json()[0]["id"] == "document"
    assert client.get(f"/runs/{run_id}/files/manifest.json").json()["status"] == "complete"
    assert client.get("/static/globe.js").status_code == 200
    assert client.get("/cesium/Cesium.js").text == "// stand-in"
    assert client.head(f"/runs/{run_id}/globe.json").status_code == 200


@pytest.mark.parametrize(
    "raw",
    [
        b"/static/../static/globe.js",  # would be 200 if the path were normalized first
        b"/static/../server.py",
        b"/static/../../web/server.py",
        b"/cesium/../outside/secret.txt",
        b"/runs/RUN/files/../../outside/secret.txt",
        b"/runs/../outside/globe.json",
        b"/runs/RUN/files/../manifest.json",
    ],
)
def test_dot_dot_in_the_path_is_404(served, raw):
    client, run_id, _ = served
    response = _get_raw(client, raw.replace(b"RUN", run_id.encode()))
    assert response.status_code == 404
    assert SECRET not in response.text


@pytest.mark.parametrize(
    "path",
    [
        "/static/%2e%2e/server.py",
        "/static/..%2fserver.py",
        "/static/%2e%2e%2f%2e%2e%2fweb%2fserver.py",
        "/runs/RUN/files/%2e%2e%2f%2e%2e%2foutside%2fsecret.txt",
        "/runs/RUN/files/..%2F..%2Foutside%2Fsecret.txt",
        "/runs/%2e%2e/globe.json",
        "/runs/..%2foutside/globe.json",
        "/runs/RUN/files/%2Fetc%2Fpasswd",
        "/runs/RUN/files//etc/passwd",
        "/static//etc/passwd",
        "/cesium/%2Fetc%2Fpasswd",
        "/runs/RUN/files/..%5c..%5coutside%5csecret.txt",
        "/runs/RUN/files/manifest.json%00.txt",
    ],
)
def test_encoded_and_absolute_paths_are_404(served, path):
    client, run_id, _ = served
    response = _get_raw(client, path.replace("RUN", run_id).encode())
    assert response.status_code == 404
    assert SECRET not in response.text
    assert "root:" not in response.text


@pytest.mark.parametrize(
    "path",
    [
        "/runs/escape/globe.json",  # a run folder that links out of the runs dir
        "/runs/escape",
        "/runs/escape/files/secret.txt",
        "/runs/RUN/files/link.txt",  # a file that links out of the run folder
        "/cesium/leak.js",  # a file that links out of the Cesium folder
    ],
)
def test_symlinks_out_are_404(served, path):
    client, run_id, _ = served
    response = client.get(path.replace("RUN", run_id))
    assert response.status_code == 404
    assert SECRET not in response.text


@pytest.mark.parametrize(
    "path",
    ["/runs/no-such-run", "/runs/no-such-run/globe", "/runs/no-such-run/czml/raid.czml",
     "/runs/RUN/czml/nothing.czml", "/runs/RUN/report", "/runs/RUN/files/nothing.parquet",
     "/nothing", "/runs/RUN/globe.json?trial=999"],
)  # fmt: skip
def test_unknown_runs_layers_and_files_are_404(served, path):
    client, run_id, _ = served
    assert client.get(path.replace("RUN", run_id)).status_code == 404


def _tree(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.lstat().st_size, p.lstat().st_mtime_ns)
        for p in folder.rglob("*")
    }


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"])
@pytest.mark.parametrize(
    "path", ["/", "/runs/RUN", "/runs/RUN/files/manifest.json", "/static/globe.js", "/nothing"]
)
def test_only_get_and_head_are_answered_and_nothing_is_written(served, method, path):
    client, run_id, runs = served
    before = _tree(runs)
    response = client.request(method, path.replace("RUN", run_id), content=b"x")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"
    assert _tree(runs) == before


def test_reading_everything_writes_nothing(served):
    client, run_id, runs = served
    before = _tree(runs)
    for path in ("/", f"/runs/{run_id}", f"/runs/{run_id}/globe.json"):
        assert client.get(path).status_code == 200
    for layer in ("satellites", "raid", "interceptors", "events", "sites"):
        assert client.get(f"/runs/{run_id}/czml/{layer}.czml").status_code == 200
    assert _tree(runs) == before


def test_a_report_in_the_run_folder_is_served(served, tmp_path):
    client, run_id, runs = served
    report = runs / run_id / "report.html"
    report.write_text("<html><body>the report</body></html>")
    try:
        assert client.get(f"/runs/{run_id}/report").text.endswith("the report</body></html>")
        assert f"/runs/{run_id}/report" in client.get("/").text
    finally:
        report.unlink()
    assert client.get(f"/runs/{run_id}/report").status_code == 404


def test_without_a_report_file_the_builder_makes_one_in_memory(served):
    _, run_id, runs = served
    cesium = runs.parent / "cesium"
    made: list[Path] = []

    def build(folder: Path) -> str:
        made.append(folder)
        return f"<html>report of {folder.name}</html>"

    client = TestClient(create_app(runs, cesium, build))
    before = _tree(runs)
    assert client.get(f"/runs/{run_id}/report").text == f"<html>report of {run_id}</html>"
    assert client.get(f"/runs/{run_id}/report").status_code == 200
    assert made == [(runs / run_id).resolve()]  # made once, then kept
    assert _tree(runs) == before

    def refuse(folder: Path) -> str:
        raise ValueError(f"{folder.name}: no report can be made.")

    refused = TestClient(create_app(runs, cesium, refuse)).get(f"/runs/{run_id}/report")
    assert refused.status_code == 404
    assert "no report can be made" in refused.text


def test_the_api_app_serves_goldendome_reports_page(small_run):
    from goldendome.api.web import web_app

    client = TestClient(web_app(small_run.parent))
    page = client.get(f"/runs/{small_run.name}/report")
    assert page.status_code == 200
    assert "goldendome report" in page.text
    assert not (small_run / "report.html").exists()


def test_a_layers_text_is_written_once_and_served_as_the_export_writes_it(served, monkeypatch):
    """The server keeps each layer's JSON text like the export (the default scenario's
    satellites are 14 MB of JSON): a second request writes nothing again."""
    from goldendome.web.czml import CzmlExport, export_czml

    client, run_id, runs = served
    calls: list[str] = []
    text = CzmlExport.text

    def counted(self: CzmlExport, layer: str) -> str:
        calls.append(layer)
        return text(self, layer)

    monkeypatch.setattr(CzmlExport, "text", counted)
    first = client.get(f"/runs/{run_id}/czml/sites.czml?trial=1")
    second = client.get(f"/runs/{run_id}/czml/sites.czml?trial=1")
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    assert calls == ["sites"]
    assert first.text == text(export_czml(runs / run_id, 1), "sites")
