"""``goldendome leak``: layered leakage in closed form (the analytic tier)."""

import json
from typing import Annotated, Any

import typer

from goldendome.cli.checks import number
from goldendome.cli.main import EXIT_BAD_INPUT, app

_PROBABILITY = number(0, 1, why="a probability")
_CORRELATION = number(0, 1, why="a correlation of shot outcomes")


def _looks(text: str) -> tuple[int, ...]:
    try:
        looks = tuple(int(part) for part in text.split("+"))
    except ValueError:
        typer.echo(
            f"--shots {text!r}: expected a whole number of shots, or looks joined by '+' "
            "(e.g. 4, or 2+2 for shoot-look-shoot).",
            err=True,
        )
        raise typer.Exit(EXIT_BAD_INPUT) from None
    return looks


def leak_report(
    sspk: list[float],
    shots: list[str],
    warheads: int,
    survivor_seen: float,
    false_alive: float,
    correlation: list[float] | None = None,
) -> dict[str, Any]:
    """The analytic tier's answer as a JSON-ready dictionary (raises ValueError on bad input).

    ``correlation``: per layer (or one for all), the correlation of two shots' outcomes of
    that layer's type in one raid (:mod:`goldendome.engagement.correlated`); none or all zero
    is the independent closed form.
    """
    from goldendome.api import CorrelatedLeakage, Layer, Leakage

    if len(shots) not in (1, len(sspk)):
        raise ValueError(
            f"{len(sspk)} --sspk values and {len(shots)} --shots values: give one --shots for "
            "all layers or one per layer, in the same order."
        )
    rho = correlation or [0.0]
    if len(rho) not in (1, len(sspk)):
        raise ValueError(
            f"{len(sspk)} --sspk values and {len(rho)} --correlation values: give one "
            "--correlation for all layers or one per layer, in the same order."
        )
    shots = shots * len(sspk) if len(shots) == 1 else shots
    rho = rho * len(sspk) if len(rho) == 1 else rho
    layers = tuple(
        Layer(p, _looks(s), survivor_seen, false_alive, name=f"layer {k + 1}")
        for k, (p, s) in enumerate(zip(sspk, shots, strict=True))
    )
    leak: Any = Leakage(layers, warheads)
    survival = leak.layer_survival
    if any(rho):
        leak = CorrelatedLeakage(layers, warheads, tuple(rho))
        survival = leak.layer_survival()
    fired = leak.expected_shots()
    kills = leak.kills_by_layer()
    return {
        "warheads": warheads,
        "survivor_seen": survivor_seen,
        "false_alive": false_alive,
        "layers": [
            {
                "layer": layer.name,
                "sspk": layer.sspk,
                "shots_per_look": list(layer.shots),
                "correlation": r,
                "p_survive_layer": s,
                "expected_kills": k,
                "expected_interceptors": f,
            }
            for layer, r, s, k, f in zip(layers, rho, survival, kills, fired, strict=True)
        ],
        "p_kill_per_warhead": 1.0 - leak.p_leak,
        "p_zero_leakers": leak.p_zero_leakers,
        "p_at_least_one_leaker": 1.0 - leak.p_zero_leakers,
        "expected_leakers": leak.expected_leakers,
        "expected_interceptors": sum(fired),
    }


@app.command()
def leak(
    sspk: Annotated[
        list[float],
        typer.Option(
            help="Single-shot kill probability; repeat for each layer.", callback=_PROBABILITY
        ),
    ],
    shots: Annotated[
        list[str],
        typer.Option(help="Shots per warhead (4), or per look (2+2); repeat for each layer."),
    ],
    warheads: Annotated[int, typer.Option(help="Warheads in the raid.", min=0, max=1_000_000)] = 1,
    survivor_seen: Annotated[
        float,
        typer.Option(
            help="Kill assessment: chance a survivor is seen alive (1: perfect).",
            callback=_PROBABILITY,
        ),
    ] = 1.0,
    false_alive: Annotated[
        float,
        typer.Option(
            help="Kill assessment: chance a killed warhead is taken for alive.",
            callback=_PROBABILITY,
        ),
    ] = 0.0,
    correlation: Annotated[
        list[float] | None,
        typer.Option(
            help="Correlation of two shots' outcomes of a layer's type in one raid (a shared "
            "flaw or C2 failure; 0: independent); repeat for each layer or give one.",
            callback=_CORRELATION,
        ),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Chance that warheads leak through layered shots, in closed form (independent shots,
    or correlated within each layer's type with --correlation)."""
    try:
        report = leak_report(sspk, shots, warheads, survivor_seen, false_alive, correlation)
    except ValueError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    if json_out:
        typer.echo(json.dumps(report, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    correlated = any(row["correlation"] for row in report["layers"])
    shots_are = "correlated shots" if correlated else "independent shots"
    table = Table(title=f"Layered leakage, {warheads} warhead(s), {shots_are}")
    columns = ["layer", "sspk", "shots per look", "P(survive)", "kills", "interceptors"]
    if correlated:
        columns.insert(3, "correlation")
    for col in columns:
        table.add_column(col, justify="right")
    for row in report["layers"]:
        extra = [f"{row['correlation']:.2f}"] if correlated else []
        table.add_row(
            row["layer"],
            f"{row['sspk']:.4f}",
            "+".join(str(s) for s in row["shots_per_look"]),
            *extra,
            f"{row['p_survive_layer']:.4f}",
            f"{row['expected_kills']:.3f}",
            f"{row['expected_interceptors']:.2f}",
        )
    console = Console()
    console.print(table)
    console.print(
        f"P(kill) per warhead {report['p_kill_per_warhead']:.4f}; "
        f"P(zero leakers) {report['p_zero_leakers']:.4f}; "
        f"expected leakers {report['expected_leakers']:.3f}; "
        f"expected interceptors {report['expected_interceptors']:.2f}."
    )
