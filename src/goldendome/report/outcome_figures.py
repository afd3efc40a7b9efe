"""Figures of the Monte Carlo's outcome: P(zero leakers), kills by layer and by threat class,
interceptors fired and what they cost.

Each builder takes plain data (the run summary's ``kill_chain`` entry, the stored tables) and
returns a ``plotly.graph_objects.Figure``; nothing is computed here that the summary or
:mod:`goldendome.report.outcomes` does not already give.
"""

from typing import Any

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from goldendome.report.outcomes import LAYERS
from goldendome.report.style import COLORS, LAYER_COLORS, base_layout


def p_zero_figure(kill_chain: dict[str, Any], leakers: np.ndarray[Any, Any]) -> go.Figure:
    """P(zero leakers) with its 95% Wilson interval and, where the run has one, its parameter
    band (10th-90th percentile over the ranged inputs) beside it; and the spread of leakers
    per trial.

    Parameters
    ----------
    kill_chain : dict
        The run summary's ``kill_chain`` entry (``p_zero_leakers``, ``p_zero_leakers_95``,
        ``trials``, and ``parameter_band`` when the scenario gave ranges).
    leakers : (n_trial,) int
        Leakers in each trial (the ``trials`` table).
    """
    p = float(kill_chain["p_zero_leakers"])
    lo, hi = (float(v) for v in kill_chain["p_zero_leakers_95"])
    fig = make_subplots(
        rows=1,
        cols=2,
        column_widths=[0.35, 0.65],
        subplot_titles=("P(zero leakers): sampling and band", "Leakers per trial"),
    )
    fig.add_trace(
        go.Scatter(
            x=["95% interval"],
            y=[p],
            error_y={"type": "data", "symmetric": False, "array": [hi - p], "arrayminus": [p - lo]},
            mode="markers",
            marker={"size": 14, "color": COLORS["good"]},
            hovertemplate=f"P = {p:.3f}<br>95%: {lo:.3f}-{hi:.3f}<extra></extra>",
            name="P(zero leakers)",
        ),
        row=1,
        col=1,
    )
    band = kill_chain.get("parameter_band")
    if band:
        b_lo, b_hi = (float(v) for v in band["p_zero_leakers"])
        fig.add_trace(
            go.Scatter(
                x=["parameter band", "parameter band"],
                y=[b_lo, b_hi],
                mode="lines+markers",
                line={"color": COLORS["warn"], "width": 6},
                marker={"size": 12, "color": COLORS["warn"], "symbol": "line-ew-open"},
                hovertemplate=f"over the ranges: {b_lo:.3f}-{b_hi:.3f} (P10-P90)<extra></extra>",
                name="parameter band",
            ),
            row=1,
            col=1,
        )

    counts = np.bincount(np.asarray(leakers, int)) if leakers.size else np.zeros(1, int)
    fig.add_trace(
        go.Bar(
            x=np.arange(counts.size),
            y=counts / max(leakers.size, 1),
            marker_color=COLORS["bad"],
            hovertemplate="%{x} leakers: %{y:.1%} of trials<extra></extra>",
            name="share of trials",
        ),
        row=1,
        col=2,
    )
    fig.update_yaxes(range=[0, 1.02], title_text="probability", row=1, col=1)
    fig.update_yaxes(tickformat=".0%", title_text="share of trials", row=1, col=2)
    fig.update_xaxes(title_text="warheads reaching a defended area", dtick=1, row=1, col=2)
    return base_layout(fig, height=340, legend=False)


def kills_by_layer_figure(kill_chain: dict[str, Any]) -> go.Figure:
    """Mean kills per trial in each layer (with their standard errors), and what got through."""
    k = kill_chain["kills_by_layer"]
    rows = [
        ("boost: missiles", k["boost_missiles"], LAYER_COLORS["boost"]),
        ("boost: their warheads", k["boost_rvs"], LAYER_COLORS["boost"]),
        ("midcourse: warheads", k["midcourse_rvs"], LAYER_COLORS["midcourse"]),
        ("terminal: warheads", k["terminal_rvs"], LAYER_COLORS["terminal"]),
        ("warheads through", kill_chain["expected_rvs_through"], COLORS["bad"]),
    ]
    fig = go.Figure(
        go.Bar(
            x=[r[0] for r in rows],
            y=[_num(r[1]["mean"]) for r in rows],
            error_y={"type": "data", "array": [_num(r[1]["stderr"]) for r in rows]},
            marker_color=[r[2] for r in rows],
            hovertemplate="%{x}: %{y:.2f} per trial<extra></extra>",
        )
    )
    fig.update_yaxes(title_text="mean per trial (± standard error)")
    return base_layout(fig, title="Kills by layer", height=340, legend=False)


def kills_by_class_figure(rows: list[dict[str, Any]]) -> go.Figure:
    """Per threat class, its warheads' mean fates per trial, stacked: killed in each layer,
    then surviving (leaked into a defended area, or falling elsewhere).

    Parameters
    ----------
    rows : list of dict
        :func:`goldendome.report.outcomes.by_class`.
    """
    names = [f"{r['threat_class']} ({r['warheads']} warheads)" for r in rows]
    fig = go.Figure()
    for layer in LAYERS:
        fig.add_bar(
            x=names,
            y=[r[layer] for r in rows],
            name=f"killed in {layer}",
            marker_color=LAYER_COLORS[layer],
        )
    fig.add_bar(x=names, y=[r["leaked"] for r in rows], name="leaked", marker_color=COLORS["bad"])
    fig.add_bar(
        x=names,
        y=[r["survived"] - r["leaked"] for r in rows],
        name="survived, outside defended areas",
        marker_color=COLORS["muted"],
    )
    fig.update_layout(barmode="stack")
    fig.update_traces(hovertemplate="%{x}<br>%{y:.2f} per trial<extra>%{fullData.name}</extra>")
    fig.update_yaxes(title_text="warheads per trial")
    return base_layout(fig, title="Kills by threat class", height=360)


def interceptors_figure(
    fired: dict[str, dict[str, float]], unit_cost_usd: dict[str, float]
) -> go.Figure:
    """Rounds fired per trial by interceptor type, and what they cost at the run's unit costs.

    Parameters
    ----------
    fired : dict
        Type -> ``{"mean", "stderr"}`` rounds per trial (the summary's ``interceptors_fired``).
    unit_cost_usd : dict
        Type -> cost of one round (the ``interceptor_types`` table).
    """
    names = list(fired)
    means = [_num(fired[n]["mean"]) for n in names]
    cost = [m * unit_cost_usd.get(n, np.nan) / 1e6 for n, m in zip(names, means, strict=True)]
    fig = make_subplots(
        rows=1, cols=2, subplot_titles=("Rounds fired per trial", "Their cost per trial ($M)")
    )
    fig.add_bar(
        x=names,
        y=means,
        error_y={"type": "data", "array": [_num(fired[n]["stderr"]) for n in names]},
        marker_color=COLORS["accent"],
        hovertemplate="%{x}: %{y:.2f} rounds<extra></extra>",
        row=1,
        col=1,
    )
    fig.add_bar(
        x=names,
        y=cost,
        marker_color=COLORS["cost"],
        hovertemplate="%{x}: $%{y:,.1f}M<extra></extra>",
        row=1,
        col=2,
    )
    return base_layout(fig, height=340, legend=False)


def _num(value: Any) -> float:
    """A summary number (None for NaN in the JSON-safe summary) as a float."""
    return float("nan") if value is None else float(value)
