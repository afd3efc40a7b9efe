"""The kill chain's part of the run summary: leakage, kills by layer, interceptors and cost,
and the shots spent on duplicate, ghost and decoy tracks."""

from typing import Any

from rich.console import Console
from rich.table import Table


def _pm(stat: dict[str, float | None], fmt: str = ".2f") -> str:
    mean, err = stat.get("mean"), stat.get("stderr")
    if mean is None:
        return "-"
    return f"{mean:{fmt}}" + ("" if err is None else f" ± {err:{fmt}}")


def _short(path: str) -> str:
    """A ranged parameter's scenario path, without the table names everyone knows."""
    for prefix in ("discrimination.sensor_class.", "discrimination.", "interceptor_types."):
        path = path.removeprefix(prefix)
    return path


def _print_band(console: Console, band: dict[str, Any] | None) -> None:
    """The headline's band over the parameter ranges and the inputs that move it most."""
    if not band:
        return
    (z0, z1), (l0, l1) = band["p_zero_leakers"], band["expected_leakers"]
    console.print(
        f"Over the parameter ranges ({len(band['drivers'])} inputs drawn per trial), "
        f"P(zero leakers) spans {z0:.3f}-{z1:.3f} and expected leakers {l0:.2f}-{l1:.2f} "
        "(10th-90th percentile of the fitted chance over the draws, the fit's own noise taken "
        "out; the interval above is sampling only)."
    )
    table = Table(title="What moves it most (each input from its 10th to 90th percentile)")
    for col in ("input", "range", "P(zero leakers)", "expected leakers", "z"):
        table.add_column(col, justify="left" if col == "input" else "right")
    for d in band["drivers"][:6]:
        z, lk = d["p_zero_leakers"], d["expected_leakers"]
        score = d["z_score"]
        table.add_row(
            _short(d["parameter"]),
            f"{d['low']:.3f}-{d['high']:.3f}",
            f"{z[0]:.3f} -> {z[1]:.3f}",
            f"{lk[0]:.2f} -> {lk[1]:.2f}",
            f"{score:+.1f}" + ("" if abs(score) >= 2.0 else " (noise)"),
        )
    console.print(table)


