"""The first sections of a ``goldendome run`` folder's report: what ran, and what came of it.

A section whose tables are missing (a run stopped early) says so instead of drawing; the
numbers are those of the run summary (:mod:`goldendome.results.summary`), so the page and
``goldendome run`` agree. The timeline, map, SBI and cost sections are in
:mod:`goldendome.report.run_figure_sections`.
"""

import html
from typing import Any

import numpy as np

from goldendome.report import outcome_figures as of
from goldendome.report.band_figure import band_sentence, drivers_table, tornado_figure
from goldendome.report.html_table import facts, fmt, table, usd
from goldendome.report.outcomes import by_class, warhead_fates
from goldendome.report.section import Section
from goldendome.report.source import ReportSource
from goldendome.results.reader import RunReader
from goldendome.results.shortfall_summary import shortfall_summary
from goldendome.results.summary import kill_chain_summary


def _pm(stat: dict[str, float]) -> str:
    """``mean ± stderr`` of a summary statistic."""
    return f"{stat['mean']:.2f} ± {stat['stderr']:.2f}"


def columns_or_none(run: RunReader, name: str) -> dict[str, np.ndarray[Any, Any]] | None:
    """Table ``name`` as columns, or None when the folder does not hold it."""
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


def _no_band(run: RunReader, trials: int) -> str:
    """Why the page shows no parameter band."""
    names = (
        np.unique(run.columns("trial_parameters")["parameter"]).size
        if run.has("trial_parameters")
        else 0
    )
    if not names:
        return (
            "No parameter band: the scenario gives every input as a point value, so this is "
            "one scenario's answer, with its sampling interval."
        )
    return (
        f"No parameter band: {names} inputs are drawn from ranges, but {trials} trials are "
        f"too few to fit it (it needs {20 * (names + 1)}: 20 per input, plus 20); see "
        "docs/uncertainty.md."
    )


def outcome_section(src: ReportSource) -> tuple[Section, dict[str, Any] | None]:
    """P(zero leakers), kills by layer and class, interceptors fired and their cost."""
    run = src.run
    s = Section("Outcome")
    kc = kill_chain_summary(run)
    if not kc or not kc.get("trials"):
        return s.missing(
            "Monte Carlo trials (the kill chain had not run when the folder was read)"
        ), None
    lo, hi = kc["p_zero_leakers_95"]
    s.html(
        f'<p class="headline">P(zero leakers) = <b>{kc["p_zero_leakers"]:.3f}</b> '
        f"(95% interval {lo:.3f}-{hi:.3f}, Wilson) over {kc['trials']:,} trials against "
        f"{kc['warheads']} warheads and {kc['decoys']} decoys; expected leakers "
        f"{kc['expected_leakers']['mean']:.2f} ± {kc['expected_leakers']['stderr']:.2f}; "
        f"P(a defended area is hit) {kc['p_any_asset_hit']:.3f}.</p>"
    )
    band = kc.get("parameter_band")
    if band:
        s.html(f'<p class="headline">{html.escape(band_sentence(band, len(band["drivers"])))}</p>')
    else:
        s.text(_no_band(run, kc["trials"]))
    s.figure(of.p_zero_figure(kc, run.columns("trials")["leakers"]))
    if band:
        s.figure(tornado_figure(band, float(kc["p_zero_leakers"])))
        s.html(drivers_table(band))
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
