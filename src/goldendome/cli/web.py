"""``goldendome czml`` and ``goldendome serve``: the offline globe."""

from pathlib import Path
from typing import Annotated

import typer

from goldendome.cli.main import _fail, app


@app.command()
def czml(
    run_folder: Annotated[Path, typer.Argument(help="A run folder (runs/<time>-<name>).")],
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Folder for the .czml files (default: RUN_FOLDER/czml)."),
    ] = None,
    trial: Annotated[
        int | None,
        typer.Option(help="Trial to show (default: the first with the median leakers).", min=0),
    ] = None,
    coverage: Annotated[
        bool,
        typer.Option(
            "--coverage", help="Add a coverage layer: each radar's detection range on the ground."
        ),
    ] = False,
    coverage_altitude_km: Annotated[
        float,
        typer.Option(
            help="Altitude of the RV the coverage is drawn for, km.", min=0.0, max=5_000.0
        ),
    ] = 500.0,
) -> None:
    """Export a run as CZML: one document per layer (satellites, raid, interceptors,
    events, sites, and with --coverage the radars' coverage), times on the scenario's
    epoch."""
    from goldendome.api.web import export_czml
    from goldendome.web.czml import CzmlError

    try:
        export = export_czml(run_folder, trial, coverage, coverage_altitude_km)
    except CzmlError as exc:
        _fail(str(exc))
    folder = run_folder / "czml" if out is None else out
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for layer in export.documents:
            (folder / f"{layer}.czml").write_text(export.text(layer), "utf-8")
    except OSError as exc:
        _fail(f"{folder}: cannot be written: {exc.strerror or exc}.")
    counts = export.counts
    typer.echo(
        f"Wrote {len(export.documents)} CZML documents to {folder}/ (trial {export.trial}): "
        f"{counts['satellites']:,} satellites, {counts['raid']} raid objects, "
        f"{counts['shots']} shots ({counts['kills']} kills), "
        f"{counts['leaks']} leak{'' if counts['leaks'] == 1 else 's'}."
    )
    if coverage:
        ids = [str(p["id"]) for p in export.documents["coverage"][1:]]
        radars = sum(i.startswith("coverage-") for i in ids)
        footprints = sum(i.startswith("footprint-") for i in ids)
        typer.echo(
            f"Coverage: {radars} radar{'' if radars == 1 else 's'} against an RV at "
            f"{coverage_altitude_km:,.0f} km altitude, {footprints} early-warning satellite "
            f"footprint{'' if footprints == 1 else 's'}."
        )
    typer.echo(f"Layers: {', '.join(f'{name}.czml' for name in export.documents)}.")


@app.command()
def serve(
    runs_dir: Annotated[Path, typer.Option(help="Folder of run folders to serve.")] = Path("runs"),
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    host: Annotated[
        str | None,
        typer.Option(
            help="Address to listen on (default 127.0.0.1; another one is served with a warning)."
        ),
    ] = None,
    cesium_dir: Annotated[
        Path | None,
        typer.Option(help="CesiumJS build folder (default: node_modules/cesium/Build/Cesium)."),
    ] = None,
) -> None:
    """Serve the runs, their reports and a globe that plays each run (read-only, offline)."""
    import socket

    from goldendome.api.web import serve as serve_runs
    from goldendome.web.bind import BindError, bind_host
    from goldendome.web.cesium import CesiumMissingError, find_cesium

    if not runs_dir.is_dir():
        _fail(f"{runs_dir}/: no such folder; give the folder of run folders with --runs-dir.")
    try:
        chosen, _ = bind_host(host, explicit=host is not None)
        find_cesium(cesium_dir)
    except (BindError, CesiumMissingError) as exc:
        _fail(str(exc))
    family = socket.AF_INET6 if ":" in chosen else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((chosen, port))
        except OSError as exc:
            _fail(
                f"Cannot listen on {chosen}:{port}: {exc.strerror or exc}; choose another --port."
            )
    try:
        serve_runs(
            runs_dir,
            host=host,
            port=port,
            allow_remote=host is not None,
            cesium_dir=cesium_dir,
            say=lambda line: typer.echo(line, err=line.startswith("Warning")),
        )
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
