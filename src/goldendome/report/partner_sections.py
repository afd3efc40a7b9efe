"""The partners study's page: the partner table (contribution in dollars and as a share,
what it hosts), each partner's lines, and the protection of the US with and without its
elements beside the protection of its own territory."""

import math

import numpy as np

from goldendome.report import strategy_figures as sf
from goldendome.report.html_table import table, usd
from goldendome.report.section import Section
from goldendome.report.source import ReportSource
from goldendome.report.strategy_common import (
    head_section,
    missing_sections,
    p_interval,
)


def partners_sections(src: ReportSource) -> list[Section]:
    """The partner table (contribution in dollars and share, what it hosts), each partner's
    lines, and the protection with and without its elements beside its own territory's."""
    run = src.run
    f = run.manifest.get("run", {})
    base = f.get("base_year", "")
    origin = " (the presets of data/partners.toml)" if f.get("preset") else ""
    head = head_section(
        src,
        f"What each partner{origin} pays for, hosts and fields, valued with the life-cycle "
        f"model in constant {base} dollars; the scenario's raid on the US with and without "
        "its elements, and a raid on its own territory.",
    )
    if not run.has("partner_totals"):
        return [head, *missing_sections("Partners", "the partner table (the study stopped first)")]
    t = run.columns("partner_totals")
    s = Section("Partners")
    s.html(
        table(
            ["partner", "country", "contribution", "of the architecture", "share", "hosts (value)"],
            [
                [
                    str(t["partner"][i]),
                    str(t["country"][i]),
                    usd(float(t["contribution_usd"][i])),
                    usd(float(t["architecture_usd"][i])),
                    f"{t['share_of_architecture'][i]:.1%}",
                    usd(float(t["hosted_value_usd"][i])),
                ]
                for i in range(t["partner"].size)
            ],
            f"Life cycle, constant {base} dollars",
        )
    )
    if run.has("partner_contributions"):
        lines = run.columns("partner_contributions")
        for partner in t["partner"].tolist():
            s.figure(sf.contributions_figure(lines, str(partner)))
            mine = np.flatnonzero(lines["partner"] == partner)
            s.html(
                table(
                    ["kind", "element or programme", "share", "paid", "value hosted"],
                    [
                        [
                            str(lines["kind"][i]),
                            str(lines["what"][i]),
                            "-"
                            if not math.isfinite(lines["share"][i])
                            else f"{lines['share'][i]:.0%}",
                            usd(float(lines["paid_usd"][i])),
                            usd(float(lines["hosted_value_usd"][i]))
                            if lines["kind"][i] == "hosted"
                            else "-",
                        ]
                        for i in mine
                    ],
                    f"{partner}: contributions",
                )
            )
    out = [head, s]
    prot = Section("Protection with and without the partners")
    o = run.columns("partner_outcomes") if run.has("partner_outcomes") else None
    if o is None:
        prot.missing("the kill-chain runs (the study stopped first)")
    elif not o["partner"].size:
        prot.text("This study was run without kill-chain runs (--no-runs): the money only.")
    else:
        prot.figure(sf.protection_figure(o))
        rows = []
        for i in range(o["partner"].size):
            p, interval = p_interval(
                o["p_zero_leakers"][i], o["p_zero_leakers_low"][i], o["p_zero_leakers_high"][i]
            )
            rows.append(
                [
                    str(o["partner"][i]),
                    str(o["raid"][i]),
                    str(o["architecture"][i]),
                    p,
                    interval,
                    f"{o['expected_leakers'][i]:.2f} of {o['warheads'][i]}",
                    f"{o['expected_damage'][i] / 1e6:,.2f}M",
                    int(o["trials"][i]),
                    str(o["defended"][i]),
                ]
            )
        prot.html(
            table(
                [
                    "partner",
                    "raid",
                    "architecture",
                    "P(zero leakers)",
                    "95% interval",
                    "expected leakers",
                    "expected damage (people)",
                    "trials",
                    "defended",
                ],
                rows,
                "Monte Carlo, each case in its own run folder",
            )
        )
    out.append(prot)
    return out
