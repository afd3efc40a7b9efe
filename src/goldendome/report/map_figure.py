"""The raid on a map: ground tracks, defended areas, sites, intercepts, where warheads leak
and where boost-phase kills drop their payloads.

Drawn with plotly's ``Scattergeo`` on the Natural Earth atlas the page inlines
(:mod:`goldendome.report.assets`); with no atlas the same layers are drawn on plain
longitude-latitude axes (no coastlines), so a page never fetches a map. The projection is
azimuthal equidistant, centred on the middle of what is drawn: a raid over the pole reads as
straight lines from the launch areas.
"""

from typing import Any

import numpy as np
import plotly.graph_objects as go

from goldendome.physics.geodetic import ecef_to_geodetic
from goldendome.report.outcomes import WarheadFates
from goldendome.report.style import COLORS, LAYER_COLORS, base_layout

Columns = dict[str, np.ndarray[Any, Any]]
#: Grid (degrees) on which many trials' points are gathered before drawing.
GRID_DEG = 0.25


def ground_tracks(
    trajectories: Columns, object_ids: np.ndarray[Any, Any]
) -> tuple[list[Any], list[Any]]:
    """Latitude and longitude (degrees) of each object's stored track, joined into one
    trace's coordinates with None between objects."""
    lats: list[Any] = []
    lons: list[Any] = []
    oid = trajectories["object_id"]
    for o in object_ids.tolist():
        rows = oid == o
        if not rows.any():
            continue
        order = np.argsort(trajectories["t_s"][rows])
        r = np.stack(
            [trajectories[c][rows][order] for c in ("x_ecef_m", "y_ecef_m", "z_ecef_m")], -1
        )
        lat, lon, _ = ecef_to_geodetic(r)
        lats += [*np.degrees(lat).round(3).tolist(), None]
        lons += [*np.degrees(lon).round(3).tolist(), None]
    return lats, lons


def gathered(
    lat: np.ndarray[Any, Any], lon: np.ndarray[Any, Any]
) -> tuple[np.ndarray[Any, Any], ...]:
    """Points gathered on a :data:`GRID_DEG` grid: (lat, lon, count) of each occupied cell."""
    ok = np.isfinite(lat) & np.isfinite(lon)
    cells = np.round(np.stack([lat[ok], lon[ok]], axis=1) / GRID_DEG) * GRID_DEG
    if not cells.size:
        return np.empty(0), np.empty(0), np.empty(0, int)
    key, count = np.unique(cells, axis=0, return_counts=True)
    return key[:, 0], key[:, 1], count


def view(lat: np.ndarray[Any, Any], lon: np.ndarray[Any, Any]) -> tuple[float, float, float]:
    """Centre (the direction of the points' mean unit vector) and zoom of an azimuthal
    equidistant map that holds every point: (lat_deg, lon_deg, scale), scale 1 showing the
    whole Earth (180° from the centre)."""
    la, lo = np.radians(lat), np.radians(lon)
    u = np.stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)], axis=-1)
    m = u.mean(axis=0)
    if np.linalg.norm(m) < 1e-9:  # points all round the Earth: no middle
        return 0.0, 0.0, 1.0
    m /= np.linalg.norm(m)
    reach = float(np.degrees(np.arccos(np.clip(u @ m, -1.0, 1.0))).max())
    scale = float(np.clip(0.85 * 180.0 / max(reach, 1.0), 1.0, 10.0))
    return float(np.degrees(np.arcsin(m[2]))), float(np.degrees(np.arctan2(m[1], m[0]))), scale


