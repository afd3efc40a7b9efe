"""Sections for folders that ``goldendome run`` did not write (size, coverage, fly and any
later study), and the list of every table a folder stores.

The full report (outcome, timeline, map, cost) covers ``run`` folders. For a study's folder
the page shows its question (the manifest's run facts), a figure where one reads at a glance
(size: reach by latitude; coverage: share of time covered on the map; fly: the ground
track), and its tables as they are stored.
"""

import html
import json
from typing import Any

import numpy as np
import plotly.graph_objects as go

from goldendome.report.html_table import table
from goldendome.report.section import Section
from goldendome.report.source import ReportSource
from goldendome.report.space_figures import sizing_latitude_figure
from goldendome.report.style import base_layout
from goldendome.results.reader import RunReader
from goldendome.results.schemas import TABLES

#: Rows of a stored table shown on the page.
MAX_ROWS = 30


def stored_tables(run: RunReader) -> list[tuple[str, int]]:
    """Every declared table the folder holds, with its row count (from Parquet metadata)."""
    import pyarrow.parquet as pq

    out = []
    for name, spec in TABLES.items():
        if not run.has(name):
            continue
        files = (
            sorted((run.path / name).glob("part-*.parquet"))
            if spec.parted
            else [run.path / f"{name}.parquet"]
        )
        out.append((name, sum(pq.ParquetFile(f).metadata.num_rows for f in files)))
    return out


def tables_section(run: RunReader, drawn: set[str]) -> Section:
    """The folder's tables: rows, what each holds, and whether the page draws it."""
    s = Section("Stored tables")
    s.html(
        table(
            ["table", "rows", "what it holds", "on this page"],
            [
                [n, rows, TABLES[n].description, "yes" if n in drawn else "-"]
                for n, rows in stored_tables(run)
            ],
        )
    )
    return s


def _table_html(run: RunReader, name: str) -> str:
    rows = run.rows(name)
    cols = list(TABLES[name].column_names)
    note = f"{name} (first {MAX_ROWS} of {len(rows)} rows)" if len(rows) > MAX_ROWS else name
    return table(cols, [[r[c] for c in cols] for r in rows[:MAX_ROWS]], note)


def _geo(fig: go.Figure, atlas: bool) -> go.Figure:
    fig.update_geos(
        projection={"type": "natural earth"},
        showland=True,
        landcolor="#e7e2d5",
        showcoastlines=True,
        showocean=False,
        showlakes=False,
        showrivers=False,
        showcountries=False,
        bgcolor="#d8e6f2",
        fitbounds="locations",
    )
    return base_layout(fig, height=480)


def _points(lat: Any, lon: Any, atlas: bool, **kw: Any) -> Any:
    if atlas:
        return go.Scattergeo(lat=lat, lon=lon, **kw)
    return go.Scatter(x=lon, y=lat, **kw)


def study_sections(src: ReportSource, atlas: bool) -> list[Section]:
    """The sections of a study's folder (see the module's description)."""
    run = src.run
    facts = {k: v for k, v in run.manifest.get("run", {}).items() if k != "study"}
    head = Section(f"{src.kind} study")
    head.text(
        f"This folder was written by 'goldendome {src.kind}', not 'goldendome run': the "
        "full report (outcome, timeline, map, cost) covers run folders; here is what this "
        "study stores."
    )
    head.html(
        f"<details open><summary>Question and assumptions (manifest)</summary><pre>"
        f"{html.escape(json.dumps(facts, indent=2, default=str))}</pre></details>"
    )
    fig = None
    if run.has("sizing_latitudes"):
        fig = sizing_latitude_figure(run.columns("sizing_latitudes"))
    elif run.has("coverage_points"):
        p = run.columns("coverage_points")
        first = p["layer"] == p["layer"][0] if p["layer"].size else np.zeros(0, bool)
        fig = go.Figure(
            _points(
                p["latitude_deg"][first],
                p["longitude_deg"][first],
                atlas,
                mode="markers",
                marker={
                    "color": p["coverage_fraction"][first],
                    "colorscale": "Viridis",
                    "cmin": 0,
                    "cmax": 1,
                    "size": 5,
                    "colorbar": {"title": "share of time covered"},
                },
                hovertemplate="%{marker.color:.0%} covered<extra></extra>",
            )
        )
        fig.update_layout(title={"text": f"Coverage of {p['layer'][0] if p['layer'].size else ''}"})
        fig = _geo(fig, atlas) if atlas else base_layout(fig, height=480)
    elif run.has("flight_trajectory"):
        t = run.columns("flight_trajectory")
        fig = go.Figure(
            _points(
                t["latitude_deg"],
                t["longitude_deg"],
                atlas,
                mode="lines",
                line={"color": "#e67e22", "width": 3},
            )
        )
        fig.update_layout(title={"text": "Ground track of the flight"})
        fig = _geo(fig, atlas) if atlas else base_layout(fig, height=480)
    if fig is not None:
        head.figure(fig)
    for name, _ in stored_tables(run):
        head.html(_table_html(run, name))
    return [head]
