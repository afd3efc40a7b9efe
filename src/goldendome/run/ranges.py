"""The parameters a scenario gives as ranges, collected for the trials to draw.

Every range of a scenario (:mod:`goldendome.scenario.ranges`) becomes one
:class:`~goldendome.engagement.ranges.RangedParameter` named by its scenario path, sorted by
name: the SBI's kill probability (``sbi.sspk``), an interceptor type's
(``interceptor_types.gbi.sspk_rv``), a battery's own
(``sites[0].interceptors[0].sspk_rv``, which takes precedence over its type's), and the
discrimination figures (``discrimination.sensor_class.radar_x_band.ceiling``). The kill
chain's setup then knows which draw each battery, the SBIs and the discrimination model
take (:class:`RangeIndex`).
"""

from dataclasses import dataclass
from typing import Any

import numpy as np

from goldendome.engagement.ranges import RangedParameter
from goldendome.interceptors.ground_based import interceptor_types
from goldendome.physics._types import IntArray
from goldendome.scenario.ranges import RangeSpec
from goldendome.scenario.spec import ScenarioSpec

_KINDS = ("sspk_rv", "sspk_decoy")


@dataclass(frozen=True)
class RangeIndex:
    """Where each ranged parameter goes (indices into ``ranges``; -1: a point value)."""

    ranges: tuple[RangedParameter, ...]
    sbi: int
    batteries: IntArray | None  # (n_battery, 2): SSPK against an RV, a decoy
    calls: tuple[tuple[int, tuple[str, ...]], ...]
    stage: int

    @property
    def names(self) -> list[str]:
        """The parameters' scenario paths, in draw order."""
        return [p.name for p in self.ranges]


def battery_kill_probability(
    spec: ScenarioSpec, site: int, entry: int, key: str
) -> tuple[Any, str | None]:
    """What the scenario gives for battery ``entry`` of site ``site``'s ``key``
    (``sspk_rv`` or ``sspk_decoy``), and the scenario path it comes from: the battery's own
    value, else its type's (``[interceptor_types]``); a decoy figure given nowhere follows
    the RV figure when the catalog has them equal (its ``[DECOY]`` assumption: a decoy the
    defense engages is as easy to hit), so both take the same draw. ``(None, None)``: the
    catalog's value."""
    b = spec.sites[site].interceptors[entry]
    own = getattr(b, key)
    if own is not None:
        return own, f"sites[{site}].interceptors[{entry}].{key}"
    by_type = spec.interceptor_types.get(b.type)
    given = None if by_type is None else getattr(by_type, key)
    if given is not None:
        return given, f"interceptor_types.{b.type}.{key}"
    catalog = interceptor_types()[b.type]
    if key == "sspk_decoy" and catalog.sspk_decoy == catalog.sspk_rv:
        return battery_kill_probability(spec, site, entry, "sspk_rv")
    return None, None


def range_index(spec: ScenarioSpec) -> RangeIndex:
    """Every range of ``spec``, sorted by scenario path, and where each goes.

    Batteries are numbered as the run builds them: each site's ``interceptors`` in order.
    """
    found: dict[str, RangeSpec] = {}
    if spec.sbi is not None and isinstance(spec.sbi.sspk, RangeSpec):
        found["sbi.sspk"] = spec.sbi.sspk
    for name, settings in spec.interceptor_types.items():
        for kind in _KINDS:
            value = getattr(settings, kind)
            if isinstance(value, RangeSpec):
                found[f"interceptor_types.{name}.{kind}"] = value
    for i, site in enumerate(spec.sites):
        for j, b in enumerate(site.interceptors):
            for kind in _KINDS:
                value = getattr(b, kind)
                if isinstance(value, RangeSpec):
                    found[f"sites[{i}].interceptors[{j}].{kind}"] = value
    model_path = {}
    for name, path, value in spec.discrimination.ranged():
        found[name] = value
        model_path[name] = path
    names = sorted(found)
    at = {n: k for k, n in enumerate(names)}
    ranges = tuple(RangedParameter(n, found[n].build()) for n in names)
    rows = []
    for i, site in enumerate(spec.sites):
        for j in range(len(site.interceptors)):
            where = [battery_kill_probability(spec, i, j, kind) for kind in _KINDS]
            rows.append([at.get(path, -1) if path else -1 for _, path in where])
    batteries = np.array(rows, np.int64).reshape(-1, 2)
    stage = "discrimination.spent_stage.told_probability"
    return RangeIndex(
        ranges=ranges,
        sbi=at.get("sbi.sspk", -1),
        batteries=batteries if (batteries >= 0).any() else None,
        calls=tuple((at[n], p) for n, p in model_path.items() if p[0] != "spent_stage"),
        stage=at.get(stage, -1),
    )
