"""The timeline study's page: the timeline by year (spending TY and constant, units in
service, P(zero leakers) with its interval) as a figure and a table."""

from goldendome.report import strategy_figures as sf
from goldendome.report.html_table import table
from goldendome.report.section import Section
from goldendome.report.source import ReportSource
from goldendome.report.strategy_common import (
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
    changing = sf.changing_elements(fielding)
    rows = []
    for i, year in enumerate(years["year"].tolist()):
        in_year = fielding["year"] == year
        counts = {
            n: float(c)
            for n, c in zip(fielding["element"][in_year], fielding["fielded"][in_year], strict=True)
        }
        p, interval = p_interval(
            years["p_zero_leakers"][i],
            years["p_zero_leakers_low"][i],
            years["p_zero_leakers_high"][i],
        )
        same = int(years["same_as_year"][i])
        rows.append(
            [
                str(year),
                float(years["spend_then_year_usd"][i] / 1e9),
                float(years["spend_usd"][i] / 1e9),
                float(years["budget_then_year_usd"][i] / 1e9),
                *(f"{counts.get(n, 0.0):,.0f}" for n in changing),
                str(years["layers"][i]) or "-",
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
                *changing,
                "layers",
                "P(zero leakers)",
                "95% interval",
                "expected leakers",
                "run",
            ],
            rows,
            "Spending on new elements; units in service at the year's end (elements that "
            "change); the year's kill chain ('as Y': the same architecture as year Y, its "
            "run reused)",
        )
    )
    return [head, s]
