"""A run's HTML report for the server: the ``report.html`` that ``goldendome report`` wrote
into the run folder, read as it is (the server makes nothing and writes nothing)."""

from pathlib import Path

#: The report's file name inside a run folder.
REPORT_FILE = "report.html"


def report_html(folder: Path, probe: bool = False) -> str | None:
    """The report of the run in ``folder``, or None when it has none.

    Parameters
    ----------
    folder : Path
        A resolved run folder (:func:`goldendome.web.paths.run_folder`).
    probe : bool
        Only ask whether there is one: return ``""`` instead of the text.
    """
    path = folder / REPORT_FILE
    if path.is_symlink() or not path.is_file():
        return None
    return "" if probe else path.read_text("utf-8")
