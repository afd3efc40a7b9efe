"""The read-only local server: the runs, each run's report, files and globe.

Routes (GET and HEAD only; any other method is 405, anywhere):

- ``/``: the runs in the runs directory (from its catalog when it has one,
  :mod:`goldendome.web.run_list`); ``/runs/{id}``: one run;
- ``/runs/{id}/globe``: the Cesium globe page; ``/runs/{id}/globe.json``: what the page
  loads first (layers, counts, events); ``/runs/{id}/czml/{layer}.czml``: one CZML layer
  (``?trial=N`` for another trial than the representative one, ``?coverage=1`` to add the
  radars' coverage layer), made in memory;
- ``/runs/{id}/report``: the run's HTML report; ``/runs/{id}/files/{path}``: a stored file;
- ``/static/{path}``: the viewer's own files; ``/cesium/{path}``: CesiumJS's build.

Every path from a URL is checked by :mod:`goldendome.web.paths`: unknown run ids and
anything outside the runs directory or the static folders (``..``, encoded forms, absolute
paths, symlinks out) are 404. Nothing is written and nothing is run: CZML is made from the
stored tables and kept in memory.
"""

import json
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Request, Response
from fastapi.responses import FileResponse, HTMLResponse, PlainTextResponse

from goldendome.results.run_state import run_state
from goldendome.web.czml import CzmlError, CzmlExport, export_czml, layer_title
from goldendome.web.paths import file_under, run_folder
from goldendome.web.report_link import ReportBuilder, report_html
from goldendome.web.run_list import served_runs

#: The viewer's HTML, JavaScript and CSS.
STATIC_DIR = Path(__file__).parent / "static"
#: Methods the server answers; any other gets 405.
READ_METHODS = ("GET", "HEAD")
#: A route's handler.
Handler = Callable[..., Any]
_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


@lru_cache(maxsize=8)
def _export(folder: Path, stamp: float, trial: int | None, coverage: bool = False) -> CzmlExport:
    """The CZML export of a folder, kept while its manifest is unchanged (``stamp``)."""
    del stamp
    return export_czml(folder, trial, coverage)


@lru_cache(maxsize=10)
def _layer_text(
    folder: Path, stamp: float, trial: int | None, layer: str, coverage: bool = False
) -> bytes:
    """One layer's CZML text, kept like the export: the satellites' 14 MB of JSON for the
    default scenario took the server most of a second to write on every request, holding
    the interpreter while the globe's imagery tiles waited to be served."""
    return _export(folder, stamp, trial, coverage).text(layer).encode("utf-8")


def create_app(
    runs_dir: str | Path, cesium_dir: str | Path, build_report: ReportBuilder | None = None
) -> FastAPI:
    """The server's application.

    Parameters
    ----------
    runs_dir : str or Path
        The folder of run folders it serves (``runs/``).
    cesium_dir : str or Path
        CesiumJS's build folder (``node_modules/cesium/Build/Cesium``).
    build_report : callable, optional
        Makes a run's report page from its folder when the folder holds no ``report.html``
        (:func:`goldendome.web.report_link.report_html`); without it, such runs have none.
    """
    runs = Path(runs_dir)
    cesium = Path(cesium_dir)
    app = FastAPI(title="goldendome", docs_url=None, redoc_url=None, openapi_url=None)

    @app.middleware("http")
    async def read_only(request: Request, call_next: Any) -> Response:
        if request.method not in READ_METHODS:
            return PlainTextResponse(
                "This server only reads: use GET or HEAD.", 405, {"Allow": "GET, HEAD"}
            )
        response: Response = await call_next(request)
        response.headers.update(_HEADERS)
        return response

    def folder_of(run_id: str) -> Path:
        folder = run_folder(runs, run_id)
        if folder is None:
            raise HTTPException(404, f"No run '{run_id}' in the runs directory.")
        return folder

    def export_of(run_id: str, trial: int | None, coverage: bool = False) -> CzmlExport:
        folder = folder_of(run_id)
        try:
            return _export(folder, (folder / "manifest.json").stat().st_mtime, trial, coverage)
        except CzmlError as exc:
            raise HTTPException(404, str(exc)) from None

    def get(path: str) -> Callable[[Handler], Handler]:
        route: Callable[[Handler], Handler] = app.api_route(path, methods=list(READ_METHODS))
        return route

    @get("/")
    def index() -> HTMLResponse:
        from goldendome.web.pages import runs_page

        listed = served_runs(runs)
        reports = {
            s.path.name: report_html(s.path, build_report, probe=True) is not None
            for s in listed.states
        }
        return HTMLResponse(runs_page(runs, listed, reports))

    @get("/runs/{run_id}")
    @get("/runs/{run_id}/")
    def run_index(run_id: str) -> HTMLResponse:
        from goldendome.web.pages import run_page

        folder = folder_of(run_id)
        files = sorted(
            str(p.relative_to(folder))
            for p in folder.rglob("*")
            if p.is_file() and not p.is_symlink()
        )
        has_report = report_html(folder, build_report, probe=True) is not None
        return HTMLResponse(run_page(run_state(folder), files, has_report))

    @get("/runs/{run_id}/globe")
    def globe(run_id: str) -> FileResponse:
        folder_of(run_id)
        return FileResponse(STATIC_DIR / "globe.html", media_type="text/html")

    @get("/runs/{run_id}/globe.json")
    def globe_json(run_id: str, trial: int | None = None, coverage: bool = False) -> Response:
        export = export_of(run_id, trial, coverage)
        asked = {"trial": trial, "coverage": 1 if coverage else None}
        query = urlencode({k: v for k, v in asked.items() if v is not None})
        query = f"?{query}" if query else ""
        body = {
            "run": export.run,
            "trial": export.trial,
            "layers": [
                {
                    "name": name,
                    "title": layer_title(name),
                    "url": f"czml/{name}.czml{query}",
                    "count": export.counts[name],
                }
                for name in export.documents
            ],
            "counts": export.counts,
            "events": export.events,
            "clock": export.documents["sites"][0]["clock"],
        }
        return Response(json.dumps(body), media_type="application/json")

    @get("/runs/{run_id}/czml/{layer}.czml")
    def czml(run_id: str, layer: str, trial: int | None = None, coverage: bool = False) -> Response:
        export = export_of(run_id, trial, coverage)
        if layer not in export.documents:
            raise HTTPException(
                404, f"No layer '{layer}'; the layers are {', '.join(export.documents)}."
            )
        folder = folder_of(run_id)
        stamp = (folder / "manifest.json").stat().st_mtime
        text = _layer_text(folder, stamp, trial, layer, coverage)
        return Response(text, media_type="application/json")

    @get("/runs/{run_id}/report")
    def report(run_id: str) -> HTMLResponse:
        folder = folder_of(run_id)
        try:
            text = report_html(folder, build_report)
        except ValueError as exc:
            raise HTTPException(404, str(exc)) from None
        if text is None:
            raise HTTPException(404, f"Run '{run_id}' has no report yet.")
        return HTMLResponse(text)

    @get("/runs/{run_id}/files/{path:path}")
    def run_file(run_id: str, path: str) -> FileResponse:
        return _file(folder_of(run_id), path)

    @get("/static/{path:path}")
    def static(path: str) -> FileResponse:
        return _file(STATIC_DIR, path)

    @get("/cesium/{path:path}")
    def cesium_file(path: str) -> FileResponse:
        return _file(cesium, path)

    return app


def _file(root: Path, relative: str) -> FileResponse:
    path = file_under(root, relative)
    if path is None:
        raise HTTPException(404, "Not found.")
    return FileResponse(path)
