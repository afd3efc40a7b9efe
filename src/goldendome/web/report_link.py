"""A run's HTML report for the server.

The ``report.html`` that ``goldendome report`` wrote into the run folder is served as it
is; without one, the report is made in memory by the builder the server was given (the api
passes ``goldendome report``'s own; ``web`` may not import ``report``, its sibling layer).
Nothing is written either way.
"""

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

#: The report's file name inside a run folder.
REPORT_FILE = "report.html"
#: Makes a run folder's report page (HTML text); raises ValueError when it cannot.
ReportBuilder = Callable[[Path], str]


def report_html(
    folder: Path, build: ReportBuilder | None = None, probe: bool = False
) -> str | None:
    """The report of the run in ``folder``, or None when it has none and none can be made.

    Parameters
    ----------
    folder : Path
        A resolved run folder (:func:`goldendome.web.paths.run_folder`).
    build : callable, optional
        Makes the page when the folder holds no ``report.html``.
    probe : bool
        Only ask whether there is one: return ``""`` instead of the text.

    Raises
    ------
    ValueError
        From ``build``, when the report cannot be made (the message says why).
    """
    path = folder / REPORT_FILE
    if not path.is_symlink() and path.is_file():
        return "" if probe else path.read_text("utf-8")
    if build is None:
        return None
    if probe:
        return ""
    return _built(build, folder, (folder / "manifest.json").stat().st_mtime)


@lru_cache(maxsize=4)
def _built(build: ReportBuilder, folder: Path, stamp: float) -> str:
    """A report made once per folder while its manifest is unchanged (``stamp``)."""
    del stamp
    return build(folder)
