"""Sections for the strategic studies' folders: ``goldendome timeline`` (the timeline by
year), ``goldendome exchange`` (the exchange curve and the answers) and ``goldendome
partners`` (the partner table, and the protection with and without each partner).

Each reads its folder's tables and manifest only (:mod:`goldendome.results.schemas.
strategy_tables`); a folder that stopped before writing them says so section by section.
"""

from collections.abc import Callable

from goldendome.report.exchange_sections import exchange_sections
from goldendome.report.partner_sections import partners_sections
from goldendome.report.section import Section
from goldendome.report.source import ReportSource
from goldendome.report.timeline_year_sections import timeline_sections

#: Tables each study's page draws (the rest are listed as stored).
DRAWN = {
    "timeline": {"timeline_years", "timeline_fielding"},
    "exchange": {"exchange_curve", "exchange_answers", "exchange_runs"},
    "partners": {"partner_totals", "partner_contributions", "partner_outcomes"},
}


#: The page of each strategic study's folder, by the manifest's ``run["study"]``.
SECTIONS: dict[str, Callable[[ReportSource], list[Section]]] = {
    "timeline": timeline_sections,
    "exchange": exchange_sections,
    "partners": partners_sections,
}


def is_strategy_study(src: ReportSource) -> bool:
    """Whether the folder was written by ``timeline``, ``exchange`` or ``partners``."""
    return src.kind in SECTIONS


def strategy_sections(src: ReportSource) -> tuple[list[Section], set[str]]:
    """The sections of a strategic study's folder and the tables they draw."""
    return SECTIONS[src.kind](src), DRAWN[src.kind]
