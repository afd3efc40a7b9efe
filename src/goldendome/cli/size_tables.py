"""Rich tables for ``goldendome size``: the answer, its assumptions, the candidates, and
the coverage figures (by latitude and over launch times)."""

import sys
from typing import Any

from rich.console import Console
from rich.table import Table

#: Launch times are summarized in blocks of this many hours.
BLOCK_H = 3


def _answer_line(report: dict[str, Any]) -> str:
    a, best = report["assumptions"], report["best"]
    if best is None:
        return (
            "No constellation searched meets the question; widen the search "
            "(--altitudes-km, --inclinations-deg, --planes) or relax it."
        )
    return (
        f"[bold]{best['satellites']:,} SBIs[/bold]: Walker {best['altitude_km']:.0f} km, "
        f"{best['inclination_deg']:.1f} deg, {best['planes']} planes x {best['per_plane']} "
        f"(f = {a['walker_phasing']}) give each of {a['salvo_simultaneous_launches']} "
        f"simultaneous missile(s) {a['shots_per_missile']} shot(s) at "
        f"{best['achieved_confidence']:.1%} of {a['launch_times_sampled']:,} launch times "
        f"(at least {report['needed_in_reach']} SBIs in reach; mean {best['mean_in_reach']:.1f})."
    )


def _preset_table(preset: dict[str, Any]) -> Table:
    """The published figure beside ours: residual, what drives it, the inputs chosen."""
    table = Table(title=f"Against the published figure: {preset['label']}", show_header=False)
    table.add_column("item")
    table.add_column("value")
    ours = preset["satellites"]
    table.add_row("published", f"{preset['published_satellites']:,} SBIs")
    table.add_row("published claim", preset["published_claim"])
    table.add_row("source", preset["published_source"])
    if ours is None:
        table.add_row("goldendome", "no constellation searched meets the question")
    else:
        table.add_row("goldendome", f"{ours:,} SBIs")
        table.add_row(
            "residual",
            f"{preset['residual_satellites']:+,} SBIs ({preset['residual_percent']:+.0f}%; "
            f"ratio {preset['ratio']:.2f})",
        )
    table.add_row("what drives it", preset["drives"])
    for row in preset["inputs"]:
        value = row["value"]
        shown = ", ".join(f"{v:g}" for v in value) if isinstance(value, list) else str(value)
        table.add_row(f"input {row['input']}", f"{shown}: {row['source']}")
    if preset["changed_inputs"]:
        table.add_row(
            "changed by your options",
            ", ".join(preset["changed_inputs"])
            + ": the answer no longer poses the study's question as stated",
        )
    return table


def _print_mass(console: Console, mass: dict[str, Any] | None) -> None:
    """Mass per SBI, the constellation's mass on orbit, and the mass over acceleration and
    delta-v (``data/sbi_mass.toml``)."""
    if not mass:
        return
    on_orbit = mass["constellation_t"]
    if mass["per_sbi_kg"] is None:
        console.print(
            f"Mass per SBI: no booster of data/sbi_mass.toml's kind gives this delta-v at this "
            f"acceleration (kill vehicle {mass['kill_vehicle_kg']:,.0f} kg)."
        )
    else:
        console.print(
            f"Mass per SBI {mass['per_sbi_kg']:,.0f} kg (kill vehicle "
            f"{mass['kill_vehicle_kg']:,.0f} kg, interceptor {mass['interceptor_kg']:,.0f} kg, "
            f"carrier {mass['carrier_kg']:,.0f} kg; goldendome assumptions in data/sbi_mass.toml)"
            + ("" if on_orbit is None else f"; the constellation weighs {on_orbit:,.0f} t on orbit")
            + "."
        )
    s = mass["sensitivity"]
    table = Table(title="Mass per SBI (kg) over acceleration and delta-v")
    table.add_column("delta-v")
    for g in s["acceleration_g"]:
        table.add_column(f"{g:g} g", justify="right")
    for dv, row in zip(s["delta_v_km_s"], s["per_sbi_kg"], strict=True):
        table.add_row(f"{dv:g} km/s", *["no such stage" if v is None else f"{v:,.0f}" for v in row])
    console.print(table)


def print_sizing(report: dict[str, Any]) -> None:
    """Print a ``size_constellation_report`` for a reader."""
    # Piped output (files, CI logs, the docs) gets a fixed, readable width.
    console = Console() if sys.stdout.isatty() else Console(width=100)
    console.print(_answer_line(report))
    quick = report.get("closed_form")
    if quick and quick["sbi_count"] is not None:
        console.print(
            f"Closed-form estimate of the same question (absentee ratio "
            f"{quick['absentee_ratio']:,.1f}, 'goldendome cost --quick'): "
            f"{quick['sbi_count']:,.0f} SBIs, {quick['ratio_to_physics']:.2f} x the physics answer."
        )
    _print_mass(console, report.get("mass"))
    if "preset" in report:
        console.print(_preset_table(report["preset"]))
    assumed = Table(title="Assumptions", show_header=False)
    assumed.add_column("assumption")
    assumed.add_column("value", justify="right")
    for key, value in report["assumptions"].items():
        assumed.add_row(key.replace("_", " "), str(value))
    start, end = report["engagement_window_s"]
    assumed.add_row("intercepts allowed (after threat launch)", f"{start:.0f}-{end:.0f} s")
    assumed.add_row("effective ground reach", f"{report['effective_ground_reach_km']:.0f} km")
    console.print(assumed)
    cands = Table(
        title="Fewest satellites per geometry searched",
        caption="> N: no constellation of N SBIs or fewer meets the question. cut short: the "
        "search stopped at N (5 x the best total found), not searched to the end; not met: "
        "N is the search's limit",
    )
    for col in ("altitude km", "incl. deg", "planes", "per plane", "SBIs", "covered", "mean"):
        cands.add_column(col, justify="right")
    cands.add_column("status")
    for c in report["candidates"]:
        met = c["satellites"] is not None
        cands.add_row(
            f"{c['altitude_km']:.0f}",
            f"{c['inclination_deg']:.1f}",
            str(c["planes"]),
            str(c["per_plane"] or "-"),
            c["label"],
            f"{c['achieved_confidence']:.1%}" if met else "-",
            f"{c['mean_in_reach']:.1f}" if met else "-",
            c["status"],
        )
    console.print(cands)
    if report["best"] is None:
        return
    lat = Table(title="Mean SBIs in reach by latitude")
    lat.add_column("latitude deg", justify="right")
    lat.add_column("mean in reach", justify="right")
    for row in report["coverage_by_latitude"]:
        lat.add_row(f"{row['latitude_deg']:+.0f}", f"{row['mean_in_reach']:.1f}")
    console.print(lat)
    over = report["in_reach_over_time"]
    block = max(1, len(over["in_reach"]) * BLOCK_H // 24)
    times = Table(title="SBIs in reach by launch time")
    for col in ("hours after epoch", "min", "mean", "max"):
        times.add_column(col, justify="right")
    for k in range(0, len(over["in_reach"]), block):
        chunk = over["in_reach"][k : k + block]
        h0 = over["launch_time_s"][k] / 3600.0
        times.add_row(
            f"{h0:04.1f}-{h0 + BLOCK_H:04.1f}",
            str(min(chunk)),
            f"{sum(chunk) / len(chunk):.1f}",
            str(max(chunk)),
        )
    console.print(times)
