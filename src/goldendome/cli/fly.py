"""``goldendome fly``: fly a threat class, aim it, or reconstruct a reported test."""

import json
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from goldendome.cli.checks import number
from goldendome.cli.main import EXIT_BAD_INPUT, app, interrupted_exit

#: Half the Earth's mean circumference, km: the longest ground range.
HALF_WAY_KM = 20_015


def _fail(message: str, code: int = EXIT_BAD_INPUT) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(code)


def _refuse_unused(reconstruct: bool, **given: Any) -> None:
    """Exit with code 2 when a flag is given that this request would ignore, naming it."""
    if reconstruct:
        unused = [k for k in ("target", "fpa_deg", "lofted") if given[k] not in (None, False)]
        unused += ["cross_range_deg"] if given["cross_range_deg"] != 0.0 else []
        if unused:
            flags = ", ".join(
                "--" + ("to" if k == "target" else k.replace("_", "-")) for k in unused
            )
            _fail(
                f"{flags}: not used by --reconstruct, which fits a reported apogee and range; "
                "leave them out."
            )
    elif given["flight_time_s"] is not None:
        _fail("--flight-time-s: a reported flight time is checked only with --reconstruct.")
    elif given["target"] is not None and given["azimuth_deg"] is not None:
        _fail("--azimuth-deg: the target sets the bearing; give --range-km instead of --to.")


