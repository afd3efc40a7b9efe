"""The globe: CZML from a run folder, and the local read-only server."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

    from goldendome.web.czml import CzmlExport


def export_czml(
    run_folder: str | Path,
    trial: int | None = None,
    coverage: bool = False,
    coverage_altitude_km: float = 500.0,
) -> CzmlExport:
    """The CZML documents of a run folder, one per layer (see :mod:`goldendome.web.czml`);
    ``coverage`` adds each radar's detection coverage against an RV at
    ``coverage_altitude_km`` (:mod:`goldendome.web.czml_coverage`)."""
    from goldendome.web.czml import export_czml as export

    return export(run_folder, trial, coverage, coverage_altitude_km * 1e3)


def write_czml(
    run_folder: str | Path,
    out_dir: str | Path | None = None,
    trial: int | None = None,
    coverage: bool = False,
    coverage_altitude_km: float = 500.0,
) -> list[Path]:
    """Write ``<layer>.czml`` files into ``out_dir`` (default: ``<run_folder>/czml``)."""
    from goldendome.web.czml import write_czml as write

    out = Path(run_folder) / "czml" if out_dir is None else out_dir
    return write(run_folder, out, trial, coverage, coverage_altitude_km * 1e3)


def web_app(runs_dir: str | Path = "runs", cesium_dir: str | Path | None = None) -> FastAPI:
    """The server's FastAPI application (for tests, or another ASGI server); a run without a
    ``report.html`` gets its report made in memory by ``goldendome report``'s builder."""
    from goldendome.report.build import build_report
    from goldendome.web.cesium import find_cesium
    from goldendome.web.server import create_app

    def report_page(folder: Path) -> str:
        return build_report(folder, runs_dir=runs_dir).html

    return create_app(runs_dir, find_cesium(cesium_dir), report_page)


def serve(
    runs_dir: str | Path = "runs",
    *,
    host: str | None = None,
    port: int = 8000,
    allow_remote: bool = False,
    cesium_dir: str | Path | None = None,
    say: Callable[[str], None] = print,
) -> None:
    """Serve the runs, their reports and the globe until interrupted.

    Parameters
    ----------
    host : str, optional
        The address to listen on (``127.0.0.1`` when omitted). A non-loopback address is
        refused unless ``allow_remote`` is true, and then a warning is said.
    say : callable
        Where the server's lines go (the warning and the address).

    Raises
    ------
    goldendome.web.bind.BindError
        For a non-loopback host without ``allow_remote``.
    goldendome.web.cesium.CesiumMissingError
        If CesiumJS is not installed (the message says how).
    """
    import uvicorn

    from goldendome.web.bind import bind_host

    chosen, warning = bind_host(host, explicit=allow_remote)
    app = web_app(runs_dir, cesium_dir)
    if warning:
        say(warning)
    shown = f"[{chosen}]" if ":" in chosen else chosen
    say(f"Serving {runs_dir} at http://{shown}:{port}/ (read-only; Ctrl-C stops).")
    uvicorn.run(app, host=chosen, port=port, log_level="warning")
