"""The browser harness itself: it renders a page and catches a request that leaves the machine."""

from pathlib import Path

from tests.browser.conftest import WatchedPage


def test_outside_request_is_caught_and_aborted(watched_page: WatchedPage, tmp_path: Path):
    page_file = tmp_path / "page.html"
    page_file.write_text(
        '<html><head><link rel="icon" href="data:,"></head><body>'
        '<img src="http://example.invalid/pixel.png"><p id="p">hello</p></body></html>'
    )
    watched_page.page.goto(page_file.as_uri())
    assert watched_page.page.inner_text("#p") == "hello"
    assert watched_page.outside_requests == ["http://example.invalid/pixel.png"]


def test_page_error_is_recorded(watched_page: WatchedPage, tmp_path: Path):
    page_file = tmp_path / "page.html"
    page_file.write_text(
        '<html><head><link rel="icon" href="data:,"></head>'
        "<body><script>throw new Error('boom')</script></body></html>"
    )
    watched_page.page.goto(page_file.as_uri())
    assert any("boom" in e for e in watched_page.page_errors)
