"""``goldendome size``: how many space-based interceptors a salvo takes."""

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from goldendome.cli.main import EXIT_BAD_INPUT, app, interrupted_exit


def _numbers(text: str | None, name: str, kind: type = float) -> list[Any] | None:
    if text is None:
        return None
    try:
        return [kind(part) for part in text.split(",") if part.strip()]
    except ValueError:
        typer.echo(f"{name} = {text!r}: expected comma-separated numbers, e.g. 300,400,500")
        raise typer.Exit(EXIT_BAD_INPUT) from None


def _from_scenario(path: Path) -> dict[str, Any]:
    """The kill vehicle, rule and first raid entry of a scenario, as sizing values; a
    scenario with problems exits with code 2, every problem listed."""
    from goldendome.api import ScenarioError, parse_toml, read_scenario

    try:
        _, text = read_scenario(path)  # the whole scenario validated, every problem named
    except ScenarioError as exc:
        typer.echo(exc.report(), err=True)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    data = parse_toml(text, str(path))  # as read: a byte-order mark, nesting checked
    values: dict[str, Any] = {}
    sbi = dict(data.get("sbi", {}))
    sbi.pop("layer", None)
    values["sbi"] = sbi
    raid = data.get("threats", {}).get("raid", [])
    if raid:
        values.update({k: raid[0][k] for k in ("class", "from", "to") if k in raid[0]})
        if "class" in values:
            values["threat"] = values.pop("class")
    return values


def _list_presets(json_out: bool) -> None:
    from goldendome.api.studies import sizing_presets

    presets = sizing_presets()
    if json_out:
        typer.echo(json.dumps(presets, indent=2))
        return
    for p in presets:
        typer.echo(f"{p['name']}: {p['label']}")
        typer.echo(f"  published: {p['published_claim']}")
        typer.echo(f"  source: {p['published_source']}")


@app.command()
def size(
    salvo: Annotated[int | None, typer.Option(help="Simultaneous launches.")] = None,
    shots: Annotated[int | None, typer.Option(help="Shots each missile must get.")] = None,
    confidence: Annotated[
        float | None, typer.Option(help="Share of launch times that must be covered (0-1].")
    ] = None,
    threat: Annotated[str | None, typer.Option(help="Threat class (ballistic).")] = None,
    launch_area: Annotated[str | None, typer.Option("--from", help="Launch area.")] = None,
    target: Annotated[str | None, typer.Option("--to", help="Target the salvo aims at.")] = None,
    altitudes_km: Annotated[str | None, typer.Option(help="Altitudes to search, km.")] = None,
    inclinations_deg: Annotated[str | None, typer.Option(help="Inclinations, deg.")] = None,
    planes: Annotated[str | None, typer.Option(help="Plane counts to search.")] = None,
    launch_times: Annotated[int | None, typer.Option(help="Launch times over a day.")] = None,
    delta_v_km_s: Annotated[float | None, typer.Option(help="Interceptor delta-v.")] = None,
    acceleration_g: Annotated[float | None, typer.Option(help="Interceptor acceleration.")] = None,
    detection_delay_s: Annotated[float | None, typer.Option(help="Launch to detection.")] = None,
    decision_delay_s: Annotated[float | None, typer.Option(help="Detection to launch.")] = None,
    scenario: Annotated[
        Path | None, typer.Option(help="Take the kill vehicle, rule and threat from a scenario.")
    ] = None,
    preset: Annotated[
        str | None,
        typer.Option(
            help="Pose a published study's question from its stated inputs and print its "
            "figure beside the answer: aps-2003, cbo-2026 ('list' describes them). Other "
            "options change the preset's values."
        ),
    ] = None,
    runs_dir: Annotated[Path, typer.Option(help="Where run folders are written.")] = Path("runs"),
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """How many SBIs give each missile of a salvo k shots: search altitude, inclination, planes."""
    from goldendome.api import (
        RunsDirError,
        ScenarioError,
        check_runs_dir,
        size_constellation_report,
    )

    if preset == "list":
        _list_presets(json_out)
        return
    try:
        check_runs_dir(runs_dir)
    except RunsDirError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(EXIT_BAD_INPUT) from None

    values: dict[str, Any] = _from_scenario(scenario) if scenario is not None else {"sbi": {}}
    given = {
        "salvo": salvo,
        "shots": shots,
        "confidence": confidence,
        "threat": threat,
        "from": launch_area,
        "to": target,
        "altitudes_km": _numbers(altitudes_km, "--altitudes-km"),
        "inclinations_deg": _numbers(inclinations_deg, "--inclinations-deg"),
        "planes": _numbers(planes, "--planes", int),
        "launch_times": launch_times,
    }
    values.update({k: v for k, v in given.items() if v is not None})
    kv = {
        "delta_v_km_s": delta_v_km_s,
        "acceleration_g": acceleration_g,
        "detection_delay_s": detection_delay_s,
        "decision_delay_s": decision_delay_s,
    }
    values["sbi"].update({k: v for k, v in kv.items() if v is not None})
    from goldendome.cli.progress import rich_progress

    try:
        with rich_progress() as progress:
            report = size_constellation_report(values, progress, runs_dir=runs_dir, preset=preset)
    except ScenarioError as exc:
        typer.echo(exc.report())
        raise typer.Exit(EXIT_BAD_INPUT) from None
    except KeyboardInterrupt as exc:
        interrupted_exit(
            exc,
            f"the shells searched so far are kept in the run folder under {runs_dir}/ "
            "(manifest status 'interrupted').",
        )
    except OSError as exc:
        typer.echo(
            f"Could not write the run folder under {runs_dir}/: {exc.strerror or exc}.", err=True
        )
        raise typer.Exit(1) from None
    if json_out:
        typer.echo(json.dumps(report, indent=2))
        return
    from goldendome.cli.size_tables import print_sizing

    print_sizing(report)
    typer.echo(f"Run folder: {report['run_folder']}", err=True)
