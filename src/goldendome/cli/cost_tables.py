"""Rich tables for ``goldendome cost`` and ``goldendome frontier``, and the cost line of a
run summary."""

import math
import sys
from typing import Any

from rich.console import Console
from rich.table import Table

#: Rows of the tornado table printed (``--json`` gives them all).
TORNADO_ROWS = 10
CATEGORY_LABELS = {
    "development": "development",
    "procurement": "procurement",
    "launch": "launch",
    "o_and_s": "O&S",
    "replenishment": "replenishment",
}


def console() -> Console:
    """A console of fixed width when piped (files, CI logs, the docs)."""
    return Console() if sys.stdout.isatty() else Console(width=100)


def billions(usd: float | None) -> str:
    """``$1,234.5B`` (``-`` for a missing value)."""
    if usd is None or not math.isfinite(usd):
        return "-"
    return f"${usd / 1e9:,.1f}B"


def signed_billions(usd: float) -> str:
    """``+$4.6B`` / ``-$147.4B``."""
    return ("-" if usd < 0 else "+") + billions(abs(usd))


def millions(usd: float | None) -> str:
    """``$22.0M`` (``-`` for a missing value)."""
    if usd is None or not math.isfinite(usd):
        return "-"
    return f"${usd / 1e6:,.1f}M"


def _shares(title: str, label: str, values: dict[str, float], total: float) -> Table:
    table = Table(title=title)
    table.add_column(label)
    table.add_column("cost", justify="right")
    table.add_column("share", justify="right")
    for key, usd in sorted(values.items(), key=lambda kv: -kv[1]):
        table.add_row(CATEGORY_LABELS.get(key, key), billions(usd), f"{usd / total:.1%}")
    return table


def print_scenario_cost(report: dict[str, Any]) -> None:
    """Print a :func:`goldendome.api.scenario_cost_report`."""
    out = console()
    first, n = report["first_year"], report["years"]
    total = report["total_usd"]
    out.print(
        f"[bold]{report['scenario']}[/bold]: {billions(total)} over {n} years "
        f"({first}-{first + n - 1}), constant {report['base_year']} dollars"
    )
    out.print(_shares("By layer", "layer", report["by_layer_usd"], total))
    out.print(_shares("By category", "category", report["by_category_usd"], total))
    elements = Table(title="By element (catalog item; unit cost is the average of the buy)")
    for col in ("element", "item", "quantity", "unit cost", "total"):
        elements.add_column(col, justify="left" if col in ("element", "item") else "right")
    for e in report["elements"]:
        elements.add_row(
            e["element"],
            e["item"],
            f"{e['quantity']:,.0f}",
            millions(e["unit_cost_usd"]),
            billions(e["total_usd"]),
        )
    out.print(elements)
    for name, used in report.get("sbi_mass", {}).items():
        out.print(f"SBI launch mass ({name}): {used['note']}")
    years = Table(title="By year and category ($B)")
    years.add_column("year", justify="right")
    cats = list(report["by_category_usd"])
    for cat in cats:
        years.add_column(CATEGORY_LABELS.get(cat, cat), justify="right")
    years.add_column("total", justify="right")
    for year, split in report["by_year_category_usd"].items():
        cells = [f"{split[c] / 1e9:,.1f}" for c in cats]
        years.add_row(year, *cells, f"{sum(split.values()) / 1e9:,.1f}")
    out.print(years)
    print_uncertainty(out, report.get("uncertainty"))


def print_uncertainty(out: Console, unc: dict[str, Any] | None) -> None:
    """P10/P50/P90 and the tornado table (nothing without uncertain inputs)."""
    if not unc:
        out.print(
            "No input is uncertain: give distributions in [economics.uncertain] or set "
            "economics.catalog_ranges = true for P10/P50/P90."
        )
        return
    out.print(
        f"P10 {billions(unc['p10_usd'])}, P50 {billions(unc['p50_usd'])}, "
        f"P90 {billions(unc['p90_usd'])} ({unc['draws']:,} draws, scenario seed "
        f"{unc['seed']}, stream '{unc['stream']}')"
    )
    table = Table(
        title="What drives the spread: each input at its low and high, the rest at "
        "their point values"
    )
    for col in ("element", "input", "at low", "at high", "swing"):
        table.add_column(col, justify="left" if col in ("element", "input") else "right")
    shown = unc["tornado"][:TORNADO_ROWS]
    if len(unc["tornado"]) > TORNADO_ROWS:
        table.caption = f"the {TORNADO_ROWS} largest of {len(unc['tornado'])}; --json lists all"
    for row in shown:
        table.add_row(
            row["element"],
            row["input"],
            billions(row["low_usd"]),
            billions(row["high_usd"]),
            billions(abs(row["high_usd"] - row["low_usd"])),
        )
    out.print(table)


def print_preset_list(presets: list[dict[str, Any]]) -> None:
    """One row per published-estimate preset."""
    table = Table(title="Published estimates (goldendome cost --preset NAME)")
    for col in ("preset", "published", "model", "residual", "what"):
        table.add_column(col, justify="left" if col in ("preset", "what") else "right")
    for p in presets:
        table.add_row(
            p["name"],
            billions(p["published_usd"]),
            billions(p["model_usd"]),
            f"{p['residual_pct']:+.1f}%",
            p["label"],
        )
    console().print(table)


