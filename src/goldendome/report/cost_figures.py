"""The architecture's life-cycle cost from a run folder's cost tables (constant base-year
dollars): by year and layer, and by category."""

from typing import Any

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from goldendome.report.style import base_layout

Columns = dict[str, np.ndarray[Any, Any]]


def _sum_by(keys: np.ndarray[Any, Any], values: np.ndarray[Any, Any]) -> dict[str, float]:
    names, where = np.unique(keys.astype(str), return_inverse=True)
    sums = np.bincount(where, weights=values, minlength=names.size)
    return dict(zip(names.tolist(), sums.tolist(), strict=True))


def cost_figure(cost: Columns, base_year: int) -> go.Figure:
    """Cost per calendar year stacked by cost layer, and the horizon's total by category.

    Parameters
    ----------
    cost : columns of the ``cost`` table
    base_year : int
        The dollars' year (axis titles).
    """
    usd = np.asarray(cost["cost_usd"], float)
    years = np.unique(cost["year"])
    fig = make_subplots(
        rows=1,
        cols=2,
        column_widths=[0.65, 0.35],
        subplot_titles=("By year and layer", "Over the horizon, by category"),
    )
    totals = _sum_by(cost["layer"], usd)
    for layer in sorted(totals, key=totals.__getitem__, reverse=True):
        mine = cost["layer"] == layer
        per_year = np.array([usd[mine & (cost["year"] == y)].sum() for y in years]) / 1e9
        fig.add_bar(
            x=years,
            y=per_year,
            name=layer,
            row=1,
            col=1,
            hovertemplate="%{x}: $%{y:.1f}B<extra>" + layer + "</extra>",
        )
    by_cat = _sum_by(cost["category"], usd)
    cats = sorted(by_cat, key=by_cat.__getitem__)
    fig.add_bar(
        x=[by_cat[c] / 1e9 for c in cats],
        y=cats,
        orientation="h",
        row=1,
        col=2,
        marker_color="#8e5b00",
        showlegend=False,
        hovertemplate="%{y}: $%{x:.1f}B<extra></extra>",
    )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(title_text=f"billions of {base_year} dollars", row=1, col=1)
    fig.update_xaxes(title_text=f"billions of {base_year} dollars", row=1, col=2)
    return base_layout(fig, title="Life-cycle cost", height=420)
