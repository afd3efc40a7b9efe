"""The report of a sweep folder (``runs/sweep-<name>/``, written by ``goldendome sweep``):
what was swept, the sensitivity analysis, the Pareto front and the cases.

Read from the folder's ``sweep.json`` and its tables
(:mod:`goldendome.results.schemas.sweep_tables`): ``sweep_cases`` and ``sweep_inputs`` from
the sweep, ``sweep_sobol``, ``sweep_morris`` and ``sweep_pareto`` from ``goldendome sweep
analyze``. A table the folder lacks is named with the command that writes it.
"""

import html
import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from goldendome.report.html_table import facts, table
from goldendome.report.section import Section
from goldendome.report.source import ReportError
from goldendome.report.sweep_figures import morris_figure, pareto_figure, sobol_figure
from goldendome.results.catalog import SWEEP_MANIFEST
from goldendome.results.schemas import TABLES
from goldendome.results.schemas.sweep_tables import SWEEP_TABLES

#: Cases listed on the page.
MAX_CASES = 30


def is_sweep_folder(folder: Path) -> bool:
    """Whether ``folder`` is a sweep's (it holds ``sweep.json``)."""
    return (folder / SWEEP_MANIFEST).is_file()


def read_sweep(folder: Path) -> tuple[dict[str, Any], dict[str, pd.DataFrame]]:
    """A sweep folder's manifest and the sweep tables it holds.

    Raises
    ------
    ReportError
        If the manifest or a table cannot be read.
    """
    try:
        manifest = json.loads((folder / SWEEP_MANIFEST).read_text("utf-8"))
        tables = {
            t.name: pd.read_parquet(folder / f"{t.name}.parquet")
            for t in SWEEP_TABLES
            if (folder / f"{t.name}.parquet").is_file()
        }
    except (OSError, ValueError) as exc:
        raise ReportError(f"{folder}: its sweep files cannot be read ({exc}).") from None
    return manifest, tables


def _inputs_by_case(inputs: pd.DataFrame | None) -> dict[int, str]:
    """Case -> its swept inputs in words (``path = text``)."""
    if inputs is None:
        return {}
    out: dict[int, list[str]] = {}
    for r in inputs.itertuples():
        value = f"{r.value:.4g}" if np.isfinite(r.value) else str(r.text)
        out.setdefault(int(r.case), []).append(f"{r.path} = {value}")
    return {k: ", ".join(v) for k, v in out.items()}


def _drawn_outputs(frame: pd.DataFrame, column: str) -> tuple[list[str], list[str]]:
    """The outputs with a finite ``column`` somewhere, and those without (not drawn)."""
    drawn: list[str] = []
    empty: list[str] = []
    for name, rows in frame.groupby("output", sort=False):
        (drawn if np.isfinite(rows[column].to_numpy(float)).any() else empty).append(str(name))
    return drawn, empty


def sweep_head(folder: Path, manifest: dict[str, Any], tables: dict[str, pd.DataFrame]) -> Section:
    """What was swept: the design, its inputs' ranges, how the cases ended, the sweep file."""
    s = Section("Sweep")
    cases = tables.get("sweep_cases")
    status = (
        ", ".join(f"{n} {k}" for k, n in cases["status"].value_counts().items())
        if cases is not None
        else "-"
    )
    s.html(
        facts(
            [
                ("sweep", str(manifest.get("name", folder.name))),
                ("status", str(manifest.get("status", "-"))),
                ("design", f"{manifest.get('design', '-')}, {manifest.get('cases', '-')} cases"),
                ("cases", status),
                ("trials per case", manifest.get("trials", "-")),
                ("seed", manifest.get("seed", "-")),
                ("base scenario", str(manifest.get("base_scenario", "-"))),
                ("started", str(manifest.get("started_utc", "-"))),
                ("sweep folder", str(folder)),
            ]
        )
    )
    inputs = tables.get("sweep_inputs")
    if inputs is not None and len(inputs):
        spans = inputs.groupby("path", sort=False)["value"].agg(["min", "max", "nunique"])
        s.html(
            table(
                ["input", "lowest", "highest", "values"],
                [[p, r["min"], r["max"], int(r["nunique"])] for p, r in spans.iterrows()],
                "Swept inputs (values in the key's file unit)",
            )
        )
    text = manifest.get("sweep_text")
    if text:
        s.html(
            "<details><summary>Sweep file as run</summary>"
            f"<pre>{html.escape(str(text))}</pre></details>"
        )
    return s


