"""The boost-phase engagement windows per threat class, as the run summary gives them."""

from typing import Any

from rich.console import Console
from rich.table import Table


def _span(stat: dict[str, float | None]) -> str:
    """``mean (min-max)`` in whole seconds, or ``-`` when there is none."""
    mean, low, high = stat.get("mean"), stat.get("min"), stat.get("max")
    if mean is None or low is None or high is None:
        return "-"
    if round(low) == round(high):
        return f"{mean:.0f}"
    return f"{mean:.0f} ({low:.0f}-{high:.0f})"


def print_windows(console: Console, windows: list[dict[str, Any]] | None) -> None:
    """One row per threat class: report, commit, deadline, window, SBIs in reach."""
    if not windows:
        return
    table = Table(
        title="Boost-phase engagement windows (s after launch; mean, and range over trials)"
    )
    for column in (
        "threat class", "first report", "commit", "deadline", "window", "SBIs in reach",
        "enough SBIs",
    ):  # fmt: skip
        table.add_column(column, justify="left" if column == "threat class" else "right")
    for w in windows:
        table.add_row(
            f"{w['threat_class']} (x{w['missiles']})",
            _span(w["first_report_s"]),
            _span(w["commit_s"]),
            _span(w["deadline_s"]),
            _span(w["window_s"]),
            _span(w["sbis_in_reach"]),
            f"{w['p_enough_in_reach']:.0%}",
        )
    console.print(table)
    console.print(
        "The window opens at the commit (the first sensor report in the trial's boost sample "
        "plus the decision delay) and closes at the deadline; 'enough SBIs' is the share of "
        "trials in which a missile had as many SBIs in reach as the boost doctrine's shots "
        "(boost_windows/)."
    )


def print_shortfall(console: Console, shortfall: dict[str, Any] | None) -> None:
    """Where the warheads of boosters killed before burnout land, per trial."""
    if not shortfall or not shortfall.get("warheads"):
        return
    places = ", ".join(
        f"{'open sea' if w['country'] == 'sea' else w['country']} {w['share']:.0%}"
        for w in shortfall["killing_shots_by_country"]
    )
    counted = (
        'counted as leakers when on populated land (\\[sbi] shortfall = "detonates")'
        if shortfall["counted_as_leakers"]
        else 'counted apart, not as leakers (\\[sbi] shortfall = "reported")'
    )
    console.print(
        f"Boost-phase shortfall: a booster killed before burnout still drops its payload. Per "
        f"trial {shortfall['warheads']:.2f} such warheads land, {shortfall['on_land']:.2f} on "
        f"land, {shortfall['on_us_or_ally']:.2f} on US or allied territory, "
        f"{shortfall['on_populated_land']:.2f} on populated land (a place of 1,000 people or "
        f"more within 25 km; P(any) {shortfall['p_any_on_populated_land']:.3f}, "
        f"{shortfall['people_near']:,.0f} people near them); {counted}. Where the killing "
        f"shots' payloads fall: {places} (engagements/payload_*)."
    )
