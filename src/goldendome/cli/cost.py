"""``goldendome cost``: what an architecture costs over 20 years, the published estimates,
and the closed-form estimator; ``goldendome frontier``: cost against outcomes.

The closed-form estimator is ``goldendome cost --quick`` rather than a command of its own:
it answers the same question (what a constellation costs) from a handful of numbers, so it
sits beside the scenario's and the presets' answers; every estimator option takes a comma
list, and the estimate is printed for every combination (a design grid).
"""

import itertools
import json
import math
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from goldendome.cli.main import EXIT_BAD_INPUT, app, interrupted_exit

#: ``--quick`` options: option name -> (estimator input, scale from the file unit to SI).
QUICK_OPTIONS: dict[str, tuple[str, float]] = {
    "salvo": ("salvo", 1.0),
    "shots": ("shots_per_missile", 1.0),
    "delta_v_km_s": ("delta_v_m_s", 1e3),
    "acceleration_g": ("acceleration_m_s2", 9.80665),
    "boost_time_s": ("boost_time_s", 1.0),
    "delay_s": ("delay_s", 1.0),
    "orbit_altitude_km": ("orbit_altitude_m", 1e3),
    "latitude_band_deg": ("latitude_band_rad", math.pi / 180.0),
    "unit_cost_musd": ("unit_cost_usd", 1e6),
    "launch_usd_per_kg": ("launch_usd_per_kg", 1.0),
}

Grid = Annotated[str | None, typer.Option(help="With --quick: one value or a comma list.")]


def _fail(message: str) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(EXIT_BAD_INPUT)


def _grid(given: dict[str, str | None]) -> dict[str, list[float]]:
    out = {}
    for name, text in given.items():
        if text is None:
            continue
        try:
            values = [float(part) for part in text.split(",") if part.strip()]
        except ValueError:
            _fail(f"--{name.replace('_', '-')} = {text!r}: expected numbers, e.g. 170,240,300")
        if not values or not all(math.isfinite(v) and v > 0 for v in values):
            _fail(f"--{name.replace('_', '-')} = {text!r}: every value must be a number > 0")
        out[name] = values
    return out


def _quick(grid: dict[str, list[float]], json_out: bool) -> None:
    from goldendome.api import quick_cost_estimate

    rows = []
    names = list(grid)
    for combo in itertools.product(*(grid[n] for n in names)) if names else [()]:
        given = dict(zip(names, combo, strict=True))
        r = quick_cost_estimate(
            **{QUICK_OPTIONS[n][0]: v * QUICK_OPTIONS[n][1] for n, v in given.items()}
        )
        row: dict[str, Any] = {"inputs": given}
        for key in ("fly_out_s", "reach_m", "absentee_ratio", "sbi_count", "sbi_mass_kg"):
            value = float(getattr(r, key))
            row[key] = value if math.isfinite(value) else None
        total = float(r.total_usd)
        row["total_usd"] = total if math.isfinite(total) else None
        rows.append(row)
    if json_out:
        typer.echo(json.dumps(rows, indent=2))
        return
    from goldendome.cli.cost_tables import print_quick

    print_quick(rows, names)


def _presets(name: str | None, json_out: bool) -> None:
    from goldendome import api
    from goldendome.cli.cost_tables import print_preset, print_preset_list

    try:
        names = api.cost_preset_names() if name is None else [name]
        reports = [api.preset_report(api.cost_preset(n)) for n in names]
    except api.ScenarioError as exc:
        _fail(exc.report())
    if json_out:
        typer.echo(json.dumps(reports if name is None else reports[0], indent=2))
    elif name is None:
        print_preset_list(reports)
    else:
        print_preset(reports[0])


@app.command()
def cost(
    scenario: Annotated[
        Path | None, typer.Argument(help="Scenario TOML file; the embedded default if omitted.")
    ] = None,
    base_year: Annotated[
        int | None, typer.Option(help="Dollar year (default: the scenario's [economics]).")
    ] = None,
    years: Annotated[int | None, typer.Option(help="Horizon in years (default 20).")] = None,
    draws: Annotated[
        int | None, typer.Option(help="Draws for P10/P50/P90 (default 10,000).", min=100)
    ] = None,
    preset: Annotated[
        str | None, typer.Option(help="A published estimate rebuilt from its inputs.")
    ] = None,
    list_presets: Annotated[
        bool, typer.Option("--list", help="List the published-estimate presets.")
    ] = False,
    quick: Annotated[
        bool, typer.Option("--quick", help="The closed-form SBI estimator (options below).")
    ] = False,
    salvo: Grid = None,
    shots: Grid = None,
    delta_v_km_s: Grid = None,
    acceleration_g: Grid = None,
    boost_time_s: Grid = None,
    delay_s: Grid = None,
    orbit_altitude_km: Grid = None,
    latitude_band_deg: Grid = None,
    unit_cost_musd: Grid = None,
    launch_usd_per_kg: Grid = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """What an architecture costs over 20 years, by layer, element, category and year."""
    grid = _grid(
        {
            "salvo": salvo,
            "shots": shots,
            "delta_v_km_s": delta_v_km_s,
            "acceleration_g": acceleration_g,
            "boost_time_s": boost_time_s,
            "delay_s": delay_s,
            "orbit_altitude_km": orbit_altitude_km,
            "latitude_band_deg": latitude_band_deg,
            "unit_cost_musd": unit_cost_musd,
            "launch_usd_per_kg": launch_usd_per_kg,
        }
    )
    if grid and not quick:
        given = ", ".join("--" + n.replace("_", "-") for n in grid)
        _fail(f"{given}: estimator options need --quick (goldendome cost --quick {given} ...).")
    if quick:
        _quick(grid, json_out)
        return
    if list_presets or preset is not None:
        _presets(preset, json_out)
        return
    from goldendome import api
    from goldendome.cli.cost_tables import print_scenario_cost
    from goldendome.cli.main import _load

    spec, _ = _load(scenario)
    try:
        report = api.scenario_cost_report(api.scenario_cost(spec, base_year, years, draws))
    except api.ScenarioError as exc:
        _fail(exc.report())
    if json_out:
        typer.echo(json.dumps(report, indent=2))
    else:
        print_scenario_cost(report)


@app.command()
def frontier(
    sources: Annotated[
        list[Path], typer.Argument(help="Scenario files to run, or run folders to read.")
    ],
    runs_dir: Annotated[Path, typer.Option(help="Where run folders are written.")] = Path("runs"),
    trials: Annotated[
        int | None, typer.Option(help="Monte Carlo trials per scenario run.", min=1)
    ] = None,
    workers: Annotated[
        int | None, typer.Option(help="Local Dask worker processes (0: in this process).", min=0)
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Cost against P(zero leakers) and expected leakers over several architectures,
    marking the dominated ones."""
    from goldendome import api
    from goldendome.cli.cost_tables import print_frontier

    try:
        rows = api.frontier(list(sources), runs_dir=runs_dir, trials=trials, workers=workers)
    except (api.ScenarioError, api.RunFolderError, api.BudgetError, api.RunsDirError) as exc:
        _fail(exc.report() if isinstance(exc, api.ScenarioError) else str(exc))
    except KeyboardInterrupt as exc:
        interrupted_exit(exc, f"finished runs are kept under {runs_dir}/.")
    if json_out:
        typer.echo(json.dumps(_json_safe(rows), indent=2))
    else:
        print_frontier(rows)


def _json_safe(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {k: None if isinstance(v, float) and not math.isfinite(v) else v for k, v in r.items()}
        for r in rows
    ]
