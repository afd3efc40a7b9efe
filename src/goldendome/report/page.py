"""The report as one HTML page: sections, figures drawn by the inlined plotly.js, and the
world atlas inlined for the maps. Nothing on the page loads anything from elsewhere.

When every figure has drawn, the page sets ``document.body.dataset.ready = "1"`` (and
``window.reportReady``), which the browser tests and the PDF printer wait for.
"""

import html
from collections.abc import Sequence
from pathlib import Path

import plotly.io as pio

from goldendome.report.assets import geo_assets_script, plotly_js, script_safe
from goldendome.report.section import Section
from goldendome.report.style import CONFIG

CSS = """
body{font-family:system-ui,sans-serif;margin:0;color:#1f2933;background:#f7f8fa}
header{background:#10243e;color:#fff;padding:18px 32px}
header h1{margin:0;font-size:24px} header p{margin:4px 0 0;color:#c8d3e0}
nav{padding:8px 32px;background:#e4e9f0;position:sticky;top:0;z-index:5}
nav a{margin-right:16px;color:#10243e;text-decoration:none;font-weight:600}
main{padding:0 32px 32px;max-width:1200px}
section{background:#fff;margin:20px 0;padding:8px 20px 16px;border-radius:6px;
box-shadow:0 1px 3px rgba(0,0,0,.08);break-inside:avoid-page}
h2{border-bottom:2px solid #e4e9f0;padding-bottom:4px}
.banner{background:#fdecea;border-left:6px solid #c0392b;padding:10px 16px;margin:16px 0}
.missing{color:#8a4b00;font-style:italic}
.headline{font-size:17px}
.figure{margin:12px 0;break-inside:avoid}
table{border-collapse:collapse;margin:12px 0;font-size:13px}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border-bottom:1px solid #e4e9f0;padding:3px 10px;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}
dl.facts{display:grid;grid-template-columns:max-content auto;gap:2px 16px}
dt{font-weight:600} dd{margin:0}
pre{background:#f3f4f6;padding:8px;overflow:auto;font-size:12px;max-height:400px}
footer{color:#52606d;font-size:12px;padding:0 32px 24px}
"""

DRAW = """
(function () {
  var config = %(config)s;
  var jobs = FIGURES.map(function (f) {
    f.figure.layout.template = TEMPLATE;
    return Plotly.newPlot(f.id, f.figure.data, f.figure.layout, config);
  });
  Promise.all(jobs).then(function () {
    window.reportReady = true;
    document.body.dataset.ready = "1";
  });
})();
"""


def _template() -> str:
    """plotly's ``plotly_white`` template as JSON (white background, light grid)."""
    return str(pio.json.to_json_plotly(pio.templates["plotly_white"].to_plotly_json()))


def _section_html(section: Section, first_figure: int, figures: list[str]) -> str:
    parts = [f'<section id="{section.anchor}"><h2>{html.escape(section.title)}</h2>']
    for block in section.blocks:
        if isinstance(block, str):
            parts.append(block)
            continue
        fid = f"figure-{first_figure + len(figures)}"
        figures.append(f'{{"id":"{fid}","figure":{pio.to_json(block, validate=False)}}}')
        height = int(block.layout.height or 400)
        parts.append(f'<div class="figure" id="{fid}" style="height:{height}px"></div>')
    parts.append("</section>")
    return "".join(parts)


def render_page(
    title: str,
    subtitle: str,
    sections: Sequence[Section],
    *,
    banner: str = "",
    atlas: Path | None = None,
    footer: str = "",
) -> tuple[str, int]:
    """The page's HTML and its number of figures.

    Parameters
    ----------
    title, subtitle : str
        The header's lines (plain text).
    sections : sequence of Section
    banner : str
        A warning shown above the sections (plain text; none when empty).
    atlas : Path, optional
        The world atlas, inlined when a figure is a map.
    footer : str
        A closing line (plain text).
    """
    figures: list[str] = []
    body = "".join(_section_html(s, 0, figures) for s in sections)
    nav = "".join(f'<a href="#{s.anchor}">{html.escape(s.title)}</a>' for s in sections)
    geo = atlas is not None and any(
        getattr(t, "type", "") == "scattergeo" for s in sections for f in s.figures for t in f.data
    )
    scripts = [f"<script>{plotly_js()}</script>"]
    if geo and atlas is not None:
        scripts.append(f"<script>{geo_assets_script(atlas)}</script>")
    scripts.append(
        "<script>var FIGURES = ["
        + script_safe(",".join(figures))
        + "];var TEMPLATE = "
        + script_safe(_template())
        + ";"
        + DRAW % {"config": pio.json.to_json_plotly(CONFIG)}
        + "</script>"
    )
    warn = f'<div class="banner">{html.escape(banner)}</div>' if banner else ""
    page = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<link rel="icon" href="data:,"><title>{html.escape(title)}</title>'
        f"<style>{CSS}</style></head><body>"
        f"<header><h1>{html.escape(title)}</h1><p>{html.escape(subtitle)}</p></header>"
        f"<nav>{nav}</nav><main>{warn}{body}</main>"
        f"<footer>{html.escape(footer)}</footer>{''.join(scripts)}</body></html>"
    )
    return page, len(figures)
