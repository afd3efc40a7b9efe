"""A year's architecture as a scenario: the scenario's mapping with only what is fielded.

A space layer keeps the satellites in service (a Walker layer with fewer planes when it has
fewer satellites than planes, so every plane holds the same number); a layer with none is
removed, with ``[sbi]`` when it is the interceptor layer. A radar or an interceptor platform
not yet whole is removed with its site; a magazine holds the rounds in service.
"""

import copy
from typing import Any

from goldendome.studies.timeline.elements import TimelineElement


def walker_split(satellites: int, planes: int) -> tuple[int, int]:
    """Satellites and planes of a Walker layer cut to ``satellites``: the most satellites
    that fill at most ``planes`` planes equally (ties: more planes)."""
    best = (0, 1)
    for p in range(1, max(min(planes, satellites), 1) + 1):
        n = p * (satellites // p)
        if n >= best[0]:
            best = (n, p)
    return best


def year_mapping(
    data: dict[str, Any], elements: list[TimelineElement], whole: dict[str, float]
) -> dict[str, Any]:
    """``data`` (a parsed scenario) with only the units in ``whole`` (element -> units)."""
    out = copy.deepcopy(data)
    drop_sites: set[str] = set()
    drop_elements: set[str] = set()
    counts: dict[tuple[str, str], int] = {}
    for el in elements:
        n = int(min(whole[el.name], el.target))
        if el.kind == "space":
            layer = out["space"][el.name]
            if n <= 0 or ("satellites" not in layer and n < el.target):
                del out["space"][el.name]
                drop_elements.add(el.name)
                if out.get("sbi", {}).get("layer") == el.name:
                    del out["sbi"]
            elif "satellites" in layer and n < el.target:
                layer["satellites"], planes = walker_split(n, int(layer.get("planes", 1)))
                if "planes" in layer:
                    layer["planes"] = planes
                    layer["phasing"] = min(int(layer.get("phasing", 0)), planes - 1)
        elif el.kind in ("radar", "platform") and n < 1:
            drop_sites.add(el.name)
        elif el.kind == "magazine":
            site, kind = el.name.rsplit("/", 1)
            counts[(site, kind)] = n
    sites = []
    for site in out.get("sites", []):
        if site["name"] in drop_sites:
            drop_elements.add(site["name"])
            continue
        for battery in site.get("interceptors", []):
            if (site["name"], battery["type"]) in counts:
                battery["count"] = counts[(site["name"], battery["type"])]
        sites.append(site)
    out["sites"] = sites
    econ = out.get("economics", {})
    for table in ("elements", "uncertain"):
        for name in list(econ.get(table, {})):
            if name in drop_elements or name.split("/")[0] in drop_sites:
                del econ[table][name]
    out.pop("timeline", None)
    return out
