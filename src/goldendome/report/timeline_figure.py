"""Per-threat timeline: flight, boost-phase window, detection and tracking, shots and
intercepts, on the scenario clock.

One row per missile of the raid. The flight runs from launch to impact (the boost phase
drawn thicker); the SBI engagement window (``sbi_threats``) as a band; detection, firm track
and fire control (``threat_timelines``, stored after launch) as markers; and every shot of
every trial (``engagements``) as its interceptor's launch and its intercept, gathered into
5-second bins whose marker size grows with the share of trials.
"""

from typing import Any

import numpy as np
import plotly.graph_objects as go

from goldendome.report.outcomes import LAYERS
from goldendome.report.style import COLORS, LAYER_COLORS, base_layout

#: Shots are gathered into bins of this many seconds for the chart.
BIN_S = 5.0
#: Most missiles drawn (rows); a larger raid shows its first ones and says so.
MAX_ROWS = 60
Columns = dict[str, np.ndarray[Any, Any]]


def threat_labels(threats: Columns) -> list[str]:
    """``#0 hwasong-18-class -> washington`` for each missile."""
    return [
        f"#{i} {c} → {t}"
        for i, c, t in zip(
            threats["threat_id"].tolist(),
            threats["threat_class"].tolist(),
            threats["target"].tolist(),
            strict=True,
        )
    ]


def _segments(
    y: list[str], x0: np.ndarray[Any, Any], x1: np.ndarray[Any, Any]
) -> tuple[list[Any], list[Any]]:
    """Line segments (x0 -> x1 on row y) as one trace's x and y, separated by None."""
    xs: list[Any] = []
    ys: list[Any] = []
    for label, a, b in zip(y, x0.tolist(), x1.tolist(), strict=True):
        if np.isfinite(a) and np.isfinite(b):
            xs += [a, b, None]
            ys += [label, label, None]
    return xs, ys


def timeline_figure(
    threats: Columns,
    timelines: Columns | None = None,
    sbi_threats: Columns | None = None,
    shots: Columns | None = None,
    trials: int = 0,
) -> go.Figure:
    """The raid's timeline (see the module's description).

    Parameters
    ----------
    threats : columns of the ``threats`` table
    timelines : columns of ``threat_timelines``, optional
    sbi_threats : columns of ``sbi_threats``, optional
    shots : columns of ``engagements``, optional
    trials : int
        Trials behind ``shots`` (marker sizes are shares of them).
    """
    keep = threats["threat_id"] < MAX_ROWS
    threats = {k: v[keep] for k, v in threats.items()}
    labels = threat_labels(threats)
    launch = np.asarray(threats["launch_time_s"], float)
    fig = go.Figure()
    xs, ys = _segments(labels, launch, np.asarray(threats["impact_time_s"], float))
    fig.add_scatter(
        x=xs, y=ys, mode="lines", line={"color": COLORS["muted"], "width": 3}, name="flight"
    )
    xs, ys = _segments(labels, launch, np.asarray(threats["burnout_time_s"], float))
    fig.add_scatter(
        x=xs, y=ys, mode="lines", line={"color": COLORS["warn"], "width": 9}, name="boost"
    )
    if sbi_threats is not None:
        row = np.searchsorted(threats["threat_id"], sbi_threats["threat_id"])
        ok = row < len(labels)
        xs, ys = _segments(
            [labels[i] for i in row[ok]],
            launch[row[ok]] + sbi_threats["window_start_s"][ok],
            launch[row[ok]] + sbi_threats["window_end_s"][ok],
        )
        fig.add_scatter(
            x=xs,
            y=ys,
            mode="lines",
            line={"color": LAYER_COLORS["boost"], "width": 4},
            opacity=0.6,
            name="SBI window (commit to deadline)",
        )
    if timelines is not None:
        row = np.searchsorted(threats["threat_id"], timelines["threat_id"])
        ok = row < len(labels)
        for column, name, symbol in (
            ("first_detection_s", "first detection", "circle"),
            ("firm_track_s", "firm track", "square"),
            ("fire_control_s", "fire-control track", "diamond"),
        ):
            t = launch[row[ok]] + np.asarray(timelines[column], float)[ok]
            fin = np.isfinite(t)
            fig.add_scatter(
                x=t[fin],
                y=[labels[i] for i in row[ok][fin]],
                mode="markers",
                name=name,
                marker={
                    "symbol": symbol,
                    "size": 9,
                    "color": COLORS["track"],
                    "line": {"width": 1, "color": "white"},
                },
                hovertemplate="%{y}<br>" + name + " at %{x:.0f} s<extra></extra>",
            )
    if shots is not None and trials:
        _add_shots(fig, shots, labels, trials)
    fig.update_xaxes(title_text="time on the scenario clock (s after the epoch)")
    fig.update_yaxes(
        autorange="reversed", type="category", categoryorder="array", categoryarray=labels
    )
    return base_layout(fig, title="Per-threat timeline", height=160 + 34 * len(labels))


def _add_shots(fig: go.Figure, shots: Columns, labels: list[str], trials: int) -> None:
    """Shots' launches and intercepts, binned, as markers sized by their share of trials."""
    aimed = (shots["threat_id"] >= 0) & (shots["threat_id"] < len(labels))
    for layer in LAYERS:
        mine = aimed & (shots["layer"] == layer)
        if not mine.any():
            continue
        for column, verb, plural, symbol in (
            ("launch_time_s", "launch", "launches", "triangle-right"),
            ("intercept_time_s", "intercept", "intercepts", "x"),
        ):
            t = np.round(np.asarray(shots[column], float)[mine] / BIN_S) * BIN_S
            who = shots["threat_id"][mine]
            key, count = np.unique(np.stack([who, t], axis=1), axis=0, return_counts=True)
            share = count / trials
            fig.add_scatter(
                x=key[:, 1],
                y=[labels[int(i)] for i in key[:, 0]],
                mode="markers",
                name=f"{layer} {plural}",
                marker={
                    "symbol": symbol,
                    "color": LAYER_COLORS[layer],
                    "size": 5 + 10 * np.sqrt(np.minimum(share, 1.0)),
                    "opacity": 0.8,
                },
                customdata=share,
                hovertemplate="%{y}<br>"
                + f"{layer} interceptor {verb}"
                + " at %{x:.0f} s<br>%{customdata:.2f} per trial<extra></extra>",
            )