def print_kill_chain(console: Console, kc: dict[str, Any] | None) -> None:
    """Print the Monte Carlo aggregate (the ``kill_chain`` entry of a run summary)."""
    if not kc or not kc.get("trials"):
        return
    lo, hi = kc["p_zero_leakers_95"]
    console.print(
        f"[bold]Kill chain[/bold], {kc['trials']} Monte Carlo trials, {kc['warheads']} warheads "
        f"and {kc['decoys']} decoys: P(zero leakers) = {kc['p_zero_leakers']:.3f} "
        f"(95% interval {lo:.3f}-{hi:.3f}); expected leakers {_pm(kc['expected_leakers'])}; "
        f"P(a defended city is hit) {kc['p_any_asset_hit']:.3f}, expected people in cities hit "
        f"{_pm(kc['expected_damage'], ',.0f')}."
    )
    _print_band(console, kc.get("parameter_band"))
    layers = Table(title="Which layer does the work (mean per trial ± standard error)")
    for col in ("layer", "kills"):
        layers.add_column(col, justify="left" if col == "layer" else "right")
    k = kc["kills_by_layer"]
    layers.add_row("boost (missiles killed by SBIs)", _pm(k["boost_missiles"]))
    layers.add_row("boost (their warheads)", _pm(k["boost_rvs"]))
    layers.add_row("midcourse (warheads)", _pm(k["midcourse_rvs"]))
    layers.add_row("terminal (warheads)", _pm(k["terminal_rvs"]))
    layers.add_row("warheads through", _pm(kc["expected_rvs_through"]))
    console.print(layers)
    fired = Table(title="Interceptors fired per trial, and the rounds on hand")
    for col in ("interceptor", "fired", "magazine"):
        fired.add_column(col, justify="left" if col == "interceptor" else "right")
    rounds: dict[str, int] = {}
    for m in kc["magazines"]:
        rounds[m["interceptor"]] = rounds.get(m["interceptor"], 0) + m["rounds"]
    for name, stat in kc["interceptors_fired"].items():
        fired.add_row(name, _pm(stat), str(rounds[name]) if name in rounds else "-")
    fired.add_row("all", _pm(kc["interceptors_fired_total"]), "")
    console.print(fired)
    cost = kc["cost_usd"]["mean"] or 0.0
    saving = kc["iron_dome_saving"]
    console.print(
        f"Interceptors spent per trial cost ${cost / 1e6:,.0f} million (interceptors.toml unit "
        f"costs, then-year dollars of each source); decoys drew fire "
        f"{_pm(kc['decoys_engaged'])} times per trial. Engaging only what threatens a defended "
        f"area saved {_pm(saving['interceptors'])} interceptors per trial "
        f"({saving['share_of_engage_all']:.0%} of engaging everything) and let "
        f"{_pm(saving['leakers_prevented'])} fewer warheads leak."
    )
    on = kc.get("shots_on_tracks") or {}
    if all(on.get(r) for r in ("duplicate", "ghost", "decoy")) and kc.get("rvs_never_engaged"):
        stage = f", on spent-stage tracks {_pm(on['stage'])}" if on.get("stage") else ""
        console.print(
            f"Surface shots per trial on duplicate tracks {_pm(on['duplicate'])}, on ghost "
            f"tracks {_pm(on['ghost'])}{stage}, on decoy tracks {_pm(on['decoy'])}; warheads that "
            f"survived boost yet drew no shot {_pm(kc['rvs_never_engaged'])} (engagements/"
            "track_id, track_role)."
        )
    empty = [f"{m['site']} {m['interceptor']}" for m in kc["magazines"] if m["rounds"] == 0]
    if empty:
        console.print(f"Empty magazines (never fire): {', '.join(empty)}.")
    if kc["rvs_never_given_fire_control"]:
        console.print(
            f"{kc['rvs_never_given_fire_control']} warhead(s) never got a fire-control track: "
            "no surface-based layer can engage them."
        )
    console.print("Per-trial rows: trials/; every shot: engagements/ (Parquet).")


def _median_s(value: float | None, count: int, of: int) -> str:
    """A median time, with how many it is over when not all (``-``: none)."""
    if value is None:
        return "-"
    return f"{value:,.0f}" + ("" if count == of else f" ({count}/{of})")


def _by_layer(per_layer: dict[str, float]) -> str:
    return "/".join(f"{v:.2f}" for v in per_layer.values())


def print_threat_classes(console: Console, classes: list[dict[str, Any]] | None) -> None:
    """Print the per-class table (the ``threat_classes`` entry of a run summary; absent
    from summaries stored before it)."""
    if not classes:
        return
    table = Table(
        title="Each threat class: median first detection (seen) and warhead fire control (FC), "
        "s after launch; per trial, shots and warheads killed by layer (boost/midcourse/"
        "terminal) and leakers"
    )
    heads = ("class", "missiles", "RVs", "seen s", "FC s", "shots b/m/t", "kills b/m/t")
    for col in (*heads, "leakers", "P(0)"):
        table.add_column(col, justify="left" if col == "class" else "right", no_wrap=True)
    for c in classes:
        n = c["missiles"]
        lk = c["leakers"]
        table.add_row(
            c["threat_class"],
            str(n),
            str(c["warheads"]),
            _median_s(c.get("first_detection_s"), c.get("missiles_detected", 0), n),
            _median_s(c.get("fire_control_s"), c.get("missiles_with_fire_control", 0), n),
            _by_layer(c["shots_per_trial"]),
            _by_layer(c["kills_per_trial"]),
            f"{lk['mean']:.2f}" + ("" if lk["stderr"] is None else f"±{lk['stderr']:.2f}"),
            f"{c['p_no_leaker']:.3f}",
        )
    console.print(table)
