"""Figures of the strategic studies' folders: the timeline by year, the exchange's step curve
and the partners' contributions and protection (plotly, from the stored tables' columns)."""

from typing import Any

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from goldendome.report.style import COLORS, base_layout

Columns = dict[str, np.ndarray[Any, Any]]

#: Colours of the partners' contribution kinds.
KIND_COLORS = {
    "share": COLORS["accent"],
    "own": COLORS["good"],
    "programme": COLORS["cost"],
    "hosted": COLORS["muted"],
}


def changing_elements(fielding: Columns) -> list[str]:
    """Elements whose units in service change over the years (in the table's order)."""
    names = list(dict.fromkeys(fielding["element"].tolist()))
    out = []
    for name in names:
        counts = fielding["fielded"][fielding["element"] == name]
        if counts.size and counts.max() > counts.min():
            out.append(name)
    return out


def _interval(
    p: np.ndarray[Any, Any], low: np.ndarray[Any, Any], high: np.ndarray[Any, Any]
) -> dict[str, Any]:
    return {"type": "data", "symmetric": False, "array": high - p, "arrayminus": p - low}


def timeline_figure(years: Columns, fielding: Columns, base_year: int) -> go.Figure:
    """Three panels over the years: spending on new elements (then-year and constant dollars,
    with the budget), units in service of each element that changes, and P(zero leakers)
    with its 95% interval.

    Parameters
    ----------
    years : columns of ``timeline_years``
    fielding : columns of ``timeline_fielding``
    base_year : int
        The constant dollars' year.
    """
    year = years["year"]
    fig = make_subplots(
        rows=3,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.08,
        row_heights=[0.36, 0.34, 0.30],
        subplot_titles=(
            "Spending on new elements",
            "Units in service at the year's end",
            "P(zero leakers) against the scenario's raid",
        ),
    )
    fig.add_bar(
        x=year,
        y=years["spend_then_year_usd"] / 1e9,
        name="spent, then-year $",
        marker_color=COLORS["cost"],
        hovertemplate="%{x}: $%{y:.2f}B then-year<extra></extra>",
        row=1,
        col=1,
    )
    fig.add_bar(
        x=year,
        y=years["spend_usd"] / 1e9,
        name=f"spent, {base_year} $",
        marker_color="#d4a24c",
        hovertemplate=f"%{{x}}: $%{{y:.2f}}B of {base_year}<extra></extra>",
        row=1,
        col=1,
    )
    fig.add_scatter(
        x=year,
        y=years["budget_then_year_usd"] / 1e9,
        name="budget, then-year $",
        mode="lines+markers",
        line={"color": COLORS["track"], "dash": "dash"},
        hovertemplate="%{x}: budget $%{y:.2f}B then-year<extra></extra>",
        row=1,
        col=1,
    )
    for name in changing_elements(fielding):
        mine = fielding["element"] == name
        fig.add_scatter(
            x=fielding["year"][mine],
            # None of an element is a gap on the log axis, not a fall to zero.
            y=np.where(fielding["fielded"][mine] > 0, fielding["fielded"][mine], np.nan),
            name=name,
            mode="lines+markers",
            hovertemplate="%{x}: %{y:,.0f} in service<extra>" + name + "</extra>",
            row=2,
            col=1,
        )
    p = np.asarray(years["p_zero_leakers"], float)
    ran = np.isfinite(p)
    if ran.any():
        fig.add_scatter(
            x=year[ran],
            y=p[ran],
            name="P(zero leakers)",
            mode="lines+markers",
            line={"color": COLORS["good"]},
            error_y=_interval(
                p[ran], years["p_zero_leakers_low"][ran], years["p_zero_leakers_high"][ran]
            ),
            hovertemplate="%{x}: %{y:.3f}<extra>P(zero leakers)</extra>",
            row=3,
            col=1,
        )
    else:
        fig.add_annotation(
            text="no kill-chain runs (--no-runs)",
            showarrow=False,
            xref="paper",
            yref="paper",
            x=0.5,
            y=0.12,
        )
    fig.update_layout(barmode="group")
    fig.update_yaxes(title_text="$B", row=1, col=1)
    fig.update_yaxes(title_text="units", type="log", row=2, col=1)
    fig.update_yaxes(title_text="P(0)", range=[0, 1.05], row=3, col=1)
    # The years' span on every panel: an empty panel (no runs) would otherwise stretch the
    # shared axis to plotly's default range.
    span = [float(year.min()) - 0.5, float(year.max()) + 0.5] if year.size else None
    fig.update_xaxes(range=span)
    fig.update_xaxes(dtick=1, row=3, col=1)
    return base_layout(fig, title="The timeline by year", height=760)