def print_preset(p: dict[str, Any]) -> None:
    """A preset's breakdown beside the published figure, the residual and its drivers."""
    out = console()
    first, n = p["first_year"], p["years"]
    out.print(f"[bold]{p['name']}[/bold]: {p['label']}")
    out.print(
        f"model {billions(p['model_usd'])} against the published {billions(p['published_usd'])}"
        f" (residual {p['residual_pct']:+.1f}%), {n} years from {first}, constant "
        f"{p['base_year']} dollars"
    )
    if p["buys_quantity"] is not None:
        out.print(f"The budget buys {p['buys_quantity']:,.0f} SBIs after the other lines.")
    out.print(_shares("By element", "element", p["by_element_usd"], p["model_usd"]))
    out.print(_shares("By category", "category", p["by_category_usd"], p["model_usd"]))
    print_parts(out, p)
    if p.get("sbi_mass_note"):
        out.print(f"SBI launch mass: {p['sbi_mass_note']}")
    out.print(f"What drives the residual: {p['drivers']}")
    if p["assumptions"]:
        out.print("Values the preset assumed (the study's public accounts do not give them):")
        for line in p["assumptions"]:
            out.print(f"  {line}")


def print_parts(out: Console, p: dict[str, Any]) -> None:
    """The published figure's parts beside the model's (nothing when the study gives none)."""
    if not p.get("parts"):
        return
    table = Table(title="The published figure by part, beside the model's")
    for col in ("part", "published", "model", "residual", "how read"):
        table.add_column(col, justify="left" if col in ("part", "how read") else "right")
    for part in p["parts"]:
        table.add_row(
            part["part"],
            billions(part["published_usd"]),
            billions(part["model_usd"]),
            f"{signed_billions(part['residual_usd'])} ({part['residual_pct']:+.0f}%)",
            part["tag"],
        )
    published = sum(part["published_usd"] for part in p["parts"])
    model = sum(part["model_usd"] for part in p["parts"])
    table.add_row(
        "total", billions(published), billions(model),
        f"{signed_billions(model - published)} ({100 * (model - published) / published:+.1f}%)",
        "",
    )  # fmt: skip
    out.print(table)
    for part in p["parts"]:
        out.print(f"  {part['part']}: {part['derivation']}")


#: The estimator's columns: (heading, key, format, scale).
QUICK_COLUMNS = (
    ("fly-out s", "fly_out_s", "{:,.0f}", 1.0),
    ("reach km", "reach_m", "{:,.0f}", 1e-3),
    ("absentee ratio", "absentee_ratio", "{:,.1f}", 1.0),
    ("SBIs", "sbi_count", "{:,.0f}", 1.0),
    ("mass kg", "sbi_mass_kg", "{:,.0f}", 1.0),
)


def print_quick(rows: list[dict[str, Any]], varied: list[str]) -> None:
    """The closed-form estimator, one row per design of the grid."""
    table = Table(title="Closed-form SBI estimate (absentee ratio, rocket equation), 20 years")
    for name in varied:
        table.add_column("--" + name.replace("_", "-"), justify="right")
    for heading, *_ in QUICK_COLUMNS:
        table.add_column(heading, justify="right")
    table.add_column("cost", justify="right")
    for row in rows:
        cells = [f"{row['inputs'][name]:g}" for name in varied]
        for _, key, fmt, scale in QUICK_COLUMNS:
            value = row[key]
            cells.append("-" if value is None else fmt.format(value * scale))
        cells.append(billions(row["total_usd"]))
        table.add_row(*cells)
    console().print(table)


def print_frontier(rows: list[dict[str, Any]]) -> None:
    """Cost against P(zero leakers) and expected leakers, the dominated ones marked."""
    table = Table(title="Cost-effectiveness frontier (cheapest first)")
    for col in ("architecture", "scenario", "cost", "P(zero leakers)", "E[leakers]", "frontier"):
        table.add_column(col, justify="left" if col in ("architecture", "scenario") else "right")
    for r in rows:
        mark = "dominated by " + ", ".join(r["dominated_by"]) if r["dominated"] else "yes"
        p, e = r["p_zero_leakers"], r["expected_leakers"]
        table.add_row(
            r["source"],
            r["scenario"],
            billions(r["total_usd"]),
            "-" if p is None or not math.isfinite(p) else f"{p:.3f}",
            "-" if e is None or not math.isfinite(e) else f"{e:.2f}",
            mark,
        )
    console().print(table)


def print_run_cost(out: Console, cost: dict[str, Any] | None) -> None:
    """The run summary's cost line: the architecture's cost beside its outcomes."""
    if not cost:
        return
    first, n = cost["first_year"], cost["years"]
    spread = ""
    if cost["p50_usd"] is not None and math.isfinite(cost["p50_usd"]):
        spread = f" (P10-P90 {billions(cost['p10_usd'])}-{billions(cost['p90_usd'])})"
    text = (
        f"[bold]Cost[/bold] over {n} years ({first}-{first + n - 1}, constant "
        f"{cost['base_year']} dollars): {billions(cost['total_usd'])}{spread}"
    )
    if "p_zero_leakers" in cost:
        text += (
            f" for P(zero leakers) {cost['p_zero_leakers']:.3f} and "
            f"{cost['expected_leakers']:.2f} expected leakers; "
            f"{billions(cost['usd_per_warhead_stopped'])} per warhead stopped in one raid "
            f"({cost['warheads_stopped']:.2f} of {cost['warheads']}). A raid expends "
            f"{cost['interceptors_expended']:.1f} interceptors; replacing them costs "
            f"{millions(cost['replacement_usd'])} (catalog unit costs in base-year dollars; "
            "'goldendome cost' "
            "gives the breakdown)."
        )
    out.print(text)
