"""The page's inlined assets: plotly.js and the Natural Earth world atlas for the maps.

A report is one file that opens offline, so both are written into the page. plotly.js comes
from the plotly package itself (``plotly.offline.get_plotlyjs``). The maps' land outlines come
from the npm package ``world-atlas`` (Natural Earth 1:110m, ISC licence), which ``make
install`` puts under ``node_modules/``: plotly's ``Scattergeo`` otherwise fetches its
topojson from a CDN and draws a blank map offline. The atlas is offered to plotly through
``window.PlotlyGeoAssets`` as its ``world_110m`` map, with the ``land`` object also given as
``coastlines`` (the object names plotly draws).
"""

import functools
import json
import os
from pathlib import Path

#: Environment variable naming the atlas file (``countries-110m.json``) when it is elsewhere.
ATLAS_ENV = "GOLDENDOME_WORLD_ATLAS"
_ATLAS = Path("node_modules") / "world-atlas" / "countries-110m.json"


def script_safe(text: str) -> str:
    """``text`` made safe inside a ``<script>`` element (no ``</`` to end it early)."""
    return text.replace("</", "<\\/")


@functools.cache
def plotly_js() -> str:
    """The plotly.js bundle that ships with the plotly package (about 4.8 MB)."""
    from plotly.offline import get_plotlyjs

    return script_safe(get_plotlyjs())


def world_atlas_path() -> Path | None:
    """Where the world atlas is: ``$GOLDENDOME_WORLD_ATLAS``, else ``node_modules`` of the
    checkout this package runs from, else of the working folder; None when none exists."""
    given = os.environ.get(ATLAS_ENV)
    if given:
        return Path(given) if Path(given).is_file() else None
    checkout = Path(__file__).resolve().parents[3]
    for root in (checkout, Path.cwd()):
        if (root / _ATLAS).is_file():
            return root / _ATLAS
    return None


@functools.cache
def _geo_assets(path: Path) -> str:
    atlas = json.loads(path.read_text("utf-8"))
    objects = atlas["objects"]
    objects["coastlines"] = objects["land"]
    text = json.dumps({"topojson": {"world_110m": atlas}}, separators=(",", ":"))
    return script_safe(f"window.PlotlyGeoAssets = {text};")


def geo_assets_script(path: Path) -> str:
    """JavaScript that hands plotly the atlas at ``path`` as its ``world_110m`` map."""
    return _geo_assets(path.resolve())
