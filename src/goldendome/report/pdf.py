"""A PDF of the report: the HTML page printed by headless Chromium.

Chromium (Debian's ``chromium`` package, the browser the tests drive) prints the page with
``--print-to-pdf`` after letting its scripts run (``--virtual-time-budget``), so the figures
are drawn first. No Chromium: a clear error, not a PDF without figures.
"""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from goldendome.report.source import ReportError

#: Environment variable naming the Chromium binary when it is not in the usual places.
CHROMIUM_ENV = "GOLDENDOME_CHROMIUM"
_CANDIDATES = ("/usr/lib/chromium/chromium", "chromium", "chromium-browser", "google-chrome")
#: Milliseconds of virtual time the page's scripts get before printing.
BUDGET_MS = 20_000


def chromium_path() -> Path | None:
    """The Chromium binary: ``$GOLDENDOME_CHROMIUM``, else Debian's, else one on the PATH."""
    given = os.environ.get(CHROMIUM_ENV)
    if given:
        return Path(given) if Path(given).is_file() else None
    for name in _CANDIDATES:
        found = name if Path(name).is_file() else shutil.which(name)
        if found:
            return Path(found)
    return None


def print_pdf(page_html: str, target: Path, timeout_s: float = 120.0) -> None:
    """Print ``page_html`` to the PDF ``target`` with headless Chromium.

    Raises
    ------
    ReportError
        If Chromium is missing or fails.
    OSError
        If ``target`` cannot be written.
    """
    chromium = chromium_path()
    if chromium is None:
        raise ReportError(
            "--format pdf needs Chromium to print the page, and none was found (install "
            f"Debian's chromium package, or set {CHROMIUM_ENV}); --format html needs nothing."
        )
    with tempfile.TemporaryDirectory(prefix="goldendome-report-") as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(page_html, "utf-8")
        out = Path(tmp) / "report.pdf"
        cmd = [
            str(chromium),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--user-data-dir={tmp}/profile",
            f"--virtual-time-budget={BUDGET_MS}",
            f"--print-to-pdf={out}",
            page.as_uri(),
        ]
        try:
            done = subprocess.run(
                cmd, capture_output=True, text=True, timeout=timeout_s, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ReportError(f"Chromium ({chromium}) could not print the report: {exc}.") from None
        if done.returncode != 0 or not out.is_file():
            last = (done.stderr.strip().splitlines() or ["no message"])[-1]
            raise ReportError(f"Chromium ({chromium}) could not print the report: {last}.")
        shutil.copyfile(out, target)
