"""The server's two HTML pages written in Python: the list of runs and one run's page.

Every value from a run folder is HTML-escaped; links use run ids that passed
:data:`goldendome.web.paths.RUN_ID`.
"""

import html
from pathlib import Path
from urllib.parse import quote

from goldendome.results.run_state import RunState
from goldendome.web.run_list import RunList

_HEAD = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">'
    '<link rel="icon" href="data:,"><link rel="stylesheet" href="/static/pages.css">'
    "<title>{title}</title></head><body>"
)


def _page(title: str, body: str) -> str:
    return _HEAD.format(title=html.escape(title)) + body + "</body></html>"


def runs_page(runs_dir: Path, listed: RunList, has_report: dict[str, bool]) -> str:
    """The runs directory: one row per run folder, newest first, with its links, and where
    the list came from (the catalog, or the folders)."""
    rows = []
    for state in reversed(listed.states):
        run_id = state.path.name
        link = f"/runs/{quote(run_id)}"
        what = state.scenario or state.study or ""
        report = (
            f'<a href="{link}/report">report</a>' if has_report.get(run_id) else "no report yet"
        )
        globe = f'<a href="{link}/globe">globe</a>' if state.trials_done else ""
        rows.append(
            f'<tr><td><a href="{link}">{html.escape(run_id)}</a></td>'
            f"<td>{html.escape(what)}</td><td>{html.escape(state.sentence())}</td>"
            f"<td>{html.escape(state.trials_text())}</td><td>{globe}</td><td>{report}</td></tr>"
        )
    table = (
        "<table><thead><tr><th>run</th><th>scenario or study</th><th>state</th>"
        "<th>trials</th><th></th><th></th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
        if rows
        else "<p>No run folders yet: <code>goldendome run</code> writes one.</p>"
    )
    source = (
        "Listed from the catalog (catalog.duckdb, read-only; runs it has not indexed yet read "
        "from their folders)."
        if listed.source == "catalog"
        else "Listed by reading the run folders"
        + (f": {listed.note}." if listed.note else " (no catalog.duckdb here).")
    )
    return _page(
        "goldendome runs",
        f"<h1>Runs in {html.escape(str(runs_dir))}</h1>{table}"
        f'<p class="source" id="listed-from" data-source="{listed.source}">'
        f"{html.escape(source)}</p>",
    )


def run_page(state: RunState, files: list[str], has_report: bool) -> str:
    """One run: its state, its globe and report, and its stored files."""
    run_id = state.path.name
    link = f"/runs/{quote(run_id)}"
    items = "".join(
        f'<li><a href="{link}/files/{quote(name)}">{html.escape(name)}</a></li>' for name in files
    )
    report = (
        f'<a href="{link}/report">report</a>'
        if has_report
        else f"no report yet (<code>goldendome report runs/{html.escape(run_id)}</code>)"
    )
    return _page(
        f"goldendome {run_id}",
        f'<p><a href="/">all runs</a></p><h1>{html.escape(run_id)}</h1>'
        f"<p>{html.escape(state.sentence())}</p>"
        f'<p><a href="{link}/globe">globe</a> &middot; {report}</p>'
        f"<h2>Stored files</h2><ul>{items}</ul>",
    )
