"""The partners study's folder: each partner's contribution (``partner_totals``), its lines
(``partner_contributions``) and the kill chain with and without its elements beside the raid
on its own territory (``partner_outcomes``)."""

from typing import Any

from goldendome.results.run_folder import Columns
from goldendome.studies.partners import PartnersResult
from goldendome.studies.strategy_folder import interval, nan_if_none

#: The outcome cases of a partner: its key in the result, the raid, the architecture.
CASES = (
    ("us_with", "the scenario's, on the US", "with"),
    ("us_without", "the scenario's, on the US", "without"),
    ("own_raid", "on the partner", "with"),
)


def partners_facts(result: PartnersResult) -> dict[str, Any]:
    """The manifest facts: the base year of the dollars and whether the partners are presets."""
    return {
        "base_year": result.base_year,
        "preset": result.preset,
        "partners": [p.name for p in result.partners],
    }


def _append(table: dict[str, list[Any]], row: dict[str, Any]) -> None:
    for key, value in row.items():
        table.setdefault(key, []).append(value)


def partners_tables(result: PartnersResult) -> dict[str, Columns]:
    """The ``partner_totals``, ``partner_contributions`` and ``partner_outcomes`` columns."""
    totals: dict[str, list[Any]] = {}
    lines: dict[str, list[Any]] = {}
    outcomes: dict[str, list[Any]] = {}
    for p in result.partners:
        _append(
            totals,
            {
                "partner": p.name,
                "country": p.country,
                "contribution_usd": p.contribution_usd,
                "architecture_usd": p.architecture_usd,
                "share_of_architecture": p.contribution_usd / p.architecture_usd
                if p.architecture_usd
                else float("nan"),
                "hosted_value_usd": p.hosted_value_usd,
            },
        )
        for row, c in enumerate(p.contributions):
            _append(
                lines,
                {
                    "partner": p.name,
                    "row": row,
                    "kind": c["kind"],
                    "what": c["what"],
                    "share": nan_if_none(c.get("share")),
                    "paid_usd": c["usd"],
                    "hosted_value_usd": nan_if_none(c.get("value_usd")),
                    "source": c.get("source", ""),
                },
            )
        for case, raid, architecture in CASES:
            kc = getattr(p, case)
            if kc is None:
                continue
            p0, low, high = interval(kc)
            _append(
                outcomes,
                {
                    "partner": p.name,
                    "case": case,
                    "raid": raid.replace("the partner", p.name),
                    "architecture": f"{architecture} {p.name}",
                    "p_zero_leakers": p0,
                    "p_zero_leakers_low": low,
                    "p_zero_leakers_high": high,
                    "expected_leakers": kc["expected_leakers"],
                    "expected_damage": kc["expected_damage"],
                    "warheads": kc["warheads"],
                    "trials": kc["trials"],
                    "defended": "; ".join(kc.get("defended", [])),
                    "run_folder": str(kc["run_folder"]),
                },
            )
    return {
        "partner_totals": totals,
        "partner_contributions": lines,
        "partner_outcomes": outcomes,
    }
