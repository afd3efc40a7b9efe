"""Parameters known only as ranges, drawn once per Monte Carlo trial.

A scenario may give a kill probability or a discrimination figure as a distribution instead
of a number: uniform between two values, triangular, or a beta from a test record
("12 of 20": ``Beta(12 + 1, 20 - 12 + 1)``, the posterior of a uniform prior on the chance
of a hit, Laplace's rule; its mean is the rule of succession, 13/22 for 12 of 20). Each
trial draws every ranged parameter once, from its own random stream, in the order of the
parameters' names; the battle manager plans with each parameter's mean (all it can know)
while the trial's truth is the draw. With no range, nothing is drawn and a run is unchanged.
"""

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from goldendome.physics._types import FloatArray


class Distribution(Protocol):
    """A distribution on [0, 1] of one parameter."""

    @property
    def mean(self) -> float:
        """Its mean (the value the battle manager plans with)."""
        ...

    def draw(self, rng: np.random.Generator) -> float:
        """One draw."""
        ...


@dataclass(frozen=True)
class Uniform:
    """Uniform on ``[low, high]``."""

    low: float
    high: float

    @property
    def mean(self) -> float:
        """``(low + high) / 2``."""
        return 0.5 * (self.low + self.high)

    def draw(self, rng: np.random.Generator) -> float:
        """One draw (one uniform)."""
        return float(self.low + (self.high - self.low) * rng.random())


@dataclass(frozen=True)
class Triangular:
    """Triangular on ``[low, high]`` with its peak at ``mode``."""

    low: float
    mode: float
    high: float

    @property
    def mean(self) -> float:
        """``(low + mode + high) / 3``."""
        return (self.low + self.mode + self.high) / 3.0

    def draw(self, rng: np.random.Generator) -> float:
        """One draw (inverse transform of one uniform, so degenerate ranges work too)."""
        a, c, b = self.low, self.mode, self.high
        if b <= a:
            return float(a)
        u, split = rng.random(), (c - a) / (b - a)
        if u < split:
            return float(a + np.sqrt(u * (b - a) * (c - a)))
        return float(b - np.sqrt((1.0 - u) * (b - a) * (b - c)))


@dataclass(frozen=True)
class HitRecord:
    """``hits`` in ``tests``: ``Beta(hits + 1, tests - hits + 1)``."""

    hits: int
    tests: int

    @property
    def mean(self) -> float:
        """``(hits + 1) / (tests + 2)``, the rule of succession."""
        return (self.hits + 1) / (self.tests + 2)

    def draw(self, rng: np.random.Generator) -> float:
        """One draw."""
        return float(rng.beta(self.hits + 1, self.tests - self.hits + 1))


@dataclass(frozen=True)
class RangedParameter:
    """One parameter given as a range: its scenario path and its distribution."""

    name: str
    distribution: Distribution


def draw_parameters(ranges: tuple[RangedParameter, ...], rng: np.random.Generator) -> FloatArray:
    """One trial's draw of every ranged parameter, ``(n_parameter,)`` float64, in the
    order of ``ranges`` (which the run sorts by name)."""
    return np.array([p.distribution.draw(rng) for p in ranges], dtype=np.float64)
