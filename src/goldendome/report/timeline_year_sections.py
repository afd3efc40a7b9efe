"""The timeline study's page: the timeline by year (spending TY and constant, units in
service, P(zero leakers) with its interval) as a figure and a table."""

from goldendome.report import strategy_figures as sf
from goldendome.report.html_table import table
from goldendome.report.section import Section
from goldendome.report.source import ReportSource
from goldendome.report.strategy_common import (
    Columns,
    folder_name,
    head_section,
    missing_sections,
    p_interval,
)


def timeline_sections(src: ReportSource) -> list[Section]:
    """The timeline by year: spending, fielding and the kill chain, as a figure and a table."""
    run = src.run
    f = run.manifest.get("run", {})
    base = int(f.get("base_year", 0))
    head = head_section(
        src,
        f"What is fielded each year within production, launch and budget limits (budget "
        f"profile {f.get('budget', '-')}), what it costs in then-year (TY) and constant {base} "
        "dollars, and P(zero leakers) of each year's architecture against the scenario's raid "
        "(one Monte Carlo run a year, in its own run folder).",
    )
    if not (run.has("timeline_years") and run.has("timeline_fielding")):
        return [head, *missing_sections("Timeline by year", "the years (the study stopped first)")]
    years, fielding = run.columns("timeline_years"), run.columns("timeline_fielding")
    s = Section("Timeline by year")
    s.figure(sf.timeline_figure(years, fielding, base))
    space = [
        n
        for n in sf.changing_elements(fielding)
        if fielding["kind"][fielding["element"] == n][0] == "space"
    ]
    rows = []
    before: dict[str, float] | None = None
    for i, year in enumerate(years["year"].tolist()):
        counts = _counts(fielding, year)
        p, interval = p_interval(
            years["p_zero_leakers"][i],
            years["p_zero_leakers_low"][i],
            years["p_zero_leakers_high"][i],
        )
        same = int(years["same_as_year"][i])
        new = _new_in_service(fielding, year, before)
        before = counts
        rows.append(
            [
                str(year),
                float(years["spend_then_year_usd"][i] / 1e9),
                float(years["spend_usd"][i] / 1e9),
                float(years["budget_then_year_usd"][i] / 1e9),
                *(f"{counts.get(n, 0.0):,.0f}" for n in space),
                str(years["layers"][i]) or "-",
                new or "-",
                p,
                interval,
                float(years["expected_leakers"][i]),
                f"as {same}" if same >= 0 else folder_name(str(years["run_folder"][i])),
            ]
        )
    s.html(
        table(
            [
                "year",
                "spent TY $B",
                f"spent {base} $B",
                "budget TY $B",
                *space,
                "layers",
                "new in service",
                "P(zero leakers)",
                "95% interval",
                "expected leakers",
                "run",
            ],
            rows,
            "Spending on new elements; space layers in service at the year's end; other "
            "elements that gained units (rounds: how many); the year's kill chain ('as Y': "
            "the same architecture as year Y, its run reused)",
        )
    )
    return [head, s]


def _counts(fielding: Columns, year: int) -> dict[str, float]:
    """Units in service of every element at the end of ``year``."""
    mine = fielding["year"] == year
    return {
        str(n): float(c)
        for n, c in zip(fielding["element"][mine], fielding["fielded"][mine], strict=True)
    }


def _new_in_service(fielding: Columns, year: int, before: dict[str, float] | None) -> str:
    """Elements other than space layers that gained whole units in ``year`` (the first
    year: those fielded in it), as ``goldendome timeline`` lists them."""
    mine = fielding["year"] == year
    out = []
    for name, kind, now, built in zip(
        fielding["element"][mine],
        fielding["kind"][mine],
        fielding["fielded"][mine],
        fielding["built"][mine],
        strict=True,
    ):
        gained = now - before[name] if before is not None else (now if built > 0 else 0.0)
        if kind == "space" or gained <= 0:
            continue
        whole = kind in ("platform", "radar", "c2")
        out.append(str(name) if whole else f"{name} +{gained:g}")
    return ", ".join(out)
