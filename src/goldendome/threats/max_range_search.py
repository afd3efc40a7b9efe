"""The maximum-range kick by golden section, several iterations flown per kernel call.

:func:`goldendome.threats.shaping.minimum_energy_kick` maximizes the full-burn range over
the kick with :func:`goldendome.physics.roots.maximize_on_grid`: a grid scan, then golden
section, each of its ~28 iterations one kernel call of two flights per missile. Each
iteration only halves into one of two brackets known in advance, so the next ``depth``
iterations' points (every bracket they can reach: ``2 (2**depth - 1)`` per missile) can be
flown in one call and the search walked through them afterwards. The points, the values
and hence the result are those of :func:`maximize_on_grid` exactly (the flights are
independent of the batch they are flown in); only the number of calls falls by ``depth``.

The search is a state machine so a caller can fly its points in the same calls as other
work (:mod:`goldendome.threats.aim_newton`), and can stop flying a member's points
(:meth:`GoldenMaximum.freeze`): the aim does so once a range beyond half the Earth's mean
circumference is found (:data:`GLOBAL_REACH_M`). Every target is then in reach, and the
maximum is no range at all: the flight nears orbital speed and the "maximum" the section
closes in on is the kick at which the range runs off round the Earth (a single-RV
Hwasong-17-class from Sunan reaches 26,000 to 38,000 km there, one long flight per point).
"""

import math

import numpy as np

from goldendome.physics._types import BoolArray, FloatArray
from goldendome.physics.constants import R_EARTH_MEAN_M
from goldendome.physics.roots import GOLDEN

#: Golden-section iterations flown per call (``2 (2**depth - 1)`` flights per missile).
DEPTH = 3
#: Ranges past half the mean circumference reach every target (as ``goldendome fly``'s
#: "global reach"), m.
GLOBAL_REACH_M = math.pi * R_EARTH_MEAN_M
#: As :func:`goldendome.physics.roots.maximize_on_grid`'s default.
MAX_ITER = 40


class GoldenMaximum:
    """Golden-section refinement of a grid maximum, ``maximize_on_grid``'s to the bit.

    Parameters
    ----------
    lo, hi : (n,) float64
        The search's bounds.
    grid : (n, m) float64
        The scanned points (``lo`` to ``hi`` per member, as ``maximize_on_grid`` builds it).
    values : (n, m) float64
        The function there (NaN counts as -inf).
    x_tol : float
        Bracket width at which the search stops (when every member's is narrower).
    """

    def __init__(
        self, lo: FloatArray, hi: FloatArray, grid: FloatArray, values: FloatArray, x_tol: float
    ) -> None:
        values = np.where(np.isfinite(values), values, -np.inf)
        k = np.argmax(values, axis=1)
        rows = np.arange(len(k))
        self.best_x, self.best_f = grid[rows, k], values[rows, k]
        step = (hi - lo) / (grid.shape[1] - 1)
        self.a = np.maximum(self.best_x - step, lo)
        self.b = np.minimum(self.best_x + step, hi)
        self.x_tol = x_tol
        self.iterations = 0
        self.done = self._stop()
        self.frozen = np.zeros(len(k), bool)
        self._tree: list[tuple[FloatArray, FloatArray]] = []

    def freeze(self, members: BoolArray) -> None:
        """Stop flying these members' points: their values count as missing (-inf), so
        their best stays as it is; the others' iterations are unchanged."""
        self.frozen |= members

    def _stop(self) -> bool:
        return self.iterations >= MAX_ITER or bool(np.all(self.b - self.a < self.x_tol))

    def points(self) -> FloatArray:
        """The points of the next ``DEPTH`` iterations, (n, 2 (2**DEPTH - 1)): per tree node
        (level by level, left branch first) its two interior points."""
        self._tree = []
        level = [(self.a, self.b)]
        out = []
        for _ in range(DEPTH):
            nxt = []
            for a, b in level:
                c = b - GOLDEN * (b - a)
                d = a + GOLDEN * (b - a)
                self._tree.append((a, b))
                out += [c, d]
                nxt += [(a, d), (c, b)]
            level = nxt
        return np.stack(out, axis=1)

    def update(self, values: FloatArray) -> None:
        """Walk the iterations through the flown ``values`` (n, 2 (2**DEPTH - 1))."""
        values = np.nan_to_num(values, nan=-np.inf)
        n = values.shape[0]
        rows = np.arange(n)
        node = np.zeros(n, np.int64)  # each member's node in the tree (heap order)
        for _ in range(DEPTH):
            if self._stop():
                break
            a, b = self.a, self.b
            c = b - GOLDEN * (b - a)
            d = a + GOLDEN * (b - a)
            fc, fd = values[rows, 2 * node], values[rows, 2 * node + 1]
            for x, fx in ((c, fc), (d, fd)):
                better = fx > self.best_f
                self.best_x = np.where(better, x, self.best_x)
                self.best_f = np.where(better, fx, self.best_f)
            left = fc >= fd
            self.b = np.where(left, d, b)
            self.a = np.where(left, a, c)
            node = 2 * node + np.where(left, 1, 2)
            self.iterations += 1
        self.done = self._stop()

    def result(self) -> tuple[FloatArray, FloatArray]:
        """``(x_best, f_best)`` as ``maximize_on_grid`` returns them."""
        return self.best_x, np.where(np.isfinite(self.best_f), self.best_f, np.nan)


__all__ = ["DEPTH", "GoldenMaximum"]
