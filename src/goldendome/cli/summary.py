"""The human-readable run summary printed by ``goldendome run``."""

import sys
from typing import Any

from rich.console import Console
from rich.table import Table

from goldendome.cli.cost_tables import print_run_cost
from goldendome.cli.kill_chain_tables import print_kill_chain, print_threat_classes
from goldendome.cli.window_tables import print_shortfall, print_windows


def print_summary(summary: dict[str, Any]) -> None:
    """Print a run summary (the dict from :func:`goldendome.results.summary.summarize_folder`)."""
    # Piped output (files, CI logs, the README) gets a fixed, readable width.
    console = Console() if sys.stdout.isatty() else Console(width=120)
    console.print(
        f"[bold]{summary['scenario']}[/bold]  seed {summary['seed']}, "
        f"{summary['epoch_utc']} + {summary['duration_s']:g} s, step {summary['step_s']:g} s"
    )
    layers = Table(title="Space layers (analytic Kepler + J2 secular propagation over the window)")
    for column in (
        "layer",
        "role",
        "kind",
        "satellites",
        "period min",
        "altitude km",
        "max lat deg",
    ):
        layers.add_column(
            column, justify="left" if column in ("layer", "role", "kind") else "right"
        )
    for layer in summary["layers"]:
        layers.add_row(
            layer["name"],
            layer["role"],
            layer["kind"],
            f"{layer['n_satellites']:,}",
            f"{layer['period_s'] / 60:.1f}",
            f"{layer['altitude_min_m'] / 1e3:,.0f}-{layer['altitude_max_m'] / 1e3:,.0f}",
            f"{layer['latitude_max_deg']:.1f}",
        )
    console.print(layers)
    names = [layer["name"] for layer in summary["layers"]]
    coverage = Table(title="Satellites in view above each site's elevation mask: mean (min-max)")
    coverage.add_column("site")
    for name in names:
        coverage.add_column(name, justify="right")
    rows: dict[str, dict[str, str]] = {}
    for c in summary["site_coverage"]:
        rows.setdefault(c["site"], {})[c["layer"]] = (
            f"{c['mean_in_view']:.1f} ({c['min_in_view']}-{c['max_in_view']})"
        )
    for site, cells in rows.items():
        coverage.add_row(site, *(cells.get(n, "") for n in names))
    console.print(coverage)
    if summary.get("threats"):
        raid = Table(title="The raid: each missile aimed and flown (J2, drag, rotating Earth)")
        for column in (
            "#",
            "class",
            "from",
            "to",
            "launch s",
            "apogee km",
            "impact s",
            "flight min",
            "range km",
            "miss m",
        ):
            raid.add_column(
                column, justify="left" if column in ("class", "from", "to") else "right"
            )
        for t in summary["threats"]:
            miss = f"{t['aim_miss_m']:.0f}" if t["reachable"] else "out of reach"
            raid.add_row(
                str(t["threat_id"]),
                t["threat_class"],
                t["launch_area"],
                t["target"],
                f"{t['launch_time_s']:.0f}",
                f"{t['apogee_altitude_m'] / 1e3:,.0f}",
                f"{t['impact_time_s']:,.0f}",
                f"{t['flight_time_s'] / 60:.1f}",
                f"{t['range_m'] / 1e3:,.0f}",
                miss,
            )
        console.print(raid)
        objects = summary.get("objects", {})
        console.print(
            f"Released: {objects.get('reentry_vehicles', 0)} reentry vehicles and "
            f"{objects.get('decoys', 0)} decoys (objects.parquet)."
        )
    _print_sensing(console, summary.get("sensing"))
    _print_sbi(console, summary.get("space_based_interceptors"))
    print_windows(console, summary.get("engagement_windows"))
    print_shortfall(console, summary.get("boost_shortfall"))
    print_kill_chain(console, summary.get("kill_chain"))
    print_threat_classes(console, summary.get("threat_classes"))
    print_run_cost(console, summary.get("cost"))
    console.print(
        f"{summary['defended_assets']} defended assets "
        f"({summary['defended_population']:,} people). Run folder: {summary['run_folder']}"
    )


def _print_sbi(console: Console, sbi: dict[str, Any] | None) -> None:
    """The boost-phase table: SBIs in reach of each missile and the salvo's saturation."""
    if not sbi:
        return
    table = Table(
        title=f"Space-based interceptors ({sbi['layer']}, {sbi['satellites']:,}) "
        "in reach of each missile in boost phase"
    )
    for column in ("#", "SBIs in reach", "window s after launch", "first intercept s", "shots"):
        table.add_column(column, justify="right")
    for t in sbi["threats"]:
        first = t["first_intercept_s"]
        table.add_row(
            str(t["threat_id"]),
            str(t["sbis_in_reach"]),
            "-"  # no boost window: a cruise missile never burns where an SBI sees it
            if t["window_start_s"] is None
            else f"{t['window_start_s']:.0f}-{t['window_end_s']:.0f}",
            _seconds(first),
            str(t["shots_assigned"]),
        )
    console.print(table)
    console.print(
        f"The salvo has {sbi['distinct_sbis_in_reach']} distinct SBIs in reach "
        f"({sbi['opportunities']} opportunities, sbi_opportunities.parquet); with one kill "
        f"vehicle per SBI every missile can get {sbi['shots_every_missile_gets']} shot(s) at once."
    )


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"  # None: never


def _kilometers(meters: float | None) -> str:
    return "-" if meters is None else f"{meters / 1e3:,.1f}"


def _print_sensing(console: Console, sensing: dict[str, Any] | None) -> None:
    """Each threat's detection and tracking timeline, and what each sensor contributed."""
    if not sensing:
        return
    table = Table(title="Detection and tracking, seconds after each missile's launch")
    for column in (
        "#",
        "detected",
        "reported",
        "first by",
        "firm track",
        "fire control",
        "RV fire control",
        "impact 1-sigma km",
        "impact miss km",
        "sensors",
    ):
        table.add_column(column, justify="left" if column == "first by" else "right")
    for t in sensing["timelines"]:
        table.add_row(
            str(t["threat_id"]),
            _seconds(t["first_detection_s"]),
            _seconds(t["first_report_s"]),
            t["first_detected_by"],
            _seconds(t["firm_track_s"]),
            _seconds(t["fire_control_s"]),
            _seconds(t["rv_fire_control_s"]),
            _kilometers(t["impact_sigma_m"]),
            _kilometers(t["impact_error_m"]),
            str(len([n for n in t["tracked_by"].split(", ") if n])),
        )
    console.print(table)
    used = [f"{r['name']} {r['detections']}" for r in sensing["sensors"]]
    console.print(
        f"{sensing['measurements']:,} measurements ({', '.join(used)}); "
        f"{sensing['tracks']} tracks, {sensing['track_purity'] or 0:.0%} of assigned "
        "measurements on their track's own object (threat_timelines.parquet, sensors.parquet)."
    )
    calls = sensing.get("discrimination")
    if calls:
        rv, decoy = calls["rv"], calls["decoy"]
        console.print(
            f"Discrimination, expected per trial: of {decoy['objects']} decoys, "
            f"{decoy['called_decoy']:.1f} called decoys and {decoy['engaged']:.1f} engaged; "
            f"of {rv['objects']} warheads, {rv['called_decoy']:.2f} called decoys and "
            f"{rv['objects'] - rv['engaged']:.2f} spared (object_calls.parquet)."
        )
