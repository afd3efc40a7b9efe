"""What the strategic studies' pages share: the study's head (its question and the
manifest's facts), P(zero leakers) with its interval, and the exchange's defense answers in
words."""

import html
import json
import math
from pathlib import Path
from typing import Any

from goldendome.report.section import Section
from goldendome.report.source import ReportSource

#: Columns of a stored table.
Columns = dict[str, Any]


def p_interval(p: float, low: float, high: float) -> tuple[str, str]:
    """P(zero leakers) and its interval as cells (``-`` where no run was made)."""
    if not math.isfinite(p):
        return "-", "-"
    return f"{p:.3f}", f"{low:.3f}-{high:.3f}"


def folder_name(folder: str) -> str:
    """A run folder's name (``-`` for none)."""
    return Path(folder).name if folder else "-"


def head_section(src: ReportSource, sentence: str) -> Section:
    """The study's first section: what it answers, and its manifest facts folded away."""
    facts_ = {k: v for k, v in src.run.manifest.get("run", {}).items() if k != "study"}
    s = Section(f"{src.kind.capitalize()} study")
    s.text(sentence)
    s.html(
        "<details><summary>Question and assumptions (manifest)</summary><pre>"
        f"{html.escape(json.dumps(facts_, indent=2, default=str))}</pre></details>"
    )
    return s


def missing_sections(title: str, what: str) -> list[Section]:
    """A section saying that the folder does not hold ``what``."""
    return [Section(title).missing(what)]


def defense_text(option: str, added: float, shots: int, note: str) -> str:
    """The defense's answer in words (as ``goldendome exchange`` prints it)."""
    if option == "sbis":
        return f"{added:,.0f} more SBIs"
    if option == "midcourse" and added == 0:
        return f"{shots} shots a look, no new rounds"
    if option == "midcourse":
        return f"{added:,.0f} more NGIs, {shots} shots a look"
    return note or "-"


def defense_at(c: Columns, i: int) -> str:
    """:func:`defense_text` of row ``i`` of a table with the ``defense_*`` columns."""
    return defense_text(
        str(c["defense_option"][i]),
        float(c["defense_added"][i]),
        int(c["defense_shots_per_look"][i]),
        str(c["defense_note"][i]),
    )


def ratio_text(value: float) -> str:
    """A cost-exchange ratio (``-``: none)."""
    return f"{value:,.1f}" if math.isfinite(value) else "-"