def sensitivity_section(tables: dict[str, pd.DataFrame], name: str) -> Section:
    """Sobol indices (S1 and ST with their intervals) and Morris screening, per output."""
    s = Section("Sensitivity")
    sobol, morris = tables.get("sweep_sobol"), tables.get("sweep_morris")
    if sobol is None and morris is None:
        return s.missing(
            f"the sensitivity analysis ('goldendome sweep analyze {name}' writes it; Sobol "
            "indices need a sobol design, Morris screening a morris one)"
        )
    for frame, column, draw, what in (
        (sobol, "st", sobol_figure, "Sobol indices"),
        (morris, "mu_star", morris_figure, "Morris screening"),
    ):
        if frame is None:
            continue
        drawn, empty = _drawn_outputs(frame, column)
        for output in drawn:
            s.figure(draw(frame, output))
        if empty:
            s.text(
                f"{what}: not drawn for {', '.join(empty)} (no finite value: the output is "
                "the same in every case or its cases failed)."
            )
    if sobol is not None:
        s.text(
            "S1 is the share of an output's variance an input explains alone, ST its share "
            "with every interaction; the bars are 95% bootstrap half-widths (SALib). ST well "
            "above S1 means the input acts through others."
        )
    return s


def pareto_section(tables: dict[str, pd.DataFrame], name: str) -> Section:
    """The Pareto front of cost against P(zero leakers), dominated cases grey."""
    s = Section("Pareto front")
    front = tables.get("sweep_pareto")
    if front is None:
        return s.missing(f"the Pareto front ('goldendome sweep analyze {name}' writes it)")
    cases = tables.get("sweep_cases")
    words = _inputs_by_case(tables.get("sweep_inputs"))
    by_key: dict[str, str] = {}
    if cases is not None:
        by_key = {
            str(k): words.get(int(c), "")
            for c, k in zip(cases["case"], cases["case_key"], strict=True)
        }
    s.figure(pareto_figure(front, by_key))
    on = front[front["on_front"]].sort_values("cost_usd")
    s.html(
        table(
            ["case", "20-year cost $B", "P(zero leakers)", "expected leakers", "inputs"],
            [
                [
                    str(r.case_key),
                    r.cost_usd / 1e9,
                    r.p_zero_leakers,
                    r.expected_leakers,
                    by_key.get(str(r.case_key), ""),
                ]
                for r in on.itertuples()
            ],
            f"The front: {len(on)} of {len(front)} complete cases (no other costs no more "
            "with no lower P(zero leakers))",
        )
    )
    return s


def cases_section(tables: dict[str, pd.DataFrame]) -> Section:
    """The cases with their inputs and outputs (the first :data:`MAX_CASES`)."""
    s = Section("Cases")
    cases = tables.get("sweep_cases")
    if cases is None:
        return s.missing("the cases (sweep_cases)")
    words = _inputs_by_case(tables.get("sweep_inputs"))
    shown = cases.head(MAX_CASES)
    s.html(
        table(
            ["case", "status", "inputs", "P(zero leakers)", "expected leakers", "20-year cost $B"],
            [
                [
                    int(r.case),
                    str(r.status),
                    words.get(int(r.case), ""),
                    r.p_zero_leakers,
                    r.expected_leakers,
                    r.cost_usd / 1e9,
                ]
                for r in shown.itertuples()
            ],
            f"Cases (first {MAX_CASES} of {len(cases)})" if len(cases) > MAX_CASES else "Cases",
        )
    )
    s.html(
        table(
            ["table", "rows", "what it holds"],
            [[n, len(t), TABLES[n].description] for n, t in tables.items()],
            "Stored tables",
        )
    )
    return s


def sweep_sections(folder: Path) -> tuple[dict[str, Any], list[Section]]:
    """The manifest and the sections of a sweep folder's report."""
    manifest, tables = read_sweep(folder)
    name = str(manifest.get("name", folder.name))
    return manifest, [
        sweep_head(folder, manifest, tables),
        sensitivity_section(tables, name),
        pareto_section(tables, name),
        cases_section(tables),
    ]
