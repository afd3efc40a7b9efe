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

import numpy as np

from goldendome.engagement.ranges import RangedParameter
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
        for j, b in enumerate(site.interceptors):
            rows.append(
                [
                    at.get(
                        f"sites[{i}].interceptors[{j}].{kind}",
                        at.get(f"interceptor_types.{b.type}.{kind}", -1),
                    )
                    for kind in _KINDS
                ]
            )
    batteries = np.array(rows, np.int64).reshape(-1, 2)
    stage = "discrimination.spent_stage.told_probability"
    return RangeIndex(
        ranges=ranges,
        sbi=at.get("sbi.sspk", -1),
        batteries=batteries if (batteries >= 0).any() else None,
        calls=tuple((at[n], p) for n, p in model_path.items() if p[0] != "spent_stage"),
        stage=at.get(stage, -1),
    )
