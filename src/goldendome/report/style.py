"""The report's look: colours and the layout every figure shares."""

from typing import Any

COLORS = {
    "good": "#1b7f3b",
    "bad": "#c0392b",
    "accent": "#2563eb",
    "cost": "#8e5b00",
    "muted": "#9aa5b1",
    "track": "#475569",
    "warn": "#e67e22",
}
LAYER_COLORS = {"boost": "#7c3aed", "midcourse": "#2563eb", "terminal": "#0891b2"}
#: Plotly's own config for every figure: no logo, no link to plotly's servers.
CONFIG = {"displaylogo": False, "responsive": True, "showLink": False, "showSendToCloud": False}


def base_layout(fig: Any, *, title: str = "", height: int = 360, legend: bool = True) -> Any:
    """Apply the shared layout (margins, font) to ``fig`` and return it. The page gives every
    figure plotly's ``plotly_white`` template once (:mod:`goldendome.report.page`), rather
    than each figure carrying its own copy."""
    fig.update_layout(
        title={"text": title} if title else None,
        height=height,
        template="none",  # the page supplies plotly_white once
        margin={"l": 60, "r": 20, "t": 60 if title else 40, "b": 50},
        font={"family": "system-ui, sans-serif", "size": 12},
        showlegend=legend,
    )
    return fig
