"""The parameter band: P(zero leakers) over what is not known, and the inputs that move it.

A run whose scenario gives parameters as ranges stores each trial's draws
(``trial_parameters``); the run summary fits the trials' outcomes on them
(:mod:`goldendome.results.parameter_band`, docs/uncertainty.md) and gives the band (10th to
90th percentile of the fitted P(zero leakers) over the draws) and its drivers (each input at
its 10th and 90th percentile, the others at their means, with the z-score of its
coefficient). This module draws the drivers as a tornado and words the band; it fits
nothing itself.
"""

from typing import Any

import plotly.graph_objects as go

from goldendome.report.html_table import table
from goldendome.report.style import COLORS, base_layout

#: Below this size a driver's z-score does not tell its swing from the trials' noise.
NOISE_Z = 2.0


def is_noise(driver: dict[str, Any]) -> bool:
    """Whether a driver's swing is within the trials' noise (``|z| < 2``)."""
    return bool(abs(float(driver["z_score"])) < NOISE_Z)


def _label(driver: dict[str, Any]) -> str:
    return str(driver["parameter"]) + (" (noise)" if is_noise(driver) else "")


def tornado_figure(band: dict[str, Any], p_zero_leakers: float) -> go.Figure:
    """Each driver's swing in P(zero leakers) from its 10th to its 90th percentile.

    Parameters
    ----------
    band : dict
        The run summary's ``kill_chain.parameter_band`` (``drivers``, largest swing first).
    p_zero_leakers : float
        The run's P(zero leakers), drawn as the line the swings are read against.

    Returns
    -------
    plotly.graph_objects.Figure
        One horizontal bar per driver (largest swing on top), from the lower to the higher
        of its two fitted values: green where raising the input raises P(zero leakers), red
        where it lowers it, grey (and "(noise)" in its name) where ``|z| < 2``.
    """
    drivers = list(reversed(band["drivers"]))  # plotly draws the first category lowest
    names = [_label(d) for d in drivers]
    at_low = [float(d["p_zero_leakers"][0]) for d in drivers]
    at_high = [float(d["p_zero_leakers"][1]) for d in drivers]
    colors = [
        COLORS["muted"] if is_noise(d) else (COLORS["good"] if hi >= lo else COLORS["bad"])
        for d, lo, hi in zip(drivers, at_low, at_high, strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            y=names,
            x=[abs(hi - lo) for lo, hi in zip(at_low, at_high, strict=True)],
            base=[min(lo, hi) for lo, hi in zip(at_low, at_high, strict=True)],
            orientation="h",
            marker_color=colors,
            customdata=[
                [d["low"], d["high"], lo, hi, d["z_score"]]
                for d, lo, hi in zip(drivers, at_low, at_high, strict=True)
            ],
            hovertemplate=(
                "%{y}<br>at %{customdata[0]:.4g}: %{customdata[2]:.3f}"
                "<br>at %{customdata[1]:.4g}: %{customdata[3]:.3f}"
                "<br>z = %{customdata[4]:+.1f}<extra></extra>"
            ),
            name="swing",
        )
    )
    fig.add_vline(
        x=p_zero_leakers,
        line={"color": COLORS["track"], "dash": "dot"},
        annotation_text=f"run {p_zero_leakers:.3f}",
    )
    fig.update_xaxes(title_text="P(zero leakers), input at its 10th → 90th percentile")
    fig.update_yaxes(automargin=True)
    return base_layout(
        fig,
        title="What moves P(zero leakers): the drivers (grey: |z| < 2, noise)",
        height=120 + 40 * len(drivers),
        legend=False,
    )


def band_sentence(band: dict[str, Any], n_parameters: int) -> str:
    """The band in words, to stand beside the sampling interval."""
    lo, hi = band["p_zero_leakers"]
    leak_lo, leak_hi = band["expected_leakers"]
    return (
        f"Over the parameter ranges ({n_parameters} inputs drawn per trial), P(zero leakers) "
        f"spans {lo:.3f}-{hi:.3f} and expected leakers {leak_lo:.2f}-{leak_hi:.2f} (10th-90th "
        "percentile of the fitted chance over the draws, the fit's own noise taken out; the "
        "95% interval is sampling only)."
    )


def drivers_table(band: dict[str, Any]) -> str:
    """The drivers as a table, as docs/uncertainty.md prints them."""
    return table(
        ["input", "range (10th-90th)", "P(zero leakers)", "expected leakers", "z"],
        [
            [
                str(d["parameter"]),
                f"{d['low']:.4g}-{d['high']:.4g}",
                f"{d['p_zero_leakers'][0]:.3f} → {d['p_zero_leakers'][1]:.3f}",
                f"{d['expected_leakers'][0]:.2f} → {d['expected_leakers'][1]:.2f}",
                f"{d['z_score']:+.1f}" + (" (noise)" if is_noise(d) else ""),
            ]
            for d in band["drivers"]
        ],
        "Drivers of the band (each input at its 10th and 90th percentile, the others at "
        "their means; |z| < 2 is not told from the trials' noise)",
    )
