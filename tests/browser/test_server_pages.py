"""The real server (uvicorn) seen from outside: its pages in Chromium, and traversal sent over
a socket exactly as written (no client normalizes the path)."""

import http.client
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import WatchedPage
from tests.browser.globe_server import open_globe, running_server
from tests.web.runs import make_small_run


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    runs = tmp_path_factory.mktemp("pages") / "runs"
    folder = make_small_run(runs)
    (runs.parent / "secret.txt").write_text("not-for-the-browser")
    with running_server(runs) as base:
        yield base, folder


def _raw_get(base: str, path: str) -> tuple[int, bytes]:
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    try:
        connection.putrequest("GET", path, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def test_the_run_list_leads_to_the_run_and_its_globe(watched_page: WatchedPage, served):
    base, folder = served
    page = watched_page.page
    page.goto(base + "/")
    page.get_by_role("link", name=folder.name).click()
    page.wait_for_selector("h1")
    assert page.inner_text("h1") == folder.name
    assert "manifest.json" in page.inner_text("body")
    page.get_by_role("link", name="globe").click()
    page.wait_for_url("**/globe")
    state = open_globe(page, page.url + "?lean=1")
    assert state["counts"]["satellites"] == 1041
    watched_page.assert_clean()


@pytest.mark.parametrize(
    "path",
    [
        "/static/../static/globe.js",  # served (200) if the path were normalized first
        "/static/../../secret.txt",
        "/runs/../secret.txt",
        "/runs/RUN/files/../../secret.txt",
        "/runs/RUN/files/%2e%2e/%2e%2e/secret.txt",
        "/runs/RUN/files/..%2f..%2fsecret.txt",
        "/cesium/..%2f..%2f..%2fpackage.json",
        "/runs/RUN/files//etc/passwd",
        "/runs/%2e%2e/globe.json",
    ],
)
def test_traversal_over_a_socket_is_404(served, path):
    base, folder = served
    status, body = _raw_get(base, path.replace("RUN", folder.name))
    assert status == 404
    assert b"not-for-the-browser" not in body
    assert b"root:" not in body


def test_a_write_over_a_socket_is_405(served):
    base, _ = served
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    try:
        connection.request("PUT", "/runs/x/files/evil.txt", body=b"evil")
        assert connection.getresponse().status == 405
    finally:
        connection.close()
