"""Headless Debian Chromium driven by Playwright, shared by every browser test.

The browser is Debian's (``apt-get install chromium``), launched through Playwright's
``executable_path``; ``playwright install`` is never run (it downloads a browser). WebGL runs
on the CPU through ANGLE and SwiftShader (see ``docs/globe.md``).

Without Chromium the browser tests skip on a developer's machine, but under
``GOLDENDOME_REQUIRE_BROWSER=1`` (which ``make test``, and so CI, exports) a missing browser
is a failure: a green CI cannot hide a missing install step.

Every page is watched: console errors, uncaught page errors and any request that would leave
the machine (anything but ``127.0.0.1``, ``localhost``, ``file:``, ``data:``, ``blob:``) are
recorded, and the outside requests are aborted, so a test can assert that a page is offline.
"""

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path(os.environ.get("GOLDENDOME_CHROMIUM", "/usr/lib/chromium/chromium"))
REQUIRED = os.environ.get("GOLDENDOME_REQUIRE_BROWSER") == "1"
# Software WebGL that works on these machines; --disable-gpu would halve the globe's speed.
LAUNCH_ARGS = ["--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-quic"]
LOCAL_PREFIXES = (
    "http://127.0.0.1",
    "http://localhost",
    "file:",
    "data:",
    "blob:",
    "about:",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole session (a new context per test)."""
    if not CHROMIUM.exists():
        message = (
            f"Chromium is not installed at {CHROMIUM}: install Debian's package "
            "(apt-get install chromium), as `make test` does."
        )
        if REQUIRED:
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class WatchedPage:
    """A Playwright page with what it did that a test may assert on."""

    page: Any
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        """Fail on any console error, page error or request that left the machine."""
        assert self.outside_requests == [], f"requests left the machine: {self.outside_requests}"
        assert self.page_errors == [], f"page errors: {self.page_errors}"
        assert self.console_errors == [], f"console errors: {self.console_errors}"


@pytest.fixture
def watched_page(browser: Any) -> Iterator[WatchedPage]:
    """A fresh 1280x720 context and page whose errors and outside requests are recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    watched = WatchedPage(page)

    def route(route: Any) -> None:
        url = route.request.url
        if url.startswith(LOCAL_PREFIXES):
            route.continue_()
        else:
            watched.outside_requests.append(url)
            route.abort()

    context.route("**/*", route)
    page.on(
        "console", lambda m: watched.console_errors.append(m.text) if m.type == "error" else None
    )
    page.on("pageerror", lambda e: watched.page_errors.append(str(e)))
    try:
        yield watched
    finally:
        context.close()
