"""The sections of a ``goldendome run`` folder's report, each from the tables it needs.

A section whose tables are missing (a run stopped early) says so instead of drawing; the
figures are the builders' of the sibling modules, the numbers those of the run summary
(:mod:`goldendome.results.summary`), so the page and ``goldendome run`` agree.
"""

import html
from typing import Any

import numpy as np

from goldendome.report import outcome_figures as of
from goldendome.report.cost_figures import cost_figure
from goldendome.report.html_table import facts, fmt, table, usd
from goldendome.report.map_figure import ground_tracks, map_figure
from goldendome.report.outcomes import by_class, warhead_fates
from goldendome.report.section import Section
from goldendome.report.source import ReportSource
from goldendome.report.space_figures import sbi_latitude_figure
from goldendome.report.timeline_figure import threat_labels, timeline_figure
from goldendome.results.cost_summary import cost_summary
from goldendome.results.reader import RunReader
from goldendome.results.shortfall_summary import shortfall_summary
from goldendome.results.summary import kill_chain_summary


def _pm(stat: dict[str, float]) -> str:
    """``mean ± stderr`` of a summary statistic."""
    return f"{stat['mean']:.2f} ± {stat['stderr']:.2f}"


def _cols(run: RunReader, name: str) -> dict[str, np.ndarray[Any, Any]] | None:
    return run.columns(name) if run.has(name) else None


def scenario_section(src: ReportSource) -> Section:
    """What ran: the scenario, its clock, layers, raid and sites, and how the run ended."""
    run, m = src.run, src.run.manifest
    f = m.get("run", {})
    s = Section("Scenario")
    s.html(
        facts(
            [
                ("scenario", str(m.get("scenario_name"))),
                ("state", src.state.sentence()),
                ("seed", m.get("seed")),
                ("epoch", str(f.get("epoch_utc", "-"))),
                ("window", f"{fmt(f.get('duration_s'), 0)} s at {fmt(f.get('step_s'), 0)} s steps"),
                ("trials", src.state.trials_text()),
                ("started", str(m.get("started_utc", "-"))),
                (
                    "goldendome",
                    f"{m.get('goldendome_version', '-')} ({(m.get('git_commit') or '-')[:10]})",
                ),
                ("run folder", str(run.path)),
            ]
        )
    )
    if run.has("layers"):
        s.html(
            table(
                ["layer", "role", "kind", "satellites", "altitude km", "max latitude °"],
                [
                    [
                        r["name"],
                        r["role"],
                        r["kind"],
                        int(r["n_satellites"]),
                        f"{r['altitude_min_m'] / 1e3:,.0f}-{r['altitude_max_m'] / 1e3:,.0f}",
                        float(r["latitude_max_deg"]),
                    ]
                    for r in run.rows("layers")
                ],
                "Space layers",
            )
        )
    if run.has("threats"):
        s.html(
            table(
                ["#", "class", "from", "to", "launch s", "apogee km", "flight min", "range km"],
                [
                    [
                        int(r["threat_id"]),
                        r["threat_class"],
                        r["launch_area"],
                        r["target"],
                        float(r["launch_time_s"]),
                        r["apogee_altitude_m"] / 1e3,
                        r["flight_time_s"] / 60,
                        r["range_m"] / 1e3,
                    ]
                    for r in run.rows("threats")
                ],
                "The raid",
            )
        )
    if run.has("sites"):
        sites = run.rows("sites")
        s.html(
            table(
                ["site", "role", "radar", "latitude °", "longitude °"],
                [
                    [
                        r["name"],
                        r["role"],
                        r["radar_type"] or "-",
                        float(r["latitude_deg"]),
                        float(r["longitude_deg"]),
                    ]
                    for r in sites
                ],
                "Sites",
            )
        )
    if run.has("defended_assets"):
        a = run.columns("defended_assets")
        s.text(
            f"{a['name'].size} defended areas, {int(a['population'].sum()):,} people: "
            + ", ".join(a["name"].tolist())
            + "."
        )
    timings = m.get("timings_s") or {}
    if timings:
        s.text("Stages: " + ", ".join(f"{k} {float(v):.1f} s" for k, v in timings.items()) + ".")
    text = m.get("scenario_text")
    if text:
        s.html(
            "<details><summary>Scenario file as run</summary>"
            f"<pre>{html.escape(text)}</pre></details>"
        )
    return s


