"""A sweep's cases from its design: full grid, Latin hypercube, Sobol (Saltelli's scheme on a
Sobol sequence, so Sobol indices can be computed), Morris trajectories, or one at a time.

Samplers come from SciPy (``scipy.stats.qmc.LatinHypercube``) and SALib (``SALib.sample.
sobol``, ``SALib.sample.morris``), each seeded from the sweep's seed, so the same file gives
the same cases. Every case keeps its point in the unit cube (``unit``), which the analysis
hands back to SALib; a value is mapped from it by :meth:`Parameter.at`.
"""

import itertools
import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from goldendome.run.sweeps.spec import SweepSpec


@dataclass(frozen=True)
class DesignCase:
    """One row of a design: its index, the value of each swept path (a path left out keeps
    the base scenario's value: one-at-a-time designs) and its point in the unit cube (NaN
    where the design has none)."""

    index: int
    values: dict[str, Any]
    unit: tuple[float, ...]


def unit_problem(spec: SweepSpec) -> dict[str, Any]:
    """The SALib problem of a sweep: every parameter on [0, 1], named by its path."""
    names = [p.path for p in spec.parameters]
    return {"num_vars": len(names), "names": names, "bounds": [[0.0, 1.0]] * len(names)}


def _from_unit(spec: SweepSpec, x: np.ndarray) -> list[DesignCase]:
    params = spec.parameters
    return [
        DesignCase(
            i,
            {p.path: p.at(float(u)) for p, u in zip(params, row, strict=True)},
            tuple(float(u) for u in row),
        )
        for i, row in enumerate(x)
    ]


def _grid(spec: SweepSpec) -> list[DesignCase]:
    axes = [p.points() for p in spec.parameters]
    units = [[k / max(len(a) - 1, 1) for k in range(len(a))] for a in axes]
    out = []
    for i, combo in enumerate(itertools.product(*(range(len(a)) for a in axes))):
        values = {
            p.path: axes[d][k] for d, (p, k) in enumerate(zip(spec.parameters, combo, strict=True))
        }
        out.append(DesignCase(i, values, tuple(units[d][k] for d, k in enumerate(combo))))
    return out


def _one_at_a_time(spec: SweepSpec) -> list[DesignCase]:
    n = len(spec.parameters)
    out = [DesignCase(0, {}, (math.nan,) * n)]
    for d, p in enumerate(spec.parameters):
        points = p.points()
        for k, value in enumerate(points):
            unit = [math.nan] * n
            unit[d] = k / max(len(points) - 1, 1)
            out.append(DesignCase(len(out), {p.path: value}, tuple(unit)))
    return out


def design_cases(spec: SweepSpec) -> list[DesignCase]:
    """Every case of the sweep's design, in design order.

    Returns
    -------
    list of DesignCase
        grid: the product of the parameters' points; lhs: ``samples`` cases; sobol:
        ``samples x (D + 2)`` (first-order and total indices); morris: ``samples x (D + 1)``;
        oat: the base scenario, then each parameter over its points with the others as in
        the base scenario.
    """
    kind, n = spec.design.kind, spec.design.samples
    if kind == "grid":
        return _grid(spec)
    if kind == "oat":
        return _one_at_a_time(spec)
    rng = np.random.default_rng(spec.seed)
    d = len(spec.parameters)
    if kind == "lhs":
        from scipy.stats import qmc

        return _from_unit(spec, qmc.LatinHypercube(d=d, seed=rng).random(n))
    if kind == "sobol":
        from SALib.sample import sobol

        x = sobol.sample(unit_problem(spec), n, calc_second_order=False, seed=rng)
        return _from_unit(spec, np.clip(x, 0.0, 1.0))
    from SALib.sample import morris

    x = morris.sample(unit_problem(spec), n, num_levels=spec.design.levels, seed=spec.seed % 2**32)
    return _from_unit(spec, np.clip(x, 0.0, 1.0))
