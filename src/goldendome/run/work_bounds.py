"""The bounds the streamed stages keep to, shared with the memory budget.

The stages (:mod:`goldendome.run.layers`, :mod:`goldendome.run.boost_tracks`,
:mod:`goldendome.run.stages.boost`) and the budget model (:mod:`goldendome.run.footprint`)
read these from here, so checking a run's memory before it starts imports neither the
orbit, flight and interceptor models nor SciPy and numba.
"""

import numpy as np

from goldendome.physics._types import IntArray

#: Most bytes of positions a streamed block holds (:meth:`goldendome.run.layers.SpaceLayer.blocks`).
BLOCK_BYTES = 8 * 2**20
#: Most bytes of SBI positions the boost stage streams at once.
BOOST_BLOCK_BYTES = 32 * 2**20
#: Sampling of boost-phase tracks, seconds (a solid ICBM climbs ~2 km/s near burnout).
BOOST_STEP_S = 1.0


def merged_intervals(lo: IntArray, hi: IntArray) -> list[tuple[int, int]]:
    """The union of half-open integer intervals ``[lo, hi)`` as sorted disjoint intervals.

    Parameters
    ----------
    lo, hi : (n,) int64
        Interval starts and ends (``hi <= lo`` is an empty interval).

    Returns
    -------
    list of (int, int)
        Disjoint intervals in increasing order, touching ones joined.
    """
    order = np.argsort(lo, kind="stable")
    out: list[tuple[int, int]] = []
    for a, b in zip(lo[order].tolist(), hi[order].tolist(), strict=True):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        elif b > a:
            out.append((a, b))
    return out
