"""Figures of a sweep's analysis: Sobol indices, Morris screening and the Pareto front.

Each builder takes a table as ``goldendome sweep analyze`` stored it
(:mod:`goldendome.results.schemas.sweep_tables`) as a ``pandas.DataFrame`` and draws it;
nothing is estimated here.
"""

from typing import Any

import pandas as pd
import plotly.graph_objects as go

from goldendome.report.style import COLORS, base_layout


def sobol_figure(sobol: pd.DataFrame, output: str) -> go.Figure:
    """One output's Sobol indices: first-order (S1) and total (ST) per input, each with its
    95% bootstrap confidence half-width as an error bar.

    Parameters
    ----------
    sobol : DataFrame
        The ``sweep_sobol`` table (``output``, ``path``, ``s1``, ``s1_conf``, ``st``,
        ``st_conf``).
    output : str
        The output drawn (rows of ``sobol`` whose ``output`` is this).
    """
    mine = sobol[sobol["output"] == output]
    fig = go.Figure()
    for index, name, color in (
        ("s1", "S1 (first order)", COLORS["accent"]),
        ("st", "ST (total)", COLORS["warn"]),
    ):
        fig.add_bar(
            x=mine["path"].tolist(),
            y=mine[index].tolist(),
            error_y={"type": "data", "array": mine[f"{index}_conf"].tolist()},
            name=name,
            marker_color=color,
            hovertemplate="%{x}: %{y:.3f} ± %{error_y.array:.3f}<extra>" + name + "</extra>",
        )
    fig.update_layout(barmode="group")
    fig.update_yaxes(title_text="share of the output's variance (± 95% half-width)")
    return base_layout(fig, title=f"Sobol indices of {output}", height=360)


def morris_figure(morris: pd.DataFrame, output: str) -> go.Figure:
    """One output's Morris screening: each input at (mu*, sigma), mu* with its 95% half-width.

    An input far right matters; one high up acts through interactions or non-linearly; one
    near the origin can be fixed.

    Parameters
    ----------
    morris : DataFrame
        The ``sweep_morris`` table (``output``, ``path``, ``mu_star``, ``mu_star_conf``,
        ``sigma``).
    output : str
        The output drawn.
    """
    mine = morris[morris["output"] == output]
    fig = go.Figure(
        go.Scatter(
            x=mine["mu_star"].tolist(),
            y=mine["sigma"].tolist(),
            error_x={"type": "data", "array": mine["mu_star_conf"].tolist()},
            mode="markers+text",
            text=mine["path"].tolist(),
            textposition="top center",
            cliponaxis=False,
            marker={"size": 12, "color": COLORS["accent"]},
            hovertemplate="%{text}<br>mu* %{x:.4g}, sigma %{y:.4g}<extra></extra>",
            name="inputs",
        )
    )
    fig.update_xaxes(
        title_text="mu* (mean absolute effect over the input's range)", rangemode="tozero"
    )
    fig.update_yaxes(title_text="sigma (spread of the effects)", rangemode="tozero")
    return base_layout(fig, title=f"Morris screening of {output}", height=380, legend=False)


def _hover(row: Any, inputs: dict[str, str]) -> str:
    return f"case {row.case_key}<br>{inputs.get(row.case_key, '')}"


def pareto_figure(pareto: pd.DataFrame, inputs: dict[str, str] | None = None) -> go.Figure:
    """Cost against P(zero leakers) for every complete case: the Pareto front in colour,
    joined in order of cost, the dominated cases grey.

    Parameters
    ----------
    pareto : DataFrame
        The ``sweep_pareto`` table (``case_key``, ``cost_usd``, ``p_zero_leakers``,
        ``on_front``).
    inputs : dict, optional
        Case key -> its inputs in words, for the hover text.
    """
    inputs = inputs or {}
    fig = go.Figure()
    for on, name, color in (
        (False, "dominated", COLORS["muted"]),
        (True, "Pareto front", COLORS["good"]),
    ):
        mine = pareto[pareto["on_front"] == on].sort_values("cost_usd")
        fig.add_scatter(
            x=(mine["cost_usd"] / 1e9).tolist(),
            y=mine["p_zero_leakers"].tolist(),
            mode="lines+markers" if on else "markers",
            line={"color": color, "shape": "hv"} if on else None,
            marker={"size": 10 if on else 8, "color": color},
            text=[_hover(r, inputs) for r in mine.itertuples()],
            hovertemplate="%{text}<br>$%{x:,.2f}B, P(zero leakers) %{y:.3f}<extra></extra>",
            name=name,
        )
    fig.update_xaxes(title_text="20-year cost ($B)")
    fig.update_yaxes(title_text="P(zero leakers)", range=[-0.02, 1.02])
    return base_layout(fig, title="Pareto front: cost against P(zero leakers)", height=420)
