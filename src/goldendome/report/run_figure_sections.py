"""The figure sections of a ``goldendome run`` folder's report: the timeline, the map, the
SBI layer by latitude and the life-cycle cost, each from the tables it needs (a section
whose tables are missing says so, or is left out when the run has no such layer)."""

from typing import Any

import numpy as np

from goldendome.report.cost_figures import cost_figure
from goldendome.report.html_table import table, usd
from goldendome.report.map_figure import ground_tracks, map_figure
from goldendome.report.outcomes import warhead_fates
from goldendome.report.run_sections import columns_or_none as _cols
from goldendome.report.section import Section
from goldendome.report.source import ReportSource
from goldendome.report.space_figures import sbi_latitude_figure
from goldendome.report.timeline_figure import threat_labels, timeline_figure
from goldendome.results.cost_summary import cost_summary


def timeline_section(src: ReportSource) -> Section:
    """The per-threat timeline chart."""
    run = src.run
    s = Section("Timeline")
    threats = _cols(run, "threats")
    if threats is None:
        return s.missing("the raid (threats table)")
    n = int(run.columns("trials")["trial"].size) if run.has("trials") else 0
    s.figure(
        timeline_figure(
            threats,
            _cols(run, "threat_timelines"),
            _cols(run, "sbi_threats"),
            _cols(run, "engagements"),
            n,
        )
    )
    if threats["threat_id"].size > 60:
        s.text(f"The first 60 of {threats['threat_id'].size} missiles are drawn.")
    return s


def map_section(src: ReportSource, atlas: bool) -> Section:
    """The raid's ground tracks, defended areas, intercepts, leakers and shortfalls."""
    run = src.run
    s = Section("Map")
    if not run.has("trajectories") or not run.has("threats"):
        return s.missing("the raid's trajectories")
    tracks = ground_tracks(run.columns("trajectories"), run.columns("threats")["threat_id"])
    s.figure(
        map_figure(
            tracks,
            _cols(run, "defended_assets"),
            _cols(run, "sites"),
            warhead_fates(run),
            _cols(run, "engagements"),
            atlas=atlas,
        )
    )
    s.text(
        "Ground tracks of the missiles (then of their spent stages); intercept points of "
        "every killing shot of every trial, gathered on a 0.25° grid (marker size grows with "
        "their number); red crosses: where warheads that leak fall, sized by the share of trials; "
        "squares: where the payloads of missiles killed in boost come down."
    )
    if not atlas:
        s.text(
            "No coastlines: the world atlas (npm package world-atlas) was not found, so the "
            "map is drawn on plain longitude-latitude axes; 'npm ci' in the checkout installs it."
        )
    return s


def sbi_section(src: ReportSource) -> Section | None:
    """The SBI layer's reach by latitude (None for a run without an SBI layer)."""
    run = src.run
    name = run.manifest.get("run", {}).get("sbi_layer")
    if not name or not run.has("layers"):
        return None
    s = Section("Space-based interceptors")
    layer = next((r for r in run.rows("layers") if r["name"] == name), None)
    if layer is None or not run.has("site_coverage") or not run.has("sites"):
        return s.missing("the SBI layer's coverage (site_coverage)")
    cov = run.columns("site_coverage")
    mine = cov["layer_id"] == layer["layer_id"]
    sites = run.columns("sites")
    row = np.searchsorted(sites["site_id"], cov["site_id"][mine])
    in_view = np.stack(
        [np.asarray(cov[c][mine], float) for c in ("mean_in_view", "min_in_view", "max_in_view")]
    )
    launch_lat = reach = None
    names: list[str] | None = None
    if run.has("boost_windows") and run.has("trajectories") and run.has("threats"):
        threats = run.columns("threats")
        w = run.columns("boost_windows")
        traj = run.columns("trajectories")
        reach = np.full((3, threats["threat_id"].size), np.nan)
        for k, i in enumerate(threats["threat_id"].tolist()):
            mine_w = np.asarray(w["sbis_in_reach"][w["threat_id"] == i], float)
            if mine_w.size:
                reach[:, k] = mine_w.mean(), mine_w.min(), mine_w.max()
        launch_lat = np.array([_launch_latitude(traj, int(i)) for i in threats["threat_id"]])
        names = threat_labels(threats)
    fig = sbi_latitude_figure(
        str(name),
        float(layer["latitude_max_deg"]),
        sites["latitude_deg"][row],
        in_view,
        sites["name"][row],
        launch_lat,
        reach,
        names,
    )
    s.figure(fig)
    s.text(
        f"{name}: {int(layer['n_satellites']):,} satellites, {layer['altitude_min_m'] / 1e3:,.0f}-"
        f"{layer['altitude_max_m'] / 1e3:,.0f} km, reaching ±{layer['latitude_max_deg']:.1f}°. "
        "A run stores no latitude grid; 'goldendome coverage' and 'goldendome size' map the reach."
    )
    return s


def _launch_latitude(traj: dict[str, np.ndarray[Any, Any]], object_id: int) -> float:
    from goldendome.physics.geodetic import ecef_to_geodetic

    rows = np.flatnonzero(traj["object_id"] == object_id)
    if not rows.size:
        return float("nan")
    first = rows[np.argmin(traj["t_s"][rows])]
    r = np.array([traj[c][first] for c in ("x_ecef_m", "y_ecef_m", "z_ecef_m")])
    return float(np.degrees(ecef_to_geodetic(r)[0]))


def cost_section(src: ReportSource, kill_chain: dict[str, Any] | None) -> Section | None:
    """The life-cycle cost (None for a run without cost tables)."""
    run = src.run
    summary = cost_summary(run, kill_chain)
    if summary is None:
        return None
    s = Section("Cost")
    spread = ""
    if summary["p10_usd"] == summary["p10_usd"]:  # not NaN
        spread = " (" + ", ".join(f"P{q} {usd(summary[f'p{q}_usd'])}" for q in (10, 50, 90)) + ")"
    last_year = summary["first_year"] + summary["years"] - 1
    line = (
        f"{summary['years']} years ({summary['first_year']}-{last_year}, "
        f"constant {summary['base_year']} dollars): {usd(summary['total_usd'])}{spread}"
    )
    if "usd_per_warhead_stopped" in summary:
        line += (
            f"; {usd(summary['usd_per_warhead_stopped'])} per warhead stopped in one raid "
            f"({summary['warheads_stopped']:.2f} of {summary['warheads']}); a raid expends "
            f"{summary['interceptors_expended']:.1f} interceptors, "
            f"{usd(summary['replacement_usd'])} to replace at catalog unit costs"
        )
    s.text(line + ".")
    s.figure(cost_figure(run.columns("cost"), int(summary["base_year"])))
    elements = sorted(run.rows("cost_elements"), key=lambda e: -float(e["total_usd"]))
    s.html(
        table(
            ["element", "layer", "kind", "catalog item", "quantity", "unit cost", "total"],
            [
                [
                    e["element"],
                    e["layer"],
                    e["kind"],
                    e["item"],
                    float(e["quantity"]),
                    usd(float(e["unit_cost_usd"])),
                    usd(float(e["total_usd"])),
                ]
                for e in elements
            ],
            "Priced elements",
        )
    )
    return s