def _print_pairs(title: str, pairs: list[tuple[str, str]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_header=False)
    table.add_column("quantity")
    table.add_column("value", justify="right")
    for key, value in pairs:
        table.add_row(key, value)
    Console().print(table)


def _flight_pairs(s: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (
            "burnout",
            f"{s['burnout_time_s']:.0f} s, {s['burnout_speed_km_s']:.2f} km/s inertial "
            f"({s['burnout_speed_relative_km_s']:.2f} km/s Earth-relative), "
            f"{s['burnout_altitude_km']:.0f} km, {s['burnout_flight_path_angle_deg']:.1f} deg",
        ),
        ("apogee", f"{s['apogee_km']:,.0f} km at {s['apogee_time_s']:.0f} s"),
        ("range", f"{s['range_km']:,.0f} km"),
        ("flight time", f"{s['flight_time_s']:,.0f} s ({s['flight_time_min']:.1f} min)"),
        (
            "impact",
            f"{s['impact_latitude_deg']:.3f} deg, {s['impact_longitude_deg']:.3f} deg, "
            f"{s['impact_speed_km_s']:.2f} km/s",
        ),
    ]


def _reach_text(s: dict[str, Any]) -> str:
    if s["global_reach"]:
        return "can fly more than half-way round the Earth (global reach)"
    return f"{s['max_range_km']:,.0f} km on this bearing"


@app.command()
def fly(
    threat_class: Annotated[
        str | None, typer.Argument(help="Threat class, e.g. hwasong-17-class.")
    ] = None,
    launch_area: Annotated[str, typer.Option("--from", help="Launch area.")] = "sunan",
    target: Annotated[str | None, typer.Option("--to", help="Target to aim at.")] = None,
    range_km: Annotated[
        float | None,
        typer.Option(
            help="Aim to this ground range (at most 20,015 km, half-way round).",
            callback=number(0, HALF_WAY_KM, low_open=True, unit="km", why="half-way round"),
        ),
    ] = None,
    apogee_km: Annotated[
        float | None,
        typer.Option(help="Loft to this apogee.", callback=number(0, low_open=True, unit="km")),
    ] = None,
    fpa_deg: Annotated[
        float | None,
        typer.Option(
            help="Burnout flight-path angle (depress/loft an aimed shot).",
            callback=number(-90, 90, low_open=True, high_open=True, unit="deg"),
        ),
    ] = None,
    azimuth_deg: Annotated[
        float | None,
        typer.Option(
            help="Bearing when no target is given (default 90: east).",
            callback=number(-360, 360, unit="deg"),
        ),
    ] = None,
    lofted: Annotated[bool, typer.Option(help="Aim with a full burn on a lofted arc.")] = False,
    reconstruct: Annotated[
        bool, typer.Option(help="Fit loft and payload to --apogee-km and --range-km.")
    ] = False,
    flight_time_s: Annotated[
        float | None,
        typer.Option(
            help="Reported flight time to check (with --reconstruct).",
            callback=number(0, 86_400, low_open=True, unit="s"),
        ),
    ] = None,
    cross_range_deg: Annotated[
        float,
        typer.Option(
            help="Boost a glider this far off the target bearing.",
            callback=number(-90, 90, unit="deg"),
        ),
    ] = 0.0,
    approach: Annotated[
        str | None,
        typer.Option(
            help="A fractional orbit (fobs-class) comes at the target from the 'south' "
            "(default) or the 'north'.",
        ),
    ] = None,
    list_all: Annotated[
        bool, typer.Option("--list", help="List classes, launch areas, targets.")
    ] = False,
    runs_dir: Annotated[Path, typer.Option(help="Where run folders are written.")] = Path("runs"),
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Fly a threat class: minimum-energy, lofted, aimed at a target, or a reconstructed test."""
    from goldendome import api

    if list_all:
        listing = api.catalog_listing()
        if json_out:
            typer.echo(json.dumps(listing, indent=2))
            return
        for section, rows in listing.items():
            typer.echo(f"{section}:")
            for row in rows:
                kind = row.get("kind", row.get("type", ""))
                typer.echo(f"  {row['name']:28s} {kind:10s} {row['label']}")
        return
    if threat_class is None:
        _fail("Name a threat class (goldendome fly --list shows them).")
    if approach is not None and approach not in ("south", "north"):
        _fail(f"--approach {approach}: a fractional orbit comes from the 'south' or the 'north'.")
    if reconstruct and approach is not None:
        _fail("--approach: not used by --reconstruct, which fits a ballistic flight; leave it out.")
    _refuse_unused(
        reconstruct,
        target=target,
        fpa_deg=fpa_deg,
        lofted=lofted,
        cross_range_deg=cross_range_deg,
        azimuth_deg=azimuth_deg,
        flight_time_s=flight_time_s,
    )
    try:
        api.check_runs_dir(runs_dir)
        if reconstruct:
            if apogee_km is None or range_km is None:
                _fail("--reconstruct needs --apogee-km and --range-km.")
            result = api.reconstruct_test(
                threat_class,
                launch_area=launch_area,
                apogee_km=apogee_km,
                range_km=range_km,
                flight_time_s=flight_time_s,
                azimuth_deg=90.0 if azimuth_deg is None else azimuth_deg,
                runs_dir=runs_dir,
            )
        else:
            result = api.fly_threat(
                threat_class,
                launch_area=launch_area,
                target=target,
                range_km=range_km,
                apogee_km=apogee_km,
                burnout_fpa_deg=fpa_deg,
                azimuth_deg=90.0 if azimuth_deg is None else azimuth_deg,
                lofted=lofted,
                cross_range_deg=cross_range_deg,
                approach=approach,  # type: ignore[arg-type]  # checked above: south or north
                runs_dir=runs_dir,
            )
    except api.ScenarioError as exc:
        _fail(exc.report())
    except api.RunsDirError as exc:
        _fail(str(exc))
    except KeyboardInterrupt as exc:
        interrupted_exit(exc, f"the run folder under {runs_dir}/ is marked 'interrupted'.")
    except OSError as exc:
        _fail(f"Could not write the run folder under {runs_dir}/: {exc.strerror or exc}.", 1)
    if json_out:
        typer.echo(json.dumps(result, indent=2))
    elif reconstruct:
        _print_reconstruction(result)
    elif result.get("shape") == "fobs":
        _print_fobs(result)
    elif result.get("type") in ("hgv", "cruise"):
        _print_glide_or_cruise(result)
    else:
        _print_flight(result)
    if not json_out:
        typer.echo(f"Run folder: {result['run_folder']}", err=True)
    if not reconstruct and result.get("verdict"):
        # The class cannot fly what was asked: the verdict says why, the closest flight is
        # stored, and the exit code tells a script the request was impossible.
        raise typer.Exit(EXIT_BAD_INPUT)


def _print_flight(s: dict[str, Any]) -> None:
    where = f"-> {s['target']}" if "target" in s else f"bearing {s.get('azimuth_deg', 90):g} deg"
    pairs = [("shape", s["shape"])]
    if "reachable" in s:
        pairs.append(("target range", f"{s['target_range_km']:,.0f} km"))
        pairs.append(("maximum range", _reach_text(s)))
        if s.get("verdict"):
            pairs.append(("verdict", s["verdict"]))
        else:
            pairs.append(("miss distance", f"{s['miss_m']:.0f} m"))
        pairs.append(("miss tolerance", f"{s['miss_tolerance_m']:,.0f} m"))
    _print_pairs(f"{s['class']} from {s['launch_area']} {where}", pairs + _flight_pairs(s))


def _print_fobs(s: dict[str, Any]) -> None:
    where = f"-> {s['target']}" if "target" in s else "to the range asked"
    pairs = [
        ("shape", f"fractional orbit, from the {s['approach']}"),
        ("target range", f"{s['target_range_km']:,.0f} km"),
        ("verdict" if s.get("verdict") else "miss distance",
         s.get("verdict") or f"{s['miss_m']:.0f} m (tolerance {s['miss_tolerance_m']:,.0f} m)"),
        ("launch azimuth", f"{s['azimuth_deg']:.1f} deg"),
        ("insertion", f"{s['burnout_time_s']:.0f} s, {s['orbit_altitude_km']:.0f} km orbit "
         f"({s['orbit_period_min']:.1f} min period), burn {s['insertion_delta_v_m_s']:.0f} m/s"),
        ("highest point", f"{s['apogee_km']:,.0f} km at {s['apogee_time_s']:.0f} s"),
        ("braking burn", f"{s['deorbit_time_s']:,.0f} s, {s['deorbit_delta_v_m_s']:.0f} m/s, "
         f"after {s['revolution_fraction']:.2f} of a revolution"),
        ("flight time", f"{s['flight_time_s']:,.0f} s ({s['flight_time_min']:.1f} min)"),
        ("impact", f"{s['impact_latitude_deg']:.3f} deg, {s['impact_longitude_deg']:.3f} deg, "
         f"{s['impact_speed_km_s']:.2f} km/s, {s['arrival_heading']}"),
    ]  # fmt: skip
    _print_pairs(f"{s['class']} from {s['launch_area']} {where}", pairs)


def _print_glide_or_cruise(s: dict[str, Any]) -> None:
    reach = "reaches the target" if s["reachable"] else "does not reach the target"
    pairs = [("route", f"{s['target_range_km']:,.0f} km: {reach}")]
    if s.get("verdict"):
        pairs.append(("verdict", s["verdict"]))
    if s["type"] == "hgv":
        pairs += [
            ("boost", f"burnout {s['burnout_time_s']:.0f} s, pull-up {s['pullup_time_s']:.0f} s"),
            (
                "glide",
                f"{s['glide_altitude_km'][0]:.0f}-{s['glide_altitude_km'][1]:.0f} km, "
                f"{s['glide_speed_km_s'][0]:.2f} -> {s['glide_speed_km_s'][1]:.2f} km/s, "
                f"bank up to {s['max_bank_deg']:.0f} deg",
            ),
            (
                "dive and impact",
                f"dive at {s['dive_time_s']:.0f} s, impact "
                f"{s['flight_time_s']:.0f} s ({s['flight_time_min']:.1f} min), "
                f"miss {s['miss_m']:.0f} m",
            ),
        ]
    else:
        pairs += [
            (
                "cruise",
                f"{s['speed_m_s']:.0f} m/s at {s['cruise_altitude_m']:.0f} m, "
                f"range {s['max_range_km']:,.0f} km",
            ),
            (
                "flight time",
                "-"
                if not s["reachable"]
                else f"{s['flight_time_s']:,.0f} s ({s['flight_time_min']:.1f} min)",
            ),
        ]
    _print_pairs(f"{s['class']} from {s['launch_area']} -> {s['target']}", pairs)


def _print_reconstruction(r: dict[str, Any]) -> None:
    def reach(km: float, global_: bool) -> str:
        return "global reach (over half-way round the Earth)" if global_ else f"{km:,.0f} km"

    pairs = [
        ("fitted to", f"apogee {r['apogee_km']:,.0f} km, range {r['range_km']:,.0f} km"),
        ("fitted payload", f"{r['payload_kg']:,.0f} kg (kick {r['kick_deg']:.3f} deg)"),
        (
            "burnout",
            f"{r['burnout_time_s']:.0f} s, {r['burnout_speed_km_s']:.2f} km/s, "
            f"{r['burnout_altitude_km']:.0f} km",
        ),
        (
            "flight time (physics)",
            f"{r['flight_time_s']:,.0f} s ({r['flight_time_s'] / 60:.1f} min)",
        ),
        (
            "reported flight time",
            "-"
            if r["reported_flight_time_s"] is None
            else f"{r['reported_flight_time_s']:,.0f} s (residual {r['residual_s']:+.0f} s)",
        ),
        ("verdict", r["verdict"]),
        (
            "max range, nominal payload, non-rotating",
            f"{r['max_range_nominal_non_rotating_km']:,.0f} km",
        ),
        (
            "max range, nominal payload, on this bearing",
            reach(r["max_range_nominal_payload_km"], r["global_reach_nominal_payload"]),
        ),
        (
            "max range, fitted payload, on this bearing",
            reach(r["max_range_fitted_payload_km"], r["global_reach_fitted_payload"]),
        ),
    ]
    _print_pairs(f"{r['missile']} reconstructed from {r['launch_area']}", pairs)
