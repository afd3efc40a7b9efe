"""The ``[economics]`` table's rule across tables: every element it names is an element of
the scenario (a space layer, a site, a magazine ``"SITE/TYPE"`` or ``c2``).

Run on the parsed file with the other cross-table rules
(:func:`goldendome.scenario.consistency.consistency_problems`), so ``goldendome validate``
names an unknown element together with every other problem.
"""

import difflib
from collections.abc import Iterator, Mapping
from typing import Any

from goldendome.data.errors import Problem
from goldendome.data.shown_values import toml_key
from goldendome.scenario.cost_elements import C2
from goldendome.scenario.fields import entries, tables


def _names(data: Mapping[str, Any]) -> set[str] | None:
    """The scenario's element names, or None when a site's name or types cannot be read."""
    names = {name for name, _ in tables(data, "space")} | {C2}
    for _, site in entries(data, "sites"):
        name = site.get("name")
        if not isinstance(name, str):
            return None
        names.add(name)
        batteries = site.get("interceptors", [])
        if not isinstance(batteries, list):
            return None
        for battery in batteries:
            kind = battery.get("type") if isinstance(battery, Mapping) else None
            if not isinstance(kind, str):
                return None
            names.add(f"{name}/{kind}")
    return names


def economics_problems(data: Mapping[str, Any]) -> Iterator[Problem]:
    """Each element ``[economics.elements]`` or ``[economics.uncertain]`` names that the
    scenario does not hold, with the closest names."""
    econ = data.get("economics")
    if not isinstance(econ, Mapping):
        return
    known = _names(data)
    if known is None:
        return
    for table in ("elements", "uncertain"):
        given = econ.get(table)
        if not isinstance(given, Mapping):
            continue
        for name in given:
            if name in known:
                continue
            close = difflib.get_close_matches(str(name), sorted(known), n=3, cutoff=0.5)
            hint = (
                "closest: " + ", ".join(close) if close else "elements: " + ", ".join(sorted(known))
            )
            rule = "not an element of this scenario (a space layer, a site, 'SITE/TYPE' or c2)"
            yield Problem(f"economics.{table}.{toml_key(str(name))}", None, f"{rule}; {hint}")