def map_figure(
    tracks: tuple[list[Any], list[Any]],
    assets: Columns | None,
    sites: Columns | None,
    fates: WarheadFates | None,
    shots: Columns | None,
    *,
    atlas: bool,
) -> go.Figure:
    """The raid's map (see the module's description).

    Parameters
    ----------
    tracks : (lats, lons)
        :func:`ground_tracks` of the missiles.
    assets, sites : columns of ``defended_assets`` and ``sites``, optional
    fates : WarheadFates, optional
        Where each warhead falls and the share of trials it leaked.
    shots : columns of ``engagements``, optional
        Killing shots give the intercept points; killing boost shots whose payload lands
        give the shortfall points.
    atlas : bool
        Draw on the inlined world atlas (``Scattergeo``); else on plain axes.
    """
    traces: list[dict[str, Any]] = []

    def add(lat: Any, lon: Any, **kw: Any) -> None:
        traces.append({"lat": lat, "lon": lon, **kw})

    add(
        *tracks,
        mode="lines",
        name="ground tracks",
        line={"color": COLORS["warn"], "width": 2},
        hoverinfo="skip",
    )
    if sites is not None:
        for role, symbol in (("radar", "diamond"), ("interceptor", "triangle-up")):
            r = sites["role"] == role
            add(
                sites["latitude_deg"][r],
                sites["longitude_deg"][r],
                mode="markers",
                name=f"{role} sites",
                text=sites["name"][r],
                marker={"symbol": symbol, "size": 9, "color": COLORS["track"]},
                hovertemplate="%{text}<extra></extra>",
            )
    if assets is not None:
        add(
            assets["latitude_deg"],
            assets["longitude_deg"],
            mode="markers",
            name="defended areas",
            text=[
                f"{n}: {p:,} people"
                for n, p in zip(assets["name"], assets["population"].tolist(), strict=True)
            ],
            marker={
                "symbol": "circle-open",
                "size": 13,
                "color": COLORS["good"],
                "line": {"width": 2},
            },
            hovertemplate="%{text}<extra></extra>",
        )
    if shots is not None:
        kill = shots["kill"]
        for layer, colour in LAYER_COLORS.items():
            mine = kill & (shots["layer"] == layer)
            lat, lon, n = gathered(
                shots["intercept_latitude_deg"][mine], shots["intercept_longitude_deg"][mine]
            )
            if n.size:
                add(
                    lat,
                    lon,
                    mode="markers",
                    name=f"{layer} intercepts",
                    customdata=n,
                    marker={"size": 4 + 2 * np.log1p(n), "color": colour, "opacity": 0.7},
                    hovertemplate="%{customdata} killing shots<extra></extra>",
                )
        short = kill & (shots["layer"] == "boost") & shots["payload_landed"]
        lat, lon, n = gathered(
            shots["payload_latitude_deg"][short], shots["payload_longitude_deg"][short]
        )
        if n.size:
            add(
                lat,
                lon,
                mode="markers",
                name="boost-phase shortfall (payload lands)",
                customdata=n,
                marker={"symbol": "square", "size": 4 + 2 * np.log1p(n), "color": COLORS["cost"]},
                hovertemplate="%{customdata} payloads of boost kills<extra></extra>",
            )
    if fates is not None:
        leak = fates.leaked > 0
        add(
            fates.impact_latitude_deg[leak],
            fates.impact_longitude_deg[leak],
            mode="markers",
            name="warheads leaking (share of trials)",
            customdata=fates.leaked[leak],
            text=fates.asset[leak],
            marker={
                "symbol": "x",
                "size": 8 + 16 * np.sqrt(fates.leaked[leak]),
                "color": COLORS["bad"],
            },
            hovertemplate="%{text}: leaks in %{customdata:.1%} of trials<extra></extra>",
        )
    lat_all = np.array([v for t in traces for v in t["lat"] if v is not None], float)
    lon_all = np.array([v for t in traces for v in t["lon"] if v is not None], float)
    fig = go.Figure()
    for t in traces:
        if atlas:
            fig.add_trace(go.Scattergeo(**t))
        else:
            fig.add_trace(go.Scatter(x=t.pop("lon"), y=t.pop("lat"), **t))
    if atlas:
        lat0, lon0, scale = view(lat_all, lon_all) if lat_all.size else (0.0, 0.0, 1.0)
        fig.update_geos(
            projection={
                "type": "azimuthal equidistant",
                "rotation": {"lat": lat0, "lon": lon0},
                "scale": scale,
            },
            center={"lat": lat0, "lon": lon0},
            showland=True,
            landcolor="#e7e2d5",
            showcoastlines=True,
            coastlinecolor="#8a8a8a",
            showocean=False,
            showlakes=False,
            showrivers=False,
            showcountries=False,
            bgcolor="#d8e6f2",
            showframe=False,
            lataxis={"showgrid": True, "gridcolor": "#c3cfdb"},
            lonaxis={"showgrid": True, "gridcolor": "#c3cfdb"},
        )
    else:
        fig.update_xaxes(title_text="longitude (deg)")
        fig.update_yaxes(title_text="latitude (deg)", scaleanchor="x")
    fig.update_layout(legend={"orientation": "h", "y": -0.02})
    return base_layout(fig, title="The raid on the map", height=700)
