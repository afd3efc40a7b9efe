"""The space-based interceptor layer by latitude, from what a run stores.

A run folder keeps no coverage grid, but two stored tables say how the SBI layer's reach
varies with latitude: ``site_coverage`` (SBIs above each site's elevation mask over the
window: mean, least and most, at the site's latitude), and ``boost_windows`` (SBIs able to
intercept each missile after the commit, in each trial, at the missile's launch latitude).
A ``goldendome size`` folder stores the mean in reach by launch latitude itself
(``sizing_latitudes``), drawn by :func:`sizing_latitude_figure`.
"""

from typing import Any

import numpy as np
import plotly.graph_objects as go

from goldendome.report.style import COLORS, LAYER_COLORS, base_layout

Columns = dict[str, np.ndarray[Any, Any]]


def sbi_latitude_figure(
    layer_name: str,
    latitude_max_deg: float,
    site_latitude_deg: np.ndarray[Any, Any],
    site_in_view: np.ndarray[Any, Any],
    site_names: np.ndarray[Any, Any],
    launch_latitude_deg: np.ndarray[Any, Any] | None = None,
    in_reach: np.ndarray[Any, Any] | None = None,
    threat_names: list[str] | None = None,
) -> go.Figure:
    """SBIs in view of each site and in reach of each missile, against latitude.

    Parameters
    ----------
    layer_name : str
    latitude_max_deg : float
        The layer's highest latitude (a dotted line each side).
    site_latitude_deg : (n_site,) float
    site_in_view : (3, n_site) float
        Rows: mean, least and most
        SBIs above the site's mask over the window.
    site_names : (n_site,) str
    launch_latitude_deg : (n_threat,) float, optional
    in_reach : (3, n_threat) float, optional
        Rows: mean, least and most
        SBIs in reach of each missile after the commit, over the trials.
    threat_names : list of str, optional
    """
    mean, lo, hi = site_in_view
    fig = go.Figure()
    fig.add_scatter(
        x=site_latitude_deg,
        y=mean,
        mode="markers",
        name="in view of a site (mean, min-max)",
        error_y={"type": "data", "symmetric": False, "array": hi - mean, "arrayminus": mean - lo},
        text=site_names,
        marker={"color": COLORS["track"], "size": 8},
        hovertemplate="%{text}<br>lat %{x:.1f}°: %{y:.1f} SBIs in view<extra></extra>",
    )
    if launch_latitude_deg is not None and in_reach is not None:
        m, a, b = in_reach
        fig.add_scatter(
            x=launch_latitude_deg,
            y=m,
            mode="markers",
            name="in reach of a missile in boost (mean, min-max over trials)",
            error_y={"type": "data", "symmetric": False, "array": b - m, "arrayminus": m - a},
            text=threat_names,
            marker={"color": LAYER_COLORS["boost"], "size": 10, "symbol": "star"},
            hovertemplate="%{text}<br>launch lat %{x:.1f}°: %{y:.1f} SBIs in reach<extra></extra>",
        )
    for sign in (-1, 1):
        fig.add_vline(x=sign * latitude_max_deg, line_dash="dot", line_color=COLORS["muted"])
    fig.update_xaxes(title_text="latitude (deg)", range=[-90, 90])
    fig.update_yaxes(title_text=f"{layer_name} satellites")
    fig.update_layout(legend={"orientation": "h", "y": -0.2})
    return base_layout(
        fig,
        title=f"SBI layer by latitude (dotted: the layer's reach, ±{latitude_max_deg:.1f}°)",
        height=420,
    )


def sizing_latitude_figure(latitudes: Columns) -> go.Figure:
    """A ``goldendome size`` folder's mean satellites in reach by launch latitude."""
    fig = go.Figure(
        go.Scatter(
            x=latitudes["latitude_deg"],
            y=latitudes["mean_in_reach"],
            mode="lines+markers",
            line={"color": LAYER_COLORS["boost"]},
            hovertemplate="lat %{x:.1f}°: %{y:.2f} in reach<extra></extra>",
        )
    )
    fig.update_xaxes(title_text="launch latitude (deg)")
    fig.update_yaxes(title_text="satellites in reach, mean")
    return base_layout(
        fig, title="The best constellation's reach by latitude", height=360, legend=False
    )