def outcome_section(src: ReportSource) -> tuple[Section, dict[str, Any] | None]:
    """P(zero leakers), kills by layer and class, interceptors fired and their cost."""
    run = src.run
    s = Section("Outcome")
    kc = kill_chain_summary(run)
    if not kc or not kc.get("trials"):
        return s.missing("Monte Carlo trials (the run stopped before its kill chain)"), None
    lo, hi = kc["p_zero_leakers_95"]
    s.html(
        f'<p class="headline">P(zero leakers) = <b>{kc["p_zero_leakers"]:.3f}</b> '
        f"(95% interval {lo:.3f}-{hi:.3f}, Wilson) over {kc['trials']:,} trials against "
        f"{kc['warheads']} warheads and {kc['decoys']} decoys; expected leakers "
        f"{kc['expected_leakers']['mean']:.2f} ± {kc['expected_leakers']['stderr']:.2f}; "
        f"P(a defended area is hit) {kc['p_any_asset_hit']:.3f}.</p>"
    )
    s.text(
        "The parameter band (P(zero leakers) over uncertain inputs) is not stored in a run "
        "folder: this is one scenario's answer, with its sampling interval."
    )
    s.figure(of.p_zero_figure(kc, run.columns("trials")["leakers"]))
    s.figure(of.kills_by_layer_figure(kc))
    fates = warhead_fates(run)
    if fates is not None:
        rows = by_class(fates)
        s.figure(of.kills_by_class_figure(rows))
        s.html(
            table(
                [
                    "threat class",
                    "warheads",
                    "boost",
                    "midcourse",
                    "terminal",
                    "survived",
                    "leaked",
                ],
                [
                    [
                        r["threat_class"],
                        r["warheads"],
                        r["boost"],
                        r["midcourse"],
                        r["terminal"],
                        r["survived"],
                        r["leaked"],
                    ]
                    for r in rows
                ],
                "Warheads per trial by threat class (means)",
            )
        )
    types = run.rows("interceptor_types") if run.has("interceptor_types") else []
    unit = {str(t["interceptor"]): float(t["unit_cost_usd"]) for t in types}
    s.figure(of.interceptors_figure(kc["interceptors_fired"], unit))
    magazine: dict[str, int] = {}
    for b in kc["magazines"]:
        magazine[b["interceptor"]] = magazine.get(b["interceptor"], 0) + int(b["rounds"])
    s.html(
        table(
            [
                "interceptor",
                "layer",
                "fired per trial",
                "unit cost",
                "cost per trial",
                "rounds on hand",
            ],
            [
                [
                    str(t["interceptor"]),
                    str(t["layer"]),
                    _pm(kc["interceptors_fired"][t["interceptor"]]),
                    usd(float(t["unit_cost_usd"])),
                    usd(
                        kc["interceptors_fired"][t["interceptor"]]["mean"]
                        * float(t["unit_cost_usd"])
                    ),
                    fmt(magazine.get(str(t["interceptor"]))) if t["layer"] != "boost" else "-",
                ]
                for t in types
            ],
            "Interceptors (unit costs as interceptors.toml gives them, then-year dollars)",
        )
    )
    short = shortfall_summary(run, run.manifest.get("run", {}).get("shortfall") == "detonates")
    if short:
        counted = "counted as leakers" if short["counted_as_leakers"] else "counted apart"
        where = ", ".join(
            f"{w['country']} {w['share']:.0%}" for w in short["killing_shots_by_country"]
        )
        s.text(
            f"Boost-phase shortfall: per trial {short['warheads']:.2f} warheads of missiles killed "
            f"in boost still land, {short['on_land']:.2f} on land, "
            f"{short['on_us_or_ally']:.2f} on US or allied territory, "
            f"{short['on_populated_land']:.2f} on populated land ({counted}). "
            f"Where the killing shots' payloads fall: {where or 'nowhere'}."
        )
    return s, kc


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
