"""The api's reports: an offline HTML page (or a PDF of it) from a stored run folder.

Re-exported by :mod:`goldendome.api`; import from there.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from goldendome.report.build import Report


def build_report(run: str | Path, *, runs_dir: str | Path = "runs") -> Report:
    """Lay out the report of a run folder without writing it.

    Parameters
    ----------
    run : str or Path
        A run folder, or its name (or the unique start of one) under ``runs_dir``.
    runs_dir : str or Path

    Returns
    -------
    Report
        ``.html`` (the page), ``.figures`` (their number), ``.sections`` (titles) and
        ``.source`` (the folder and its state).

    Raises
    ------
    ReportError
        If the folder cannot be found or read.
    """
    from goldendome.report.build import build_report as build

    return build(run, runs_dir)


def write_report(
    run: str | Path,
    out: str | Path | None = None,
    *,
    runs_dir: str | Path = "runs",
    format: str = "html",
) -> Path:
    """Write the report of a run folder: one self-contained HTML file, or a PDF of it.

    Parameters
    ----------
    run : str or Path
        A run folder, or its id under ``runs_dir``.
    out : str or Path, optional
        The file; ``report.html`` (``report.pdf``) in the run folder when omitted.
    runs_dir : str or Path
    format : {"html", "pdf"}
        ``pdf`` prints the page with headless Chromium.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    ReportError
        If the folder cannot be read, the file cannot be written, or (PDF) there is no
        Chromium.
    """
    from goldendome.report.build import write_report as write

    return write(run, out, runs_dir=runs_dir, format=format)
