"""Make a report: from a run folder (path or id) to one offline HTML page, or a PDF of it.

:func:`build_report` reads the folder and lays out the page; :func:`write_report` writes it
(by default as ``report.html`` in the run folder). Nothing here reruns any physics: every
number and figure comes from the stored tables and manifest.
"""

import os
from dataclasses import dataclass
from pathlib import Path

import plotly

from goldendome.report import run_figure_sections as rf
from goldendome.report import run_sections as rs
from goldendome.report.assets import world_atlas_path
from goldendome.report.pdf import print_pdf
from goldendome.report.section import Section
from goldendome.report.source import ReportError, ReportSource, open_source, resolve_folder
from goldendome.report.strategy_sections import is_strategy_study, strategy_sections
from goldendome.report.study_sections import study_sections, tables_section
from goldendome.report.sweep_sections import is_sweep_folder, sweep_sections

#: Formats :func:`write_report` writes.
FORMATS = ("html", "pdf")
#: Tables the run report draws or quotes (the rest are listed as stored).
DRAWN = {
    "layers",
    "threats",
    "sites",
    "defended_assets",
    "trials",
    "trial_parameters",
    "engagements",
    "objects",
    "interceptor_types",
    "batteries",
    "threat_timelines",
    "sbi_threats",
    "trajectories",
    "site_coverage",
    "boost_windows",
    "cost",
    "cost_elements",
    "cost_estimate",
}


@dataclass(frozen=True)
class Report:
    """A report laid out: its page, its figures' count, its sections' titles, the folder it
    was made from, and its source (None for a sweep folder, which is not a run folder)."""

    html: str
    figures: int
    sections: tuple[str, ...]
    source: ReportSource | None
    folder: Path


def _banner(src: ReportSource) -> str:
    if src.complete:
        return ""
    return (
        f"This run is {src.state.sentence()}. The report shows what its folder stored; "
        "sections it did not reach say so."
    )


def _sections(src: ReportSource, atlas: bool) -> list[Section]:
    if is_strategy_study(src):
        sections, drawn = strategy_sections(src)
        return [*sections, tables_section(src.run, drawn)]
    if src.kind != "run":
        return [*study_sections(src, atlas), tables_section(src.run, set())]
    outcome, kill_chain = rs.outcome_section(src)
    optional = [rf.sbi_section(src), rf.cost_section(src, kill_chain)]
    return [
        rs.scenario_section(src),
        outcome,
        rf.timeline_section(src),
        rf.map_section(src, atlas),
        *(s for s in optional if s is not None),
        tables_section(src.run, DRAWN),
    ]


def build_report(run: str | Path, runs_dir: str | Path = "runs") -> Report:
    """Lay out the report of a run folder.

    Parameters
    ----------
    run : str or Path
        A run folder (or a sweep's), or its name (or the unique start of one) under
        ``runs_dir``.
    runs_dir : str or Path
        Where run folders named by id are looked for.

    Raises
    ------
    ReportError
        If the folder cannot be found or read.
    """
    from goldendome.report.page import render_page

    folder = resolve_folder(run, runs_dir)
    if is_sweep_folder(folder):
        return _sweep_report(folder)
    src = open_source(folder, runs_dir)
    atlas = world_atlas_path()
    sections = _sections(src, atlas is not None)
    what = "run" if src.kind == "run" else f"{src.kind} study"
    page, n = render_page(
        f"goldendome report: {src.run.manifest.get('scenario_name', src.run.path.name)}",
        f"{what} {src.run.path.name}, {src.state.sentence()}",
        sections,
        banner=_banner(src),
        atlas=atlas,
        footer=(
            f"Made by 'goldendome report' from the stored run folder {src.run.path} alone; "
            f"nothing was rerun. plotly.js {plotly.__version__} (MIT) and the Natural Earth "
            "atlas of world-atlas (ISC) are inlined: the page opens offline."
        ),
    )
    return Report(page, n, tuple(s.title for s in sections), src, src.run.path)


def _sweep_report(folder: Path) -> Report:
    """The report of a sweep folder (:mod:`goldendome.report.sweep_sections`)."""
    from goldendome.report.page import render_page

    manifest, sections = sweep_sections(folder)
    page, n = render_page(
        f"goldendome report: sweep {manifest.get('name', folder.name)}",
        f"{manifest.get('design', '')} sweep {folder.name}, {manifest.get('status', '-')}",
        sections,
        footer=(
            f"Made by 'goldendome report' from the stored sweep folder {folder} alone; nothing "
            f"was rerun. plotly.js {plotly.__version__} (MIT) is inlined: the page opens "
            "offline."
        ),
    )
    return Report(page, n, tuple(s.title for s in sections), None, folder)


def write_report(
    run: str | Path,
    out: str | Path | None = None,
    *,
    runs_dir: str | Path = "runs",
    format: str = "html",
) -> Path:
    """Write the report of a run folder and return where it went.

    Parameters
    ----------
    run : str or Path
        A run folder, or its id under ``runs_dir``.
    out : str or Path, optional
        The file to write; ``report.html`` (or ``report.pdf``) in the run folder if omitted.
    runs_dir : str or Path
    format : {"html", "pdf"}
        PDF prints the page with headless Chromium (:mod:`goldendome.report.pdf`).

    Raises
    ------
    ReportError
        If the folder cannot be read, the format is unknown, the file cannot be written or
        (PDF) Chromium is missing.
    """
    if format not in FORMATS:
        raise ReportError(f"--format {format!r}: unknown; give one of {', '.join(FORMATS)}.")
    report = build_report(run, runs_dir)
    target = Path(out) if out is not None else report.folder / f"report.{format}"
    if target.is_dir():
        raise ReportError(
            f"--out {target}: is a folder; give a file name, e.g. {target / ('report.' + format)}."
        )
    if not target.parent.is_dir():
        raise ReportError(f"--out {target}: its folder {target.parent}/ does not exist.")
    try:
        if format == "html":
            tmp = target.with_name(f".{target.name}.tmp")
            tmp.write_text(report.html, "utf-8")
            os.replace(tmp, target)
        else:
            print_pdf(report.html, target)
    except OSError as exc:
        raise ReportError(
            f"--out {target}: cannot be written ({exc.strerror or exc}); choose another file "
            "with --out."
        ) from None
    return target