def exchange_figure(curve: Columns, growth: str) -> go.Figure:
    """Both sides' cumulative spending as the raid grows along an arsenal projection: the
    offense's on its added missiles, the defense's on its cheapest answer (to buy, and over
    the life cycle), against the missiles in the raid.

    Parameters
    ----------
    curve : columns of ``exchange_curve``
    growth : str
        The projection's name (title).
    """
    x = curve["missiles"]
    years = curve["year"]
    fig = go.Figure()
    for name, values, style in (
        ("offense: added missiles", curve["offense_usd"], {"color": COLORS["bad"]}),
        ("defense: answer, to buy", curve["defense_acquisition_usd"], {"color": COLORS["accent"]}),
        (
            "defense: answer, life cycle",
            curve["defense_life_cycle_usd"],
            {"color": COLORS["accent"], "dash": "dot"},
        ),
    ):
        usd = np.asarray(values, float)
        fig.add_scatter(
            x=x,
            # Log axis: the offense's millions beside the defense's billions; nothing spent
            # (today's raid, no answer needed) is a gap.
            y=np.where(usd > 0, usd / 1e9, np.nan),
            customdata=years,
            name=name,
            mode="lines+markers",
            line=style,
            hovertemplate="%{customdata}: %{x} missiles, $%{y:.2f}B<extra>" + name + "</extra>",
        )
    fig.update_xaxes(title_text="missiles in the raid (a point a year)")
    fig.update_yaxes(title_text="cumulative spending from today, $B", type="log")
    return base_layout(fig, title=f"Exchange curve: the raid grows as {growth}", height=420)


def contributions_figure(lines: Columns, partner: str) -> go.Figure:
    """What a partner pays, line by line (shares, own elements, programmes), and the value of
    what it hosts, in billions of constant dollars."""
    mine = lines["partner"] == partner
    kind, what = lines["kind"][mine], lines["what"][mine]
    paid = np.where(kind == "hosted", lines["hosted_value_usd"][mine], lines["paid_usd"][mine])
    fig = go.Figure()
    for k, color in KIND_COLORS.items():
        sel = kind == k
        if not sel.any():
            continue
        label = "hosted (value, not paid)" if k == "hosted" else k
        fig.add_bar(
            x=paid[sel] / 1e9,
            y=what[sel],
            orientation="h",
            name=label,
            marker_color=color,
            hovertemplate="%{y}: $%{x:.2f}B<extra>" + label + "</extra>",
        )
    fig.update_xaxes(title_text="billions of constant dollars")
    fig.update_yaxes(automargin=True)
    return base_layout(fig, title=f"{partner}: what it pays for and hosts", height=360)


def protection_figure(outcomes: Columns) -> go.Figure:
    """P(zero leakers) with its 95% interval: the scenario's raid on the US with and without
    each partner's elements, beside the raid on the partner's own territory."""
    fig = go.Figure()
    for partner in dict.fromkeys(outcomes["partner"].tolist()):
        mine = outcomes["partner"] == partner
        p = np.asarray(outcomes["p_zero_leakers"][mine], float)
        labels = [
            f"{r} ({a})"
            for r, a in zip(outcomes["raid"][mine], outcomes["architecture"][mine], strict=True)
        ]
        fig.add_bar(
            x=labels,
            y=p,
            name=partner,
            marker_color=[
                COLORS["accent"] if c.startswith("us_") else COLORS["good"]
                for c in outcomes["case"][mine]
            ],
            error_y=_interval(
                p, outcomes["p_zero_leakers_low"][mine], outcomes["p_zero_leakers_high"][mine]
            ),
            hovertemplate="%{x}: P(zero leakers) %{y:.3f}<extra>" + partner + "</extra>",
        )
    fig.update_yaxes(title_text="P(zero leakers)", range=[0, 1.05])
    return base_layout(fig, title="Protection: the US and the partner's own territory", height=400)
